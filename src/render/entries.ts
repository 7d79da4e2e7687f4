// Entries as text: an aligned, coloured table on a terminal; tab-separated lines in a pipe;
// plain objects for --json. Pure: every function returns the text to print (#3).
import type { Entry, EntrySummary, FrontMatter } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import type { Entries } from "../catalog/entries";
import { shownHost } from "../catalog/urls";
import { matchRanges } from "../search/search";
import { sanitize, unsafeInTsv } from "../text/sanitize";
import { renderTable, truncate, type Column, type FitStep } from "./table";
import type { Style, View } from "./style";
import type { CheckResult } from "../check/types";
import type { StateJson } from "../state/layer";
import { ValueError } from "../errors";
import { FIELDS, fieldNames, fieldsJson, fieldValue, formatDuration, showRows, type FieldRow, type FieldValue } from "../catalog/fields";

/** The fields of an entry in --json output. Names are stable (documented in the README). */
export interface EntryJson {
  id: string;
  position: number;
  title: string;
  url: string;
  /** The host the link opens, as `list` shows it (punycode, no "www."); "" for a site link (#12). */
  host: string;
  kind: string;
  section: string;
  sectionPath: string[];
  /** The first of `speakers`, for scripts written before there could be several (#13). */
  speaker: string | null;
  speakers: string[];
  /** A paper's (or article's) authors (#23). */
  authors: string[];
  event: string | null;
  year: number | null;
  /** Seconds. */
  duration: number | null;
  description: string | null;
  related: { title: string; url: string }[];
  tags: string[];
  /** When the link was added, YYYY-MM-DD, as its item notes it (#28). */
  added: string | null;
  source: string;
  line: number;
  target: string | null;
  /** The last `check` of this link, if any. */
  check: { state: string; reason: string; finalUrl: string | null; checkedAt: string } | null;
  /** One's own layer: done (date), last opened, note, own tags (#16); null when none. */
  state: StateJson | null;
}

/** An entry's --json object: its fields as the table gives them (catalog/fields.ts), then its check and state. */
export function entryJson(e: Entry, checked?: CheckResult, state?: StateJson | null, table: readonly FieldRow[] = FIELDS): EntryJson {
  return {
    ...fieldsJson(e, table),
    check: checked ? { state: checked.state, reason: checked.reason, finalUrl: checked.finalUrl ?? null, checkedAt: checked.checkedAt } : null,
    state: state ?? null,
  } as EntryJson;
}

/** Every command's --json goes through the one JSON writer (#12); kept here for the commands' imports. */
export { json } from "./json";

export { sectionPathText } from "../catalog/fields";

/**
 * One line per entry for cut and awk: id, title, url, speaker, section. Written by hand, not
 * from the table of fields (src/catalog/fields.ts), on purpose (#25): its five columns are a
 * fixed interface that scripts cut by number, and it is the hot path of `list` and `search` on
 * a warm 100,000-link page, where it reads the cache's columns (EntrySummary) without building
 * entries; --fields is the table-driven TSV.
 */
export function tsvLine(e: EntrySummary): string {
  return [e.id, e.title, e.url, e.speaker ?? "", e.section].map(sanitize).join("\t");
}

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
  if (!unsafeInTsv(out) && countTabsAndNewlines(out) === tabs) return out;
  return entries.map((e) => `${tsvLine(e)}\n`).join("");
}

/**
 * TSV lines with the matched text highlighted: a pipe with colour forced (FORCE_COLOR, for
 * `less -R`) keeps the highlighting a terminal shows, in the same columns (#12).
 */
export function highlightedTsvLines(entries: readonly EntrySummary[], query: string, style: Style): string {
  const same = (t: string) => t;
  return entries
    .map((e) => [e.id, highlight(sanitize(e.title), query, style, same), e.url, highlight(sanitize(e.speaker ?? ""), query, style, same), e.section].map((f, i) => (i === 1 || i === 3 ? f : sanitize(f))).join("\t"))
    .map((line) => `${line}\n`)
    .join("");
}

/** Entries per write when printing to a pipe. */
const PIPE_SLICE = 1000;

/**
 * The TSV lines of entries `indexes` of `entries`, a slice at a time: each entry is read (its
 * summary only, where that is cheaper) as it is printed, so its objects die young (#4). With
 * `highlighting` (colour forced into a pipe), matches of its query are highlighted (#12).
 */
export function* tsvSlices(entries: Entries, indexes: Int32Array, highlighting?: { query: string; style: Style }): Generator<string> {
  for (let k = 0; k < indexes.length; k += PIPE_SLICE) {
    // Cached, clean columns: the lines straight from them, no summary per entry (#26).
    if (!highlighting && entries.tsv) {
      yield entries.tsv(indexes.subarray(k, k + PIPE_SLICE));
      continue;
    }
    const slice = Array.from(indexes.subarray(k, k + PIPE_SLICE), (i) => entries.summary(i)!);
    yield highlighting ? highlightedTsvLines(slice, highlighting.query, highlighting.style) : tsvLines(slice, entries.sanitized);
  }
}

/** `--fields` lines (fieldsLine), a slice at a time as tsvSlices prints them. */
export function* fieldsSlices(rows: readonly Record<string, FieldValue>[], fields: readonly EntryField[]): Generator<string> {
  for (let k = 0; k < rows.length; k += PIPE_SLICE) yield rows.slice(k, k + PIPE_SLICE).map((r) => fieldsLine(r, fields)).join("");
}

function countTabsAndNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\t"); at >= 0; at = text.indexOf("\t", at + 1)) count++;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

