// The cache's file format (#4): a parsed Page in a form that loads fast.
//
//   ICPL2 <header length>\n<header JSON>\n<column>\0<column>\0…
//
// The header holds the front matter, headings, the shared tables (section paths, tag lists),
// the small columns (kind, path, tags, line, related) and the length of the body. Each text
// column (title, url, speaker, description, slug, id) is its values joined by "\n": page text
// never holds a newline once sanitised, so reading a column is one native split, and the search
// can fold a stored column as it is, without joining 100,000 strings again.
//
// unpack() checks everything it reads and returns undefined for anything it does not fully trust:
// a corrupt, truncated, foreign or planted file can only cost a re-parse, never a wrong result.
import type { Entry, FrontMatter, Heading, JoinedText, Kind, Link, Page, ParsedEntry } from "../catalog/types";
import { KINDS } from "../catalog/types";

export const MAGIC = "ICPL2";
const TEXT_COLUMNS = ["title", "url", "speaker", "description", "slug", "id", "related"] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];

interface Header {
  build: string;
  key: string;
  n: number;
  bodyLength: number;
  /** Digest of the body: a flipped byte anywhere means a cache miss, not a wrong entry. */
  sum: string;
  frontMatter: FrontMatter;
  headings: Heading[];
  paths: string[][];
  tagSets: string[][];
  kind: number[];
  path: number[];
  tags: number[];
  line: number[];
}

/** A page as loaded from the cache, with what the cache knows beyond the page itself. */
export interface CachedPage {
  /** The page; its `entries` are built on first read. */
  page: Page;
  /**
   * The entries as a catalog of this page alone holds them (ids and positions set), built when
   * asked for; `all()` builds every one. They are the page's entries too: one object per entry.
   */
  lazy: EntryList & { all(): Entry[] };
  /** Stored text columns, joined by "\n", for the search. */
  joined: JoinedText;
}

/**
 * A digest of texts taken in order, as one (the cache passes SHA-1: integrity against
 * accidents, not against attackers). Parts, so that an 18 MB body is not copied to be hashed.
 */
export type Digest = (parts: string[]) => string;

