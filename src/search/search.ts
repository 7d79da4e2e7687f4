// Ranked, typo-tolerant search over titles, speakers, events, sections, tags, descriptions and
// urls (#3, #4, #14), with the query language of query.ts.
//
// Every term of a query must match some field of an entry (a field: term, its field). A word
// matches a field's word exactly, as a prefix ("consen"), inside it ("sensus", 3+ letters), or,
// only when the word matches nothing anywhere in the catalog that way, within a small edit
// distance of a word of any field but urls ("consensys", "camenish"). The score of a term is the
// best of its fields' weight × match quality, plus a small share of its other fields; terms add
// up; a title that is the query gains a bonus. The rules are one table, WEIGHTS.
//
// Curated pages put the answer to a query in the section named after it (#14): a word naming the
// entry's own section, or a heading above it, weighs more than one in a title. A heading above
// every entry of the page (its title, "Awesome X") names nothing and weighs least.
//
// How it stays fast at 100,000 entries without an index built per run: each text field of all
// entries is one string (entries separated by "\n"), folded once with native string operations;
// a query word is found with indexOf over that string and each hit is mapped back to its entry
// by offset. Section trails and tags are searched in their table of distinct lists (a few
// thousand rows) and spread to the entries. The columns come from the entries (Entries.columns():
// the cache stores them ready-made; src/columns/). Only the words near a typo are compared by
// edit distance.
import type { Entry } from "../catalog/types";
import type { Entries } from "../catalog/entries";
import type { EntryColumns, ListColumn, Vocabulary } from "../columns/types";
import { foldColumn, foldTable, type FoldedColumn, type FoldedTable } from "../columns/folded";
import { partAt } from "../columns/build";
import { foldWithMap, words } from "../text/fold";
import { editDistance } from "../text/distance";
import { highlightWords, isEmptyQuery, parseQuery, type Query, type TextField, type TextTerm, type YearRange } from "./query";

/** The columns a term is looked for in. `heading`: the headings above the entry's own section; `page`: those above every entry. */
export const FIELDS = ["section", "heading", "title", "speaker", "author", "event", "tags", "description", "url", "page"] as const;
export type Field = (typeof FIELDS)[number];

/**
 * The ranking rules, in one place (#14). A term scores its best field's weight × the quality of
 * the match there, plus `alsoIn` × what its other fields score; an entry's score is the sum over
 * the terms, plus the bonuses. Equal scores keep page order.
 */
export const WEIGHTS = {
  field: {
    /** The entry's own section names the word: curated lists file the answer under its name. */
    section: 16,
    /** A heading above the entry's section ("Database" over "Database Tools"). */
    heading: 14,
    title: 10,
    speaker: 9,
    author: 9,
    event: 6,
    tags: 5,
    description: 3,
    url: 2,
    /** A heading above every entry of the page (its title): it tells entries apart not at all. */
    page: 1,
  } satisfies Record<Field, number>,
  quality: {
    /** A whole word. */
    exact: 1,
    /** The start of a word ("consen"). */
    prefix: 0.8,
    /** Inside a word ("sensus"), 3 letters or more: a whole word beats it in the same field. */
    infix: 0.45,
    /** Within the typo budget of a word, when the word itself is nowhere. */
    typo: 0.3,
  },
  /** Share of a term's other fields added to its best one: a title that says it too counts. */
  alsoIn: 0.1,
  /** The title is the query's words and nothing else ("Gin" for "gin"). */
  titleIsQuery: 6,
  /** The title is the query's words and one more word ("Consensus Overview" for "consensus"). */
  titleIsQueryPlusOne: 3,
  /** The query's words follow each other in the title or speaker. */
  phrase: 4,
} as const;

/** Which columns each field: of the query searches; bare words search them all. */
const TERM_FIELDS: Record<TextField | "any", readonly Field[]> = {
  any: FIELDS,
  title: ["title"],
  speaker: ["speaker"],
  author: ["author"],
  event: ["event"],
  section: ["section", "heading", "page"],
  tag: ["tags"],
};

export interface Hit {
  entry: Entry;
  score: number;
}

