// The title of a web page, for `add` without --title (#17): og:title, else <title>, from the
// start of the page only; entities decoded, then sanitised like all text from outside (#7). Pure.
import { sanitize } from "../text/sanitize";

/** Longest title kept: a page's <title> can be a paragraph of keywords. */
export const MAX_TITLE = 200;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "\u2013", mdash: "\u2014", hellip: "\u2026", rsquo: "\u2019", lsquo: "\u2018", rdquo: "\u201d", ldquo: "\u201c", middot: "\u00b7", bull: "\u2022" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "";
    }
    const key = name.toLowerCase();
    return Object.hasOwn(NAMED, key) ? NAMED[key]! : whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** A title fit for a page: one line, no controls, at most MAX_TITLE characters (cut at a word). */
export function tidyTitle(text: string): string {
  const one = sanitize(decodeEntities(text)).replace(/\s+/g, " ").trim();
  if (one.length <= MAX_TITLE) return one;
  const cut = one.slice(0, MAX_TITLE - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > MAX_TITLE / 2 ? cut.lastIndexOf(" ") : cut.length)}\u2026`;
}

/** The page's title, or undefined when its start has none. */
export function titleOfHtml(html: string): string | undefined {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const property = (attribute(tag, "property") ?? attribute(tag, "name") ?? "").toLowerCase();
    if (property === "og:title") {
      const content = tidyTitle(attribute(tag, "content") ?? "");
      if (content) return content;
    }
  }
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const text = title ? tidyTitle(title[1]!) : "";
  return text || undefined;
}
