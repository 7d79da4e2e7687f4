// One field, one place (#25): the table of an entry's fields. Each row says, for one field, how
// the cache keeps it, its key and value in --json, its name and value for --fields, and how
// `show` prints it. The cache's format version is a hash of the rows' names and packings, so a
// change to what is kept makes the old files misses, never wrong answers. Adding a field is one
// row here (and its value in ParsedEntry, with its extraction in the parser, or an `extract`).
//
// The orders differ by output and are documented, so each output's place is in its own column:
// the row order is the --json order; `fields.at` the --fields order; `show.at` show's.
import type { Entry, LinkFactName, ParsedEntry } from "./types";
import { shownHost } from "./urls";

/** A value as --fields prints it (TSV or JSON). */
export type FieldValue = string | number | string[] | null;

/**
 * How the cache keeps a field (cache/format.ts). "text": a column of one line per entry, "" for
 * none; "int": an Int32 per entry; "structure": kept by the format's own parts (kinds, the tables
 * of section trails and tag lists, ids, slugs, related links, lines), or not kept but derived.
 */
export type Packing<T = unknown> =
  | { kind: "text"; pack(e: ParsedEntry): string; unpack(text: string): Partial<T> }
  | { kind: "int"; pack(e: ParsedEntry): number; unpack(value: number): Partial<T> }
  | { kind: "structure" };

export interface FieldRow<E = Entry> {
  /** The field's name: its property of an entry. */
  name: string;
  /** What the value is, in words (for the docs and the field list). */
  type: string;
  cache: Packing<E>;
  /** Its key and value in --json (and in export --format json); absent: not in the JSON. */
  json?: { key: string; value(e: E): unknown };
  /** Its name and value for --fields, and where it is in the list of them. */
  fields?: { name: string; at: number; value(e: E): FieldValue };
  /**
   * How `show` prints it: the label, the text (undefined or "": not shown; several: one line each,
   * the label on the first) and where it is.
   */
  show?: { label: string; at: number; text(e: E): string | string[] | undefined };
  /** Its column in export --format csv: the header, where it is, the cell, and whether the cell is text (sanitised, guarded). */
  csv?: { column: string; at: number; cell(e: E): string | number; text: boolean };
  /**
   * Its order for --sort (list and search, #13): the name (and other names it answers to), where
   * it is in the list of orders (--help, completion, docs), and the key: a text compares folded
   * (case and accents ignored), a number as a number; entries without one go last.
   */
  sort?: { name: string; aliases?: string[]; at: number; key: { text(e: E): string | undefined } | { number(e: E): number | undefined } };
  /**
   * Its fact in an entry's line of the markdown export, which the parser reads back (#13): where it
   * is among the facts after " - ", and the text ("" or undefined: none). `md.text` escapes page
   * text; `md.titleHasSpeaker` says the speaker went into the title as "Title / Speaker".
   */
  md?: { at: number; fact(e: E, md: MdWriting): string | undefined };
  /** A value the parser does not make itself: taken from what it made, after it (#25). */
  extract?(e: ParsedEntry): unknown;
}

/** What the markdown export gives a field's `md.fact`. */
export interface MdWriting {
  /** Page text as markdown that reads back the same. */
  text(s: string): string;
  /** The entry's one speaker is written in its title ("Title / Speaker"), not as a fact. */
  titleHasSpeaker: boolean;
}

/**
 * A heading trail as one text field (CSV, the TSV of `sections`): headings joined by " › ", a
 * "›" or "\\" inside a heading escaped with a backslash, so that an unescaped " › " is always a
 * separator: "A › B" as one heading is "A \\› B" (#12).
 */
export function sectionPathText(path: readonly string[]): string {
  return path.map((heading) => heading.replace(/[\\\u203a]/g, (c) => `\\${c}`)).join(" › ");
}

/** A talk's length as talk lists write it: "45:49", "1:04:34" (#13). */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return "";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

const oneLine = (s: string) => s.replace(/[\n\t\0]/g, " ");
/**
 * Names joined by ", " in one text of the cache, each name's own ", " ("Doersch, Carl", an author
 * family name first) kept as ",\u001f" so that it reads back as one name: page text never holds a
 * control character once sanitised. The search reads the same words either way.
 */
const NAME_COMMA = ",\u001f";
const joinNames = (names: readonly string[]) => names.map((n) => n.replaceAll(", ", NAME_COMMA)).join(", ");
const splitNames = (s: string): string[] => (s ? s.split(", ").map((n) => n.replaceAll(NAME_COMMA, ", ")) : []);
/** show's text of a fact the link's own page gave (enrich, #27): marked so. */
const linked = (e: Entry, fact: LinkFactName, text: string | undefined): string | undefined => (text !== undefined && text !== "" && e.from?.[fact] ? `${text} (from the link)` : text);
/** A text kept as one line, "" for none. */
const optionalText = (name: "event" | "description"): Packing<Entry> => ({
  kind: "text",
  pack: (e) => oneLine(e[name] ?? ""),
  unpack: (text) => ({ [name]: text || undefined }),
});

