// Bytes -> text for a page, with a typed error that names the file for what is not text (#2, #7).
import { PageError } from "../errors";

/** Offset of the first byte that is not well-formed UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0 || i + need >= bytes.length) return i;
    const b1 = bytes[i + 1]!;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function decodePage(bytes: Uint8Array, source: string): string {
  // UTF-16 with a byte order mark is text, just not UTF-8.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new PageError(source, "is a binary file (it holds NUL bytes), not a markdown page", "point --file at a .md file", lineAt(bytes, nul));
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    throw new PageError(source, "is not valid UTF-8", "save the page as UTF-8", lineAt(bytes, bad));
  }
  return new TextDecoder("utf-8").decode(bytes);
}
