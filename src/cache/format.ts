// The cache's file format (#4): a parsed Page in a form that a search of 100,000 entries can
// use as it is read, without parsing, splitting or folding it again.
//
//   "ICPL" · version (3) · "\n" · header checksum (u32) · header length (u32) · header JSON · padding to 8 · data
//
// The header holds, per page, its front matter, headings and number of entries (a catalog
// unit, #26, holds several pages, each with its source and the file's identity; their front
// matter and headings follow the vocabulary, read when asked for), the shared tables (section trails, tag lists),
// how many runs of entries share a trail or a tag list, and, per text column, its byte length
// and whether it is ASCII. The data is, in this order, as Int32: the entries' lines, years (0: none),
// durations (-1: none) and how many labels of nested items end their section path (#13), the runs of
// section trails and of tag lists (their rows, then their first entries and n), each text
// column's entry starts (n + 1); then the kinds as bytes; then each text column's UTF-8 text: the values
// joined by "\n" (page text never holds a newline once sanitised); last, the typo vocabulary (the
// distinct folded words of titles, speakers, sections and tags, one per line). A column is decoded with one
// native call and an entry's value is a substring of it; the search reads the same strings
// (src/columns/), so a warm search folds, at most, by lowercasing.
//
// The data is in blocks, each starting at a multiple of 4 (#26): the integers and kinds, each text
// column, the vocabulary, a unit's details. The checksum of the prefix covers the header; the header
// holds each block's checksum, checked as that block is read, so that a reader of part of the file
// never hashes what it does not read (cache/checksum.ts: no block needs node:crypto).
// unpack() checks the checksums, the header and where every part lies, and returns undefined for
// anything it does not fully trust: a corrupt, truncated, foreign or planted file can only cost a
// re-parse, never a wrong result.
import type { Entry, FrontMatter, Heading, Kind, Link, Page, ParsedEntry } from "../catalog/types";
import { KINDS } from "../catalog/types";
import type { LoadedPage, StoredEntries } from "../catalog/entries";
import type { EntryColumns, JoinedColumn, SectionRows, Vocabulary } from "../columns/types";
import { joinColumn, listColumn, partAt, rowOf, valueAt } from "../columns/build";
import { SECTION_TABLES, sectionRows, typoVocabulary } from "../columns/folded";
import { safeLines, sanitize } from "../text/sanitize";
import { isAscii } from "../text/fold";
import { FIELDS, packedRows, tableVersion, type FieldRow, type PackedRow } from "../catalog/fields";
import { sectionDescriptions } from "../catalog/catalog";
import { buildPostings, POSTINGS_CHUNK, type Postings } from "../columns/postings";

/**
 * The version of the format's own parts (the layout below). Version 6: links that never open make
 * no entries, front matter strings are sanitised, more invisible characters are stripped (#12).
 * Version 7: talk facts (speakers, event, year, duration), nesting depth and the event column
 * (#13). Version 8: the columns of fields follow the table of fields (#25). Version 9: the kind
 * "podcast" (#23), which moves the kinds' numbers. Version 10: several pages in one file, a
 * catalog unit (#26). Version 11: a checksum per block (#26). Version 12: the section trails split
 * as the search reads them (#26). Version 13: the postings of the search's words, and a faster checksum (#26).
 * Version 14: a fifth table of the split trails, each section's intro line (#24). Version 15: the
 * typo vocabulary sorted (#26).
 */
const FORMAT_VERSION = "15";
/** The magic of this build's files: "ICPL", 3 characters of the table's version, "\n". */
export const MAGIC = magicOf(FIELDS);
/** Eight bytes, so that the header and the data start at a multiple of 4 (cache/checksum.ts). */
function magicOf(table: readonly FieldRow[]): string {
  return `ICPL${tableVersion(table, FORMAT_VERSION).slice(-3)}\n`;
}
/** Magic, checksum, header length. */
const PREFIX = MAGIC.length + 8;
/** The text columns the format keeps itself, after the table's (#25): slugs, ids, related links. */
const OWN_TEXT_COLUMNS = ["slug", "id", "related"] as const;
type TextColumn = string;

/** Where a table's fields go in a file: its text columns (the table's, then the format's own) and its integers. */
interface Layout {
  magic: string;
  textRows: PackedRow<"text">[];
  intRows: PackedRow<"int">[];
  text: readonly string[];
  /** Per-entry integers after the lines: the table's, then the nesting depth. */
  ints: number;
}
const layouts = new WeakMap<readonly FieldRow[], Layout>();
function layoutOf(table: readonly FieldRow[]): Layout {
  let layout = layouts.get(table);
  if (!layout) {
    const textRows = packedRows(table, "text");
    const intRows = packedRows(table, "int");
    layout = { magic: magicOf(table), textRows, intRows, text: [...textRows.map((r) => r.name), ...OWN_TEXT_COLUMNS], ints: intRows.length + 1 };
    layouts.set(table, layout);
  }
  return layout;
}
const LIST_COLUMNS = ["path", "tags"] as const;
type ListName = (typeof LIST_COLUMNS)[number];
/** Integers are stored as the machine has them; a file from a machine of the other order is not read. */
const ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? "LE" : "BE";