export const FIELDS: readonly FieldRow[] = [
  { name: "id", type: "string", csv: { column: "id", at: 0, cell: (e) => e.id, text: true }, cache: { kind: "structure" }, json: { key: "id", value: (e) => e.id }, fields: { name: "id", at: 0, value: (e) => e.id }, show: { label: "id", at: 0, text: (e) => e.id } },
  { name: "position", type: "number", csv: { column: "position", at: 1, cell: (e) => e.position, text: false }, cache: { kind: "structure" }, json: { key: "position", value: (e) => e.position }, fields: { name: "position", at: 1, value: (e) => e.position }, show: { label: "position", at: 1, text: (e) => String(e.position) }, sort: { name: "position", at: 0, key: { number: (e) => e.position } } },
  {
    name: "title", type: "string",
    csv: { column: "title", at: 2, cell: (e) => e.title, text: true }, cache: { kind: "text", pack: (e) => oneLine(e.title), unpack: (title) => ({ title }) },
    json: { key: "title", value: (e) => e.title }, fields: { name: "title", at: 2, value: (e) => e.title }, show: { label: "title", at: 2, text: (e) => linked(e, "title", e.title) },
    sort: { name: "title", at: 1, key: { text: (e) => e.title } },
  },
  {
    name: "url", type: "string",
    csv: { column: "url", at: 3, cell: (e) => e.url, text: true }, cache: { kind: "text", pack: (e) => oneLine(e.url), unpack: (url) => ({ url }) },
    json: { key: "url", value: (e) => e.url }, fields: { name: "url", at: 3, value: (e) => e.url }, show: { label: "url", at: 8, text: (e) => e.url },
  },
  // The host that opens, whatever the url looks like (#12); derived, not kept.
  { name: "host", type: "string", cache: { kind: "structure" }, json: { key: "host", value: (e) => shownHost(e.url) }, show: { label: "host", at: 9, text: (e) => shownHost(e.url) } },
  { name: "kind", type: "kind", csv: { column: "kind", at: 4, cell: (e) => e.kind, text: true }, cache: { kind: "structure" }, json: { key: "kind", value: (e) => e.kind }, fields: { name: "kind", at: 4, value: (e) => e.kind }, show: { label: "kind", at: 7, text: (e) => e.kind } },
  { name: "section", type: "string", cache: { kind: "structure" }, json: { key: "section", value: (e) => e.section }, fields: { name: "section", at: 5, value: (e) => e.section } },
  {
    name: "sectionPath", type: "string[]", csv: { column: "section", at: 5, cell: (e) => sectionPathText(e.sectionPath), text: true }, cache: { kind: "structure" },
    json: { key: "sectionPath", value: (e) => e.sectionPath }, fields: { name: "sectionPath", at: 6, value: (e) => e.sectionPath },
    show: { label: "section", at: 10, text: (e) => e.sectionPath.join(" › ") },
  },
  {
    // The speakers joined by ", " (a name never holds ", "; #13): kept once, for both fields.
    name: "speaker", type: "string",
    csv: { column: "speaker", at: 6, cell: (e) => e.speaker ?? "", text: true }, cache: { kind: "text", pack: (e) => oneLine(e.speaker ?? ""), unpack: (s) => ({ speaker: s || undefined, speakers: s ? s.split(", ") : [] }) },
    // The first of `speakers`, for scripts written before there could be several (#13).
    json: { key: "speaker", value: (e) => e.speakers[0] ?? null },
    show: { label: "speaker", at: 3, text: (e) => e.speaker },
    // By the first speaker; in the markdown export all of them, unless the title holds the one.
    sort: { name: "speaker", at: 2, key: { text: (e) => e.speakers[0] } },
    md: { at: 0, fact: (e, md) => (e.speakers.length > 0 && !md.titleHasSpeaker ? `by **${e.speakers.map(md.text).join(" & ")}**` : undefined) },
  },
  {
    name: "speakers", type: "string[]", cache: { kind: "structure" },
    json: { key: "speakers", value: (e) => e.speakers }, fields: { name: "speakers", at: 7, value: (e) => e.speakers ?? (e.speaker ? [e.speaker] : []) },
  },
  {
    // A paper's (or article's) authors (#23), joined by ", " in the cache and the CSV (its last column).
    name: "authors", type: "string[]", csv: { column: "authors", at: 100, cell: (e) => e.authors.join(", "), text: true },
    cache: { kind: "text", pack: (e) => oneLine(joinNames(e.authors)), unpack: (s) => ({ authors: splitNames(s) }) },
    json: { key: "authors", value: (e) => e.authors ?? [] }, fields: { name: "authors", at: 7.5, value: (e) => e.authors ?? [] },
    // An article's author from its link's page (#27) when the page names none, marked so in show.
    show: { label: "authors", at: 3.5, text: (e) => linked(e, "authors", e.authors?.join(", ") || undefined) },
  },
  {
    name: "event", type: "string", csv: { column: "event", at: 11, cell: (e) => e.event ?? "", text: true }, cache: optionalText("event"),
    json: { key: "event", value: (e) => e.event ?? null }, fields: { name: "event", at: 10, value: (e) => e.event ?? null }, show: { label: "event", at: 4, text: (e) => e.event },
  },
  {
    name: "year", type: "number",
    csv: { column: "year", at: 12, cell: (e) => e.year ?? "", text: false }, cache: { kind: "int", pack: (e) => e.year ?? 0, unpack: (y) => ({ year: y > 0 ? y : undefined }) },
    json: { key: "year", value: (e) => e.year ?? null }, fields: { name: "year", at: 11, value: (e) => e.year ?? null },
    show: { label: "year", at: 5, text: (e) => linked(e, "year", e.year === undefined ? undefined : String(e.year)) },
    sort: { name: "year", at: 3, key: { number: (e) => e.year } },
    // The event goes with the year, as talk lists write it: "(Strange Loop 2011)"; alone it is not written.
    md: { at: 1, fact: (e, md) => (e.year !== undefined ? `(${e.event ? `${md.text(e.event)} ` : ""}${e.year})` : undefined) },
  },
  {
    name: "duration", type: "seconds",
    csv: { column: "duration", at: 13, cell: (e) => e.duration ?? "", text: false }, cache: { kind: "int", pack: (e) => e.duration ?? -1, unpack: (d) => ({ duration: d >= 0 ? d : undefined }) },
    json: { key: "duration", value: (e) => e.duration ?? null }, fields: { name: "duration", at: 12, value: (e) => e.duration ?? null },
    show: { label: "length", at: 6, text: (e) => linked(e, "duration", e.duration === undefined ? undefined : formatDuration(e.duration)) },
    sort: { name: "length", aliases: ["duration"], at: 4, key: { number: (e) => e.duration } },
    md: { at: 2, fact: (e) => (e.duration !== undefined ? `[${formatDuration(e.duration)}]` : undefined) },
  },
  {
    name: "description", type: "string", csv: { column: "description", at: 7, cell: (e) => e.description ?? "", text: true }, cache: optionalText("description"),
    json: { key: "description", value: (e) => e.description ?? null }, fields: { name: "description", at: 8, value: (e) => e.description ?? null },
    show: { label: "description", at: 11, text: (e) => linked(e, "description", e.description) },
  },
  {
    name: "related", type: "link[]", cache: { kind: "structure" },
    json: { key: "related", value: (e) => e.related }, show: { label: "related", at: 11.5, text: (e) => e.related.map((r) => `${r.title} <${r.url}>`) },
  },
  {
    name: "tags", type: "string[]", csv: { column: "tags", at: 8, cell: (e) => e.tags.join(", "), text: true }, cache: { kind: "structure" },
    json: { key: "tags", value: (e) => e.tags }, fields: { name: "tags", at: 9, value: (e) => e.tags }, show: { label: "tags", at: 12, text: (e) => e.tags.join(", ") || undefined },
  },
  {
    // When the link was added, YYYY-MM-DD, as the item notes it (" · added 2024-03-01", #28).
    name: "added", type: "date",
    cache: { kind: "text", pack: (e) => e.added ?? "", unpack: (added) => ({ added: added || undefined }) },
    json: { key: "added", value: (e) => e.added ?? null }, fields: { name: "added", at: 9.5, value: (e) => e.added ?? null },
    show: { label: "added", at: 12.5, text: (e) => e.added },
  },
  { name: "source", type: "string", csv: { column: "source", at: 9, cell: (e) => e.source, text: true }, cache: { kind: "structure" }, json: { key: "source", value: (e) => e.source }, fields: { name: "source", at: 13, value: (e) => e.source }, show: { label: "source", at: 14, text: (e) => `${e.source}:${e.line}` } },
  { name: "line", type: "number", csv: { column: "line", at: 10, cell: (e) => e.line, text: false }, cache: { kind: "structure" }, json: { key: "line", value: (e) => e.line }, fields: { name: "line", at: 14, value: (e) => e.line } },
  { name: "target", type: "string", cache: { kind: "structure" }, json: { key: "target", value: (e) => e.target ?? null }, fields: { name: "target", at: 15, value: (e) => e.target ?? null }, show: { label: "points to", at: 13, text: (e) => e.target } },
  // Facts of the link's own page (enrich, #27): never in the page, so not kept by the page cache;
  // merged from the link-facts store when a catalog is read.
  {
    name: "published", type: "date", cache: { kind: "structure" },
    json: { key: "published", value: (e) => e.published ?? null }, fields: { name: "published", at: 11.5, value: (e) => e.published ?? null },
    show: { label: "published", at: 5.5, text: (e) => linked(e, "published", e.published) },
  },
  {
    name: "channel", type: "string", cache: { kind: "structure" },
    json: { key: "channel", value: (e) => e.channel ?? null }, fields: { name: "channel", at: 7.6, value: (e) => e.channel ?? null },
    show: { label: "channel", at: 3.4, text: (e) => linked(e, "channel", e.channel) },
  },
  // Where each fact not from this page came from: {"duration": "link"}.
  { name: "from", type: "object", cache: { kind: "structure" }, json: { key: "from", value: (e) => e.from ?? {} } },
];

