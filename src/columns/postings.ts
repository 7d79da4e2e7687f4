// The postings of the search's words (#26): for every word that starts at a word start of a field
// the search scans (search/search.ts, scan: after a letter or digit is no start, but for the part
// of a camelCase word), the entries that hold it. A query word matches an entry's field at such a
// start exactly when some word of the field starts with the query word there, so the entries a
// query word can match are the union of the postings of the words it is a prefix of: in sorted
// order, one run of words, and one run of the postings. The cache stores them (cache/format.ts); a
// warm search of a few of 100,000 entries then scans and ranks those few (search.ts, narrowed),
// with results identical to a scan of every entry (test/search/narrowed.property.test.ts). Pure.
import type { EntryColumns, JoinedColumn, ListColumn, SectionRows } from "./types";
import { foldColumn, foldTable, sectionTables, type FoldedColumn, type FoldedTable } from "./folded";
import { startsOf, valueAt } from "./build";

/** The words of the postings: sorted, joined by "\n", where each starts, and where each word's entries are. */
export interface PostingWords {
  /** The distinct words, sorted (UTF-16 order), joined by "\n". */
  text: string;
  /** Where word k starts in `text`; one more: text.length + 1. */
  starts: Int32Array;
  /** Word k's entries are postings lists[k] to lists[k + 1] - 1, ascending, each once. */
  lists: Int32Array;
}

/** The postings as a search reads them: the words, and the entries of a run of them, read (and checked) when asked for. */
export interface Postings extends PostingWords {
  /** Postings [from, to); undefined when they cannot be read or are damaged. */
  read(from: number, to: number): Int32Array | undefined;
}

/** The postings as made, all of them. */
export interface BuiltPostings extends PostingWords {
  postings: Int32Array;
}

/** How many postings one checksum of the cache covers (cache/format.ts): a search checks those it reads. */
export const POSTINGS_CHUNK = 16384;

/** Built postings as a search reads them. */
export function postingsOf(built: BuiltPostings): Postings {
  return { ...built, read: (from, to) => built.postings.subarray(from, to) };
}

/**
 * A letter or digit, as the postings and the search's scan both tell them (one rule, so
 * that the narrowed search finds what a scan finds, which the property test holds): a-z,
 * 0-9, and beyond ASCII any letter or number, one UTF-16 unit at a time.
 */
export function isWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
  return c > 127 && /[\p{L}\p{N}]/u.test(text[at]!);
}

/**
 * Whether a part of a camelCase word starts at `at` of the unfolded text: a capital after a
 * small letter ("bigCache"), or the last capital of a run before a small letter ("XMLParser").
 * The postings and the search's scan (search.ts) cut words with this one rule.
 */
export function camelStart(original: string, at: number): boolean {
  const c = original.charCodeAt(at);
  if (c < 65 || c > 90) return false;
  const before = original.charCodeAt(at - 1);
  if (before >= 97 && before <= 122) return true;
  if (before < 65 || before > 90) return false;
  const after = original.charCodeAt(at + 1);
  return after >= 97 && after <= 122;
}

/** Whether every UTF-16 unit of a query word is a letter or digit: only such a word is looked up. */
export function lookable(word: string): boolean {
  if (word.length === 0) return false;
  for (let k = 0; k < word.length; k++) if (!isWordChar(word, k)) return false;
  return true;
}

/** Calls `each(row, word)` for every word starting at a word start of each row of a folded column. */
function wordsOf(c: FoldedColumn, each: (row: number, word: string) => void): void {
  if (c.ascii) return asciiWordsOf(c, each);
  const { text, starts, original } = c;
  let row = 0;
  let rowEnd = starts.length > 1 ? starts[1]! - 1 : text.length;
  for (let at = 0; at < text.length; at++) {
    if (!isWordChar(text, at)) continue;
    if (at > 0 && isWordChar(text, at - 1) && (original === undefined || !camelStart(original, at))) continue;
    while (at >= rowEnd) {
      row++;
      rowEnd = starts[row + 1]! - 1;
    }
    let end = at + 1;
    while (end < text.length && isWordChar(text, end)) end++;
    each(row, text.slice(at, end));
  }
}

