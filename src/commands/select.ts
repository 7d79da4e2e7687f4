// Turning what the user typed into entries: refs (ids, prefixes, positions) or search words.
// Shared by open, show, check, search and pick. Pure over the catalog.
import type { Catalog, Entry } from "../catalog/types";
import { tryResolve, resolve } from "../catalog/resolve";
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
 * Each argument a ref; when some argument is not a ref, all of them together are search words
 * that must select exactly one entry ("open key resharing").
 */
export function selectEntries(catalog: Catalog, args: string[], pool: Entry[] = catalog.entries): Entry[] {
  const resolved = args.map((arg) => tryResolve(catalog, arg));
  if (resolved.every((r) => r.entry)) return resolved.map((r) => r.entry!);
  // An ambiguous prefix alone is reported as such, with its candidates.
  if (args.length === 1 && resolved[0]!.candidates.length > 1) resolve(catalog, args[0]!);
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
  // Nothing: report the first argument that is not a ref, with the nearest ids.
  const bad = args[resolved.findIndex((r) => !r.entry)]!;
  return [resolve(catalog, args.length === 1 ? bad : query)];
}