/** The rows the cache keeps in a column of their own, by packing. */
export type PackedRow<K extends "text" | "int"> = { name: string; cache: Extract<Packing<Entry>, { kind: K }> };
export function packedRows<K extends "text" | "int">(table: readonly FieldRow[], kind: K): PackedRow<K>[] {
  return table.filter((r) => r.cache.kind === kind) as unknown as PackedRow<K>[];
}

/**
 * The version of the cache's format that follows the table: a hash (FNV-1a, 32 bits) of the
 * names and packings of the rows kept in columns, in their order. `base` is the version of the
 * format's own parts.
 */
export function tableVersion(table: readonly FieldRow[], base: string): string {
  const rows = table.filter((r) => r.cache.kind !== "structure").map((r) => `${r.name}:${r.cache.kind}`).join(",");
  let hash = 0x811c9dc5;
  for (const c of `${base}|${rows}`) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(36).padStart(7, "0").slice(-7);
}

/** Sets the fields of `table` that have an extraction, on entries the parser made. */
export function extractFields<T extends ParsedEntry>(entries: T[], table: readonly FieldRow[] = FIELDS): T[] {
  const extracted = table.filter((r) => r.extract);
  if (extracted.length === 0) return entries;
  for (const e of entries) for (const r of extracted) (e as Record<string, unknown>)[r.name] = r.extract!(e);
  return entries;
}

