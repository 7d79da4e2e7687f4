// The one JSON writer of every JSON output: `--json` of every command and `export --format json`
// (#12). JSON.stringify escapes C0 controls but writes DEL, C1 controls (U+009B is a CSI on many
// terminals), bidirectional controls and invisible characters as they are: `icp-links list
// --json` on a terminal, or `cat` of an export, would hand them to the terminal raw. Here every
// character that sanitize() would remove (src/text/sanitize.ts, STRIPPED_RANGES, the tag
// characters included) is written as \uXXXX: the same string to any JSON reader, inert on a
// terminal, even for a value that never went through sanitize(). Pure.
import { STRIPPED_RANGES, TAG_CHARACTERS } from "../text/sanitize";

/**
 * Outside strings JSON is ASCII, so these can only stand inside a string, where \uXXXX means them.
 * C0 controls are JSON.stringify's to escape (and its layout's newlines are not to be touched).
 */
const RAW = new RegExp(`[${STRIPPED_RANGES.replace("\\x00-\\x1f", "")}]|${TAG_CHARACTERS}`, "g");

const unicodeEscapes = (text: string): string => {
  let out = "";
  for (let i = 0; i < text.length; i++) out += `\\u${text.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
};

/** `value` as JSON text, two-space indented, ending in a newline; nothing in it a terminal would act on. */
export function json(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return `${text.replace(RAW, unicodeEscapes)}\n`;
}