/** Runs of letters and digits of ASCII text (isWordChar's), and its capitals (where camelStart() is asked). */
const ASCII_RUN = /[a-z0-9]+/g;
const CAPITAL = /[A-Z]/g;

/**
 * wordsOf() of an ASCII column, the same words: each run of letters and digits, and from each
 * camelCase part in it to its end, found by expressions rather than by a loop over every
 * character, which a fresh process runs unoptimised (#26: most of the postings' time).
 */
function asciiWordsOf(c: FoldedColumn, each: (row: number, word: string) => void): void {
  const { text, starts, original } = c;
  const camels: number[] = [];
  if (original !== undefined) for (const m of original.matchAll(CAPITAL)) if (camelStart(original, m.index!)) camels.push(m.index!);
  let next = 0;
  let row = 0;
  let rowEnd = starts.length > 1 ? starts[1]! - 1 : text.length;
  for (const m of text.matchAll(ASCII_RUN)) {
    const at = m.index!;
    const end = at + m[0].length;
    while (at >= rowEnd) {
      row++;
      rowEnd = starts[row + 1]! - 1;
    }
    each(row, m[0]);
    while (next < camels.length && camels[next]! <= at) next++;
    for (; next < camels.length && camels[next]! < end; next++) each(row, text.slice(camels[next]!, end));
  }
}

/**
 * The postings of entries' columns, folded as the search folds them (search.ts, searchIndex):
 * their titles, speakers, authors, events, descriptions, urls, section trails (split) and tags.
 */
export function buildPostings(t: EntryColumns & { sectionRows: SectionRows }): BuiltPostings {
  const byWord = new Map<string, number[]>();
  const listOf = (word: string) => {
    let list = byWord.get(word);
    if (list === undefined) byWord.set(word, (list = []));
    return list;
  };
  const add = (word: string, i: number) => {
    const list = listOf(word);
    if (list[list.length - 1] !== i) list.push(i);
  };
  const columns: FoldedColumn[] = [t.title, t.speaker, ...(t.author ? [t.author] : []), ...(t.event ? [t.event] : []), t.description, t.url].map(foldColumn);
  for (const c of columns) wordsOf(c, (i, word) => add(word, i));
  const tables: FoldedTable[] = [...Object.values(sectionTables(t.sectionRows)), foldTable(t.tags)];
  for (const table of tables) {
    const rowWords: string[][] = Array.from({ length: table.rows.starts.length - 1 }, () => []);
    wordsOf(table.rows, (row, word) => {
      const list = rowWords[row]!;
      if (!list.includes(word)) list.push(word);
    });
    const { rows, starts } = table.runs;
    for (let r = 0; r < rows.length; r++) {
      const held = rowWords[rows[r]!]!;
      // A word's list looked up once per run, not once per entry of it.
      for (const word of held) {
        const list = listOf(word);
        for (let i = starts[r]!; i < starts[r + 1]!; i++) if (list[list.length - 1] !== i) list.push(i);
      }
    }
  }
  const sorted = [...byWord.keys()].sort();
  const lists = new Int32Array(sorted.length + 1);
  const made: (number[] | Int32Array)[] = new Array(sorted.length);
  let total = 0;
  for (const [k, word] of sorted.entries()) {
    let list: number[] | Int32Array = byWord.get(word)!;
    // Entries come in order within a column, not across columns: sorted, each once. A typed
    // array's sort is native and numeric (a word of several columns' 10,000 entries sorted with a
    // comparator cost most of the postings' time in a cold run of 45,000 entries, #26).
    let ordered = true;
    for (let j = 1; j < list.length && ordered; j++) ordered = list[j - 1]! < list[j]!;
    if (!ordered) list = distinctSorted(Int32Array.from(list).sort());
    made[k] = list;
    total += list.length;
    lists[k + 1] = total;
  }
  const postings = new Int32Array(total);
  for (let k = 0; k < made.length; k++) postings.set(made[k]!, lists[k]!);
  const text = sorted.join("\n");
  return { text, starts: startsOf(text, sorted.length), lists, postings };
}

