// Pages -> Catalog: positions in document order across pages, unique ids, and the indexes
// (by section, kind, speaker, tag) that the commands read. Pure.
import type { CachedEntries, Catalog, Entry, Facet, Page, ParsedEntry, SearchText } from "./types";
import { KINDS } from "./types";
import { assignIds } from "./ids";
import { isRelative } from "./classify";
import { fold } from "../text/fold";

function permalinkKey(path: string): string {
  return path.replace(/[?#].*$/, "").replace(/\/+$/, "").replace(/^(?!\/)/, "/").toLowerCase();
}

function siteTarget(url: string, permalinks: Map<string, string>): string | undefined {
  return permalinks.size > 0 && isRelative(url) ? permalinks.get(permalinkKey(url)) : undefined;
}

/** Groups positions by a key, keeping the first spelling seen as the facet's name. */
function facet(entries: Entry[], keysOf: (e: Entry) => (string | undefined)[], keyFn: (k: string) => string = fold): Facet[] {
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

/** The headings above an entry: its section path without the labels of the items it is nested in. */
export function headingTrail(e: Pick<Entry, "section" | "sectionPath">): string[] {
  const at = e.sectionPath.lastIndexOf(e.section);
  return at < 0 || at === e.sectionPath.length - 1 ? e.sectionPath : e.sectionPath.slice(0, at + 1);
}

/** Defines `key` on `target` as computed on first read, then kept: facets cost nothing until asked for. */
function lazy<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      Object.defineProperty(target, key, { value, enumerable: true });
      return value;
    },
  });
}

/** Entries of several pages: positions across pages, ids unique across the catalog. */
function numbered(pages: Page[], permalinks: Map<string, string>): Entry[] {
  const flat: { page: Page; entry: ParsedEntry }[] = [];
  for (const page of pages) for (const entry of page.entries) flat.push({ page, entry });
  const ids = assignIds(flat.map(({ entry }) => entry));
  return flat.map(({ page, entry: e }, index) => {
    // Written out rather than spread: one object shape for all entries, and no slug.
    const out: Entry = {
      id: ids[index]!, position: index + 1, title: e.title, url: e.url, kind: e.kind, section: e.section,
      sectionPath: e.sectionPath, speakers: e.speakers, related: e.related, tags: e.tags, line: e.line, source: page.source,
    };
    if (e.speaker !== undefined) out.speaker = e.speaker;
    if (e.event !== undefined) out.event = e.event;
    if (e.year !== undefined) out.year = e.year;
    if (e.duration !== undefined) out.duration = e.duration;
    if (e.description !== undefined) out.description = e.description;
    const target = siteTarget(e.url, permalinks);
    if (target !== undefined) out.target = target;
    return out;
  });
}

/** Entries the cache made ready: only the links to loaded pages are left to find. */
function withTargets(entries: Entry[], permalinks: Map<string, string>): Entry[] {
  for (const e of entries) {
    const target = siteTarget(e.url, permalinks);
    if (target !== undefined) e.target = target;
  }
  return entries;
}

/** What a cache may already know of a single page: its entries, built when read, and their text as the search reads it. */
export interface CatalogHints {
  lazy?: CachedEntries;
  text?: SearchText;
}

export function buildCatalog(pages: Page[], hints: CatalogHints = {}): Catalog {
  const permalinks = new Map<string, string>();
  for (const page of pages) if (page.frontMatter.permalink) permalinks.set(permalinkKey(page.frontMatter.permalink), page.source);
  const ready = pages.length === 1 ? hints.lazy : undefined;
  const catalog = { pages } as Catalog;
  if (ready) {
    // Entries from the cache: built (and given their targets) only when read.
    const at = (i: number) => {
      const e = ready.at(i);
      if (e && e.target === undefined) {
        const target = siteTarget(e.url, permalinks);
        if (target !== undefined) e.target = target;
      }
      return e;
    };
    catalog.lazy = { length: ready.length, at, summary: ready.summary, sanitized: ready.sanitized };
    lazy(catalog, "entries", () => withTargets(ready.all(), permalinks));
    if (hints.text) catalog.text = hints.text;
  } else {
    catalog.entries = numbered(pages, permalinks);
  }
  const entries = () => catalog.entries;
  // A section is a heading: the labels of nested items (#13) are in the path, not in the facet.
  // Keyed by the trail joined with a newline, which sanitised page text never holds: a heading
  // that itself contains " › " is not cut in two (#12).
  lazy(catalog, "bySection", () =>
    facet(entries(), (e) => [headingTrail(e).join("\n")], (k) => k).map((f) => {
      const path = f.name.split("\n");
      return { ...f, name: path.at(-1)!, path };
    }),
  );
  lazy(catalog, "byKind", () => KINDS.map((kind) => ({ name: kind, entries: entries().filter((e) => e.kind === kind).map((e) => e.position) })).filter((f) => f.entries.length > 0));
  lazy(catalog, "bySpeaker", () => facet(entries(), (e) => e.speakers));
  lazy(catalog, "byEvent", () => facet(entries(), (e) => [e.event]));
  lazy(catalog, "byYear", () => facet(entries(), (e) => [e.year === undefined ? undefined : String(e.year)]).sort((a, b) => Number(a.name) - Number(b.name)));
  lazy(catalog, "byTag", () => facet(entries(), (e) => e.tags));
  return catalog;
}