type Columns = Record<Exclude<Field, "event" | "author">, FoldedColumn | FoldedTable> & { event?: FoldedColumn; author?: FoldedColumn };

interface SearchIndex {
  columns: Columns;
  /** The words a typo is matched against, when the cache had them (else the columns are read). */
  vocabulary?: Vocabulary;
}

/** The year of an entry, once talk pages give entries one (#13). */
function yearOf(e: Entry): number | undefined {
  return e.year;
}

/**
 * How many headings lead to every section of the page (its title, "Awesome X"), never counting
 * a section itself: they name the page, not what an entry is about (#14).
 */
function sharedHeadings(table: readonly (readonly string[])[]): number {
  if (table.length === 0) return 0;
  let shared = Infinity;
  const first = table[0]!;
  for (const path of table) {
    let k = 0;
    const max = Math.min(shared, path.length - 1, first.length - 1);
    while (k < max && path[k] === first[k]) k++;
    shared = k;
    if (shared === 0) break;
  }
  return shared === Infinity ? 0 : shared;
}

/** The section trails as three tables sharing their runs: own section, headings above it, the page's. */
function sectionColumns(c: ListColumn): Pick<Columns, "section" | "heading" | "page"> {
  const shared = sharedHeadings(c.table);
  return {
    section: foldTable(c, (path) => path[path.length - 1] ?? ""),
    heading: foldTable(c, (path) => path.slice(shared, -1).join(" > ")),
    page: foldTable(c, (path) => path.slice(0, shared).join(" > ")),
  };
}

/**
 * The folded columns of entries' columns, made once for each (the picker searches the same
 * entries at every key): keyed by the columns, which their entries make once and keep.
 */
const indexes = new WeakMap<EntryColumns, SearchIndex>();

function searchIndex(entries: Entries): SearchIndex {
  const t = entries.columns();
  let index = indexes.get(t);
  if (!index) {
    const event = t.event;
    const author = t.author;
    index = {
      columns: {
        title: foldColumn(t.title),
        speaker: foldColumn(t.speaker),
        ...(author ? { author: foldColumn(author) } : {}),
        ...(event ? { event: foldColumn(event) } : {}),
        ...sectionColumns(t.section),
        tags: foldTable(t.tags),
        description: foldColumn(t.description),
        url: foldColumn(t.url),
      },
      vocabulary: t.vocabulary,
    };
    indexes.set(t, index);
  }
  return index;
}

/** The folded rows a column's words are read from (a list field's table). */
function rowsOf(c: FoldedColumn | FoldedTable): FoldedColumn {
  return "runs" in c ? c.rows : c;
}