/** A sorted list without its repeats. */
function distinctSorted(list: Int32Array): Int32Array {
  let n = 0;
  for (let j = 0; j < list.length; j++) if (n === 0 || list[j] !== list[n - 1]) list[n++] = list[j]!;
  return list.subarray(0, n);
}

/** The run of postings [from, to) of the words that start with `prefix` (a word of letters and digits). */
export function prefixRange(p: PostingWords, prefix: string): [number, number] {
  const count = p.starts.length - 1;
  const wordAt = (k: number) => p.text.slice(p.starts[k]!, p.starts[k + 1]! - 1);
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (wordAt(mid) < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < count && p.text.startsWith(prefix, p.starts[end]!)) end++;
  return [p.lists[lo]!, p.lists[end]!];
}

/** A joined column of the entries `keep` (ascending indexes) only. */
function keptColumn(c: JoinedColumn, keep: Int32Array): JoinedColumn {
  const parts = new Array<string>(keep.length);
  for (let k = 0; k < keep.length; k++) parts[k] = valueAt(c, keep[k]!);
  const text = parts.join("\n");
  // A whole that keeps no case folds its parts without theirs: one "ß" among 100,000 titles
  // leaves none of them cased (folded.ts), and a part must be searched as the whole is.
  return { text, starts: startsOf(text, keep.length), ascii: c.ascii, ...(uncased(c) ? { uncased: true } : {}) };
}

const uncasedColumns = new WeakMap<JoinedColumn, boolean>();

/** Whether the column, folded whole, keeps no text with its case (known once per column). */
function uncased(c: JoinedColumn): boolean {
  if (c.uncased) return true;
  if (c.ascii) return false;
  let known = uncasedColumns.get(c);
  if (known === undefined) uncasedColumns.set(c, (known = foldColumn(c).original === undefined));
  return known;
}

/** Runs of a list column over the entries `keep` only (the table, whole, is shared). */
function keptRuns(runs: { rows: Int32Array; starts: Int32Array }, keep: Int32Array): { rows: Int32Array; starts: Int32Array } {
  const rows: number[] = [];
  const starts: number[] = [];
  let r = 0;
  for (let k = 0; k < keep.length; k++) {
    const i = keep[k]!;
    while (runs.starts[r + 1]! <= i) r++;
    const row = runs.rows[r]!;
    if (rows.length === 0 || rows[rows.length - 1] !== row) {
      rows.push(row);
      starts.push(k);
    }
  }
  starts.push(keep.length);
  return { rows: Int32Array.from(rows), starts: Int32Array.from(starts) };
}

/**
 * The columns of the entries `keep` (ascending indexes) only, as the search reads them: what a
 * search of those entries alone scans. List tables and the vocabulary stay whole.
 */
export function keptColumns(t: EntryColumns, keep: Int32Array): EntryColumns {
  const list = (c: ListColumn): ListColumn => ({ table: c.table, ...keptRuns(c, keep) });
  const depths = t.depths;
  return {
    title: keptColumn(t.title, keep),
    speaker: keptColumn(t.speaker, keep),
    ...(t.author ? { author: keptColumn(t.author, keep) } : {}),
    ...(t.event ? { event: keptColumn(t.event, keep) } : {}),
    description: keptColumn(t.description, keep),
    url: keptColumn(t.url, keep),
    section: list(t.section),
    ...(depths ? { depths: Int32Array.from(keep, (i) => depths[i]!) } : {}),
    tags: list(t.tags),
    ...(t.sectionRows ? { sectionRows: { ...t.sectionRows, runs: keptRuns(t.sectionRows.runs, keep) } } : {}),
    ...(t.vocabulary ? { vocabulary: t.vocabulary } : {}),
  };
}
