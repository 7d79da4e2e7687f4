// The catalog as a file for other tools (#6): JSON, CSV (RFC 4180), markdown this tool reads
// back into the same entries, and a Netscape bookmark file that browsers import. Pure.
import { linkDestination } from "../text/link-destination";
import { formatNotes } from "../catalog/item-notes";
import { stringify } from "csv-stringify/sync";
import type { Entry, Page } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import { entryJson, formatDuration } from "./entries";
import { csvRows, FIELDS, type FieldRow } from "../catalog/fields";
import { json } from "./json";
import { sanitize } from "../text/sanitize";
import { isPersonName } from "../catalog/speaker";
import { headingTrail } from "../catalog/catalog";
import type { StateJson } from "../state/layer";

/** An entry's own state (#16), or null. */
type StateOf = (e: Entry) => StateJson | null;
const noState: StateOf = () => null;

export function exportJson(catalog: Catalog, entries: readonly Entry[], stateOf: StateOf = noState): string {
  const pages = catalog.pages.map((p) => ({ source: p.source, frontMatter: p.frontMatter.meta }));
  return json({ pages, entries: entries.map((e) => entryJson(e, undefined, stateOf(e))) });
}

// "speaker" holds every speaker joined by ", "; event, year and duration (seconds) come after the
// columns a script may already read (#13), then one's own layer (#16): done date, last opened,
// note, own tags.
/** One's own layer (#16), after the entry's columns: done date, last opened, note, own tags. */
const STATE_COLUMNS = ["done", "opened", "note", "own_tags"] as const;
/**
 * A column placed at or after this comes after one's own layer: columns added since (a paper's
 * authors, #23) go last, so that a script reading the columns by position keeps working.
 */
export const AFTER_STATE = 100;
const headerOf = (table: readonly FieldRow[]) => {
  const rows = csvRows(table);
  return [...rows.filter((r) => r.csv!.at < AFTER_STATE).map((r) => r.csv!.column), ...STATE_COLUMNS, ...rows.filter((r) => r.csv!.at >= AFTER_STATE).map((r) => r.csv!.column)];
};
export const CSV_COLUMNS: readonly string[] = headerOf(FIELDS);

/**
 * A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection";
 * NUL and LF too, as the ASVS lists NUL and some readers split on LF), also after spaces, which
 * some spreadsheets skip (and which a tab or CR becomes when sanitised): "=HYPERLINK(…)" in a
 * title must stay text when the export is opened in Excel, LibreOffice or Sheets (#12).
 */
const FORMULA_START = /^[ \t\r\n\0]*[=+\-@\t\r\n\0]/;

/** A text cell, sanitised, with a formula's first character made text by a leading "'" (OWASP's advice). */
export function csvCell(text: string): string {
  const safe = sanitize(text);
  return FORMULA_START.test(safe) ? `'${safe}` : safe;
}

export function exportCsv(entries: readonly Entry[], stateOf: StateOf = noState, table: readonly FieldRow[] = FIELDS): string {
  const columns = csvRows(table);
  const cellOf = (e: Entry) => (r: FieldRow) => {
    const cell = r.csv!.cell(e);
    return r.csv!.text ? csvCell(String(cell)) : cell;
  };
  const before = columns.filter((r) => r.csv!.at < AFTER_STATE);
  const after = columns.filter((r) => r.csv!.at >= AFTER_STATE);
  const rows = entries.map((e) => {
    const s = stateOf(e);
    return [
    // The entry's columns, as the table of fields gives them (catalog/fields.ts).
    ...before.map(cellOf(e)),
    s?.done ?? "",
    s?.opened ?? "",
    // A note keeps its lines; its first character is guarded like any cell's.
    s?.note === undefined || s.note === null ? "" : s.note.split("\n").map((l, i) => (i === 0 ? csvCell(l) : sanitize(l))).join("\n"),
    csvCell(s?.tags.join(", ") ?? ""),
    ...after.map(cellOf(e)),
    ];
  });
  // RFC 4180: CRLF line ends; fields quoted when they hold a comma, a quote or a line break.
  const header = table === FIELDS ? CSV_COLUMNS : headerOf(table);
  return stringify([[...header], ...rows], { record_delimiter: "windows" });
}

