// Everything a page says passes through here before it can reach a terminal: a page must not
// be able to move the cursor, set the window title, inject a hyperlink or reorder text (#3, #7).

// ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings (ESC ] … BEL or ST),
// and two-character escapes. The 8-bit forms (U+009B CSI, U+009D OSC, …) are C1 controls,
// removed below together with their parameters.
// A string never runs past the end of its line, so stripping escapes keeps line numbers.
const ESCAPES =
  /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?|\x9b[0-?]*[ -/]*[@-~]?|[\x9d\x90\x98\x9e\x9f][^\x07\x9c\n]*(?:\x07|\x9c)?/g;
// C0 and C1 controls and DEL; bidirectional controls (Trojan Source); zero-width and other
// invisible format characters; line and paragraph separators.
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u2028\u2029]/g;
const SPACES = /[\t\n\v\f\r\u2028\u2029]+/g;

/** Anything sanitize() would change: the cheap test that lets clean text through untouched. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;

/** Anything sanitize() would change but a newline: for many lines of text checked at once. */
const UNSAFE_BUT_NEWLINE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;

/** Every line of `text` is as sanitize() would leave it (lines joined by "\n"). */
export function safeLines(text: string): boolean {
  return !UNSAFE_BUT_NEWLINE.test(text);
}

/** One line of safe text: escape sequences and control characters gone, whitespace runs kept as one space. */
export function sanitize(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(ESCAPES, "").replace(SPACES, " ").replace(CONTROLS, "");
}

/** Removes escape sequences only, keeping every line break: applied to a page before parsing. */
export function stripEscapes(text: string): string {
  return text.replace(ESCAPES, "");
}