interface Header {
  build: string;
  key: string;
  endian: string;
  n: number;
  /** The pages, in order; their entries follow each other. One, with no source, in a page file. */
  pages: StoredPage[];
  paths: string[][];
  tagSets: string[][];
  /** How many runs of entries share one section trail, one tag list. */
  runs: Record<ListName, number>;
  /** What a TSV line prints (id, title, url, speaker, section) holds nothing sanitize() would change. */
  clean: boolean;
  /**
   * Per text column: the byte length of its UTF-8 text, its length as a string (UTF-16 units, which
   * its starts count: checked before it is decoded), and whether every character is ASCII.
   */
  text: Record<TextColumn, { bytes: number; length: number; ascii: boolean }>;
  /** The same of the typo vocabulary. */
  vocabulary: { bytes: number; ascii: boolean };
  /**
   * A catalog unit's: the byte length of its pages' front matter and headings, JSON after the
   * vocabulary, parsed only when a command asks for them (a search of 3,000 notes does not).
   */
  details?: { bytes: number };
  /**
   * The section trails split as the search reads them (columns/folded.ts, sectionRows): how many
   * runs and pairs, and per table (SECTION_TABLES) the byte length of its rows and whether they
   * are ASCII. Its block, the last: the runs' rows and starts as Int32, then the tables' rows.
   */
  sections: { runs: number; count: number; tables: { bytes: number; ascii: boolean }[] };
  /**
   * The postings of the search's words (columns/postings.ts): how many words and postings, the
   * byte length of the words' text and whether it is ASCII. Its block, after the sections': where
   * each word starts and each word's postings start (Int32, words + 1 each), the words' text
   * (padded to a multiple of 4), then the postings (Int32). The block's checksum covers all but
   * the postings, checked when a search first asks for them; `chunks` holds the checksum of each
   * POSTINGS_CHUNK postings, checked as a search reads them.
   */
  index: { words: number; postings: number; bytes: number; ascii: boolean; chunks: number[] };
  /** The checksum of each block of the data, in order (the integers, each text column, the vocabulary, the details, the sections, the index). */
  blocks: number[];
}

/** What the header keeps of one page of the file. */
export interface StoredPage {
  /** A catalog unit's: the page's source as the user named it, and the file's identity then. */
  source?: string;
  identity?: string;
  /** In the header for a page file; a unit's are in its details (Header.details), but the permalink. */
  frontMatter?: FrontMatter;
  headings?: Heading[];
  /** A unit's page's front matter permalink: the catalog reads it of every page (site links). */
  permalink?: string;
  /** How many entries it has. */
  n: number;
}

/** The part of a page the details of a unit hold. */
type PageDetails = Pick<Page, "frontMatter" | "headings">;

/**
 * A page as loaded from the cache: the page (its `entries` built on first read) and its stored
 * entries, with ids and positions as a catalog of this page alone holds them. Before all() has
 * built every one, each at() builds a new object.
 */
export type CachedPage = Required<Pick<LoadedPage, "page" | "stored">>;

/**
 * A checksum of bytes, which start at a multiple of 4 (the cache passes MurmurHash3 or 32 bits of
 * SHA-1, by length: integrity against accidents, not attackers).
 */
export type Checksum = (bytes: Uint8Array) => number;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });
const align = (n: number, to: number) => Math.ceil(n / to) * to;
/** Every block starts at a multiple of 4: a checksum reads it as 32-bit words (cache/checksum.ts). */
const BLOCK_ALIGN = 4;

export function pack(page: Page, ids: string[], build: string, key: string, checksum: Checksum, table: readonly FieldRow[] = FIELDS): Uint8Array {
  return packEntries(page.entries, ids, [{ frontMatter: page.frontMatter, headings: page.headings, n: page.entries.length }], build, key, checksum, table, sectionDescriptions([page]));
}

/**
 * Several pages as one file (a catalog unit, #26): their entries numbered across them (`ids` as
 * the catalog assigns them), each page with its source and its file's identity.
 */
export function packUnit(pages: readonly { page: Page; identity: string }[], ids: string[], build: string, key: string, checksum: Checksum, table: readonly FieldRow[] = FIELDS): Uint8Array {
  const entries = pages.flatMap(({ page }) => page.entries);
  const stored = pages.map(({ page, identity }) => ({ source: page.source, identity, n: page.entries.length, ...(page.frontMatter.permalink === undefined ? {} : { permalink: page.frontMatter.permalink }) }));
  const details = pages.map(({ page }): PageDetails => ({ frontMatter: page.frontMatter, headings: page.headings }));
  return packEntries(entries, ids, stored, build, key, checksum, table, sectionDescriptions(details), details);
}

