// A URL in a markdown link destination (#22): the one place that decides how every writer of a
// page (add, check --fix, export --format md) writes a URL, so that the parser (CommonMark,
// markdown-it with normalizeLink off) reads back exactly that URL and nothing more. A server's
// redirect to "/x?y=)[pwn](https://evil.example/)" must not become a second link. Pure.
import { sanitize } from "./sanitize";

/**
 * Why no form of `url` reads back as it, or undefined when one does. The parser sanitises a link
 * (controls, bidi controls and invisible characters go, U+2028 becomes a space) and tidies its
 * white space; a URL those would change cannot be written as it is.
 */
export function unwritableUrl(url: string): string | undefined {
  if (url === "") return "it is empty";
  const safe = sanitize(url) === url;
  for (const char of url) {
    if (char === " ") continue;
    if (/\s/.test(char) || (!safe && sanitize(char) !== char)) {
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      const what = /[\n\r\u2028\u2029]/.test(char) ? "a line break" : /\s/.test(char) ? "white space other than a space" : "an invisible or control character";
      return `it holds ${what} (${code}), which a page does not keep as it is; percent-encode it as ${encodeURIComponent(char)}`;
    }
  }
  if (!safe) return "it holds characters a page does not keep as they are; percent-encode them";
  if (/^ | $| {2}/.test(url)) return "it starts or ends with a space, or holds two in a row, which a page does not keep; percent-encode them as %20";
  return undefined;
}

export interface DestinationOptions {
  /** Write it in <…> even when it needs no brackets (a page that writes its links so). */
  angle?: boolean;
  /** It goes into a table cell: a "|" would end the cell. */
  table?: boolean;
}

/**
 * `url` as the destination of "[text](…)": backslash escapes for what CommonMark would read
 * otherwise (parentheses, brackets, "<", ">", "\", backticks, "&" before what looks like an
 * entity, "|" in a table), and <…> when it holds a space or parentheses. `{ why }` when no form reads back.
 */
export function linkDestination(url: string, options: DestinationOptions = {}): { text: string } | { why: string } {
  const why = unwritableUrl(url);
  if (why) return { why };
  // In <…> parentheses need no escapes: easier to read than "\\(".
  const angle = options.angle || /[ ()]/.test(url);
  const special = angle ? /[\\<>`]|&(?=#?[A-Za-z0-9]+;)/g : /[\\()<>[\]`]|&(?=#?[A-Za-z0-9]+;)/g;
  let text = url.replace(special, (c) => `\\${c}`);
  if (options.table) text = text.replace(/\|/g, "\\|");
  return { text: angle ? `<${text}>` : text };
}

/** `url` as an autolink "<…>", which takes no escapes: undefined when it cannot be one. */
export function autolink(url: string): string | undefined {
  return /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20\x7f]*$/.test(url) && unwritableUrl(url) === undefined ? `<${url}>` : undefined;
}

/**
 * True when `url` can stand bare in text and be read whole: only characters that neither
 * markdown nor the bare-link finder treat specially, and an end it would not cut off.
 */
export function safeBare(url: string): boolean {
  return /^https?:\/\/[A-Za-z0-9\-./?#:@=%+,;!$&]*[A-Za-z0-9/=%+\-#]$/.test(url) && !/&#?[A-Za-z0-9]+;/.test(url);
}
