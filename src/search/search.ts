// Ranked, typo-tolerant search over title, speaker, section, description, tags and url (#3, #4).
//
// Every query word must match some field of an entry. A word matches a field's word exactly,
// as a prefix ("consen"), inside it ("sensus", 3+ letters), or, only when the word matches
// nothing anywhere in the catalog that way, within a small edit distance ("consensys",
// "camenish"). The score adds, per query word, the best field weight × match quality,
// so title matches rank above description or url matches and typos rank below exact matches.
// It is a linear scan over pre-folded strings: no index to build, so a one-shot run of
// 100,000 entries stays fast.
import type { Entry } from "../catalog/types";
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

/** The folded text of each field of an entry, computed once per entry. */
export type Haystack = Record<Field, string>;

export function haystack(entry: Entry): Haystack {
  return {
    title: fold(entry.title),
    speaker: fold(entry.speaker ?? ""),
    section: fold(entry.sectionPath.join(" ")),
    tags: fold(entry.tags.join(" ")),
    description: fold(entry.description ?? ""),
    url: fold(entry.url),
  };
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

/** Best quality of `word` in `text` without typos: exact word, word prefix, or infix. */
function directQuality(text: string, word: string): number {
  let best = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (isWordStart(text, at)) {
      if (isWordEnd(text, at + word.length)) return QUALITY.exact;
      best = QUALITY.prefix;
    } else if (word.length >= 3 && best < QUALITY.infix) best = QUALITY.infix;
  }
  return best;
}

/** How many typos a word of this length may carry: none under 4 letters, 2 from 8. */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

function typoQuality(text: string, word: string, budget: number, cache: Map<string, boolean>): number {
  for (const candidate of words(text)) {
    let near = cache.get(candidate);
    if (near === undefined) {
      // Compare with the whole word, and with its start (a typo in a prefix: "camenis" → "camenisch").
      near = editDistance(word, candidate, budget) <= budget || (candidate.length > word.length && editDistance(word, candidate.slice(0, word.length), budget) <= budget);
      cache.set(candidate, near);
    }
    if (near) return QUALITY.typo;
  }
  return 0;
}

export interface SearchOptions {
  /** Pre-folded haystacks, parallel to entries (the cache may supply them). */
  haystacks?: Haystack[];
  /** Allow the typo fallback (default true). `open` turns it off: a guess must not launch a browser. */
  typos?: boolean;
}

export function search(entries: Entry[], query: string, options: SearchOptions = {}): Hit[] {
  const qwords = queryWords(query);
  if (qwords.length === 0) return [];
  const stacks = options.haystacks ?? entries.map(haystack);
  const phrase = qwords.length > 1 ? qwords.join(" ") : undefined;

  // Which query words need the typo fallback: those found nowhere directly.
  const typos = options.typos ?? true;
  const fuzzy = qwords.map((word) => typos && typoBudget(word.length) > 0 && !stacks.some((h) => FIELDS.some((f) => h[f].includes(word))));
  const typoCaches = qwords.map(() => new Map<string, boolean>());

  const hits: Hit[] = [];
  for (let i = 0; i < entries.length; i++) {
    const h = stacks[i]!;
    let score = 0;
    let all = true;
    for (let w = 0; w < qwords.length && all; w++) {
      const word = qwords[w]!;
      let best = 0;
      for (const field of FIELDS) {
        const text = h[field];
        if (!text) continue;
        const q = fuzzy[w] ? typoQuality(text, word, typoBudget(word.length), typoCaches[w]!) : directQuality(text, word);
        if (q > 0) best = Math.max(best, q * WEIGHT[field]);
      }
      if (best === 0) all = false;
      score += best;
    }
    if (!all) continue;
    if (phrase && (h.title.includes(phrase) || h.speaker.includes(phrase))) score += PHRASE_BONUS;
    hits.push({ entry: entries[i]!, score });
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