/** `intros`: the sections' descriptions by heading trail, the search's intro lines (#24). */
function packEntries(e: readonly ParsedEntry[], ids: string[], pages: StoredPage[], build: string, key: string, checksum: Checksum, table: readonly FieldRow[], intros: ReadonlyMap<string, string>, details?: PageDetails[]): Uint8Array {
  const layout = layoutOf(table);
  const n = e.length;
  const oneLine = (s: string) => s.replace(/[\n\t\0]/g, " ");
  const paths = listColumn(e, (x) => x.sectionPath);
  const tagSets = listColumn(e, (x) => x.tags);
  const columns: Record<TextColumn, JoinedColumn> = {
    ...Object.fromEntries(layout.textRows.map((r) => [r.name, joinColumn(e.map((x) => r.cache.pack(x)))])),
    slug: joinColumn(e.map((x, i) => (x.slug === ids[i] ? "" : x.slug))),
    id: joinColumn(ids),
    // Related links as "title<TAB>url<TAB>title<TAB>url": page text holds no tab once sanitised.
    related: joinColumn(e.map((x) => x.related.map((l) => `${oneLine(l.title)}\t${oneLine(l.url)}`).join("\t"))),
  };
  const texts = layout.text.map((c) => encoder.encode(columns[c]!.text));
  const vocabulary = typoVocabulary({ title: columns.title!, speaker: columns.speaker!, author: columns.authors!, section: paths, tags: tagSets, description: columns.description!, event: columns.event! });
  const vocabularyBytes = encoder.encode(vocabulary.text);
  const detailBytes = details ? encoder.encode(JSON.stringify(details)) : new Uint8Array(0);
  const depthsOf = Int32Array.from(e, (x) => {
    const at = x.sectionPath.lastIndexOf(x.section);
    return at < 0 ? 0 : x.sectionPath.length - 1 - at;
  });
  const split = sectionRows(paths, depthsOf, intros);
  const sectionTexts = SECTION_TABLES.map((t) => encoder.encode(split[t]));
  const postings = buildPostings({ title: columns.title!, speaker: columns.speaker!, author: columns.authors!, event: columns.event!, description: columns.description!, url: columns.url!, section: paths, depths: depthsOf, tags: tagSets, sectionRows: split });
  const postingWords = encoder.encode(postings.text);
  const header: Header = {
    build,
    key,
    endian: ENDIAN,
    n,
    pages,
    paths: paths.table as string[][],
    tagSets: tagSets.table as string[][],
    runs: { path: paths.rows.length, tags: tagSets.rows.length },
    clean: (["id", "title", "url", "speaker"] as const).every((c) => safeLines(columns[c]!.text)) && paths.table.every((p) => p.every((name) => sanitize(name) === name)),
    text: Object.fromEntries(layout.text.map((c, i) => [c, { bytes: texts[i]!.length, length: columns[c]!.text.length, ascii: columns[c]!.ascii }])) as Header["text"],
    vocabulary: { bytes: vocabularyBytes.length, ascii: vocabulary.ascii },
    ...(details ? { details: { bytes: detailBytes.length } } : {}),
    sections: { runs: split.runs.rows.length, count: split.count, tables: SECTION_TABLES.map((t, k) => ({ bytes: sectionTexts[k]!.length, ascii: isAscii(split[t]) })) },
    index: { words: postings.starts.length - 1, postings: postings.postings.length, bytes: postingWords.length, ascii: isAscii(postings.text), chunks: [] },
    blocks: [],
  };
  const bytesOf = (a: Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const fixed: Uint8Array[] = [
    bytesOf(Int32Array.from(e, (x) => x.line)),
    ...layout.intRows.map((r) => bytesOf(Int32Array.from(e, (x) => r.cache.pack(x)))),
    bytesOf(depthsOf),
    ...[paths, tagSets].flatMap((list) => [bytesOf(list.rows), bytesOf(list.starts)]),
    ...layout.text.map((c) => bytesOf(columns[c]!.starts)),
    Uint8Array.from(e, (x) => KINDS.indexOf(x.kind)),
  ];
  const first = new Uint8Array(fixed.reduce((sum, p) => sum + p.length, 0));
  fixed.reduce((at, part) => (first.set(part, at), at + part.length), 0);
  const sectionBlock = concatBytes([bytesOf(split.runs.rows), bytesOf(split.runs.starts), ...sectionTexts]);
  const indexWords = concatBytes([bytesOf(postings.starts), bytesOf(postings.lists), postingWords]);
  const indexBlock = concatBytes([indexWords, new Uint8Array(align(postingWords.length, BLOCK_ALIGN) - postingWords.length), bytesOf(postings.postings)]);
  const blocks = [first, ...texts, vocabularyBytes, ...(details ? [detailBytes] : []), sectionBlock, indexBlock];
  header.blocks = [...blocks.slice(0, -1), indexWords].map((b) => checksum(b));
  for (let at = 0; at < postings.postings.length; at += POSTINGS_CHUNK) header.index.chunks.push(checksum(bytesOf(postings.postings.subarray(at, at + POSTINGS_CHUNK))));
  const json = encoder.encode(JSON.stringify(header));
  const dataStart = align(PREFIX + json.length, 8);
  const out = new Uint8Array(dataStart + blocks.reduce((sum, b) => sum + align(b.length, BLOCK_ALIGN), 0));
  out.set(encoder.encode(layout.magic), 0);
  const view = new DataView(out.buffer);
  view.setUint32(MAGIC.length + 4, json.length, true);
  out.set(json, PREFIX);
  let at = dataStart;
  for (const block of blocks) {
    out.set(block, at);
    at += align(block.length, BLOCK_ALIGN);
  }
  view.setUint32(MAGIC.length, checksum(out.subarray(PREFIX, PREFIX + json.length)), true);
  return out;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function validFrontMatter(v: unknown): v is FrontMatter {
  if (v === null || typeof v !== "object") return false;
  const fm = v as Record<string, unknown>;
  return isStringArray(fm.tags) && fm.meta !== null && typeof fm.meta === "object" &&
    ["title", "description", "date", "permalink", "baseUrl"].every((k) => fm[k] === undefined || isString(fm[k]));
}

/** A page's front matter and headings as this build writes them. */
function validDetails(d: unknown): d is PageDetails {
  if (d === null || typeof d !== "object") return false;
  const { frontMatter, headings } = d as Partial<PageDetails>;
  return validFrontMatter(frontMatter) && Array.isArray(headings) && headings.every((x) => x !== null && typeof x === "object" && Number.isInteger(x.level) && isString(x.text) && Number.isInteger(x.line) && (x.description === undefined || isString(x.description)));
}

/** A page of the header; `details` when its front matter and headings are there (a page file). */
function validPage(p: unknown, details: boolean): p is StoredPage {
  if (p === null || typeof p !== "object") return false;
  const { source, identity, permalink, n } = p as Partial<StoredPage>;
  if ((source !== undefined && !isString(source)) || (identity !== undefined && !isString(identity)) || (permalink !== undefined && !isString(permalink)) || !Number.isInteger(n) || n! < 0) return false;
  return !details || validDetails(p);
}

function validHeader(h: Partial<Header>, build: string, key: string, textColumns: readonly string[]): h is Header {
  if (h.build !== build || h.key !== key || h.endian !== ENDIAN || !Number.isInteger(h.n) || h.n! < 0) return false;
  const details = h.details as { bytes?: unknown } | undefined;
  if (details !== undefined && (details === null || typeof details !== "object" || !Number.isInteger(details.bytes) || (details.bytes as number) < 0)) return false;
  if (!Array.isArray(h.blocks) || !h.blocks.every((b) => Number.isInteger(b))) return false;
  const inHeader = details === undefined;
  if (!Array.isArray(h.pages) || h.pages.length === 0 || !h.pages.every((p) => validPage(p, inHeader)) || h.pages.reduce((sum, p) => sum + p.n, 0) !== h.n) return false;
  if (!Array.isArray(h.paths) || !Array.isArray(h.tagSets)) return false;
  if (!h.paths.every((p) => isStringArray(p) && p.length > 0) || !h.tagSets.every(isStringArray)) return false;
  const text = h.text as Record<string, unknown> | undefined;
  if (typeof h.clean !== "boolean") return false;
  const runs = h.runs as Record<string, unknown> | undefined;
  if (runs === null || typeof runs !== "object" || !LIST_COLUMNS.every((c) => Number.isInteger(runs[c]) && (runs[c] as number) >= 0)) return false;
  const sized = (t: { bytes?: unknown; ascii?: unknown } | null | undefined) =>
    t !== null && typeof t === "object" && Number.isInteger(t.bytes) && (t.bytes as number) >= 0 && typeof t.ascii === "boolean";
  const sections = h.sections as { runs?: unknown; count?: unknown; tables?: unknown } | undefined;
  if (sections === null || typeof sections !== "object" || !Number.isInteger(sections.runs) || (sections.runs as number) < 0 || !Number.isInteger(sections.count) || (sections.count as number) < 0) return false;
  if (!Array.isArray(sections.tables) || sections.tables.length !== SECTION_TABLES.length || !sections.tables.every(sized)) return false;
  const index = h.index as { words?: unknown; postings?: unknown; bytes?: unknown; ascii?: unknown; chunks?: unknown } | undefined;
  if (!sized(index) || !Number.isInteger(index!.words) || (index!.words as number) < 0 || !Number.isInteger(index!.postings) || (index!.postings as number) < 0) return false;
  if (!Array.isArray(index!.chunks) || index!.chunks.length !== Math.ceil((index!.postings as number) / POSTINGS_CHUNK) || !index!.chunks.every((c) => Number.isInteger(c))) return false;
  const column = (t: Header["text"][TextColumn] | undefined) => sized(t) && Number.isInteger(t!.length) && t!.length >= 0 && (t!.ascii ? t!.length === t!.bytes : t!.length <= t!.bytes);
  return text !== null && typeof text === "object" && textColumns.every((c) => column(text[c] as Header["text"][TextColumn] | undefined)) && sized(h.vocabulary);
}

/** Parts joined into one array. */
function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
}

/** Text of `count` rows joined by "\n": that many lines (none when there are no rows). */
function hasRows(text: string, count: number): boolean {
  if (count === 0) return text.length === 0;
  let lines = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  return lines === count;
}

/** Runs that cover n entries in order, each naming a row of a table of `size` rows. */
function validRuns(rows: Int32Array, starts: Int32Array, n: number, size: number): boolean {
  if (starts[0] !== 0 && n > 0) return false;
  if (starts[starts.length - 1] !== n) return false;
  for (let r = 0; r < rows.length; r++) {
    if (!(rows[r]! >= 0 && rows[r]! < size && starts[r]! < starts[r + 1]!)) return false;
  }
  return true;
}

/**
 * Starts of n entries in a text of `length`: from 0, ending at length + 1. That they never run
 * backwards is not checked one by one (700,000 comparisons, 6 ms of a warm search): only this
 * build writes what the checksum accepts, and a substring of misordered starts is still text.
 */
function validStarts(starts: Int32Array, length: number): boolean {
  return starts[0] === (starts.length === 1 ? length + 1 : 0) && starts[starts.length - 1] === length + 1;
}

function links(text: string): Link[] {
  if (!text) return [];
  const parts = text.split("\t");
  const out: Link[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push({ title: parts[i]!, url: parts[i + 1]! });
  return out;
}

/** The page stored in `file`, if it is exactly what this build would have written for `key`. */
export function unpack(file: Uint8Array | ByteSource, build: string, key: string, source: string, checksum: Checksum, table: readonly FieldRow[] = FIELDS): CachedPage | undefined {
  const read = unpackPages(file, build, key, checksum, source, table);
  return read && read.pages.length === 1 ? { page: read.pages[0]!, stored: read.stored } : undefined;
}

/**
 * The pages of a file (a page file, or a catalog unit: #26) and their entries as one catalog, ids
 * and positions across them; with each page's identity as stored. `source`, for a page file, is
 * where its bytes are now (a file is stored by content); a unit's pages carry theirs.
 */
export interface UnpackedPages {
  pages: Page[];
  /** How many entries each page has. */
  counts: number[];
  identities: (string | undefined)[];
  stored: StoredEntries;
}

/**
 * A file read in part (#26): its size, and `length` bytes from `offset`, in memory of their own
 * (so typed arrays can view them: at a multiple of 8), or undefined when they cannot be read. The
 * page cache gives one over a file it keeps open (io/cache/store.ts): what a run reads of a
 * catalog unit is then what its search asks for, not the whole file.
 */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array | undefined;
}

/** Bytes in memory as a ByteSource. */
function inMemory(file: Uint8Array): ByteSource {
  // Typed-array views need the data 4-byte aligned in memory, as it is in the file.
  const bytes = file.byteOffset % 8 === 0 ? file : file.slice();
  return { size: bytes.length, read: (offset, length) => (offset >= 0 && length >= 0 && offset + length <= bytes.length ? bytes.subarray(offset, offset + length) : undefined) };
}

/**
 * What unpack() reads, for a file of one page or several (a catalog unit, `source` undefined).
 * Of a ByteSource, everything but the postings is read at once and checked block by block; the
 * postings, the largest block (a third of the file), are read a chunk at a time when a search
 * asks for them, each chunk checked as it is read.
 */
export function unpackPages(file: Uint8Array | ByteSource, build: string, key: string, checksum: Checksum, source?: string, table: readonly FieldRow[] = FIELDS): UnpackedPages | undefined {
  const layout = layoutOf(table);
  const TEXT_COLUMNS = layout.text;
  const from = file instanceof Uint8Array ? inMemory(file) : file;
  const prefix = from.size >= PREFIX ? from.read(0, PREFIX) : undefined;
  if (!prefix || decodeAscii(prefix.subarray(0, MAGIC.length)) !== layout.magic) return undefined;
  const headerLength = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength).getUint32(MAGIC.length + 4, true);
  const headerChecksum = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength).getUint32(MAGIC.length, true);
  if (PREFIX + headerLength > from.size) return undefined;
  const headerBytes = from.read(PREFIX, headerLength);
  if (!headerBytes || headerChecksum !== checksum(headerBytes)) return undefined;
  let header: Partial<Header>;
  try {
    header = JSON.parse(decoder.decode(headerBytes)) as Partial<Header>;
  } catch {
    return undefined;
  }
  if (header === null || typeof header !== "object" || !validHeader(header, build, key, TEXT_COLUMNS)) return undefined;
  const h = header;
  const n = h.n;
  // Each entry's page: pages[p] holds entries pageStarts[p] to pageStarts[p + 1] - 1.
  if (source === undefined && !h.pages.every((p) => p.source !== undefined)) return undefined;
  const pageStarts = new Int32Array(h.pages.length + 1);
  h.pages.forEach((p, k) => (pageStarts[k + 1] = pageStarts[k]! + p.n));
  const sources = h.pages.map((p) => source ?? p.source!);
  const sourceOf = sources.length === 1 ? () => sources[0]! : (i: number) => sources[partAt(pageStarts, i)]!;

  // The data: every block where the header says, filling the file exactly, each checked as it is
  // read. `bytes` holds the blocks before the index, the last block, which is read when asked for
  // (the prefix and the header, read already, are not read again).
  const dataStart = align(PREFIX + headerLength, 8);
  const runCount = (c: ListName) => 2 * h.runs[c] + 1;
  const fixedSize = 4 * n * (1 + layout.ints) + 4 * LIST_COLUMNS.reduce((sum, c) => sum + runCount(c), 0) + TEXT_COLUMNS.length * 4 * (n + 1) + n;
  const sectionsSize = 4 * (2 * h.sections.runs + 1) + h.sections.tables.reduce((sum, t) => sum + t.bytes, 0);
  const indexSize = 8 * (h.index.words + 1) + align(h.index.bytes, BLOCK_ALIGN) + 4 * h.index.postings;
  const blockSizes = [fixedSize, ...TEXT_COLUMNS.map((c) => h.text[c]!.bytes), h.vocabulary.bytes, ...(h.details ? [h.details.bytes] : []), sectionsSize, indexSize];
  if (h.blocks.length !== blockSizes.length || from.size - dataStart !== blockSizes.reduce((sum, b) => sum + align(b, BLOCK_ALIGN), 0)) return undefined;
  const indexStart = from.size - align(indexSize, BLOCK_ALIGN);
  // At a multiple of 8 in the file, so in memory too: typed arrays view it.
  const bytes = from.read(dataStart, indexStart - dataStart);
  if (!bytes) return undefined;
  let at = bytes.byteOffset;
  let blockAt = at;
  const blockOk = (k: number) => {
    const ok = checksum(new Uint8Array(bytes.buffer, blockAt, blockSizes[k]!)) === h.blocks[k];
    blockAt += align(blockSizes[k]!, BLOCK_ALIGN);
    return ok;
  };
  if (!blockOk(0)) return undefined;
  const ints = (count: number) => {
    const values = new Int32Array(bytes.buffer, at, count);
    at += 4 * count;
    return values;
  };
  const lines = ints(n);
  const fieldInts = layout.intRows.map(() => ints(n));
  const depths = ints(n);
  const lists = {} as Record<ListName, { rows: Int32Array; starts: Int32Array }>;
  for (const c of LIST_COLUMNS) lists[c] = { rows: ints(h.runs[c]), starts: ints(h.runs[c] + 1) };
  const starts = {} as Record<TextColumn, Int32Array>;
  for (const c of TEXT_COLUMNS) {
    starts[c] = new Int32Array(bytes.buffer, at, n + 1);
    at += 4 * (n + 1);
  }
  const kinds = new Uint8Array(bytes.buffer, at, n);
  at = blockAt;
  // Checked now, decoded when first read: a search reads a few entries' values of most columns (#26).
  const columns = {} as Record<TextColumn, StoredColumn>;
  for (const [k, c] of TEXT_COLUMNS.entries()) {
    const { bytes: size, length, ascii } = h.text[c]!;
    if (!blockOk(1 + k)) return undefined;
    if (!validStarts(starts[c]!, length)) return undefined;
    columns[c] = new StoredColumn(new Uint8Array(bytes.buffer, at, size), length, starts[c]!, ascii);
    at = blockAt;
  }
  if (!blockOk(1 + TEXT_COLUMNS.length)) return undefined;
  const vocabularyText = decodeText(new Uint8Array(bytes.buffer, at, h.vocabulary.bytes), h.vocabulary.ascii);
  if (vocabularyText === undefined) return undefined;
  const vocabulary: Vocabulary = { text: vocabularyText, ascii: h.vocabulary.ascii };
  at = blockAt;
  // Checked now, parsed when first asked for: a damaged block is a re-parse, not a failed command later.
  if (h.details && !blockOk(2 + TEXT_COLUMNS.length)) return undefined;
  const detailBytes = h.details ? new Uint8Array(bytes.buffer, at, h.details.bytes) : undefined;
  at = blockAt;
  if (!blockOk(h.details ? 3 + TEXT_COLUMNS.length : 2 + TEXT_COLUMNS.length)) return undefined;
  const splitRows = ints(h.sections.runs);
  const splitStarts = ints(h.sections.runs + 1);
  const split = { runs: { rows: splitRows, starts: splitStarts }, count: h.sections.count } as SectionRows;
  for (const [k, t] of SECTION_TABLES.entries()) {
    const { bytes: length, ascii } = h.sections.tables[k]!;
    const text = decodeText(new Uint8Array(bytes.buffer, at, length), ascii);
    at += length;
    if (text === undefined || !hasRows(text, h.sections.count)) return undefined;
    split[t] = text;
  }
  if (!validRuns(splitRows, splitStarts, n, h.sections.count)) return undefined;
  // The index, the last block: read and checked when a search first asks for it; its postings a
  // chunk at a time.
  const indexBlock = blockSizes.length - 1;
  let postings: Postings | null | undefined;
  const postingsOf = (): Postings | undefined => {
    if (postings === undefined) {
      postings = null;
      const { words, postings: count, bytes: length, ascii, chunks } = h.index;
      const head = from.read(indexStart, 8 * (words + 1) + length);
      if (!head || checksum(head) !== h.blocks[indexBlock]) return undefined;
      const starts = new Int32Array(head.buffer, head.byteOffset, words + 1);
      const lists = new Int32Array(head.buffer, head.byteOffset + 4 * (words + 1), words + 1);
      const text = decodeText(head.subarray(8 * (words + 1)), ascii);
      if (text === undefined || !validStarts(starts, text.length) || lists[0] !== 0 || lists[words] !== count) return undefined;
      for (let k = 0; k < words; k++) if (!(lists[k]! <= lists[k + 1]!)) return undefined;
      const valuesAt = indexStart + 8 * (words + 1) + align(length, BLOCK_ALIGN);
      // Each chunk of postings is read and checked once, when a search first reads from it.
      const read = new Map<number, Int32Array>();
      const chunk = (c: number): Int32Array | undefined => {
        let values = read.get(c);
        if (values) return values;
        const size = Math.min(POSTINGS_CHUNK, count - c * POSTINGS_CHUNK);
        const raw = from.read(valuesAt + 4 * c * POSTINGS_CHUNK, 4 * size);
        if (!raw || checksum(raw) !== chunks[c]) return undefined;
        read.set(c, (values = new Int32Array(raw.buffer, raw.byteOffset, size)));
        return values;
      };
      const range = (start: number, end: number): Int32Array | undefined => {
        if (!(start >= 0 && start <= end && end <= count)) return undefined;
        const first = Math.floor(start / POSTINGS_CHUNK);
        if (end - start === 0) return new Int32Array(0);
        const last = Math.floor((end - 1) / POSTINGS_CHUNK);
        if (first === last) return chunk(first)?.subarray(start - first * POSTINGS_CHUNK, end - first * POSTINGS_CHUNK);
        const out = new Int32Array(end - start);
        for (let c = first; c <= last; c++) {
          const values = chunk(c);
          if (!values) return undefined;
          const lo = Math.max(start, c * POSTINGS_CHUNK) - c * POSTINGS_CHUNK;
          const hi = Math.min(end, (c + 1) * POSTINGS_CHUNK) - c * POSTINGS_CHUNK;
          out.set(values.subarray(lo, hi), c * POSTINGS_CHUNK + lo - start);
        }
        return out;
      };
      postings = { text, starts, lists, read: range };
    }
    return postings ?? undefined;
  };
  if (!validRuns(lists.path.rows, lists.path.starts, n, h.paths.length) || !validRuns(lists.tags.rows, lists.tags.starts, n, h.tagSets.length)) return undefined;
  for (let i = 0; i < n; i++) if (kinds[i]! >= KINDS.length) return undefined;
  const section = { table: h.paths, ...lists.path };
  const tags = { table: h.tagSets, ...lists.tags };
  // Run by run, not a search of the runs per entry (45,000 of them cost 4–40 ms of a warm search, #26).
  for (let r = 0; r < section.rows.length; r++) {
    const length = h.paths[section.rows[r]!]!.length;
    for (let i = section.starts[r]!; i < section.starts[r + 1]!; i++) if (!(depths[i]! >= 0 && depths[i]! < length)) return undefined;
  }

  const sectionPathOf = (i: number) => h.paths[rowOf(section, i)]!;
  const sectionOf = (i: number, path: string[]) => path[path.length - 1 - depths[i]!]!;
  let everything: (Entry & ParsedEntry)[] | undefined;
  // Until all() has built every entry, each call builds a new object that nothing keeps: a search
  // printing 19,000 hits leaves them to die young instead of copying them from GC to GC (#4).
  const entryAt = (i: number): (Entry & ParsedEntry) | undefined => {
    if (!(i >= 0 && i < n)) return undefined;
    if (everything) return everything[i];
    const sectionPath = sectionPathOf(i);
    const id = valueAt(columns.id!, i);
    // One shape for every entry (optional fields always present, maybe undefined): the format's
    // own parts, then the table's columns in the table's order.
    const entry = {
      id,
      position: i + 1,
      kind: KINDS[kinds[i]!] as Kind,
      section: sectionOf(i, sectionPath),
      sectionPath,
      related: links(valueAt(columns.related!, i)),
      tags: h.tagSets[rowOf(tags, i)]!,
      line: lines[i]!,
      source: sourceOf(i),
      slug: valueAt(columns.slug!, i) || id,
    } as Entry & ParsedEntry;
    for (const r of layout.textRows) Object.assign(entry, r.cache.unpack(valueAt(columns[r.name]!, i)));
    layout.intRows.forEach((r, k) => Object.assign(entry, r.cache.unpack(fieldInts[k]![i]!)));
    return entry;
  };
  const all = () => (everything ??= Array.from({ length: n }, (_, i) => entryAt(i)!));
  // A TSV line's fields, without the rest of an entry: 19,000 hits printed to a pipe (#4).
  const summary = (i: number) => {
    if (!(i >= 0 && i < n)) return undefined;
    const sectionPath = sectionPathOf(i);
    return {
      id: valueAt(columns.id!, i),
      title: valueAt(columns.title!, i),
      url: valueAt(columns.url!, i),
      speaker: valueAt(columns.speaker!, i) || undefined,
      section: sectionOf(i, sectionPath),
    };
  };
  // The TSV lines of entries printed to a pipe, straight from the columns, no summary object per
  // entry: what tsvLines(summaries, true) makes of them (#26). Only when the columns are clean.
  const tsv = (indexes: Int32Array): string => {
    let out = "";
    for (let k = 0; k < indexes.length; k++) {
      const i = indexes[k]!;
      if (!(i >= 0 && i < n)) throw new RangeError(`no entry ${i}`);
      const path = h.paths[rowOf(section, i)]!;
      out += `${valueAt(columns.id!, i)}\t${valueAt(columns.title!, i)}\t${valueAt(columns.url!, i)}\t${valueAt(columns.speaker!, i)}\t${path[path.length - 1 - depths[i]!]!}\n`;
    }
    return out;
  };
  // A unit's front matter and headings, parsed when first asked for. The checksum matched: only a
  // defect of this build could make them unreadable, and that is no page's fault to hide.
  let details: PageDetails[] | undefined;
  const detailsOf = (k: number): PageDetails => {
    if (!detailBytes) return h.pages[k] as PageDetails;
    if (!details) {
      const parsed = JSON.parse(decoder.decode(detailBytes)) as unknown;
      if (!Array.isArray(parsed) || parsed.length !== h.pages.length || !parsed.every(validDetails)) throw new Error("a catalog unit of the cache holds pages it cannot describe");
      details = parsed;
    }
    return details[k]!;
  };
  // One object per page, its lazy parts getters of a class (a folder of 3,000 notes is 3,000
  // pages: a closure and a property definition per field and page cost 12 ms of a warm search, #26).
  const unit: UnitOf = {
    details: detailsOf,
    entries: (k) => (h.pages.length === 1 ? all() : all().slice(pageStarts[k], pageStarts[k + 1])),
  };
  const pages = h.pages.map((p, k): Page => {
    // The permalink is known without the details: the catalog reads every page's (site links).
    const frontMatter = detailBytes ? (new UnitFrontMatter(unit, k, p.permalink) as unknown as FrontMatter) : detailsOf(k).frontMatter;
    return new UnitPage(unit, k, sources[k]!, frontMatter) as unknown as Page;
  });
  const stored: EntryColumns = {
    title: columns.title!,
    speaker: columns.speaker!,
    author: columns.authors!,
    event: columns.event!,
    description: columns.description!,
    url: columns.url!,
    section,
    depths,
    tags,
    vocabulary,
    sectionRows: split,
  };
  const entries: StoredEntries = {
    size: n,
    at: entryAt,
    all,
    summary,
    sanitized: h.clean,
    ...(h.clean ? { tsv } : {}),
    columns: () => stored,
    postings: postingsOf,
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) yield entryAt(i)!;
    },
  };
  return { pages, counts: h.pages.map((p) => p.n), identities: h.pages.map((p) => p.identity), stored: entries };
}

