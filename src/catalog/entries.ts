// The one way every command reads entries (#15): `Entries`, whether they came from the parser
// or from the cache. A parsed page's entries are an array; the cache's are built one by one from
// its columns when asked for (cache/format.ts), so that a search of 100,000 cached entries builds
// objects for what it prints only (#4), until something asks for all of them. Callers cannot tell
// the two apart, and need not. Pure.
import type { Entry, EntrySummary, Page } from "./types";
import type { EntryColumns } from "../columns/types";
import type { Postings } from "../columns/postings";
import { columnsOf } from "../columns/build";
import { sectionRows } from "../columns/folded";

export interface Entries extends Iterable<Entry> {
  readonly size: number;
  /**
   * Entry `index` (0-based, in catalog order). From the cache, a new object each call until every
   * entry has been built (`entries`, `all()`); then that one.
   */
  at(index: number): Entry | undefined;
  /** Just what a list row (TSV) prints of entry `index`: from the cache, cheaper than at(). */
  summary(index: number): EntrySummary | undefined;
  /**
   * Known, not assumed: the texts a list row prints hold nothing sanitize() would change (the
   * cache checks its columns once, when it writes them). False when nobody checked.
   */
  readonly sanitized: boolean;
  /**
   * The TSV lines (render/entries.ts, tsvLines) of entries `indexes`, each ending in "\n", made
   * straight from the stored columns (#26); only where they are `sanitized`, and only while no
   * entry's summary differs from its stored columns (no stored facts of links changed one).
   */
  tsv?(indexes: Int32Array): string;
  /** The columnar form, what the search scans: stored by the cache, else made on first call. */
  columns(): EntryColumns;
  /**
   * The postings of the columns' words (columns/postings.ts), when the cache stored them and they
   * are the columns' (#26): a search then scans only the entries its words can match.
   */
  postings?(): Postings | undefined;
}

/** The cache's entries of one page: `all()` builds every one (and keeps them). */
export interface StoredEntries extends Entries {
  all(): Entry[];
}

/**
 * A page as the loader hands it on. `stored`: its entries as the cache holds them (ids and
 * positions of a catalog of this page alone, columns ready), when it came from the cache; a
 * parsed page has none, and the catalog numbers its entries itself.
 */
export interface LoadedPage {
  page: Page;
  stored?: StoredEntries;
  /**
   * A page of a catalog unit (#26): the entries of every page of the unit as one catalog (the
   * same object on each of its pages), and how many of them are this page's.
   */
  unit?: { entries: StoredEntries; count: number };
}

/** How many entries a loaded page has, without building them. */
export function entryCount(loaded: LoadedPage): number {
  return loaded.stored?.size ?? loaded.unit?.count ?? loaded.page.entries.length;
}

/**
 * Entries of a list already built: a parsed page's, or a filtered selection of any. `intros`: the
 * pages' section descriptions by heading trail (catalog.ts, sectionDescriptions), which the search
 * reads for each section's entries (#24); asked for when the columns are first made.
 */
export function entriesOf(list: readonly Entry[], intros?: () => ReadonlyMap<string, string>): Entries {
  let made: EntryColumns | undefined;
  const columns = (): EntryColumns => {
    const c = columnsOf(list);
    const described = intros?.();
    return described && described.size > 0 ? { ...c, sectionRows: sectionRows(c.section, c.depths, described) } : c;
  };
  return {
    size: list.length,
    at: (index) => list[index],
    summary: (index) => list[index],
    sanitized: false,
    columns: () => (made ??= columns()),
    [Symbol.iterator]: () => list[Symbol.iterator](),
  };
}
