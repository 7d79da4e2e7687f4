// Ranked, typo-tolerant search over title, speaker, section, description, tags and url (#3, #4).
//
// Every query word must match some field of an entry. A word matches a field's word exactly,
// as a prefix ("consen"), inside it ("sensus", 3+ letters), or, only when the word matches
// nothing anywhere in the catalog that way, within a small edit distance ("consensys",
// "camenish"; the words of titles, speakers, sections and tags). The score adds, per query word, the best field weight × match quality, so title
// matches rank above description or url matches and typos rank below exact matches.
//
// How it stays fast at 100,000 entries without an index built per run: each field of all
// entries is joined into one string (entries separated by "\n") and folded once with native
// string operations; a query word is found with indexOf over that string and each hit is mapped
// back to its entry by offset. Only the words near a typo are compared by edit distance.
import type { Entry, JoinedText } from "../catalog/types";

/** What the search reads: an array, or the cache's entries built one by one when read. */
export interface EntryList {
  readonly length: number;
  at(index: number): Entry | undefined;
}

function toArray(entries: EntryList): Entry[] {
  return Array.isArray(entries) ? entries : Array.from({ length: entries.length }, (_, i) => entries.at(i)!);
}
import { fold, foldWithMap, words } from "../text/fold";
import { editDistance } from "../text/distance";

export const FIELDS = ["title", "speaker", "section", "tags", "description", "url"] as const;
export type Field = (typeof FIELDS)[number];

const WEIGHT: Record<Field, number> = { title: 10, speaker: 9, section: 4, tags: 4, description: 3, url: 2 };
const QUALITY = { exact: 1, prefix: 0.8, infix: 0.45, typo: 0.3 } as const;
const PHRASE_BONUS = 4;

export interface Hit {
  entry: Entry;
  score: number;
}

function fieldText(e: Entry, field: Field): string {
  switch (field) {
    case "title": return e.title;
    case "speaker": return e.speaker ?? "";
    case "section": return e.sectionPath.join(" ");
    case "tags": return e.tags.join(" ");
    case "description": return e.description ?? "";
    case "url": return e.url;
  }
}

/** One field of every entry, folded and joined; `starts[i]` is where entry i's text begins. */
interface Column {
  text: string;
  starts: Int32Array;
}

export interface SearchIndex {
  entries: EntryList;
  columns: Record<Field, Column>;
}

/** Text of a list field (section path, tags), joined once per distinct list: entries share them. */
function listText(entries: Entry[], list: (e: Entry) => string[]): string[] {
  const seen = new Map<string[], string>();
  return entries.map((e) => {
    const value = list(e);
    let text = seen.get(value);
    if (text === undefined) seen.set(value, (text = value.join(" ")));
    return text;
  });
}

function column(list: EntryList, field: Field, joined?: JoinedText): Column {
  // Entry text never holds "\n" (the parser sanitises it), so "\n" separates entries.
  const stored = joined?.[field];
  const entries = stored === undefined ? toArray(list) : [];
  const values =
    stored !== undefined ? undefined
    : field === "section" ? listText(entries, (e) => e.sectionPath)
    : field === "tags" ? listText(entries, (e) => e.tags)
    : entries.map((e) => fieldText(e, field));
  const text = fold(stored ?? values!.map((v) => (v.includes("\n") ? v.replace(/\n/g, " ") : v)).join("\n"));
  const n = list.length;
  const starts = new Int32Array(n + 1);
  let at = 0;
  for (let i = 1; i < n; i++) {
    at = text.indexOf("\n", at) + 1;
    starts[i] = at;
  }
  starts[n] = text.length + 1;
  return { text, starts };
}

const indexes = new WeakMap<EntryList, SearchIndex>();

/**
 * The folded columns of a list of entries, made once per list (the picker searches many times).
 * `joined` is the text the cache stored for exactly these entries, when it has it.
 */
export function searchIndex(entries: EntryList, joined?: JoinedText): SearchIndex {
  let index = indexes.get(entries);
  if (!index) {
    const columns = {} as Record<Field, Column>;
    for (const field of FIELDS) columns[field] = column(entries, field, joined);
    index = { entries, columns };
    indexes.set(entries, index);
  }
  return index;
}

/** Query words, folded. */
export function queryWords(query: string): string[] {
  return [...new Set(words(fold(query)))];
}

function isAlnum(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
  return c > 127 && /[\p{L}\p{N}]/u.test(text[at]!);
}

function isWordStart(text: string, at: number): boolean {
  return at === 0 || !isAlnum(text, at - 1);
}

function isWordEnd(text: string, end: number): boolean {
  return end >= text.length || !isAlnum(text, end);
}

