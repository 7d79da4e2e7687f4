// Turning what the user typed into entries: refs (ids, prefixes, positions) or search words.
// Shared by open, show, check, search and pick. Pure over the catalog.
import type { Catalog, Entry } from "../catalog/types";
import { exactRef, tryResolve, resolve } from "../catalog/resolve";
import type { EntryList } from "../catalog/types";
import { search, type SearchOptions } from "../search/search";
import { applyFilters, hasFilters, type Filters } from "../search/filters";
import { NotFoundError } from "../errors";

/**
 * What a search runs over: the filtered entries, or, unfiltered, the whole catalog as the cache
 * gave it (entries built only for hits, text ready for the search; #4). For search and pick.
 */
export function searchPool(catalog: Catalog, filters: Filters): { pool: EntryList; options: SearchOptions } {
  if (hasFilters(filters)) return { pool: applyFilters(catalog, catalog.entries, filters), options: {} };
  return { pool: catalog.lazy ?? catalog.entries, options: catalog.text ? { text: catalog.text } : {} };
}

/**
 * One argument: a ref (id, unique id prefix, position). Several: several entries only when every
 * one is an exact id or a position; otherwise all of them together are search words that must
 * select exactly one entry ("open key resharing"). Two words that happen to be prefixes of two
 * ids are a search, not two entries: `open gorilla mux` opened two tabs (#12).
 */
export function selectEntries(catalog: Catalog, args: string[], pool: Entry[] = catalog.entries): Entry[] {
  if (args.length === 1) {
    const single = tryResolve(catalog, args[0]!);
    if (single.entry) return [single.entry];
    // An ambiguous prefix alone is reported as such, with its candidates.
    if (single.candidates.length > 1) resolve(catalog, args[0]!);
  } else {
    const exact = args.map((arg) => exactRef(catalog, arg));
    if (exact.every(Boolean)) return exact as Entry[];
  }
  const query = args.join(" ");
  // No typo fallback here: a guess must never open a browser ("executoin" gets "did you mean").
  const hits = search(pool, query, { typos: false });
  if (hits.length === 1) return [hits[0]!.entry];
  if (hits.length > 1) {
    throw new NotFoundError(
      `'${query}' matches ${hits.length} entries`,
      "give an id, a position, or more words",
      hits.slice(0, 8).map((h) => ({ id: h.entry.id, title: h.entry.title })),
    );
  }
  // Nothing: report the argument (or the words together), with the nearest ids.
  return [resolve(catalog, args.length === 1 ? args[0]! : query)];
}
