// Case- and diacritic-insensitive comparison. "Björn" and "bjorn" fold to the same string.
// Folding works code point by code point so that a match in the folded text can be mapped
// back to the original (for highlighting).

/** Combining marks; made on first use, as in width.ts (#4). */
let MARKS: RegExp | undefined;
const marks = () => (MARKS ??= /\p{M}/gu);
// Looked up by characters of the page: no prototype, so no character could ever find one of its properties.
const SPECIAL: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ł: "l", þ: "th", ı: "i" });

function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  const special = SPECIAL[lower];
  if (special !== undefined) return special;
  return lower.normalize("NFKD").replace(marks(), "");
}

// Escaped, as every non-ASCII character of the sources: one such character in the bundle makes
// V8 hold all of it as a two-byte string, which it reads at every start (#4).
const SPECIAL_RE = /[\u00df\u00e6\u0153\u00f8\u0111\u0142\u00fe\u0131]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Every character is ASCII: folding is then lowercasing, and words are runs of a-z and 0-9. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/**
 * Lowercase, strip diacritics, expand a few ligatures. Works on whole strings with native
 * operations, so folding the text of 100,000 entries joined by newlines is fast (#4);
 * newlines survive it, so a folded joined text splits back into its parts.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: plain ASCII needs only lowercasing.
  if (isAscii(lower)) return lower;
  return lower.replace(SPECIAL_RE, (c) => SPECIAL[c]!).normalize("NFKD").replace(marks(), "");
}

/** The folded text plus, for each UTF-16 unit of it, the index in `text` it came from. */
export function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let i = 0; i < f.length; i++) origin.push(index);
    index += ch.length;
  }
  origin.push(index);
  return { folded, origin };
}

/**
 * Words of folded text: runs of letters and digits. Folded ASCII text has only a-z and 0-9 for
 * letters and digits, and that class costs V8 nothing to compile; \p{L}\p{N} costs 0.6 ms at the
 * first search of every run (#4).
 */
export function words(folded: string): string[] {
  if (isAscii(folded)) return folded.match(/[a-z0-9]+/g) ?? [];
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}