export function pack(page: Page, ids: string[], build: string, key: string, digest: Digest): string {
  const paths: string[][] = [];
  const tagSets: string[][] = [];
  const intern = (list: string[], table: string[][], index: Map<string, number>): number => {
    const k = JSON.stringify(list);
    let i = index.get(k);
    if (i === undefined) {
      i = table.push(list) - 1;
      index.set(k, i);
    }
    return i;
  };
  const pathIndex = new Map<string, number>();
  const tagIndex = new Map<string, number>();
  const e = page.entries;
  const oneLine = (s: string) => s.replace(/[\n\t\0]/g, " ");
  const columns: Record<TextColumn, string> = {
    title: e.map((x) => oneLine(x.title)).join("\n"),
    url: e.map((x) => oneLine(x.url)).join("\n"),
    speaker: e.map((x) => oneLine(x.speaker ?? "")).join("\n"),
    description: e.map((x) => oneLine(x.description ?? "")).join("\n"),
    slug: e.map((x, i) => (x.slug === ids[i] ? "" : x.slug)).join("\n"),
    id: ids.join("\n"),
    // Related links as "title<TAB>url<TAB>title<TAB>url": page text holds no tab once sanitised.
    related: e.map((x) => x.related.map((l) => `${oneLine(l.title)}\t${oneLine(l.url)}`).join("\t")).join("\n"),
  };
  // NUL separates the columns: sanitised page text never holds a control character.
  const body = TEXT_COLUMNS.map((c) => columns[c]).join("\0");
  const header: Header = {
    build,
    key,
    n: e.length,
    bodyLength: body.length,
    sum: sumOf(digest, build, key, e.length, body),
    frontMatter: page.frontMatter,
    headings: page.headings,
    paths,
    tagSets,
    kind: e.map((x) => KINDS.indexOf(x.kind)),
    path: e.map((x) => intern(x.sectionPath, paths, pathIndex)),
    tags: e.map((x) => intern(x.tags, tagSets, tagIndex)),
    line: e.map((x) => x.line),
  };
  const json = JSON.stringify(header);
  return `${MAGIC} ${json.length}\n${json}\n${body}`;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isIntArray = (v: unknown, n: number, max: number): v is number[] =>
  Array.isArray(v) && v.length === n && v.every((x) => Number.isInteger(x) && x >= 0 && x < max);

function validFrontMatter(v: unknown): v is FrontMatter {
  if (v === null || typeof v !== "object") return false;
  const fm = v as Record<string, unknown>;
  return isStringArray(fm.tags) && fm.meta !== null && typeof fm.meta === "object" &&
    ["title", "description", "date", "permalink", "baseUrl"].every((k) => fm[k] === undefined || isString(fm[k]));
}

function validHeader(h: Partial<Header>, build: string, key: string): h is Header {
  if (h.build !== build || h.key !== key || !Number.isInteger(h.n) || h.n! < 0 || !Number.isInteger(h.bodyLength) || !isString(h.sum)) return false;
  const n = h.n!;
  if (!validFrontMatter(h.frontMatter) || !Array.isArray(h.headings) || !Array.isArray(h.paths) || !Array.isArray(h.tagSets)) return false;
  if (!h.paths.every((p) => isStringArray(p) && p.length > 0) || !h.tagSets.every(isStringArray)) return false;
  if (!h.headings.every((x) => x !== null && typeof x === "object" && Number.isInteger(x.level) && isString(x.text) && Number.isInteger(x.line))) return false;
  return isIntArray(h.kind, n, KINDS.length) && isIntArray(h.path, n, h.paths.length) && isIntArray(h.tags, n, h.tagSets.length) && isIntArray(h.line, n, Number.MAX_SAFE_INTEGER);
}

function links(text: string): Link[] {
  if (!text) return [];
  const parts = text.split("\t");
  const out: Link[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push({ title: parts[i]!, url: parts[i + 1]! });
  return out;
}

/** The page stored in `text`, if it is exactly what this build would have written for `key`. */
/**
 * Entries in catalog order, built one by one when asked for: a search of 100,000 cached entries
 * builds objects for its hits only (#4). Arrays are such lists too.
 */
export interface EntryList {
  readonly length: number;
  at(index: number): Entry | undefined;
}

/** The digest covers the body and what says how to read it, so neither can change unseen. */
function sumOf(digest: Digest, build: string, key: string, n: number, body: string): string {
  return digest([`${build}\n${key}\n${n}\n`, body]);
}

/** The page stored in `text`, if it is exactly what this build would have written for `key`. */
export function unpack(text: string, build: string, key: string, source: string, digest: Digest): CachedPage | undefined {
  const m = new RegExp(`^${MAGIC} (\\d{1,12})\n`).exec(text.slice(0, 32));
  if (!m) return undefined;
  const headerStart = m[0].length;
  const headerEnd = headerStart + Number(m[1]);
  if (text[headerEnd] !== "\n") return undefined;
  let header: Partial<Header>;
  try {
    header = JSON.parse(text.slice(headerStart, headerEnd)) as Partial<Header>;
  } catch {
    return undefined;
  }
  if (header === null || typeof header !== "object" || !validHeader(header, build, key)) return undefined;
  const body = text.slice(headerEnd + 1);
  const n = header.n;
  // What this build wrote, byte for byte: the columns hold n values each and the ids are unique.
  if (body.length !== header.bodyLength || sumOf(digest, build, key, n, body) !== header.sum) return undefined;
  const blocks = body.split("\0");
  if (blocks.length !== TEXT_COLUMNS.length) return undefined;
  const h = header;

  // The text columns are split on first use, the entries built one at a time.
  let cols: Record<TextColumn, string[]> | undefined;
  const columns = (): Record<TextColumn, string[]> => {
    if (!cols) {
      cols = {} as Record<TextColumn, string[]>;
      TEXT_COLUMNS.forEach((c, i) => (cols![c] = n === 0 ? [] : blocks[i]!.split("\n")));
    }
    return cols;
  };
  const built: (Entry & ParsedEntry)[] = new Array(n);
  const at = (i: number): (Entry & ParsedEntry) | undefined => {
    if (!(i >= 0 && i < n)) return undefined;
    const done = built[i];
    if (done) return done;
    const c = columns();
    const sectionPath = h.paths[h.path[i]!]!;
    const id = c.id[i]!;
    // One shape for every entry (optional fields always present, maybe undefined).
    return (built[i] = {
      id,
      position: i + 1,
      title: c.title[i]!,
      url: c.url[i]!,
      kind: KINDS[h.kind[i]!] as Kind,
      section: sectionPath[sectionPath.length - 1]!,
      sectionPath,
      speaker: c.speaker[i] || undefined,
      description: c.description[i] || undefined,
      related: links(c.related[i]!),
      tags: h.tagSets[h.tags[i]!]!,
      line: h.line[i]!,
      source,
      slug: c.slug[i] || id,
    });
  };
  let everything: (Entry & ParsedEntry)[] | undefined;
  const all = () => (everything ??= Array.from({ length: n }, (_, i) => at(i)!));
  const page = { source, frontMatter: h.frontMatter, headings: h.headings } as Page;
  Object.defineProperty(page, "entries", { enumerable: true, get: all });
  // The search's section and tag columns, from the shared tables: no entry needed.
  const joinedList = (table: string[][], index: number[]) => {
    const texts = table.map((list) => list.join(" "));
    return index.map((k) => texts[k]!).join("\n");
  };
  return {
    page,
    lazy: { length: n, at, all },
    joined: {
      title: blocks[0]!,
      url: blocks[1]!,
      speaker: blocks[2]!,
      description: blocks[3]!,
      section: joinedList(h.paths, h.path),
      tags: joinedList(h.tagSets, h.tags),
    },
  };
}
