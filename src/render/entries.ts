// Entries as text: an aligned, coloured table on a terminal; tab-separated lines in a pipe;
// plain objects for --json. Pure: every function returns the text to print (#3).
import type { Catalog, Entry, EntrySummary, FrontMatter } from "../catalog/types";
import { displayHost } from "../catalog/classify";
import { matchRanges } from "../search/search";
import { sanitize } from "../text/sanitize";
import { renderTable, truncate, type Column, type FitStep } from "./table";
import type { Style, View } from "./style";
import type { CheckResult } from "../check/types";
import type { StateJson } from "../state/layer";

/** The fields of an entry in --json output. Names are stable (documented in the README). */
export interface EntryJson {
  id: string;
  position: number;
  title: string;
  url: string;
  kind: string;
  section: string;
  sectionPath: string[];
  speaker: string | null;
  description: string | null;
  related: { title: string; url: string }[];
  tags: string[];
  source: string;
  line: number;
  target: string | null;
  /** The last `check` of this link, if any. */
  check: { state: string; reason: string; finalUrl: string | null; checkedAt: string } | null;
  /** One's own layer: done (date), last opened, note, own tags (#16); null when none. */
  state: StateJson | null;
}

export function entryJson(e: Entry, checked?: CheckResult, state?: StateJson | null): EntryJson {
  return {
    id: e.id,
    position: e.position,
    title: e.title,
    url: e.url,
    kind: e.kind,
    section: e.section,
    sectionPath: e.sectionPath,
    speaker: e.speaker ?? null,
    description: e.description ?? null,
    related: e.related,
    tags: e.tags,
    source: e.source,
    line: e.line,
    target: e.target ?? null,
    check: checked ? { state: checked.state, reason: checked.reason, finalUrl: checked.finalUrl ?? null, checkedAt: checked.checkedAt } : null,
    state: state ?? null,
  };
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** One line per entry for cut and awk: id, title, url, speaker, section. */
export function tsvLine(e: EntrySummary): string {
  return [e.id, e.title, e.url, e.speaker ?? "", e.section].map(sanitize).join("\t");
}

/** What sanitize() would change, but for the tabs and newlines of TSV itself. */
const UNSAFE_IN_TSV = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;

/**
 * Entries as TSV lines, each ending in "\n". Page text is sanitised when parsed, so the output is
 * checked once as a whole (one regular-expression pass instead of five calls per entry: 19,000
 * hits of a 100,000-link page; #4), and only text that needs it goes through sanitize(). Entries
 * whose list is `sanitized` (checked when the cache wrote them) are not checked again.
 */
export function tsvLines(entries: readonly EntrySummary[], sanitized = false): string {
  if (entries.length === 0) return "";
  const out = `${entries.map((e) => `${e.id}\t${e.title}\t${e.url}\t${e.speaker ?? ""}\t${e.section}`).join("\n")}\n`;
  if (sanitized) return out;
  // A tab or newline inside a field would shift the columns: as unsafe as an escape sequence.
  const tabs = entries.length * 5;
  if (!UNSAFE_IN_TSV.test(out) && countTabsAndNewlines(out) === tabs) return out;
  return entries.map((e) => `${tsvLine(e)}\n`).join("");
}

function countTabsAndNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\t"); at >= 0; at = text.indexOf("\t", at + 1)) count++;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** Highlights the parts of `text` that match the query. */
export function highlight(text: string, query: string | undefined, style: Style, base: (t: string) => string): string {
  if (!query) return base(text);
  const ranges = matchRanges(text, query);
  if (ranges.length === 0) return base(text);
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += base(text.slice(at, start)) + style.match(text.slice(start, end));
    at = end;
  }
  return out + base(text.slice(at));
}

interface TableOptions {
  query?: string;
  showSection?: boolean;
  /** Marks for entries the last check found broken or redirected, by position. */
  marks?: Map<number, string>;
  /** Marks of entries done (#16), by position. */
  done?: Map<number, string>;
}