/** The --json object of an entry's own fields, in the table's order. */
export function fieldsJson(e: Entry, table: readonly FieldRow[] = FIELDS): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of table) if (r.json) out[r.json.key] = r.json.value(e);
  return out;
}

/** The --fields names, in their order. */
export function fieldNames(table: readonly FieldRow[] = FIELDS): string[] {
  return table.filter((r) => r.fields).sort((a, b) => a.fields!.at - b.fields!.at).map((r) => r.fields!.name);
}

/** The value of --fields name `name`, undefined for a name not in the table. */
export function fieldValue(e: Entry, name: string, table: readonly FieldRow[] = FIELDS): FieldValue | undefined {
  const row = table.find((r) => r.fields?.name === name);
  return row ? row.fields!.value(e) : undefined;
}

/** What `show` prints of an entry's own fields, as [label, text] lines in show's order (empty ones too). */
export function showRows(e: Entry, table: readonly FieldRow[] = FIELDS): [string, string | undefined][] {
  return table
    .filter((r) => r.show)
    .sort((a, b) => a.show!.at - b.show!.at)
    .flatMap((r): [string, string | undefined][] => {
      const text = r.show!.text(e);
      return Array.isArray(text) ? text.map((t, i): [string, string] => [i === 0 ? r.show!.label : "", t]) : [[r.show!.label, text]];
    });
}

/** The rows with a --sort order, in the orders' order. */
export function sortRows(table: readonly FieldRow[] = FIELDS): FieldRow[] {
  return table.filter((r) => r.sort).sort((a, b) => a.sort!.at - b.sort!.at);
}

/** The facts of an entry's markdown line, in their order (those it has). */
export function mdFacts(e: Entry, md: MdWriting, table: readonly FieldRow[] = FIELDS): string[] {
  return table
    .filter((r) => r.md)
    .sort((a, b) => a.md!.at - b.md!.at)
    .flatMap((r) => r.md!.fact(e, md) || []);
}

/** The rows with a CSV column, in the columns' order. */
export function csvRows(table: readonly FieldRow[] = FIELDS): FieldRow[] {
  return table.filter((r) => r.csv).sort((a, b) => a.csv!.at - b.csv!.at);
}
