// Ranked, typo-tolerant search over title, speaker, section, description, tags and url (#3, #4).
//
// Every query word must match some field of an entry. A word matches a field's word exactly,
// as a prefix ("consen"), inside it ("sensus", 3+ letters), or, only when the word matches
// nothing anywhere in the catalog that way, within a small edit distance ("consensys",
// "camenish"; the words of titles, speakers, sections and tags). The score adds, per query word, the best field weight × match quality, so title
// matches rank above description or url matches and typos rank below exact matches.
//
// How it stays fast at 100,000 entries without an index built per run: each text field of all
// entries is one string (entries separated by "\n"), folded once with native string operations;
// a query word is found with indexOf over that string and each hit is mapped back to its entry
// by offset. Section trails and tags are searched in their table of distinct lists (a few
// thousand rows) and spread to the entries. The cache stores these strings ready-made
// (columns.ts). Only the words near a typo are compared by edit distance.
import type { Entry, EntryList, JoinedColumn, ListColumn, SearchText, Vocabulary } from "../catalog/types";
import { fold, foldWithMap, isAscii, words } from "../text/fold";
import { editDistance } from "../text/distance";
import { partAt, searchTextOf, startsOf } from "./columns";

function toArray(entries: EntryList): Entry[] {
  return Array.isArray(entries) ? entries : Array.from({ length: entries.length }, (_, i) => entries.at(i)!);
}

export const FIELDS = ["title", "speaker", "section", "tags", "description", "url"] as const;
export type Field = (typeof FIELDS)[number];

const WEIGHT: Record<Field, number> = { title: 10, speaker: 9, section: 4, tags: 4, description: 3, url: 2 };
const QUALITY = { exact: 1, prefix: 0.8, infix: 0.45, typo: 0.3 } as const;
const PHRASE_BONUS = 4;

export interface Hit {
  entry: Entry;
  score: number;
}

/** One field of every entry (or of every row of a list table), folded; `starts[i]` is where row i begins. */
interface Column {
  text: string;
  starts: Int32Array;
  /** Only ASCII: its letters are a to z once folded. */
  ascii: boolean;
}

/** A list field: its table's folded rows, and the runs of entries that share a row. */
interface TableColumn {
  rows: Column;
  runs: ListColumn;
}

interface Columns {
  title: Column;
  speaker: Column;
  section: TableColumn;
  tags: TableColumn;
  description: Column;
  url: Column;
}

export interface SearchIndex {
  entries: EntryList;
  columns: Columns;
  /** The words a typo is matched against, when the cache had them (else the columns are read). */
  vocabulary?: Vocabulary;
}

function foldColumn(c: JoinedColumn): Column {
  // ASCII folds to itself lowercased, offsets unchanged: no second pass over 100,000 entries.
  if (c.ascii) return { text: c.text.toLowerCase(), starts: c.starts, ascii: true };
  const text = fold(c.text);
  return { text, starts: startsOf(text, c.starts.length - 1), ascii: false };
}

function foldTable(c: ListColumn): TableColumn {
  const text = fold(c.table.map((list) => list.join(" ").replace(/\n/g, " ")).join("\n"));
  return { rows: { text, starts: startsOf(text, c.table.length), ascii: isAscii(text) }, runs: c };
}

const indexes = new WeakMap<EntryList, SearchIndex>();

/**
 * The folded columns of a list of entries, made once per list (the picker searches many times).
 * `text` is what the cache stored for exactly these entries, when it has it.
 */
export function searchIndex(entries: EntryList, text?: SearchText): SearchIndex {
  let index = indexes.get(entries);
  if (!index) {
    const t = text ?? searchTextOf(toArray(entries));
    index = {
      entries,
      columns: {
        title: foldColumn(t.title),
        speaker: foldColumn(t.speaker),
        section: foldTable(t.section),
        tags: foldTable(t.tags),
        description: foldColumn(t.description),
        url: foldColumn(t.url),
      },
      vocabulary: t.vocabulary,
    };
    indexes.set(entries, index);
  }
  return index;
}