/** Markdown link text: the characters that would end or change it, escaped. */
function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>&!#|~]/g, (c) => `\\${c}`);
}

/**
 * A description: markdown text, except that a word holding a URL (http://, https://, www.) goes in
 * a code span. Read back, a code span is plain text that is never made a link, so a URL of the
 * description (already written once as a related link) does not come back as a second related
 * link, and `[x](https://…)` shown in code stays text (#12).
 */
function mdDescription(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => (/https?:\/\/|www\./i.test(word) ? codeSpan(word) : /\s/.test(word) ? word : mdText(word)))
    .join("");
}

/** A code span of `text`: a fence longer than any run of backticks in it, padded when needed. */
function codeSpan(text: string): string {
  const fence = "`".repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  // One space each side is stripped when reading back: it keeps a backtick at an end apart.
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A link destination: in angle brackets, which allow spaces and parentheses. */
function mdUrl(url: string): string {
  // An entry's URL as read from a page always has a form that reads back (#22).
  const written = linkDestination(url, { angle: true });
  return "text" in written ? written.text : `<${url}>`;
}

/**
 * An entry as a line the parser reads back the same (#13): "[Title](url) [related](url) - by
 * **A & B** (Event 2011) [45:49] - description". One speaker whose name reads as a person's keeps
 * the bundled page's "Title / Speaker"; the facts come after a separator, where the parser looks.
 */
function entryLine(e: Entry, pageTags: readonly string[]): string {
  const slash = e.speakers.length === 1 && isPersonName(e.speakers[0]!);
  let line = `[${mdText(slash ? `${e.title} / ${e.speakers[0]}` : e.title)}](${mdUrl(e.url)})`;
  line += e.related.map((r) => ` [${mdText(r.title)}](${mdUrl(r.url)})`).join("");
  const facts: string[] = [];
  if (e.speakers.length > 0 && !slash) facts.push(`by **${e.speakers.map(mdText).join(" & ")}**`);
  if (e.year !== undefined) facts.push(`(${e.event ? `${mdText(e.event)} ` : ""}${e.year})`);
  if (e.duration !== undefined) facts.push(`[${formatDuration(e.duration)}]`);
  if (facts.length > 0) line += ` - ${facts.join(" ")}`;
  if (e.description) line += ` - ${mdDescription(e.description)}`;
  // The item's own tags (those the page's front matter does not give) and added date (#28).
  return line + formatNotes(e.tags.filter((t) => !pageTags.includes(t)), e.added);
}

/**
 * A markdown page of the entries, grouped by their heading trails; reading it back gives the
 * same titles, speakers, urls, sections, descriptions and related links (tested).
 */
export function exportMarkdown(catalog: Catalog, entries: readonly Entry[]): string {
  const page = catalog.pages.length === 1 ? catalog.pages[0]! : undefined;
  const fm = page?.frontMatter;
  const lines: string[] = [];
  // One page keeps its name: the front matter's title, else its first heading (#22).
  const title = page ? pageName(page) : "Links";
  lines.push("---", `title: ${JSON.stringify(title)}`);
  if (fm?.description) lines.push(`description: ${JSON.stringify(fm.description)}`);
  if (fm?.date) lines.push(`date: ${JSON.stringify(fm.date)}`);
  if (fm?.permalink) lines.push(`permalink: ${JSON.stringify(fm.permalink)}`);
  if (fm?.baseUrl) lines.push(`base_url: ${JSON.stringify(fm.baseUrl)}`);
  if (fm && fm.tags.length > 0) lines.push(`tags: ${JSON.stringify(fm.tags)}`);
  lines.push("---");
  let trail: string[] = [];
  let context: string[] = [];
  for (const e of entries) {
    // Headings for the heading trail; the labels of nested items (#13) as plain items around the entry.
    const headings = headingTrail(e);
    const labels = e.sectionPath.slice(headings.length);
    let same = 0;
    while (same < trail.length && same < headings.length && trail[same] === headings[same]) same++;
    if (same < headings.length || same < trail.length) {
      for (let i = same; i < headings.length; i++) lines.push("", `${"#".repeat(Math.min(6, i + 1))} ${mdText(headings[i]!)}`);
      lines.push("");
      trail = headings;
      context = [];
    }
    let kept = 0;
    while (kept < context.length && kept < labels.length && context[kept] === labels[kept]) kept++;
    for (let i = kept; i < labels.length; i++) lines.push(`${"  ".repeat(i)}- ${mdText(labels[i]!)}`);
    context = labels;
    lines.push(`${"  ".repeat(labels.length)}- ${entryLine(e, fm?.tags ?? [])}`);
  }
  return `${lines.join("\n")}\n`;
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * What a page is called: its front matter's title, else its first heading, else its file name
 * without folder and extension; never a path (#12).
 */
export function pageName(page: Page): string {
  if (page.frontMatter.title) return page.frontMatter.title;
  const heading = page.headings.find((h) => h.text.trim());
  if (heading) return heading.text.trim();
  if (page.source === "-") return "Standard input";
  return page.source.split(/[\\/]/).pop()!.replace(/\.(md|markdown)$/i, "") || page.source;
}

/**
 * A Netscape bookmark file, the format browsers import: folders nested as the page's headings
 * are (and the labels of nested items, #28), a folder per page when there are several; TAGS
 * holding the entry's tags, ADD_DATE its added date (else now). `icp-links import` reads it back
 * into the same entries, sections and order (test/import/round-trip.property.test.ts). `urlOf`
 * gives each entry's http(s) URL, or undefined to leave it out (site links without a base URL,
 * unsafe schemes).
 */
export function exportBookmarks(catalog: Catalog, entries: readonly Entry[], urlOf: (e: Entry) => string | undefined, now: Date): string {
  const stamp = Math.floor(now.getTime() / 1000);
  const single = catalog.pages.length === 1 ? catalog.pages[0]! : undefined;
  const name = html(single ? pageName(single) : "Bookmarks");
  const out = [
    "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
    "<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->",
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<TITLE>${name}</TITLE>`,
    `<H1>${name}</H1>`,
    "<DL><p>",
  ];
  const pad = (depth: number) => "    ".repeat(depth);
  for (const page of catalog.pages) {
    // Entries without an http(s) URL are left out first: a folder left empty by them (the
    // bundled page's "In-site Pages" without --base-url) is not written at all (#12).
    const rows: { entry: Entry; url: string }[] = [];
    for (const entry of entries) {
      if (entry.source !== page.source) continue;
      const url = urlOf(entry);
      if (url) rows.push({ entry, url });
    }
    if (rows.length === 0) continue;
    const base = single ? 1 : 2;
    if (!single) out.push(`${pad(1)}<DT><H3 ADD_DATE="${stamp}">${html(pageName(page))}</H3>`, `${pad(1)}<DL><p>`);
    const firstHeading = page.headings[0]?.line ?? Infinity;
    let open: string[] = [];
    for (const { entry: e, url } of rows) {
      // Above the first heading: the page's own links, outside any folder.
      const path = e.line < firstHeading ? [] : e.sectionPath;
      let same = 0;
      while (same < open.length && same < path.length && open[same] === path[same]) same++;
      for (let d = open.length - 1; d >= same; d--) out.push(`${pad(base + d)}</DL><p>`);
      for (let d = same; d < path.length; d++) out.push(`${pad(base + d)}<DT><H3 ADD_DATE="${stamp}">${html(path[d]!)}</H3>`, `${pad(base + d)}<DL><p>`);
      open = path;
      const indent = pad(base + path.length);
      const added = e.added ? Math.floor(Date.parse(`${e.added}T00:00:00Z`) / 1000) : stamp;
      const tags = e.tags.map((t) => t.replace(/,/g, " "));
      out.push(`${indent}<DT><A HREF="${html(url)}" ADD_DATE="${added}"${tags.length > 0 ? ` TAGS="${html(tags.join(","))}"` : ""}>${html(e.title)}</A>`);
      if (e.description) out.push(`${indent}<DD>${html(e.description)}`);
    }
    for (let d = open.length - 1; d >= 0; d--) out.push(`${pad(base + d)}</DL><p>`);
    if (!single) out.push(`${pad(1)}</DL><p>`);
  }
  out.push("</DL><p>");
  return `${out.join("\n")}\n`;
}