/** The entry whose text holds offset `at` (binary search over the starts). */
function entryAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * For one word and one field: the best quality per entry, written into `best` as weight × quality
 * (keeping the larger value already there). With `typo`, a word-start match counts as a typo.
 */
function scan(col: Column, word: string, weight: number, best: Float64Array, typo = false): boolean {
  let found = false;
  const { text, starts } = col;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    let q: number;
    if (isWordStart(text, at)) q = typo ? QUALITY.typo : isWordEnd(text, at + word.length) ? QUALITY.exact : QUALITY.prefix;
    else q = !typo && word.length >= 3 ? QUALITY.infix : 0;
    if (q === 0) continue;
    found = true;
    const i = entryAt(starts, at);
    const v = q * weight;
    if (v > best[i]!) best[i] = v;
  }
  return found;
}

/** How many typos a word of this length may carry: none under 4 letters, 2 from 8. */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * Fields whose words a typo is matched against: where names and titles live. Descriptions and
 * URLs hold most of a page's words (millions at 100,000 entries) and few of the words people
 * misspell when they search (#4).
 */
const TYPO_FIELDS: Field[] = ["title", "speaker", "section", "tags"];

/**
 * Words of the catalog within the typo budget of `word` (whole words, or the start of one).
 * Like most typo-tolerant search, it expects the first letter right: only words that start with
 * it are compared, a twentieth of the vocabulary.
 */
function nearWords(index: SearchIndex, word: string): string[] {
  const budget = typoBudget(word.length);
  const seen = new Set<string>();
  const near: string[] = [];
  const first = word[0]!.replace(/[\\^$.*+?()[\]{}|-]/g, "\\$&");
  const startsLikeWord = new RegExp(`(?<![\\p{L}\\p{N}])${first}[\\p{L}\\p{N}]*`, "gu");
  for (const field of TYPO_FIELDS) {
    for (const candidate of index.columns[field].text.match(startsLikeWord) ?? []) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      if (Math.abs(candidate.length - word.length) > budget && candidate.length < word.length) continue;
      if (editDistance(word, candidate, budget) <= budget || (candidate.length > word.length && editDistance(word, candidate.slice(0, word.length), budget) <= budget)) near.push(candidate);
    }
  }
  return near;
}

export interface SearchOptions {
  /** The stored text of exactly these entries (Catalog.joined), to skip joining it again. */
  joined?: JoinedText;
  /** Allow the typo fallback (default true). `open` turns it off: a guess must not launch a browser. */
  typos?: boolean;
}

export function search(entries: EntryList, query: string, options: SearchOptions = {}): Hit[] {
  const qwords = queryWords(query);
  if (qwords.length === 0 || entries.length === 0) return [];
  const index = searchIndex(entries, options.joined);
  const n = entries.length;
  const total = new Float64Array(n);
  const matched = new Uint16Array(n);
  const best = new Float64Array(n);

  for (const word of qwords) {
    best.fill(0);
    let found = false;
    for (const field of FIELDS) found = scan(index.columns[field], word, WEIGHT[field], best) || found;
    if (!found && options.typos !== false && typoBudget(word.length) > 0) {
      // Nothing has this word: take the catalog's words within a typo or two of it.
      for (const near of nearWords(index, word)) {
        for (const field of FIELDS) scan(index.columns[field], near, WEIGHT[field], best, true);
      }
    }
    for (let i = 0; i < n; i++) {
      if (best[i]! > 0) {
        total[i] = total[i]! + best[i]!;
        matched[i] = matched[i]! + 1;
      }
    }
  }

  const phrase = qwords.length > 1 ? qwords.join(" ") : undefined;
  const hits: Hit[] = [];
  for (let i = 0; i < n; i++) {
    if (matched[i] !== qwords.length) continue;
    let score = total[i]!;
    if (phrase) {
      const { title, speaker } = index.columns;
      const inTitle = title.text.slice(title.starts[i]!, title.starts[i + 1]! - 1).includes(phrase);
      if (inTitle || speaker.text.slice(speaker.starts[i]!, speaker.starts[i + 1]! - 1).includes(phrase)) score += PHRASE_BONUS;
    }
    hits.push({ entry: entries.at(i)!, score });
  }
  // Best first; equal scores keep document order, so results are stable.
  return hits.sort((a, b) => b.score - a.score || a.entry.position - b.entry.position);
}

/**
 * Ranges [start, end) of `text` (original, unfolded) that match the query's words: what a
 * terminal highlights.
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const { folded, origin } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const word of queryWords(query)) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      if (!isWordStart(folded, at) && word.length < 3) continue;
      ranges.push([origin[at]!, origin[at + word.length]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