/** The rows of an entry table, one line per entry, aligned across all entries given. */
export function entryRows(entries: Entry[], view: View, options: TableOptions = {}): string[] {
  const { style } = view;
  const q = options.query;
  const columns: Column[] = [
    { key: "position", cells: entries.map((e) => String(e.position)), align: "right", format: (c) => style.position(c) },
  ];
  if (options.done && options.done.size > 0) columns.push({ key: "done", cells: entries.map((e) => options.done!.get(e.position) ?? ""), format: (c) => style.ok(c) });
  columns.push(
    { key: "id", cells: entries.map((e) => sanitize(e.id)), format: (c) => style.id(c) },
    { key: "title", cells: entries.map((e) => sanitize(e.title)), format: (c) => highlight(c, q, style, style.title) },
    { key: "speaker", cells: entries.map((e) => sanitize(e.speaker ?? "")), format: (c) => highlight(c, q, style, style.speaker) },
  );
  if (options.showSection) columns.push({ key: "section", cells: entries.map((e) => sanitize(e.section)), format: (c) => style.dim(c) });
  columns.push({ key: "kind", cells: entries.map((e) => e.kind), format: (c) => style.kind(c) });
  columns.push({ key: "host", cells: entries.map((e) => sanitize(displayHost(e.url))), format: (c) => style.dim(c) });
  if (options.marks && options.marks.size > 0) columns.push({ key: "mark", cells: entries.map((e) => options.marks!.get(e.position) ?? ""), format: (c) => style.bad(c) });
  // Awesome lists say most in their descriptions: shown in whatever width is left.
  columns.push({ key: "description", cells: entries.map((e) => sanitize(e.description ?? "")), format: (c) => highlight(c, q, style, style.dim) });
  return renderTable(columns, view.width, ENTRY_FIT);
}

/** The description gives way first, then the title, host, section and speaker; the id is cut last. */
const ENTRY_FIT: FitStep[] = [
  { key: "description", to: 16 },
  { key: "description", drop: true },
  { key: "title", to: 30 },
  { key: "host", drop: true },
  { key: "mark", to: 10 },
  { key: "section", to: 16 },
  { key: "title", to: 24 },
  { key: "speaker", to: 16 },
  { key: "section", drop: true },
  { key: "title", to: 20 },
  { key: "kind", drop: true },
  { key: "speaker", drop: true },
  { key: "title", to: 12 },
  { key: "id", to: 16 },
];

/** The page header of `list`: title, description and date from the front matter. */
export function pageHeader(frontMatter: FrontMatter, count: number, view: View): string[] {
  const lines: string[] = [];
  if (frontMatter.title) lines.push(view.style.heading(truncate(sanitize(frontMatter.title), view.width)));
  const facts = [frontMatter.description, frontMatter.date, `${count} ${count === 1 ? "entry" : "entries"}`].filter(Boolean).map((t) => sanitize(t!));
  lines.push(view.style.dim(truncate(facts.join(" · "), view.width)));
  return lines;
}

/** `list` on a terminal: a header per page, entries grouped under their section. */
export function renderList(catalog: Catalog, entries: Entry[], view: View, marks?: Map<number, string>, done?: Map<number, string>): string {
  if (!view.tty) return tsvLines(entries);
  const rows = entryRows(entries, view, { ...(marks && { marks }), ...(done && { done }) });
  const out: string[] = [];
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
  const pages = new Map(catalog.pages.filter((p) => counts.has(p.source)).map((p) => [p.source, p]));
  let page: string | undefined;
  let section: string | undefined;
  entries.forEach((e, i) => {
    if (e.source !== page) {
      page = e.source;
      section = undefined;
      const fm = pages.get(e.source)?.frontMatter;
      if (fm && (pages.size > 1 || fm.title || fm.description)) {
        if (out.length > 0) out.push("");
        out.push(...pageHeader(fm, counts.get(e.source)!, view));
      }
    }
    const key = e.sectionPath.join("\n");
    if (key !== section) {
      section = key;
      if (out.length > 0) out.push("");
      out.push(view.style.heading(truncate(sanitize(e.sectionPath.join(" › ")), view.width)));
    }
    out.push(rows[i]!);
  });
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}

/** Every field of one entry, one per line. */
export function renderShow(e: Entry, view: View, extra: [string, string][] = []): string {
  const fields: [string, string | undefined][] = [
    ["id", e.id],
    ["position", String(e.position)],
    ["title", e.title],
    ["speaker", e.speaker],
    ["kind", e.kind],
    ["url", e.url],
    ["section", e.sectionPath.join(" › ")],
    ["description", e.description],
    ...e.related.map((r, i): [string, string] => [i === 0 ? "related" : "", `${r.title} <${r.url}>`]),
    ["tags", e.tags.join(", ") || undefined],
    ["points to", e.target],
    ["source", `${e.source}:${e.line}`],
    ...extra,
  ];
  const present = fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== "");
  const width = Math.max(...present.map(([k]) => k.length));
  const { style } = view;
  return present
    .map(([key, value]) => {
      const text = sanitize(value);
      // In a pipe: "field<TAB>value", for cut and awk.
      if (!view.tty) return `${key}\t${text}`;
      const shown = key === "id" ? style.id(text) : key === "title" ? style.title(text) : key === "speaker" ? style.speaker(text) : text;
      return `${style.dim(key.padEnd(width))}  ${shown}`;
    })
    .join("\n")
    .concat("\n");
}
