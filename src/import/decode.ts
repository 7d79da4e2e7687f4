// A bookmark file's bytes as text (#28). Pure. Browsers write UTF-8 (with or without a BOM), but
// a file saved by a Windows tool may be UTF-16 with a BOM, and older exports (IE, old Netscape
// and Firefox profiles) are in the system's code page, named by the <META> charset the format
// carries. As HTML is read: a BOM wins; then valid UTF-8 is UTF-8 (a file re-saved as UTF-8 keeps
// its old META); else the META's charset, else Windows-1252 (HTML's default for such bytes).
import { invalidUtf8Offset } from "../io/decode";

/** How far into the file a <META> charset is looked for (HTML's prescan reads 1024 bytes; exports put comments first). */
const PRESCAN = 4096;

/** The charset a <META> in the file's head names, as a TextDecoder label, or undefined. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = windows1252(bytes.subarray(0, PRESCAN));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const label = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(meta)?.[1];
    if (!label) continue;
    try {
      const encoding = new TextDecoder(label).encoding;
      // A META cannot truly say UTF-16 of bytes it is readable in as ASCII (HTML reads it as UTF-8).
      return encoding.startsWith("utf-16") ? undefined : encoding;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

// Windows-1252's characters for 0x80-0x9F (the rest is Latin-1); Node 20's TextDecoder reads
// "windows-1252" (and latin1, iso-8859-1, ascii: the same encoding in HTML) as Latin-1, so that
// curly quotes, dashes and "€" would become C1 controls.
const CP1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function windows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

export function decodeBookmarkFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (invalidUtf8Offset(bytes) < 0) return new TextDecoder("utf-8").decode(bytes);
  const charset = metaCharset(bytes) ?? "windows-1252";
  return charset === "windows-1252" ? windows1252(bytes) : new TextDecoder(charset).decode(bytes);
}
