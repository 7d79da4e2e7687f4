// resolve(catalog, ref): an id, a position number, an entry's title or repository (#24), or a
// unique id prefix (#2).
import type { Entry } from "./types";
import type { Catalog } from "./catalog";
import { NotFoundError } from "../errors";
import { fold, words } from "../text/fold";
import { editDistance } from "../text/distance";

/** Hosts whose urls name a repository as /owner/name. */
const REPOSITORY = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\/([^/?#\s]+)\/([^/?#\s]+?)(?:\.git)?\/?(?:[?#].*)?$/i;

/** The `owner/name` of the repository a url names (github.com/owner/name), folded; else undefined. */
export function repositoryOf(url: string): string | undefined {
  const m = REPOSITORY.exec(url);
  return m ? fold(`${m[1]}/${m[2]}`) : undefined;
}

/**
 * The one entry a ref names by its title (any case, any accents, punctuation aside: "is tdd dead"
 * for "Is TDD Dead?") or by its repository's `owner/name`, even when other entries mention the
 * same words (#24). Undefined when none does, or several do.
 */
export function namedEntry(catalog: Catalog, ref: string): Entry | undefined {
  const key = fold(ref.trim());
  const wanted = words(key).join(" ");
  if (!wanted) return undefined;
  const titled = catalog.entries.filter((e) => words(fold(e.title)).join(" ") === wanted);
  if (titled.length === 1) return titled[0];
  if (titled.length > 1 || !/^[^/\s]+\/[^/\s]+$/.test(key)) return undefined;
  const repository = catalog.entries.filter((e) => repositoryOf(e.url) === key);
  return repository.length === 1 ? repository[0] : undefined;
}

const MAX_CANDIDATES = 8;

export function resolve(catalog: Catalog, ref: string): Entry {
  const result = tryResolve(catalog, ref);
  if (result.entry) return result.entry;
  const show = (list: readonly Entry[]) => list.slice(0, MAX_CANDIDATES).map((e) => ({ id: e.id, title: e.title }));
  if (result.candidates.length > 0) {
    throw new NotFoundError(`'${ref}' matches ${result.candidates.length} entries`, "give more of the id", show(result.candidates));
  }
  const nearest = nearestIds(catalog, ref);
  const count = catalog.entries.length;
  throw new NotFoundError(
    `no entry '${ref}'`,
    nearest.length > 0 ? `did you mean ${nearest.map((e) => e.id).join(", ")}?` : /^\s*\d+\s*$/.test(ref) ? `positions go from 1 to ${count}; run 'icp-links list' to see them` : "run 'icp-links list' to see the ids",
    show(nearest),
  );
}

/** Like resolve, without throwing: an entry, or the candidates of an ambiguous prefix (maybe none). */
export function tryResolve(catalog: Catalog, ref: string): { entry?: Entry; candidates: Entry[] } {
  const wanted = ref.trim();
  if (/^\d+$/.test(wanted)) {
    const entry = catalog.entries[Number(wanted) - 1];
    return entry ? { entry, candidates: [] } : { candidates: [] };
  }
  const key = fold(wanted);
  if (!key) return { candidates: [] };
  const exact = catalog.entries.find((e) => e.id === key);
  if (exact) return { entry: exact, candidates: [] };
  const named = namedEntry(catalog, wanted);
  if (named) return { entry: named, candidates: [] };
  const candidates = catalog.entries.filter((e) => e.id.startsWith(key));
  if (candidates.length === 1) return { entry: candidates[0]!, candidates: [] };
  return { candidates };
}

/**
 * A ref that names one entry by itself: a position, or an id given whole (any case). A unique
 * prefix does not count: with several words, "gorilla mux" is a search, not two prefixes (#12).
 */
export function exactRef(catalog: Catalog, ref: string): Entry | undefined {
  const wanted = ref.trim();
  if (/^\d+$/.test(wanted)) return catalog.entries[Number(wanted) - 1];
  const key = fold(wanted);
  return key ? catalog.entries.find((e) => e.id === key) : undefined;
}

/**
 * The ids close to a mistyped ref (#22: `open 0` suggested the first three entries): none for a
 * number (a position, not a spelling); else ids at most a third of the ref's length of edits away
 * (one for a short ref), or, for a ref of four letters or more, whose start is a quarter of it away.
 */
export function nearestIds(catalog: Catalog, ref: string, limit = 3): Entry[] {
  const wanted = ref.trim();
  if (/^\d+$/.test(wanted)) return [];
  const key = fold(wanted);
  if (!key) return [];
  const budget = Math.max(1, Math.floor(key.length / 3));
  const prefixBudget = key.length >= 4 ? Math.floor(key.length / 4) : -1;
  const scored: { entry: Entry; d: number }[] = [];
  for (const entry of catalog.entries) {
    let d = editDistance(key, entry.id, budget);
    if (d > budget && prefixBudget >= 0 && editDistance(key, entry.id.slice(0, key.length), prefixBudget) <= prefixBudget) d = budget;
    if (d <= budget) scored.push({ entry, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.entry.position - b.entry.position).slice(0, limit).map((s) => s.entry);
}
