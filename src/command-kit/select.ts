// Turning what the user typed into entries: refs (ids, prefixes, positions) or search words.
// Shared by open, show, check, search and pick. Pure over the catalog.
import type { Entry } from "../catalog/types";
import { sectionDescriptions, type Catalog } from "../catalog/catalog";
import { entriesOf, type Entries } from "../catalog/entries";
import { exactRef, namedEntry, tryResolve, resolve } from "../catalog/resolve";
import { search } from "../search/search";
import { applyFilters, hasFilters, type Filters } from "../search/filters";
import { filterEntries, searchable, wantsState, type OwnLayer, type StateFilterOptions } from "../state/layer";
import { NotFoundError } from "../errors";

/**
 * What search and pick run over: `scan`, what the search reads, and `shown`, the same entries
 * index for index as they are shown. One's notes and own tags are searched too (#16), so then
 * `scan` holds copies that carry them; --todo and --done select. Unfiltered, both are the
 * catalog itself: a cached page's columns as stored, entries built only for the hits (#4).
 */
export function searchScope(catalog: Catalog, options: Filters & StateFilterOptions, layer: OwnLayer | undefined): { scan: Entries; shown: Entries } {
  // A selection is searched with its sections' intro lines, as the whole catalog is (#24).
  const intros = () => sectionDescriptions(catalog.pages);
  if (layer?.hasText || wantsState(options)) {
    const kept = filterEntries(catalog, catalog.entries, options, layer);
    const shown = entriesOf(kept, intros);
    return { scan: layer?.hasText ? entriesOf(searchable(kept, layer), intros) : shown, shown };
  }
  const shown = hasFilters(options) ? entriesOf(applyFilters(catalog, catalog.entries, options), intros) : catalog;
  return { scan: shown, shown };
}

/**
 * One argument: a ref (id, unique id prefix, position). Several: several entries only when every
 * one is an exact id or a position; otherwise all of them together are search words that must
 * select exactly one entry ("open key resharing"). Two words that happen to be prefixes of two
 * ids are a search, not two entries: `open gorilla mux` opened two tabs (#12).
 */
export function selectEntries(catalog: Catalog, args: string[]): Entry[] {
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
  // The words of one entry's title, or its repository's owner/name, name it (#24: `open simple made easy`).
  const named = namedEntry(catalog, query);
  if (named) return [named];
  // No typo fallback here: a guess must never open a browser ("executoin" gets "did you mean").
  const hits = search(catalog, query, { typos: false });
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
