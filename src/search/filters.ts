// The filters of `list` (and of search, open, check, pick, export): --section, --kind,
// --speaker, --author (#23), --tag, and for talks --year, --event, --min-length, --max-length (#13). They combine
// with AND. Also the orders of --sort. Pure.
import type { Entry, Kind } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import { KINDS } from "../catalog/types";
import { durationOf } from "../catalog/talk-facts";
import { ValueError } from "../errors";
import { fold, words } from "../text/fold";

export interface Filters {
  section?: string;
  kind?: string;
  speaker?: string;
  /** Any of a paper's authors (#23), as --speaker matches speakers. */
  author?: string;
  tag?: string;
  /** "2014", "2010..2015", "2010..", "..2015". */
  year?: string;
  event?: string;
  /** "20m", "1h", "1h30m", "90s", "45" (minutes), "1:04:34". */
  minLength?: string;
  maxLength?: string;
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

/** "talks" and "Talk" name the kind "talk"; anything else is a ValueError. */
export function parseKind(text: string): Kind {
  const k = fold(text.trim()).replace(/s$/, "");
  const kind = KINDS.find((name) => name === k);
  if (!kind) throw new ValueError(`unknown kind '${text}'`, `use one of: ${KINDS.join(", ")}`);
  return kind;
}

/** "2014" → [2014, 2014]; "2010..2015", "2010..", "..2015" → a range (either end open). */
export function parseYears(text: string): [number, number] {
  const m = /^\s*(\d{4})?\s*(\.\.)?\s*(\d{4})?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[3] === undefined) || (m[2] === undefined && m[3] !== undefined)) {
    throw new ValueError(`--year '${text}' is not a year or a range`, "write 2014, 2010..2015, 2010.. or ..2015");
  }
  const from = m[1] === undefined ? -Infinity : Number(m[1]);
  const to = m[2] === undefined ? from : m[3] === undefined ? Infinity : Number(m[3]);
  if (from > to) throw new ValueError(`--year '${text}' ends before it starts`, "write the earlier year first");
  return [from, to];
}

/**
 * The one grammar of a length of time given on the command line (--max-age, --min-length,
 * --max-length): a number and a unit ("90s", "30m", "1.5h", "7d", "2w"), or a talk's length as
 * pages write it ("1h30m", "90 minutes", "1:04:34"). Seconds; undefined for anything else,
 * including a bare number, whose unit each option decides.
 */
export function timeSpanSeconds(text: string): number | undefined {
  const t = text.trim();
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/i.exec(t);
  if (m) return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2]!.toLowerCase() as "s"]!;
  return durationOf(t);
}

/** A talk's length: timeSpanSeconds(), or a bare number of minutes → seconds. */
export function parseLength(text: string, option = "--min-length"): number {
  const t = text.trim();
  const seconds = /^\d+$/.test(t) ? Number(t) * 60 : timeSpanSeconds(t);
  if (seconds === undefined) throw new ValueError(`${option} '${text}' is not a length`, "write 20m, 1h, 1h30m, 90s or 1:04:34");
  return seconds;
}

export function hasFilters(filters: Filters): boolean {
  return (["kind", "section", "speaker", "author", "tag", "year", "event", "minLength", "maxLength"] as const).some((k) => filters[k] !== undefined);
}

/**
 * Applies the filters. `ownTags` gives one's own tags of an entry, which --tag matches too (#16).
 * --section matches the entry's own section (the nearest heading); only when no section of the
 * catalog matches does it look at the rest of the path (the headings above, the items it is
 * nested in).
 */
export function applyFilters(catalog: Catalog, entries: readonly Entry[], filters: Filters, ownTags?: (e: Entry) => readonly string[]): readonly Entry[] {
  if (!hasFilters(filters)) return entries;
  const kind = filters.kind === undefined ? undefined : parseKind(filters.kind);
  const { section, speaker, author, tag, event } = filters;
  const years = filters.year === undefined ? undefined : parseYears(filters.year);
  const min = filters.minLength === undefined ? undefined : parseLength(filters.minLength, "--min-length");
  const max = filters.maxLength === undefined ? undefined : parseLength(filters.maxLength, "--max-length");
  let sectionOf: ((e: Entry) => boolean) | undefined;
  if (section !== undefined) {
    const own = catalog.bySection.some((f) => facetMatches(f.name, section));
    sectionOf = own ? (e) => facetMatches(e.section, section) : (e) => e.sectionPath.some((s) => facetMatches(s, section));
  }
  return entries.filter(
    (e) =>
      (kind === undefined || e.kind === kind) &&
      (sectionOf === undefined || sectionOf(e)) &&
      (speaker === undefined || e.speakers.some((s) => facetMatches(s, speaker))) &&
      (author === undefined || e.authors.some((s) => facetMatches(s, author))) &&
      (tag === undefined || e.tags.some((t) => facetMatches(t, tag)) || (ownTags !== undefined && ownTags(e).some((t) => facetMatches(t, tag)))) &&
      (event === undefined || (e.event !== undefined && facetMatches(e.event, event))) &&
      (years === undefined || (e.year !== undefined && e.year >= years[0] && e.year <= years[1])) &&
      (min === undefined || (e.duration !== undefined && e.duration >= min)) &&
      (max === undefined || (e.duration !== undefined && e.duration <= max)),
  );
}

export const SORTS = ["position", "title", "speaker", "year", "length"] as const;
export type Sort = (typeof SORTS)[number];

export function parseSort(text: string): Sort {
  const s = text.trim().toLowerCase();
  const sort = SORTS.find((name) => name === s || (s === "duration" && name === "length"));
  if (!sort) throw new ValueError(`unknown sort '${text}'`, `use one of: ${SORTS.join(", ")}`);
  return sort;
}

/**
 * Entries in the order of --sort (#13): a stable sort, entries without the value last, ties in
 * catalog order. Titles and speakers compare folded (case and accents ignored).
 */
export function sortEntries(entries: readonly Entry[], sort: Sort): Entry[] {
  const byPosition = (a: Entry, b: Entry) => a.position - b.position;
  if (sort === "position") return [...entries].sort(byPosition);
  const text = (key: (e: Entry) => string | undefined) => {
    const folded = new Map<Entry, string | undefined>();
    for (const e of entries) {
      const v = key(e);
      folded.set(e, v === undefined || v === "" ? undefined : fold(v));
    }
    return (a: Entry, b: Entry) => {
      const x = folded.get(a);
      const y = folded.get(b);
      if (x === undefined || y === undefined) return x === y ? byPosition(a, b) : x === undefined ? 1 : -1;
      return x < y ? -1 : x > y ? 1 : byPosition(a, b);
    };
  };
  const number = (key: (e: Entry) => number | undefined) => (a: Entry, b: Entry) => {
    const x = key(a);
    const y = key(b);
    if (x === undefined || y === undefined) return x === y ? byPosition(a, b) : x === undefined ? 1 : -1;
    return x - y || byPosition(a, b);
  };
  const compare =
    sort === "title" ? text((e) => e.title) : sort === "speaker" ? text((e) => e.speakers[0]) : sort === "year" ? number((e) => e.year) : number((e) => e.duration);
  return [...entries].sort(compare);
}
