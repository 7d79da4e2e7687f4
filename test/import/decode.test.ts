// A bookmark file's bytes as text (#28): UTF-8 with or without a BOM, UTF-16 with a BOM (as some
// Windows tools save it), and the charset its <META> names (old exports in Windows-1252).
import { describe, expect, it } from "vitest";
import { decodeBookmarkFile } from "../../src/import/decode";

const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
};
const bytes = (...parts: (string | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

const FILE = '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n<DL><p><DT><A HREF="https://x.example/">Café ü</A>\n</DL>\n';

describe("decodeBookmarkFile", () => {
  it.each([
    ["UTF-8", new TextEncoder().encode(FILE), FILE],
    ["UTF-8 with a BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FILE)]), FILE],
    ["UTF-16LE with a BOM", utf16(FILE, false), FILE],
    ["UTF-16BE with a BOM", utf16(FILE, true), FILE],
    ["the charset of its META (windows-1252)", bytes('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252"><A HREF="https://x.example/">Caf', [0xe9, 0x20, 0x93], "q", [0x94, 0x20, 0x80], "</A>"), '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252"><A HREF="https://x.example/">Café “q” €</A>'],
    ["<meta charset=…>", bytes('<meta charset="ISO-8859-1"><a href="https://x.example/">', [0xfc], "</a>"), '<meta charset="ISO-8859-1"><a href="https://x.example/">ü</a>'],
    ["not UTF-8 and naming no charset: Windows-1252, as HTML reads it", bytes('<A HREF="https://x.example/">', [0xe9], "</A>"), '<A HREF="https://x.example/">é</A>'],
    ["valid UTF-8 whatever its META says (a file re-saved as UTF-8)", new TextEncoder().encode('<META CONTENT="text/html; charset=windows-1252"><A>é</A>'), '<META CONTENT="text/html; charset=windows-1252"><A>é</A>'],
    ["a META naming no known charset", bytes('<meta charset="x-nonsense"><a>', [0xe9], "</a>"), '<meta charset="x-nonsense"><a>é</a>'],
  ])("reads %s", (_what, input, expected) => {
    expect(decodeBookmarkFile(input)).toBe(expected);
  });
});