/**
 * A text column of a cache file, checked (its block's checksum, its starts against its length)
 * and decoded when first read whole: the search's scan folds it whole, but a search of a few
 * entries copies their values only (columns/postings.ts, keptColumn), and a TSV line reads its
 * entry's id, title and url (#26). An ASCII column gives those values from its bytes, one by one,
 * until enough were read that decoding it whole costs less.
 */
class StoredColumn implements JoinedColumn {
  #text: string | undefined;
  #parts = 0;
  readonly #raw: Uint8Array;
  readonly #length: number;
  constructor(raw: Uint8Array, length: number, readonly starts: Int32Array, readonly ascii: boolean) {
    this.#raw = raw;
    this.#length = length;
  }

  get text(): string {
    if (this.#text === undefined) {
      const text = decodeText(this.#raw, this.ascii);
      // Its checksum matched: only a defect of this build could make it unreadable.
      if (text === undefined || text.length !== this.#length) throw new Error("a file of the page cache holds a column it cannot decode");
      this.#text = text;
    }
    return this.#text;
  }

  /** The column's bytes as a Buffer, made once: each value is one native call on it, no view made per value. */
  #bytes: Buffer | undefined;

  part(from: number, to: number): string {
    // A value from the bytes costs about what 4 KB of the column decoded whole does.
    if (this.#text !== undefined || !this.ascii || ++this.#parts > this.#raw.length >> 12) return this.text.substring(from, to);
    this.#bytes ??= Buffer.from(this.#raw.buffer, this.#raw.byteOffset, this.#raw.byteLength);
    return this.#bytes.toString("latin1", from, Math.max(from, to));
  }
}

const LAZY_KEYS = ["title", "description", "date", "baseUrl", "tags", "meta"] as const;

/** What the pages of one file share: their front matter and headings, and their entries, by page. */
interface UnitOf {
  details(k: number): PageDetails;
  entries(k: number): ParsedEntry[];
}

/** A page of a cache file: its headings and entries read from the file when first asked for. */
class UnitPage {
  readonly #unit: UnitOf;
  readonly #k: number;
  #entries: ParsedEntry[] | undefined;
  constructor(unit: UnitOf, k: number, readonly source: string, readonly frontMatter: FrontMatter) {
    this.#unit = unit;
    this.#k = k;
  }
  get headings(): Heading[] {
    return this.#unit.details(this.#k).headings;
  }
  get entries(): ParsedEntry[] {
    return (this.#entries ??= this.#unit.entries(this.#k));
  }
  /** As a parsed page's JSON would be. */
  toJSON(): Page {
    return { source: this.source, frontMatter: this.frontMatter, headings: this.headings, entries: this.entries };
  }
}

/**
 * A unit page's front matter: its permalink at hand, the rest read from the unit's details when
 * first asked for. A value set (a web page's baseUrl) replaces the stored one.
 */
class UnitFrontMatter {
  readonly #unit: UnitOf;
  readonly #k: number;
  declare permalink?: string;
  constructor(unit: UnitOf, k: number, permalink: string | undefined) {
    this.#unit = unit;
    this.#k = k;
    if (permalink !== undefined) this.permalink = permalink;
  }
  /** As a parsed page's front matter's JSON would be: the stored values, and those set since. */
  toJSON(): FrontMatter {
    return { ...this.#unit.details(this.#k).frontMatter, ...this };
  }
  static {
    for (const key of LAZY_KEYS) {
      Object.defineProperty(UnitFrontMatter.prototype, key, {
        configurable: true,
        get(this: UnitFrontMatter) {
          return this.#unit.details(this.#k).frontMatter[key];
        },
        set(this: UnitFrontMatter, value: unknown) {
          Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
        },
      });
    }
  }
}

/**
 * ASCII bytes as a string: one byte, one character. Node's latin1 decoding is a copy (0.5 ns a
 * byte here, half of UTF-8 decoding; TextDecoder's "latin1" is really windows-1252, and slower).
 */
function decodeAscii(raw: Uint8Array): string {
  return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("latin1");
}

/** A stored text: ASCII in one native copy, else UTF-8, undefined if it is not valid UTF-8. */
function decodeText(raw: Uint8Array, ascii: boolean): string | undefined {
  if (ascii) return decodeAscii(raw);
  try {
    return decoder.decode(raw);
  } catch {
    return undefined;
  }
}