/** The folded rows a column's words are read from (a list field's table). */
function rowsOf(c: Column | TableColumn): Column {
  return "runs" in c ? c.rows : c;
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


/**
 * The best weight × quality of one query word for each entry, and which entries have one: the
 * work after the scans is over the entries the word matched, not over the whole catalog (#4).
 */
class WordScores {
  readonly best: Float64Array;
  readonly touched: Int32Array;
  count = 0;

  constructor(n: number) {
    this.best = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  raise(i: number, value: number): void {
    const old = this.best[i]!;
    if (old === 0) this.touched[this.count++] = i;
    if (value > old) this.best[i] = value;
  }
}

/**
 * For one word and one column: the best quality per row, raised in `scores` as weight × quality.
 * With `typo`, a word-start match counts as a typo.
 */
function scan(col: Column, word: string, weight: number, scores: WordScores, typo = false): boolean {
  let found = false;
  const { text, starts } = col;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    let q: number;
    if (isWordStart(text, at)) q = typo ? QUALITY.typo : isWordEnd(text, at + word.length) ? QUALITY.exact : QUALITY.prefix;
    else q = !typo && word.length >= 3 ? QUALITY.infix : 0;
    if (q === 0) continue;
    found = true;
    scores.raise(partAt(starts, at), q * weight);
  }
  return found;
}

/** `scan` for a field: a list field is scanned in its table, then spread to the entries. */
function scanField(c: Column | TableColumn, word: string, weight: number, scores: WordScores, typo = false): boolean {
  if (!("runs" in c)) return scan(c, word, weight, scores, typo);
  const rows = new WordScores(c.rows.starts.length - 1);
  if (!scan(c.rows, word, weight, rows, typo)) return false;
  const { rows: runRows, starts } = c.runs;
  for (let r = 0; r < runRows.length; r++) {
    const v = rows.best[runRows[r]!]!;
    if (v > 0) for (let i = starts[r]!; i < starts[r + 1]!; i++) scores.raise(i, v);
  }
  return true;
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
  // Words too short to be within the budget are not even matched: most words are short. In ASCII
  // text, letters and digits are a class of their own, which a regular expression scans faster.
  const rest = Math.max(0, [...word].length - budget - 1);
  const startsLikeWord = new RegExp(`(?<![\\p{L}\\p{N}])${first}[\\p{L}\\p{N}]{${rest},}`, "gu");
  const startsLikeAsciiWord = new RegExp(`(?<![a-z0-9])${first}[a-z0-9]{${rest},}`, "g");
  // The cache's vocabulary holds the same words as the fields, each once: a fifth of the text of
  // 100,000 titles, and 12–22 ms less for a typo search of them (#4).
  const sources = index.vocabulary ? [index.vocabulary] : TYPO_FIELDS.map((field) => rowsOf(index.columns[field]));
  for (const column of sources) {
    for (const candidate of column.text.match(column.ascii ? startsLikeAsciiWord : startsLikeWord) ?? []) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      if (editDistance(word, candidate, budget) <= budget || (candidate.length > word.length && editDistance(word, candidate.slice(0, word.length), budget) <= budget)) near.push(candidate);
    }
  }
  return near;
}

/**
 * The distinct words of the fields a typo is matched against, folded as the search folds them,
 * one per line: what the cache stores so that a typo search need not read every title for its
 * candidate words. nearWords() finds the same candidates in it as in the fields.
 */
export function typoVocabulary(text: Pick<SearchText, "title" | "speaker" | "section" | "tags">): Vocabulary {
  const folded = [foldColumn(text.title), foldColumn(text.speaker), foldTable(text.section).rows, foldTable(text.tags).rows];
  const seen = new Set<string>();
  for (const column of folded) for (const word of words(column.text)) seen.add(word);
  const joined = [...seen].join("\n");
  return { text: joined, ascii: isAscii(joined) };
}

export interface SearchOptions {
  /** The stored text of exactly these entries (Catalog.text), to skip joining it again. */
  text?: SearchText;
  /** Allow the typo fallback (default true). `open` turns it off: a guess must not launch a browser. */
  typos?: boolean;
}

/**
 * The entries that match, best first, as positions in `entries` with their scores. Equal scores
 * keep document order, so results are stable. No entry object is built: a caller that prints
 * 19,000 hits of a 100,000-link page builds each entry as it prints it (#4).
 */
export interface Ranked {
  indexes: Int32Array;
  scores: Float64Array;
}

export function rank(entries: EntryList, query: string, options: SearchOptions = {}): Ranked {
  const qwords = queryWords(query);
  if (qwords.length === 0 || entries.length === 0) return { indexes: new Int32Array(0), scores: new Float64Array(0) };
  const index = searchIndex(entries, options.text);
  const n = entries.length;
  const total = new Float64Array(n);
  const matched = new Uint16Array(n);
  const scores = new WordScores(n);
  // Entries that matched the last word: those that matched every word are among them.
  let candidates = new Int32Array(0);

  for (const word of qwords) {
    let found = false;
    for (const field of FIELDS) found = scanField(index.columns[field], word, WEIGHT[field], scores) || found;
    if (!found && options.typos !== false && typoBudget(word.length) > 0) {
      // Nothing has this word: take the catalog's words within a typo or two of it.
      for (const near of nearWords(index, word)) {
        for (const field of FIELDS) scanField(index.columns[field], near, WEIGHT[field], scores, true);
      }
    }
    const { best, touched, count } = scores;
    // One word: its scores are the totals, and every entry it touched matched every word.
    if (qwords.length === 1) return ranked(touched.subarray(0, count), best);
    for (let k = 0; k < count; k++) {
      const i = touched[k]!;
      total[i] = total[i]! + best[i]!;
      matched[i] = matched[i]! + 1;
      best[i] = 0;
    }
    candidates = touched.slice(0, count);
    scores.count = 0;
  }

  const phrase = qwords.join(" ");
  const { title, speaker } = index.columns;
  const inField = (c: Column, i: number) => c.text.slice(c.starts[i]!, c.starts[i + 1]! - 1).includes(phrase);
  let count = 0;
  for (const i of candidates) {
    if (matched[i] !== qwords.length) continue;
    candidates[count++] = i;
    if (inField(title, i) || inField(speaker, i)) total[i] = total[i]! + PHRASE_BONUS;
  }
  return ranked(candidates.subarray(0, count), total);
}

/** Best first; equal scores keep document order, so results are stable. */
function ranked(hits: Int32Array, total: Float64Array): Ranked {
  const indexes = hits.sort((a, b) => total[b]! - total[a]! || a - b);
  return { indexes, scores: Float64Array.from(indexes, (i) => total[i]!) };
}

/** `rank`, with the entries: for callers that show a screenful or pick one. */
export function search(entries: EntryList, query: string, options: SearchOptions = {}): Hit[] {
  const { indexes, scores } = rank(entries, query, options);
  return Array.from(indexes, (i, k) => ({ entry: entries.at(i)!, score: scores[k]! }));
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
