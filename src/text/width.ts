// Display width of text in a terminal: East Asian wide and fullwidth characters and emoji take
// two columns, combining marks and invisible characters none.
//
// Why not string-width: its /v-flag \p{RGI_Emoji} regular expressions are checked by V8 when the
// module is parsed, which cost about 45 ms of every terminal run here (#4). The width table is
// the same one it uses (get-east-asian-width); only the emoji-sequence rules are simpler.
import { eastAsianWidth } from "get-east-asian-width";

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
// Unicode-property expressions cost V8 real work to create (about 2 million instructions for
// three of them): made when the first non-ASCII text is measured, not at every start (#4).
let ZERO_WIDTH: RegExp | undefined;
let PICTOGRAPH: RegExp | undefined;

export function displayWidth(text: string): number {
  if (ASCII_PRINTABLE.test(text)) return text.length;
  const zeroWidth = (ZERO_WIDTH ??= /[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u200b-\u200f]|[\ufe00-\ufe0f]/u);
  const pictograph = (PICTOGRAPH ??= /\p{Extended_Pictographic}/u);
  let width = 0;
  let afterJoiner = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x200d) {
      afterJoiner = true;
      continue;
    }
    if (zeroWidth.test(ch)) continue;
    if (pictograph.test(ch) && cp > 0xff) {
      // The pictographs of a joined sequence (👩‍💻) share one glyph.
      if (!afterJoiner) width += 2;
    } else {
      width += eastAsianWidth(cp);
    }
    afterJoiner = false;
  }
  return width;
}
