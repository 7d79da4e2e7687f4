// resolve(catalog, ref): an id, a position number, or a unique id prefix (#2).
import type { Entry } from "./types";
import type { Catalog } from "./catalog";
import { NotFoundError } from "../errors";
import { fold } from "../text/fold";
import { editDistance } from "../text/distance";

const MAX_CANDIDATES = 8;

export function resolve(catalog: Catalog, ref: string): Entry {
  const result = tryResolve(catalog, ref);
  if (result.entry) return result.entry;
  const show = (list: readonly Entry[]) => list.slice(0, MAX_CANDIDATES).map((e) => ({ id: e.id, title: e.title }));
  if (result.candidates.length > 0) {
    throw new NotFoundError(`'${ref}' matches ${result.candidates.length} entries`, "give more of the id", show(result.candidates));
  }
  const nearest = nearestIds(catalog, ref);
  throw new NotFoundError(
    `no entry '${ref}'`,
    nearest.length > 0 ? `did you mean ${nearest.map((e) => e.id).join(", ")}?` : "run 'icp-links list' to see the ids",
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

/** The ids closest to a mistyped ref, by edit distance on the ref's length. */
export function nearestIds(catalog: Catalog, ref: string, limit = 3): Entry[] {
  const key = fold(ref.trim());
  if (!key) return [];
  const budget = Math.max(2, Math.floor(key.length / 3));
  const scored: { entry: Entry; d: number }[] = [];
  for (const entry of catalog.entries) {
    const d = Math.min(editDistance(key, entry.id, budget), editDistance(key, entry.id.slice(0, key.length), budget));
    if (d <= budget) scored.push({ entry, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.entry.position - b.entry.position).slice(0, limit).map((s) => s.entry);
}
