// The catalog as a file for other tools (#6): JSON, CSV (RFC 4180), markdown this tool reads
// back into the same entries, and a Netscape bookmark file that browsers import. Pure.
import { stringify } from "csv-stringify/sync";
import type { Catalog, Entry } from "../catalog/types";
import { entryJson } from "./entries";
import { sanitize } from "../text/sanitize";
import type { StateJson } from "../state/layer";

/** An entry's own state (#16), or null. */
type StateOf = (e: Entry) => StateJson | null;
const noState: StateOf = () => null;

export function exportJson(catalog: Catalog, entries: Entry[], stateOf: StateOf = noState): string {
  const pages = catalog.pages.map((p) => ({ source: p.source, frontMatter: p.frontMatter.meta }));
  return `${JSON.stringify({ pages, entries: entries.map((e) => entryJson(e, undefined, stateOf(e))) }, null, 2)}\n`;
}

/** The last four are one's own layer (#16): done date, last opened, note, own tags. */
export const CSV_COLUMNS = ["id", "position", "title", "url", "kind", "section", "speaker", "description", "tags", "source", "line", "done", "opened", "note", "own_tags"] as const;

export function exportCsv(entries: Entry[], stateOf: StateOf = noState): string {
  const rows = entries.map((e) => {
    const s = stateOf(e);
    return [e.id, e.position, e.title, e.url, e.kind, e.sectionPath.join(" › "), e.speaker ?? "", e.description ?? "", e.tags.join(", "), e.source, e.line, s?.done ?? "", s?.opened ?? "", s?.note?.split("\n").map(sanitize).join("\n") ?? "", s?.tags.join(", ") ?? ""];
  });
  // RFC 4180: CRLF line ends; fields quoted when they hold a comma, a quote or a line break.
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: "windows" });
}

/** Markdown link text: the characters that would end or change it, escaped. */
function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>&!#|~]/g, (c) => `\\${c}`);
}

/** A link destination: in angle brackets, which allow spaces and parentheses. */
function mdUrl(url: string): string {
  return `<${url.replace(/[<>\\]/g, (c) => `\\${c}`)}>`;
}

/**
 * A markdown page of the entries, grouped by their heading trails; reading it back gives the
 * same titles, speakers, urls, sections, descriptions and related links (tested).
 */
export function exportMarkdown(catalog: Catalog, entries: Entry[]): string {
  const fm = catalog.pages.length === 1 ? catalog.pages[0]!.frontMatter : undefined;
  const lines: string[] = [];
  const title = fm?.title ?? "Links";
  lines.push("---", `title: ${JSON.stringify(title)}`);
  if (fm?.description) lines.push(`description: ${JSON.stringify(fm.description)}`);
  if (fm?.date) lines.push(`date: ${JSON.stringify(fm.date)}`);
  if (fm?.permalink) lines.push(`permalink: ${JSON.stringify(fm.permalink)}`);
  if (fm?.baseUrl) lines.push(`base_url: ${JSON.stringify(fm.baseUrl)}`);
  if (fm && fm.tags.length > 0) lines.push(`tags: ${JSON.stringify(fm.tags)}`);
  lines.push("---");
  let trail: string[] = [];
  for (const e of entries) {
    // Open the headings that differ from the previous entry's trail.
    let same = 0;
    while (same < trail.length && same < e.sectionPath.length && trail[same] === e.sectionPath[same]) same++;
    if (same < e.sectionPath.length || same < trail.length) {
      for (let i = same; i < e.sectionPath.length; i++) lines.push("", `${"#".repeat(Math.min(6, i + 1))} ${mdText(e.sectionPath[i]!)}`);
      lines.push("");
      trail = e.sectionPath;
    }
    const text = e.speaker ? `${e.title} / ${e.speaker}` : e.title;
    const related = e.related.map((r) => ` [${mdText(r.title)}](${mdUrl(r.url)})`).join("");
    lines.push(`- [${mdText(text)}](${mdUrl(e.url)})${related}${e.description ? ` - ${mdText(e.description)}` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * A Netscape bookmark file, the format browsers import: one folder per page and per section,
 * TAGS holding kind, speaker and the page's tags. `urlOf` gives each entry's http(s) URL, or
 * undefined to leave it out (site links without a base URL, unsafe schemes).
 */
export function exportBookmarks(catalog: Catalog, entries: Entry[], urlOf: (e: Entry) => string | undefined, now: Date): string {
  const stamp = Math.floor(now.getTime() / 1000);
  const out = [
    "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
    "<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->",
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    "<TITLE>Bookmarks</TITLE>",
    "<H1>Bookmarks</H1>",
    "<DL><p>",
  ];
  for (const page of catalog.pages) {
    const own = entries.filter((e) => e.source === page.source);
    if (own.length === 0) continue;
    out.push(`    <DT><H3 ADD_DATE="${stamp}">${html(page.frontMatter.title ?? page.source)}</H3>`, "    <DL><p>");
    const sections = new Map<string, Entry[]>();
    for (const e of own) {
      const key = e.sectionPath.join(" › ");
      const list = sections.get(key);
      if (list) list.push(e);
      else sections.set(key, [e]);
    }
    for (const [section, list] of sections) {
      out.push(`        <DT><H3 ADD_DATE="${stamp}">${html(section)}</H3>`, "        <DL><p>");
      for (const e of list) {
        const url = urlOf(e);
        if (!url) continue;
        const tags = [e.kind, e.speaker, ...e.tags].filter((t): t is string => Boolean(t)).map((t) => t.replace(/,/g, " "));
        out.push(`            <DT><A HREF="${html(url)}" ADD_DATE="${stamp}" TAGS="${html(tags.join(","))}">${html(e.title)}</A>`);
        if (e.description) out.push(`            <DD>${html(e.description)}`);
      }
      out.push("        </DL><p>");
    }
    out.push("    </DL><p>");
  }
  out.push("</DL><p>");
  return `${out.join("\n")}\n`;
}
