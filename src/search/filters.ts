// The filters of `list` (and of search, open, check, pick, export): --section, --kind,
// --speaker, --tag. They combine with AND. Pure.
import type { Catalog, Entry, Kind } from "../catalog/types";
import { KINDS } from "../catalog/types";
import { UsageError } from "../errors";
import { fold, words } from "../text/fold";

export interface Filters {
  section?: string;
  kind?: string;
  speaker?: string;
  tag?: string;
}

/**
 * A facet value matches a wanted text, both folded (case and diacritics ignored), when it
 * starts with it ("manu" → "Manu Drijvers") or holds it as whole words ("drijvers").
 */
export function facetMatches(value: string, wanted: string): boolean {
  const v = words(fold(value)).join(" ");
  const w = words(fold(wanted)).join(" ");
  if (!w) return false;
  return v.startsWith(w) || ` ${v} `.includes(` ${w} `);
}

/** "talks" and "Talk" name the kind "talk"; anything else is a usage error. */
export function parseKind(text: string): Kind {
  const k = fold(text.trim()).replace(/s$/, "");
  const kind = KINDS.find((name) => name === k);
  if (!kind) throw new UsageError(`unknown kind '${text}'`, `use one of: ${KINDS.join(", ")}`);
  return kind;
}

export function hasFilters(filters: Filters): boolean {
  return filters.kind !== undefined || filters.section !== undefined || filters.speaker !== undefined || filters.tag !== undefined;
}

/**
 * Applies the filters. `ownTags` gives one's own tags of an entry, which --tag matches too (#16). --section matches the entry's own section (the nearest heading);
 * only when no section of the catalog matches does it look at the headings above.
 */
export function applyFilters(catalog: Catalog, entries: Entry[], filters: Filters, ownTags?: (e: Entry) => readonly string[]): Entry[] {
  const kind = filters.kind === undefined ? undefined : parseKind(filters.kind);
  const { section, speaker, tag } = filters;
  // No filter: the same list, not a copy.
  if (kind === undefined && section === undefined && speaker === undefined && tag === undefined) return entries;
  let sectionOf: ((e: Entry) => boolean) | undefined;
  if (section !== undefined) {
    const own = catalog.bySection.some((f) => facetMatches(f.name, section));
    sectionOf = own ? (e) => facetMatches(e.section, section) : (e) => e.sectionPath.some((s) => facetMatches(s, section));
  }
  return entries.filter(
    (e) =>
      (kind === undefined || e.kind === kind) &&
      (sectionOf === undefined || sectionOf(e)) &&
      (speaker === undefined || (e.speaker !== undefined && facetMatches(e.speaker, speaker))) &&
      (tag === undefined || e.tags.some((t) => facetMatches(t, tag)) || (ownTags !== undefined && ownTags(e).some((t) => facetMatches(t, tag)))),
  );
}