/** The words a match of `query` shows highlighted (a malformed query highlights nothing). */
export function queryWords(query: string): string[] {
  try {
    return highlightWords(parseQuery(query, { lenient: true }));
  } catch {
    return [];
  }
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
 * What one term scores for each entry: its best field's weight × quality plus WEIGHTS.alsoIn ×
 * the rest, kept up to date as fields raise it (one field raises an entry once), and which
 * entries have one: the work after the scans is over the entries the term matched, not over the
 * whole catalog (#4); a one-term query ranks `score` as it is.
 */
class TermScores {
  readonly best: Float64Array;
  readonly score: Float64Array;
  readonly touched: Int32Array;
  count = 0;

  constructor(n: number) {
    this.best = new Float64Array(n);
    this.score = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  /** Adds a field's value (never 0): score = best + alsoIn × (sum - best) = (1 - alsoIn) × best + alsoIn × sum. */
  raise(i: number, value: number): void {
    const old = this.best[i]!;
    if (old === 0) this.touched[this.count++] = i;
    const a = WEIGHTS.alsoIn;
    if (value > old) {
      this.best[i] = value;
      this.score[i] = this.score[i]! + (1 - a) * (value - old) + a * value;
    } else this.score[i] = this.score[i]! + a * value;
  }

  /** The term's score of entry i, which is then cleared for the next term. */
  take(i: number): number {
    const value = this.score[i]!;
    this.best[i] = 0;
    this.score[i] = 0;
    return value;
  }
}

/** How a word is matched: as usual; as a typo (a word-start match counts as a typo); or only at word starts (exclusions). */
type Mode = "word" | "typo" | "start";

/**
 * For one word and one column: the best quality per row, raised in `scores` as weight × quality,
 * once per row. Hits come in text order, so a row's hits follow each other. In "typo" mode a
 * word-start match counts as a typo; in "start" mode (exclusions) only word-start matches count.
 * The loop runs once per hit of a 100,000-entry column, mostly before V8 optimises it: no call
 * in it that can be avoided (#4).
 */
function scan(col: FoldedColumn, word: string, weight: number, scores: TermScores, mode: Mode, marks?: Uint8Array): boolean {
  const { text, starts } = col;
  const { exact, prefix, infix, typo } = WEIGHTS.quality;
  const infixes = mode === "word" && word.length >= 3;
  let row = -1;
  let rowEnd = -1;
  let rowBest = 0;
  let rowWord = false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    let q: number;
    const start = isWordStart(text, at);
    if (start) q = mode === "typo" ? typo : isWordEnd(text, at + word.length) ? exact : prefix;
    else if (infixes) q = infix;
    else continue;
    if (at >= rowEnd) {
      if (row >= 0) {
        scores.raise(row, rowBest);
        if (marks && rowWord) marks[row]!++;
      }
      row = partAt(starts, at);
      rowEnd = starts[row + 1]!;
      rowBest = 0;
      rowWord = false;
    }
    if (q * weight > rowBest) rowBest = q * weight;
    rowWord ||= start;
  }
  if (row >= 0) {
    scores.raise(row, rowBest);
    if (marks && rowWord) marks[row]!++;
  }
  return row >= 0;
}

let phraseExpressions: Map<string, RegExp> | undefined;

/** Where the words follow each other, parted by anything but letters, digits and line ends. */
function phraseExpression(phraseWords: readonly string[], ascii: boolean): RegExp {
  const key = `${ascii ? "a" : "u"}${phraseWords.join(" ")}`;
  phraseExpressions ??= new Map();
  let re = phraseExpressions.get(key);
  if (!re) {
    const escaped = phraseWords.map((w) => w.replace(/[\\^$.*+?()[\]{}|-]/g, "\\$&"));
    re = ascii
      ? new RegExp(`(?<![a-z0-9])${escaped.join("[^a-z0-9\\n]+")}(?![a-z0-9])`, "g")
      : new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join("[^\\p{L}\\p{N}\\n]+")}(?![\\p{L}\\p{N}])`, "gu");
    phraseExpressions.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/** `scan` for a phrase: its words as whole words, in order, next to each other. */
function scanPhrase(col: FoldedColumn, phraseWords: readonly string[], weight: number, scores: TermScores): boolean {
  const { text, starts } = col;
  // Cheap test first: most columns hold no first word of the phrase at all.
  if (!text.includes(phraseWords[0]!)) return false;
  const re = phraseExpression(phraseWords, col.ascii);
  let row = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (row >= 0 && at < starts[row + 1]!) continue;
    row = partAt(starts, at);
    scores.raise(row, weight * phraseWords.length);
  }
  return row >= 0;
}

/** `scan` (or `scanPhrase`) for a field: a list field is scanned in its table, then spread to the entries. */
function scanField(c: FoldedColumn | FoldedTable, term: readonly string[], phrase: boolean, weight: number, scores: TermScores, mode: Mode, marks?: Uint8Array): boolean {
  const look = (col: FoldedColumn, s: TermScores) => (phrase ? scanPhrase(col, term, weight, s) : scan(col, term[0]!, weight, s, mode, marks));
  if (!("runs" in c)) return look(c, scores);
  const rows = new TermScores(c.rows.starts.length - 1);
  if (!look(c.rows, rows)) return false;
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
 * Fields whose words a typo is matched against: every searched field but urls (#14), whose
 * words are ids and paths nobody types from memory, and which would make the vocabulary of a
 * 100,000-link page ten times as long.
 */
const TYPO_SOURCES = ["title", "speaker", "author", "event", "section", "heading", "page", "tags", "description"] as const;

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
  // 100,000 titles, and 12-22 ms less for a typo search of them (#4).
  const sources = index.vocabulary
    ? [index.vocabulary]
    : TYPO_SOURCES.flatMap((field) => {
        const c = index.columns[field];
        return c ? [rowsOf(c)] : [];
      });
  for (const column of sources) {
    for (const candidate of column.text.match(column.ascii ? startsLikeAsciiWord : startsLikeWord) ?? []) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      if (editDistance(word, candidate, budget) <= budget || (candidate.length > word.length && editDistance(word, candidate.slice(0, word.length), budget) <= budget)) near.push(candidate);
    }
  }
  return near;
}

export interface SearchOptions {
  /** Allow the typo fallback (default true). `open` turns it off: a guess must not launch a browser. */
  typos?: boolean;
}

/**
 * The entries that match, best first, as indexes (0-based) into the `entries` searched, with their scores. Equal scores
 * keep document order, so results are stable. No entry object is built (but for kind: and year:):
 * a caller that prints 19,000 hits of a 100,000-link page builds each entry as it prints it (#4).
 */
export interface Ranked {
  indexes: Int32Array;
  scores: Float64Array;
}

/**
 * Scores one term into `scores`; false when it matched nothing. `titled` counts, per entry, the
 * terms found as a word or a word's start in its title (for WEIGHTS.titleIsQuery).
 */
function scoreTerm(index: SearchIndex, term: TextTerm, scores: TermScores, typos: boolean, titled: Uint8Array): boolean {
  const fields = TERM_FIELDS[term.field ?? "any"];
  let found = false;
  for (const field of fields) {
    const c = index.columns[field];
    if (c) found = scanField(c, term.words, term.phrase, WEIGHTS.field[field], scores, "word", field === "title" && !term.phrase ? titled : undefined) || found;
  }
  if (found || term.phrase || !typos) return found;
  const word = term.words[0]!;
  if (typoBudget(word.length) === 0) return false;
  // Nothing has this word: take the catalog's words within a typo or two of it.
  for (const near of nearWords(index, word)) {
    for (const field of fields) {
      const c = index.columns[field];
      if (c) found = scanField(c, [near], false, WEIGHTS.field[field], scores, "typo") || found;
    }
  }
  return found;
}

/** Marks the entries an exclusion matches: the word as a word or the start of one, or the phrase. */
function markExcluded(index: SearchIndex, term: TextTerm, excluded: Uint8Array, scores: TermScores): void {
  for (const field of TERM_FIELDS[term.field ?? "any"]) {
    const c = index.columns[field];
    if (c) scanField(c, term.words, term.phrase, 1, scores, "start");
  }
  for (let k = 0; k < scores.count; k++) {
    const i = scores.touched[k]!;
    excluded[i] = 1;
    scores.take(i);
  }
  scores.count = 0;
}

const inRange = (year: number | undefined, ranges: YearRange[]) => year !== undefined && ranges.some((r) => year >= r.from && year <= r.to);

/**
 * Whether the text from `start` to `end` may hold at most `limit` words: it has at most `limit`
 * words that start after a space (a lower bound of its words, counted with a native scan and a
 * look at one character each). Turns most titles away before they are split into words (#4).
 */
function fewWords(text: string, start: number, end: number, limit: number): boolean {
  let count = 0;
  for (let at = text.indexOf(" ", start); at >= 0 && at < end; at = text.indexOf(" ", at + 1)) {
    const c = text.charCodeAt(at + 1);
    if (((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) && ++count > limit) return false;
  }
  return true;
}

export function rank(entries: Entries, query: string | Query, options: SearchOptions = {}): Ranked {
  const q = typeof query === "string" ? parseQuery(query) : query;
  if (isEmptyQuery(q) || entries.size === 0) return { indexes: new Int32Array(0), scores: new Float64Array(0) };
  const index = searchIndex(entries);
  const n = entries.size;
  const typos = options.typos !== false;
  const scores = new TermScores(n);
  let total: Float64Array;
  let candidates: Int32Array;

  const titled = new Uint8Array(n);
  if (q.terms.length === 1) {
    // One term: its scores are the totals, and every entry it touched matched every term.
    scoreTerm(index, q.terms[0]!, scores, typos, titled);
    total = scores.score;
    candidates = scores.touched.subarray(0, scores.count);
  } else if (q.terms.length > 1) {
    total = new Float64Array(n);
    const matched = new Uint16Array(n);
    // Entries that matched the last term: those that matched every term are among them.
    let last = new Int32Array(0);
    for (const term of q.terms) {
      scoreTerm(index, term, scores, typos, titled);
      const { touched, count } = scores;
      for (let k = 0; k < count; k++) {
        const i = touched[k]!;
        total[i] = total[i]! + scores.take(i);
        matched[i] = matched[i]! + 1;
      }
      last = touched.slice(0, count);
      scores.count = 0;
    }
    let count = 0;
    for (const i of last) if (matched[i] === q.terms.length) last[count++] = i;
    candidates = last.subarray(0, count);
  } else {
    // Only exclusions and filters: every entry, in page order.
    total = new Float64Array(n);
    candidates = Int32Array.from({ length: n }, (_, i) => i);
  }

  if (q.exclude.length > 0) {
    const excluded = new Uint8Array(n);
    // A fresh table: with one term, `scores` holds the totals.
    const marking = new TermScores(n);
    for (const term of q.exclude) markExcluded(index, term, excluded, marking);
    candidates = candidates.filter((i) => excluded[i] === 0);
  }
  if (q.kinds.length > 0 || q.excludeKinds.length > 0 || q.years.length > 0 || q.excludeYears.length > 0) {
    candidates = candidates.filter((i) => {
      const e = entries.at(i)!;
      if (q.kinds.length > 0 && !q.kinds.includes(e.kind)) return false;
      if (q.excludeKinds.includes(e.kind)) return false;
      const year = yearOf(e);
      if (q.years.length > 0 && !inRange(year, q.years)) return false;
      return !inRange(year, q.excludeYears);
    });
  }
  addBonuses(index, q, candidates, total, titled);
  return ranked(candidates, total);
}

/** WEIGHTS.titleIsQuery, titleIsQueryPlusOne and phrase, for the entries that matched. */
function addBonuses(index: SearchIndex, q: Query, candidates: Int32Array, total: Float64Array, titled: Uint8Array): void {
  // The words a title can be made of: bare words and title: words.
  const own = q.terms.filter((t) => !t.phrase && (t.field === undefined || t.field === "title")).map((t) => t.words[0]!);
  const bare = q.terms.filter((t) => !t.phrase && t.field === undefined).map((t) => t.words[0]!);
  const title = rowsOf(index.columns.title);
  const speaker = rowsOf(index.columns.speaker);
  const phrase = bare.length > 1 ? bare.join(" ") : undefined;
  const inField = (c: FoldedColumn, i: number) => c.text.slice(c.starts[i]!, c.starts[i + 1]! - 1).includes(phrase!);
  for (const i of candidates) {
    // Only titles that hold every word of the query, as words or their starts, are looked at.
    if (own.length > 0 && titled[i] === own.length) {
      const start = title.starts[i]!;
      const end = title.starts[i + 1]! - 1;
      if (fewWords(title.text, start, end, own.length + 1)) {
        const titleWords = words(title.text.slice(start, end));
        if (titleWords.length <= own.length + 1 && own.every((w) => titleWords.some((t) => t.startsWith(w)))) {
          total[i] = total[i]! + (titleWords.length <= own.length ? WEIGHTS.titleIsQuery : WEIGHTS.titleIsQueryPlusOne);
        }
      }
    }
    if (phrase !== undefined && (inField(title, i) || inField(speaker, i))) total[i] = total[i]! + WEIGHTS.phrase;
  }
}

/** Best first; equal scores keep document order, so results are stable. */
function ranked(hits: Int32Array, total: Float64Array): Ranked {
  const indexes = hits.sort((a, b) => total[b]! - total[a]! || a - b);
  return { indexes, scores: Float64Array.from(indexes, (i) => total[i]!) };
}

/** `rank`, with the entries: for callers that show a screenful or pick one. */
export function search(entries: Entries, query: string | Query, options: SearchOptions = {}): Hit[] {
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