export { formatDuration } from "../catalog/fields";

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
export function entryRows(entries: readonly Entry[], view: View, options: TableOptions = {}): string[] {
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
  // What a person choosing a talk looks at first (#13): shown when some entry has it.
  if (entries.some((e) => e.duration !== undefined)) columns.push({ key: "length", cells: entries.map((e) => formatDuration(e.duration)), align: "right", format: (c) => style.dim(c) });
  if (entries.some((e) => e.year !== undefined)) columns.push({ key: "year", cells: entries.map((e) => (e.year === undefined ? "" : String(e.year))), format: (c) => style.dim(c) });
  if (options.showSection) columns.push({ key: "section", cells: entries.map((e) => sanitize(e.section)), format: (c) => style.dim(c) });
  columns.push({ key: "kind", cells: entries.map((e) => e.kind), format: (c) => style.kind(c) });
  columns.push({ key: "host", cells: entries.map((e) => sanitize(shownHost(e.url))), format: (c) => style.dim(c) });
  if (options.marks && options.marks.size > 0) columns.push({ key: "mark", cells: entries.map((e) => options.marks!.get(e.position) ?? ""), format: (c) => style.bad(c) });
  // Awesome lists say most in their descriptions: shown in whatever width is left.
  columns.push({ key: "description", cells: entries.map((e) => sanitize(e.description ?? "")), format: (c) => highlight(c, q, style, style.dim) });
  return renderTable(columns, view.width, ENTRY_FIT);
}

/**
 * How an entry table gives way (#12): the description is cut first but kept while the other
 * columns can give (from 120 columns a search of a page with descriptions shows them); then it
 * goes, and the title is cut to 24; the id gives way (to 16) before the title goes below 24.
 * A talk's length and year go last (#13): they are what a person choosing a talk looks at first.
 */
const ENTRY_FIT: FitStep[] = [
  { key: "description", to: 24 },
  { key: "title", to: 30 },
  { key: "host", drop: true },
  { key: "section", to: 16 },
  { key: "mark", to: 10 },
  { key: "id", to: 24 },
  { key: "description", to: 16 },
  { key: "description", drop: true },
  { key: "title", to: 24 },
  { key: "speaker", to: 16 },
  { key: "section", drop: true },
  { key: "kind", drop: true },
  { key: "id", to: 16 },
  { key: "speaker", to: 12 },
  { key: "title", to: 20 },
  { key: "speaker", drop: true },
  { key: "title", to: 12 },
  { key: "year", drop: true },
  { key: "length", drop: true },
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
export function renderList(catalog: Catalog, entries: readonly Entry[], view: View, marks?: Map<number, string>, done?: Map<number, string>): string {
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

/** Every field of one entry, one per line, as the table of fields says (catalog/fields.ts). */
export function renderShow(e: Entry, view: View, extra: [string, string][] = [], table: readonly FieldRow[] = FIELDS): string {
  const fields: [string, string | undefined][] = [...showRows(e, table), ...extra];
  const present = fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== "");
  const width = Math.max(...present.map(([k]) => k.length));
  const { style } = view;
  return present
    .map(([key, value]) => {
      const text = sanitize(value);
      // In a pipe: "field<TAB>value", for cut and awk.
      if (!view.tty) return `${key}\t${text}`;
      const shown = key === "id" ? style.id(text) : key === "title" ? style.title(text) : key === "speaker" || key === "authors" ? style.speaker(text) : text;
      return `${style.dim(key.padEnd(width))}  ${shown}`;
    })
    .join("\n")
    .concat("\n");
}

/** The fields `--fields` can choose, for TSV columns and --json keys (#14), like `gh --json`: the table's, and a search's score. */
export const ENTRY_FIELDS: readonly string[] = [...fieldNames(), "score"];
export type EntryField = string;

/** "id,title,url" -> the fields; a ValueError naming an unknown one. */
export function parseFields(value: string, table: readonly FieldRow[] = FIELDS): EntryField[] {
  const known = table === FIELDS ? ENTRY_FIELDS : [...fieldNames(table), "score"];
  const names = value.split(",").map((f) => f.trim()).filter(Boolean);
  const unknown = names.filter((f) => !known.includes(f) && f !== "speaker");
  if (names.length === 0 || unknown.length > 0) {
    throw new ValueError(`${unknown.length > 0 ? `unknown field '${unknown[0]}'` : "no field given"}; fields: ${known.join(",")}`);
  }
  // "speaker" is today's name of the column: the same as speakers.
  return [...new Set(names.map((f) => (f === "speaker" ? "speakers" : f)))];
}

/** One entry's chosen fields (speakers, event, year and duration once talk pages give them; #13). */
export function entryFields(e: Entry, fields: readonly EntryField[], score?: number, table: readonly FieldRow[] = FIELDS): Record<string, FieldValue> {
  const value = (f: EntryField): FieldValue => (f === "score" ? (score === undefined ? null : Math.round(score * 100) / 100) : (fieldValue(e, f, table) ?? null));
  return Object.fromEntries(fields.map((f) => [f, value(f)]));
}

/** The chosen fields as one TSV line: lists joined by ", " (a heading trail by " > "), nothing for null. */
export function fieldsLine(values: Record<string, FieldValue>, fields: readonly EntryField[]): string {
  return `${fields
    .map((f) => {
      const v = values[f];
      if (v === null || v === undefined) return "";
      if (Array.isArray(v)) return sanitize(v.join(f === "sectionPath" ? " > " : ", ")).replace(/\t/g, " ");
      return sanitize(String(v)).replace(/\t/g, " ");
    })
    .join("\t")}\n`;
}
