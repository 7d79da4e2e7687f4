// How a page writes its list items (#17), read from the items it has, so that a new item looks
// like its neighbours: the bullet and its indentation, "Title / Speaker" or "Title by Speaker",
// and the separator before a description (" - ", " \u2014 ", ": "). Pure.
import { ValueError } from "../errors";
import { linkDestination, type DestinationOptions } from "../text/link-destination";
import { sanitize } from "../text/sanitize";
import { formatNotes, unnoted } from "../catalog/item-notes";

export interface ItemStyle {
  /** Leading whitespace of the bullet line. */
  indent: string;
  /** "-", "*", "+", or an ordered marker such as "3." (the next number is used). */
  marker: string;
  /** What follows the marker before the text (usually one space). */
  gap: string;
  speakerForm: "slash" | "by";
  /** Between the link (and speaker) and a description. */
  separator: string;
  /** Link destinations written in <…> (as `export --format md` writes them). */
  angle: boolean;
}

export const DEFAULT_STYLE: ItemStyle = { indent: "", marker: "-", gap: " ", speakerForm: "slash", separator: " - ", angle: false };

const BULLET = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)/;
/** The first inline link of a line: its text and where it ends. */
const LINK = /\[((?:[^\]\\]|\\.)*)\]\((?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/;
const SEPARATOR = /^([ \t]*(?:[-\u2013\u2014:|]|&mdash;)[ \t]*)\S/;

export function bulletOf(line: string): { indent: string; marker: string; gap: string } | undefined {
  const m = BULLET.exec(line);
  return m ? { indent: m[1]!, marker: m[2]!, gap: m[3]! } : undefined;
}

/** The marker after `marker` in its list: "3." → "4.", "-" → "-". */
export function nextMarker(marker: string): string {
  const m = /^(\d+)([.)])$/.exec(marker);
  return m ? `${Number(m[1]) + 1}${m[2]}` : marker;
}

function mostCommon(values: string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [v, n] of counts) if (n > most) [best, most] = [v, n];
  return best;
}

/**
 * The style of items, read from their first lines: `near` are the lines of the list the new
 * item joins (its bullet comes from the last of them), `page` every item line of the page (for
 * the speaker form and separator when the list itself does not show them).
 */
export function readStyle(near: string[], page: string[]): ItemStyle {
  const lastBullet = [...near].reverse().map(bulletOf).find(Boolean) ?? mostCommonBullet(page);
  const speakerForm = (lines: string[]): ("slash" | "by")[] =>
    lines.flatMap((line) => {
      const link = LINK.exec(line);
      if (!link) return [];
      if (/^\s*,?\s+by\s+\p{Lu}/u.test(line.slice(link.index + link[0].length))) return ["by" as const];
      if (/\S \/ \p{Lu}/u.test(link[1]!)) return ["slash" as const];
      return [];
    });
  const separators = (lines: string[]): string[] =>
    lines.flatMap((line) => {
      const link = LINK.exec(line);
      if (!link) return [];
      let rest = line.slice(link.index + link[0].length);
      rest = rest.replace(/^\s*,?\s+by\s+[^-\u2013\u2014:|]*?(?=\s+(?:[-\u2013\u2014:|]|&mdash;)\s)/u, "");
      const m = SEPARATOR.exec(rest);
      return m ? [m[1]!] : [];
    });
  const angles = (lines: string[]): string[] => lines.flatMap((line) => {
    const link = LINK.exec(line);
    return link ? [link[0].slice(link[0].indexOf("](") + 2, link[0].indexOf("](") + 3) === "<" ? "angle" : "plain"] : [];
  });
  const forms = speakerForm(near).length > 0 ? speakerForm(near) : speakerForm(page);
  const seps = separators(near).length > 0 ? separators(near) : separators(page);
  return {
    indent: lastBullet?.indent ?? DEFAULT_STYLE.indent,
    marker: lastBullet ? nextMarker(lastBullet.marker) : DEFAULT_STYLE.marker,
    gap: lastBullet?.gap ?? DEFAULT_STYLE.gap,
    speakerForm: mostCommon(forms, DEFAULT_STYLE.speakerForm) as ItemStyle["speakerForm"],
    separator: mostCommon(seps, DEFAULT_STYLE.separator),
    angle: mostCommon(angles(near).length > 0 ? angles(near) : angles(page), "plain") === "angle",
  };
}

/** The bullet most items of the page have, at the left margin; for a list the page does not have yet. */
function mostCommonBullet(page: string[]): { indent: string; marker: string; gap: string } | undefined {
  const bullets = page.map(bulletOf).filter((b): b is NonNullable<typeof b> => b !== undefined && b.indent === "" && !/\d/.test(b.marker));
  if (bullets.length === 0) return undefined;
  const marker = mostCommon(bullets.map((b) => b.marker), "-");
  return { indent: "", marker, gap: " " };
}

// Characters that would make markdown out of plain text in a link's text or a description.
const INLINE_SPECIAL = /[\\[\]*_`<>]|&(?=#?[A-Za-z0-9]+;)/g;

export function escapeText(text: string): string {
  return text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/** A URL as a link destination (text/link-destination.ts), or a ValueError saying why it cannot be one. */
export function formatUrl(url: string, options: DestinationOptions = {}): string {
  const written = linkDestination(url, options);
  if ("why" in written) throw new ValueError(`'${sanitize(url)}' cannot be written into a page: ${written.why}`, "give the URL percent-encoded");
  return written.text;
}

export interface NewItem {
  title: string;
  url: string;
  speakers: string[];
  description?: string;
  /** The item's own tags and added date, noted after " · " (catalog/item-notes.ts, #28). */
  tags?: string[];
  added?: string;
}

/** The first line of a new list item in a style. */
export function formatItem(item: NewItem, style: ItemStyle): string {
  const speaker = item.speakers.join(", ");
  const text = style.speakerForm === "slash" && speaker ? `${item.title} / ${speaker}` : item.title;
  let line = `${style.indent}${style.marker}${style.gap}[${escapeText(text)}](${formatUrl(item.url, { angle: style.angle })})`;
  if (style.speakerForm === "by" && speaker) line += ` by ${escapeText(speaker)}`;
  if (item.description) line += `${style.separator}${escapeText(unnoted(item.description))}`;
  return line + formatNotes(item.tags ?? [], item.added);
}

/**
 * A table row for a section whose links are in a table, shaped as its last row: the link in the
 * cell where that row has its link, the description in the first other cell that has text.
 */
export function formatRow(item: NewItem, lastRow: string): string {
  const cells = lastRow.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/);
  const linkAt = Math.max(0, cells.findIndex((c) => /\]\(/.test(c)));
  const textAt = cells.findIndex((c, i) => i !== linkAt && c.trim() !== "");
  const speaker = item.speakers.join(", ");
  const title = speaker ? `${item.title} / ${speaker}` : item.title;
  const escape = (t: string) => escapeText(t).replace(/\|/g, "\\|");
  const values = cells.map(() => "");
  if (values.length === 0) values.push("");
  values[linkAt] = `[${escape(title)}](${formatUrl(item.url, { table: true })})`;
  // A table without a text column: the description follows the link in its cell.
  if (item.description && textAt >= 0) values[textAt] = escape(item.description);
  else if (item.description) values[linkAt] += ` - ${escape(item.description)}`;
  return `| ${values.join(" | ")} |`;
}
