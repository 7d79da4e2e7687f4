// Pages -> Catalog: positions in document order across pages, unique ids, and the facets (by
// section, kind, speaker, event, year, tag) that the commands read. Pure.
import type { Entry, Facet, Heading, Page, ParsedEntry } from "./types";
import { KINDS, UNTITLED_SECTION } from "./types";
import { entriesOf, type Entries, type LoadedPage } from "./entries";
import { assignIds } from "./ids";
import { isRelative } from "./classify";
import { fold } from "../text/fold";
import type { LinkFacts } from "./link-facts";
import { mergeFacts, patchColumns, withFacts } from "./merge-facts";
import type { EntryColumns } from "../columns/types";
import { valueAt } from "../columns/build";
import { FIELDS, type FieldRow } from "./fields";

function permalinkKey(path: string): string {
  return path.replace(/[?#].*$/, "").replace(/\/+$/, "").replace(/^(?!\/)/, "/").toLowerCase();
}

function siteTarget(url: string, permalinks: Map<string, string>): string | undefined {
  return permalinks.size > 0 && isRelative(url) ? permalinks.get(permalinkKey(url)) : undefined;
}

/** Groups positions by a key, keeping the first spelling seen as the facet's name. */
function facet(entries: readonly Entry[], keysOf: (e: Entry) => (string | undefined)[], keyFn: (k: string) => string = fold): Facet[] {
  const byKey = new Map<string, Facet>();
  for (const entry of entries) {
    for (const name of keysOf(entry)) {
      if (name === undefined) continue;
      const key = keyFn(name);
      const f = byKey.get(key);
      if (f) {
        if (f.entries.at(-1) !== entry.position) f.entries.push(entry.position);
      } else byKey.set(key, { name, entries: [entry.position] });
    }
  }
  return [...byKey.values()];
}

/**
 * The descriptions of sections (#23), by heading trail joined with a newline as the section facet
 * keys them: the trail is rebuilt from each page's headings as the parser builds it.
 */
export function sectionDescriptions(pages: readonly Pick<Page, "headings">[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const page of pages) {
    const trail: Heading[] = [];
    for (const heading of page.headings) {
      while (trail.length > 0 && trail.at(-1)!.level >= heading.level) trail.pop();
      trail.push(heading);
      if (heading.description) out.set(trail.map((h) => h.text || UNTITLED_SECTION).join("\n"), heading.description);
    }
  }
  return out;
}

/** The headings above an entry: its section path without the labels of the items it is nested in. */
export function headingTrail(e: Pick<Entry, "section" | "sectionPath">): string[] {
  const at = e.sectionPath.lastIndexOf(e.section);
  return at < 0 || at === e.sectionPath.length - 1 ? e.sectionPath : e.sectionPath.slice(0, at + 1);
}

/** A hash of `text` from `start` to `end`: its length and its last eight characters. */
function tailHash(text: string, start: number, end: number): number {
  let h = end - start;
  for (let at = Math.max(start, end - 8); at < end; at++) h = (Math.imul(h, 31) + text.charCodeAt(at)) | 0;
  return h;
}

/** `make`, called on first use only and then remembered: facets cost nothing until asked for. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** Entries of several pages: positions across pages, ids unique across the catalog. */
function numbered(pages: Page[], permalinks: Map<string, string>, table: readonly FieldRow[]): Entry[] {
  // The table's fields a parsed entry may have or not (#25), as the table orders them.
  const optional = table.filter((r) => (r.cache.kind !== "structure" || r.extract) && r.name !== "title" && r.name !== "url").map((r) => r.name);
  const flat: { page: Page; entry: ParsedEntry }[] = [];
  for (const page of pages) for (const entry of page.entries) flat.push({ page, entry });
  const ids = assignIds(flat.map(({ entry }) => entry));
  return flat.map(({ page, entry: e }, index) => {
    // Written out rather than spread: one object shape for all entries, and no slug.
    const out: Entry = {
      id: ids[index]!, position: index + 1, title: e.title, url: e.url, kind: e.kind, section: e.section,
      sectionPath: e.sectionPath, speakers: e.speakers, authors: e.authors, related: e.related, tags: e.tags, line: e.line, source: page.source,
    };
    for (const name of optional) {
      const value = (e as unknown as Record<string, unknown>)[name];
      if (value !== undefined) (out as unknown as Record<string, unknown>)[name] = value;
    }
    const target = siteTarget(e.url, permalinks);
    if (target !== undefined) out.target = target;
    return out;
  });
}

/**
 * The pages a command works on, and their entries: the one interface every command reads
 * (#15). As `Entries` it gives entry i, a list row's summary and the columns the search scans,
 * without saying whether the entries came from the parser or the cache; `entries` is all of them
 * as an array (from the cache, built on first read). The facets are made on first read too.
 */
export interface Catalog extends Entries, Readonly<Record<FacetName, Facet[]>> {
  readonly pages: readonly Page[];
  readonly entries: readonly Entry[];
}

/** The facets of a catalog: sections, kinds, speakers, authors (#23), and of talks (#13) events and years (in order); tags. */
const FACETS = ["bySection", "byKind", "bySpeaker", "byAuthor", "byEvent", "byYear", "byTag"] as const;
type FacetName = (typeof FACETS)[number];

/**
 * The catalog of loaded pages. A single page that came from the cache, or the pages of one catalog
 * unit (#26), keep their stored entries:
 * built (and given their targets) only when read, its columns as stored. Several pages are
 * numbered across each other here, whatever their origin.
 */
export function buildCatalog(loaded: readonly (Page | LoadedPage)[], table: readonly FieldRow[] = FIELDS, linkFacts?: ReadonlyMap<string, { facts: LinkFacts }>): Catalog {
  const given = loaded.map((l) => ("page" in l ? l : { page: l }));
  const pages = given.map((l) => l.page);
  const permalinks = new Map<string, string>();
  for (const page of pages) if (page.frontMatter.permalink) permalinks.set(permalinkKey(page.frontMatter.permalink), page.source);
  // One page from the cache, or the pages of one catalog unit (#26), all of them: entries ready-made.
  const unit = given[0]?.unit?.entries;
  const wholeUnit = unit !== undefined && given.every((l) => l.unit?.entries === unit) && given.reduce((sum, l) => sum + l.unit!.count, 0) === unit.size;
  const stored = given.length === 1 && given[0]!.stored ? given[0]!.stored : wholeUnit ? unit : undefined;
  let base: Entries;
  let all: () => readonly Entry[];
  // Stored facts of links (#27) fill the entries' gaps. Parsed entries are merged at once; a
  // cached page stays lazy: an entry is merged as it is built, and the stored columns are kept,
  // only the fields the facts changed patched in (a warm run with facts costs what one without does).
  const facts = linkFacts && linkFacts.size > 0 ? linkFacts : undefined;
  if (!stored) {
    const numberedEntries = numbered(pages, permalinks, table);
    const entries = (facts && mergeFacts(numberedEntries, facts)) || numberedEntries;
    all = () => entries;
    base = entriesOf(entries, () => sectionDescriptions(pages));
  } else {
    // Entries the cache made ready: only the links to loaded pages are left to find, as each is built.
    const withTarget = (e: Entry): Entry => {
      if (e.target === undefined) {
        const target = siteTarget(e.url, permalinks);
        if (target !== undefined) e.target = target;
      }
      return e;
    };
    // The entries the facts change, by index: found from the url column, built once, on first need.
    const changed = once(() => {
      const out = new Map<number, Entry>();
      if (!facts) return out;
      const urls = stored.columns().url;
      // A hash of each url's length and last characters, read in place: only the few entries
      // whose hash a fact's url shares are cut out of the column and looked up (no string a url).
      const tails = new Set<number>();
      for (const url of facts.keys()) tails.add(tailHash(url, 0, url.length));
      for (let i = 0; i < stored.size; i++) {
        if (!tails.has(tailHash(urls.text, urls.starts[i]!, urls.starts[i + 1]! - 1))) continue;
        const f = facts.get(valueAt(urls, i))?.facts;
        if (f === undefined) continue;
        const e = stored.at(i)!;
        const m = withFacts(e, f);
        if (m !== e) out.set(i, withTarget(m));
      }
      return out;
    });
    const source = stored;
    const one = (i: number, e: Entry): Entry => (facts ? (changed().get(i) ?? withTarget(e)) : withTarget(e));
    let built: Entry[] | undefined;
    all = () => {
      if (!built) built = source.all().map((e, i) => one(i, e));
      return built;
    };
    const at = (i: number) => {
      if (built) return built[i];
      if (facts) {
        const m = changed().get(i);
        if (m) return m;
      }
      const e = source.at(i);
      return e && withTarget(e);
    };
    let columns: EntryColumns | undefined;
    base = {
      ...source,
      at,
      summary: facts ? (i) => changed().get(i) ?? source.summary(i) : source.summary,
      // Straight from the columns only while they are the summaries: facts may change a title.
      tsv: facts ? undefined : source.tsv,
      // The stored postings are of the stored columns: not of columns the facts patched.
      postings: facts ? undefined : source.postings,
      columns: facts ? () => (columns ??= changed().size > 0 ? patchColumns(source.columns(), source.size, changed()) : source.columns()) : source.columns,
      // One at a time, as at() builds them: iterating keeps nothing the caller does not.
      *[Symbol.iterator]() {
        for (let i = 0; i < source.size; i++) yield at(i)!;
      },
    };
  }
  // A section is a heading: the labels of nested items (#13) are in the path, not in the facet.
  // Keyed by the trail joined with a newline, which sanitised page text never holds: a heading
  // that itself contains " › " is not cut in two (#12).
  const facets: Record<FacetName, () => Facet[]> = {
    bySection: () => {
      const described = sectionDescriptions(pages);
      return facet(all(), (e) => [headingTrail(e).join("\n")], (k) => k).map((f) => {
        const path = f.name.split("\n");
        const description = described.get(f.name);
        return { ...f, name: path.at(-1)!, path, ...(description !== undefined ? { description } : {}) };
      });
    },
    byKind: () => KINDS.map((kind) => ({ name: kind, entries: all().filter((e) => e.kind === kind).map((e) => e.position) })).filter((f) => f.entries.length > 0),
    bySpeaker: () => facet(all(), (e) => e.speakers),
    byAuthor: () => facet(all(), (e) => e.authors),
    byEvent: () => facet(all(), (e) => [e.event]),
    byYear: () => facet(all(), (e) => [e.year === undefined ? undefined : String(e.year)]).sort((a, b) => Number(a.name) - Number(b.name)),
    byTag: () => facet(all(), (e) => e.tags),
  };
  const catalog: Omit<Catalog, FacetName> = {
    ...base,
    pages,
    get entries() {
      return all();
    },
  };
  // Each facet is a getter that makes it on first read, then keeps it.
  for (const name of FACETS) Object.defineProperty(catalog, name, { enumerable: true, get: once(facets[name]) });
  return catalog as Catalog;
}
