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
  /**
   * How the page names a talk's speakers (#23): "[Title / A & B](…)", "[Title](…) by A & B",
   * "[Title](…) by **A & B**", "[A & B: **Title**](…)", "[**Title**](…) - A & B at Event 2019".
   */
  speakerForm: SpeakerForm;
  /** Between the link (and speaker) and a description. */
  separator: string;
  /** Link destinations written in <…> (as `export --format md` writes them). */
  angle: boolean;
}

export const SPEAKER_FORMS = ["slash", "by", "bold-by", "colon", "dash-at"] as const;
export type SpeakerForm = (typeof SPEAKER_FORMS)[number];

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
  const speakerForm = (lines: string[]): SpeakerForm[] =>
    lines.flatMap((line): SpeakerForm[] => {
      const link = LINK.exec(line);
      if (!link) return [];
      const after = line.slice(link.index + link[0].length);
      if (/^\s*,?\s+by\s+(?:\*\*|__)\p{Lu}/u.test(after)) return ["bold-by"];
      if (/^\s*,?\s+by\s+\p{Lu}/u.test(after)) return ["by"];
      if (/^\p{Lu}[^*:]*:\s*\*\*/u.test(link[1]!)) return ["colon"];
      if (/^\s*[-\u2013\u2014]\s+\p{Lu}[^-\u2013\u2014]*\sat\s/u.test(after)) return ["dash-at"];
      if (/\S \/ \p{Lu}/u.test(link[1]!)) return ["slash"];
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
  /** Where and when a talk was given, and how long it runs (seconds; #23). */
  event?: string;
  year?: number;
  duration?: number;
  description?: string;
  /** The item's own tags and added date, noted after " · " (catalog/item-notes.ts, #28). */
  tags?: string[];
  added?: string;
}

/** "A", "A & B", "A, B & C": names as the reader splits them (layout.ts, talk-facts.ts). */
function joinNames(names: readonly string[]): string {
  return names.length <= 2 ? names.join(" & ") : `${names.slice(0, -1).join(", ")} & ${names.at(-1)}`;
}

/** 3723 → "1:02:03", 721 → "12:01". */
function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * The first line of a new list item in a style: its speakers in the page's form, then "(Event
 * 2019)" and "[45:49]" as talk lists write them (the dash-at form says "at Event 2019" itself),
 * then the description. What it writes reads back as the same facts (test/edit/writer.property.test.ts).
 */
export function formatItem(item: NewItem, style: ItemStyle): string {
  const names = item.speakers.length > 0 ? escapeText(joinNames(item.speakers)) : "";
  const form = names ? style.speakerForm : undefined;
  const title = escapeText(item.title);
  const text = form === "slash" ? `${title} / ${names}` : form === "colon" ? `${names}: **${title}**` : form === "dash-at" ? `**${title}**` : title;
  let line = `${style.indent}${style.marker}${style.gap}[${text}](${formatUrl(item.url, { angle: style.angle })})`;
  const when = [item.event === undefined ? "" : escapeText(item.event), item.year === undefined ? "" : String(item.year)].filter(Boolean).join(" ");
  if (form === "by") line += ` by ${names}`;
  else if (form === "bold-by") line += ` by **${names}**`;
  else if (form === "dash-at") line += ` - ${names}${when ? ` at ${when}` : ""}`;
  if (when && form !== "dash-at") line += ` (${when})`;
  if (item.duration !== undefined) line += ` [${clock(item.duration)}]`;
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
  const speaker = joinNames(item.speakers);
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
