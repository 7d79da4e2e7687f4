// Everything a page says passes through here before it can reach a terminal: a page must not
// be able to move the cursor, set the window title, inject a hyperlink, reorder text or hide
// text from the reader (#3, #7, #12).

// ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings (ESC ] … BEL or ST),
// and two-character escapes. The 8-bit forms (U+009B CSI, U+009D OSC, …) are C1 controls,
// removed below together with their parameters.
// A string never runs past the end of its line, so stripping escapes keeps line numbers.
const ESCAPES =
  /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?|\x9b[0-?]*[ -/]*[@-~]?|[\x9d\x90\x98\x9e\x9f][^\x07\x9c\n]*(?:\x07|\x9c)?/g;

/**
 * The characters sanitize() removes, as regular-expression class ranges (UTF-16 code units;
 * the tag characters, U+E0000–U+E007F, are the pairs \uDB40\uDC00–\uDB40\uDC7F). One table for
 * the sanitizer, its cheap tests and the JSON writer (render/json.ts) (#12):
 * - C0 and C1 controls and DEL (U+009B is a CSI on many terminals);
 * - bidirectional controls: embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, and
 *   the marks U+200E, U+200F, U+061C, which can reorder the neutral characters around them
 *   (Trojan Source). Removed rather than shown escaped: a title stays readable;
 * - characters that draw nothing and so can hide text: zero-width space, non-joiner and joiner
 *   (U+200B–U+200D; a joiner between two emoji is kept, see below), word joiner and invisible
 *   operators (U+2060–U+2064), deprecated format characters (U+206A–U+206F), the byte order
 *   mark U+FEFF, soft hyphen U+00AD, combining grapheme joiner U+034F, Hangul fillers U+115F,
 *   U+1160, U+3164, U+FFA0, Khmer inherent vowels U+17B4–U+17B5, Mongolian vowel separator
 *   U+180E, interlinear annotations U+FFF9–U+FFFB, and the tag characters U+E0000–U+E007F
 *   ("ASCII smuggling": a sentence no one sees; an emoji subdivision flag loses its tags and
 *   shows as a plain black flag);
 * - line and paragraph separators U+2028, U+2029 (become spaces, as tabs and newlines do).
 */
export const STRIPPED_RANGES =
  "\\x00-\\x1f\\x7f-\\x9f\\xad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb";
/** The tag characters U+E0000–U+E007F as UTF-16. */
export const TAG_CHARACTERS = "\\udb40[\\udc00-\\udc7f]";

// A zero-width joiner between two pictographs (an emoji ZWJ sequence: woman + laptop, flag +
// rainbow) is kept:
// both sides are visible, so it can hide nothing, and without it the emoji falls apart.
// Every other joiner goes. A pictograph may carry VS16 or a skin tone before the joiner.
const LONE_JOINER = "\\u200d(?<!\\p{Extended_Pictographic}[\\ufe0f\\u{1f3fb}-\\u{1f3ff}]?\\u200d)|\\u200d(?!\\p{Extended_Pictographic})";
// Variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF) choose a glyph for the character
// before them; a run of them draws nothing and can carry hidden bytes ("emoji smuggling").
// The first of a run is kept, the rest removed.
const SELECTOR = "[\\ufe00-\\ufe0f\\u{e0100}-\\u{e01ef}]";
const SELECTOR_AFTER_SELECTOR = `${SELECTOR}(?<=${SELECTOR}${SELECTOR})`;

// Every character to remove: the table but the joiner, a joiner outside an emoji sequence, a
// selector after a selector. `u` mode, for the emoji property and the characters beyond U+FFFF.
// Each alternative starts with the character it removes: the lookarounds run only there.
const removed = (ranges: string) =>
  `[${ranges.replace("\\u200b-\\u200f", "\\u200b\\u200c\\u200e\\u200f")}\\u{e0000}-\\u{e007f}]|${LONE_JOINER}|${SELECTOR_AFTER_SELECTOR}`;
const CONTROLS = new RegExp(removed(STRIPPED_RANGES), "gu");
const SPACES = /[\t\n\v\f\r\u2028\u2029]+/g;

// The exact tests run in `u` mode, ten times slower than a plain class over long text. A plain
// class of every code unit that can start a removal (the table, the selectors, the lead
// surrogate of the tag characters and of the supplementary selectors) clears clean text first.
const BUT_NEWLINE = STRIPPED_RANGES.replace("\\x00-\\x1f", "\\x00-\\x09\\x0b-\\x1f");
const BUT_TAB_AND_NEWLINE = STRIPPED_RANGES.replace("\\x00-\\x1f", "\\x00-\\x08\\x0b-\\x1f");
// Two classes, not one: V8 scans a class of more than about twenty ranges ten times slower.
const UPPER = STRIPPED_RANGES.indexOf("\\u17b4");
const TESTS = [STRIPPED_RANGES, BUT_NEWLINE, BUT_TAB_AND_NEWLINE].map((ranges) => ({
  quick: new RegExp(`[${ranges.slice(0, ranges.length - STRIPPED_RANGES.length + UPPER)}]|[${STRIPPED_RANGES.slice(UPPER)}\\ufe00-\\ufe0f\\udb40]`),
  exact: new RegExp(removed(ranges), "u"),
}));

/** 0: anything sanitize() would change; 1: the same but a newline; 2: but a tab or a newline. */
function unsafe(text: string, which: 0 | 1 | 2): boolean {
  // Printable ASCII is safe: a loop says so sooner than the class (this runs on every text of every entry, #26).
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) break;
    i++;
  }
  if (i === text.length) return false;
  const test = TESTS[which]!;
  return test.quick.test(text) && test.exact.test(text);
}

/** Anything sanitize() would change but a tab or a newline (the separators of TSV itself). */
export function unsafeInTsv(text: string): boolean {
  return unsafe(text, 2);
}

/** Every line of `text` is as sanitize() would leave it (lines joined by "\n"). */
export function safeLines(text: string): boolean {
  return !unsafe(text, 1);
}

/** One line of safe text: escape sequences, control and invisible characters gone, whitespace runs kept as one space. */
export function sanitize(text: string): string {
  if (!unsafe(text, 0)) return text;
  return text.replace(ESCAPES, "").replace(SPACES, " ").replace(CONTROLS, "");
}

/**
 * Safe text that may span lines (front matter values, kept as written for --json, #12): as
 * sanitize(), but newlines stay (JSON writes them as \n).
 */
export function sanitizeLines(text: string): string {
  if (!unsafe(text, 1)) return text;
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => sanitize(line))
    .join("\n");
}

/** Removes escape sequences only, keeping every line break: applied to a page before parsing. */
export function stripEscapes(text: string): string {
  // Every escape starts with one of these; a page has none of them, mostly, and seven scans for one character are cheaper than one of the expression (#26).
  for (const c of ESCAPE_STARTS) if (text.includes(c)) return text.replace(ESCAPES, "");
  return text;
}

const ESCAPE_STARTS = ["\x1b", "\x9b", "\x9d", "\x90", "\x98", "\x9e", "\x9f"];
