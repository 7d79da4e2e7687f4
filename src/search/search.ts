// Ranked, typo-tolerant search over titles, speakers, events, sections, tags, descriptions and
// urls (#3, #4, #14, #24), with the query language of query.ts.
//
// The ranking sorts by rules, each breaking only the ties of the ones before (#24), the way
// search engines that rank short records well do (Meilisearch, Typesense, Algolia), instead of
// adding weights, where enough small mentions outweighed one exact match. The rules and their
// values are one table, RANKING:
//   1. words: entries with every query word first; when none has all, those with the most, the
//      words missing from the end of the query last (the command says so on stderr); a section's
//      intro line gives its entries its words only when it holds them all (introWords);
//   2. typos: fewer first;
//   3. exactness and field: a field equal to the query, then one starting with it, then its
//      words as whole words, then as word starts; within one exactness the entry's title (or its
//      repository `owner/name` or `name`), then speaker, own section, headings above, the text of
//      the items it is nested in, event and tags, description, its section's intro line, url,
//      the page's title; then each word's best match; then the section's intro line holding the
//      entry's words too;
//   4. proximity: query words next to each other in one field;
//   5. page order.
// A word matches at the start of a word, or of a part of one (camelCase, snake_case,
// kebab-case, owner/name), never inside one: "rust" does not match "trusted".
//
// How it stays fast at 100,000 entries without an index built per run: each text field of all
// entries is one string (entries separated by "\n"), folded once with native string operations;
// a query word is found with indexOf over that string and each hit is mapped back to its entry
// by offset. Section trails and tags are searched in their table of distinct lists (a few
// thousand rows) and spread to the entries. The columns come from the entries (Entries.columns():
// the cache stores them ready-made; src/columns/). Only the words near a typo are compared by
// edit distance. The rules' values of an entry are packed into one number (its score), so that
// ranking is one sort of numbers.
import type { Entry } from "../catalog/types";
import type { Entries } from "../catalog/entries";
import type { EntryColumns, Vocabulary } from "../columns/types";
import { foldColumn, foldTable, sectionRows, sectionTables, type FoldedColumn, type FoldedTable } from "../columns/folded";
import { partAt } from "../columns/build";
import { camelStart, isWordChar, keptColumns, lookable, prefixRange } from "../columns/postings";
import { foldWithMap, words } from "../text/fold";
import { editDistance } from "../text/distance";
import { singular, spellings, stem } from "./stem";
import { highlightWords, isEmptyQuery, parseQuery, type Query, type TextField, type TextTerm, type YearRange } from "./query";

/**
 * The columns a term is looked for in. `section`: the entry's own section; `heading`: the
 * headings above it; `nested`: the labels of the items it is nested in (a parent's title);
 * `intro`: the line under its section's heading ("*HTTP clients and servers.*", #24); `page`: the
 * headings above every entry (the page's title, "Awesome X").
 */
export const FIELDS = ["title", "speaker", "author", "section", "heading", "nested", "intro", "event", "tags", "description", "url", "page"] as const;
export type Field = (typeof FIELDS)[number];

/** The ranking (#24), in one place. Each rule only breaks the ties of the ones before it. */
export const RANKING = {
  rules: ["words", "typos", "exactness and field", "proximity", "page order"],
  /** Rule 3, first: how one field holds the query (all its words), best highest. */
  exactness: {
    /** The field is the query ("Gin" for "gin", a section "Logging" for "logging"). */
    equal: 4,
    /** The field starts with the query ("Composer Installers" for "composer"). */
    starts: 3,
    /** Every word of the query is a whole word of the field. */
    words: 2,
    /** Every word of the query starts a word of the field. */
    wordStarts: 1,
  },
  /**
   * Rule 3, then: which field, best highest. `name` is the repository of the entry's url
   * (github.com/owner/name) or a title written `owner/name`: it counts when the query is its
   * `owner/name` or its `name`. A nested item's parent text (`nested`) counts less than the
   * parent's own title does for the parent.
   */
  field: { title: 11, name: 11, speaker: 10, author: 10, section: 9, heading: 8, nested: 7, event: 6, tags: 6, description: 5, intro: 4, url: 3, page: 2 } satisfies Record<Field | "name", number>,
  /** Rule 3, then: each word's best match, summed over the words: a whole word over a word's start. */
  quality: { word: 2, start: 1 },
  /**
   * Rule 3, last: the intro line of the entry's section ("*Libraries for working with dates.*")
   * holds the words the entry holds (1) or not (0). On its own, an intro ranks below the entry's
   * own description (RANKING.field): it speaks of the whole section, not of this entry. Between
   * entries that match alike, the one whose section is about the words wins (#24).
   */
  intro: { holds: 1, not: 0 },
  /**
   * Rule 3: fields of prose or addresses, which hold a query's words but are never "equal to" or
   * "starting with" it: a description that starts "Podcasts to hear" names no podcast list (#24).
   */
  prose: ["description", "url", "intro"],
  /**
   * Rule 2: a word on fewer entries than this (a screenful) brings the words within its typo
   * budget too, ranked after it (a word on none: always).
   */
  fill: 10,
  /** Rule 2: typos a word may carry, by its length: none under 5 letters, one from 5, two from 9. */
  typos: { one: 5, two: 9 },
} as const;

/** Which columns each field: of the query searches; bare words search them all. */
const TERM_FIELDS: Record<TextField | "any", readonly Field[]> = {
  any: FIELDS,
  title: ["title"],
  speaker: ["speaker"],
  author: ["author"],
  event: ["event"],
  section: ["section", "heading", "nested", "page"],
  tag: ["tags"],
};

/** Index of each field in FIELDS, and its rank (RANKING.field) by that index. */
const FIELD_INDEX = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;
const FIELD_RANK = FIELDS.map((f) => RANKING.field[f]);
/** The best exactness a field can have (RANKING.prose): a description holds the query's words at most. */
const FIELD_EXACT: number[] = FIELDS.map((f) => ((RANKING.prose as readonly string[]).includes(f) ? RANKING.exactness.words : RANKING.exactness.equal));
/** Code of a field at an exactness (rule 3): exactness first, then field. */
const code = (exactness: number, rank: number) => exactness * 16 + rank;
/** At most this many terms are told apart by rule 1 (bits of a mask); more are rare. */
const MAX_TERMS = 30;

export interface Hit {
  entry: Entry;
  score: number;
}

type ColumnField = "title" | "speaker" | "author" | "event" | "description" | "url";
type TableField = "section" | "heading" | "nested" | "page" | "intro" | "tags";
// event and author: only where the entries were given them (#13, #23).
type Columns = { [F in Exclude<ColumnField, "event" | "author">]: FoldedColumn } & { event?: FoldedColumn; author?: FoldedColumn } & { [F in TableField]: FoldedTable };

interface SearchIndex {
  columns: Columns;
  /** The words a typo is matched against, when the cache had them (else the columns are read). */
  vocabulary?: Vocabulary;
}

/** The year of an entry, once talk pages give entries one (#13). */
function yearOf(e: Entry): number | undefined {
  return e.year;
}

/** Parts the headings of a trail in one row (columns/folded.ts, sectionRows). */
const SEGMENT = "\t";

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
        // The cache stores the trails' split (#26); parsed entries make it here.
        ...sectionTables(t.sectionRows ?? sectionRows(t.section, t.depths)),
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

/** A word (or a camelCase part) starts at `at`. */
function isWordStart(text: string, at: number, original?: string): boolean {
  return at === 0 || !isWordChar(text, at - 1) || (original !== undefined && camelStart(original, at));
}


/** Where the heading holding `at` starts: after the SEGMENT before it in its row, or the row's start. */
function segmentStart(text: string, at: number, rowStart: number): number {
  for (let k = at - 1; k >= rowStart; k--) if (text.charCodeAt(k) === 9) return k + 1;
  return rowStart;
}

/** Where the heading holding `at` ends: the next SEGMENT, or the row's end. */
function segmentEnd(text: string, at: number, rowEnd: number): number {
  for (let k = at; k < rowEnd; k++) if (text.charCodeAt(k) === 9) return k;
  return rowEnd;
}

/** No letter or digit from `from` to `to` (exclusive) of the text. */
function blank(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isWordChar(text, k)) return false;
  return true;
}

/** How many typos a word of this length may carry (RANKING.typos): none under 5 letters, one from 5, two from 9. */
export function typoBudget(length: number): number {
  return length < RANKING.typos.one ? 0 : length < RANKING.typos.two ? 1 : 2;
}

/**
 * What the terms found, entry by entry, for the rules: which terms each entry matched (rule 1),
 * its typos (rule 2), its best exactness and field (rule 3, `exact`), each term's best match
 * summed (rule 3, `quality`), and per field which terms it holds, as whole words or at all (for
 * the exactness of several words, and proximity). The work after the scans is over the entries
 * the terms matched, not over every entry.
 */
class Tally implements Sink {
  readonly terms: Uint32Array;
  readonly typos: Uint8Array;
  readonly exact: Uint8Array;
  readonly quality: Uint16Array;
  readonly fields: (Uint8Array | Uint32Array | undefined)[] = FIELDS.map(() => undefined);
  readonly wholeFields: (Uint8Array | Uint32Array | undefined)[] = FIELDS.map(() => undefined);
  /** Entries some term matched, in the order first matched. */
  readonly matched: Int32Array;
  count = 0;
  /** The term being scanned: its place in the query (the joined words' after the terms). */
  term = 0;
  /** The terms that looked up their typos (rule 2's fill): narrowed() checks a subset's against the whole's. */
  readonly typoTerms: number[] = [];
  // The term being scanned: its bit, its best match per entry, its fewest typos (+1) per entry.
  bit = 1;
  private readonly termBest: Uint8Array;
  private readonly termTypos: Uint8Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  /** Which fields keep per entry the terms they hold (`fields`); wholes only for several words. */
  private readonly kept: boolean[];
  private readonly wholes: boolean;
  private readonly wide: boolean;

  /** `single`: the query is one word, so the scans give its exactness and only title and url keep which terms they hold. */
  constructor(readonly n: number, terms: number, single: boolean) {
    this.terms = new Uint32Array(n);
    this.typos = new Uint8Array(n);
    this.exact = new Uint8Array(n);
    this.quality = new Uint16Array(n);
    this.matched = new Int32Array(n);
    this.termBest = new Uint8Array(n);
    this.termTypos = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.kept = FIELDS.map((f) => !single || f === "title" || f === "url" || f === "intro");
    this.wholes = !single;
    this.wide = terms > 8;
  }

  private mask(list: (Uint8Array | Uint32Array | undefined)[], f: number): Uint8Array | Uint32Array {
    return (list[f] ??= this.wide ? new Uint32Array(this.n) : new Uint8Array(this.n));
  }

  /** Entries the term being scanned has matched so far. */
  termEntries = 0;

  /**
   * The word two terms make is being scanned (joinedTerms): it gives the entries it matches the
   * terms they lack, and leaves those that hold both as their own words matched them.
   */
  joining = false;

  hit(i: number, f: number, whole: boolean, exactness: number, typos: number, form = false): void {
    const bit = this.bit;
    // Held both before this word touched it (its typos are marked from its first hit on): left alone.
    if (this.joining && (this.terms[i]! & bit) === bit && this.termTypos[i] === 0) return;
    if (this.terms[i] === 0) this.matched[this.count++] = i;
    if ((this.terms[i]! & bit) === 0) this.termEntries++;
    this.terms[i] = this.terms[i]! | bit;
    if (this.kept[f]) {
      const fields = this.mask(this.fields, f);
      fields[i] = fields[i]! | bit;
      if (whole && this.wholes) {
        const wholes = this.mask(this.wholeFields, f);
        wholes[i] = wholes[i]! | bit;
      }
    }
    const rank = FIELD_RANK[f]!;
    // A form of the word ("scheduling" for "scheduler") counts as a whole word for exactness, but
    // the word as typed wins the tie (rule 3, then).
    const best = (whole && !form ? RANKING.quality.word : RANKING.quality.start) * 16 + rank;
    const before = this.termBest[i]!;
    if (before === 0) this.touched[this.touchedCount++] = i;
    if (best > before) this.termBest[i] = best;
    const t = this.termTypos[i]!;
    if (t === 0 || typos + 1 < t) this.termTypos[i] = typos + 1;
    if (exactness > 0) {
      const c = Math.min(exactness, FIELD_EXACT[f]!) * 16 + rank;
      if (c > this.exact[i]!) this.exact[i] = c;
    }
  }

  /** The term is scanned: its best match and typos join the entries' totals. */
  endTerm(): void {
    for (let k = 0; k < this.touchedCount; k++) {
      const i = this.touched[k]!;
      this.quality[i] = Math.min(999, this.quality[i]! + this.termBest[i]!);
      this.typos[i] = Math.min(9, this.typos[i]! + this.termTypos[i]! - 1);
      this.termBest[i] = 0;
      this.termTypos[i] = 0;
    }
    this.touchedCount = 0;
    this.termEntries = 0;
  }
}

/** The best match of a word in each row of a list field's table, before it is spread to the entries. */
class RowHits implements Sink {
  readonly whole: Uint8Array;
  readonly exact: Uint8Array;
  readonly rows: number[] = [];
  constructor(n: number) {
    this.whole = new Uint8Array(n);
    this.exact = new Uint8Array(n);
  }
  hit(row: number, _f: number, whole: boolean, exactness: number): void {
    if (this.exact[row] === 0) this.rows.push(row);
    if (whole) this.whole[row] = 1;
    if (exactness > this.exact[row]!) this.exact[row] = exactness;
  }
}

/** How a word is matched: as typed, or a word near a typo (whole only when the whole word is near). */
interface Word {
  word: string;
  typos: number;
  wholeOk: boolean;
  /** Another form of the query's word (stem.ts): whole, but the typed word wins ties. */
  form?: boolean;
  /** Only a whole word matches (a short plural's singular, stem.ts: "orm" for "orms"). */
  wholeOnly?: boolean;
  /** The word written as two ("time zone" for "timezone"): matched as a phrase of these, a form. */
  split?: readonly [string, string];
}

/** Receives, once per row of a column, the best match of a word in it (field f, with typos). */
interface Sink {
  hit(row: number, f: number, whole: boolean, exactness: number, typos: number, form?: boolean): void;
}

/**
 * For one word and one column: each row's best match, handed to `emit` once per row. Hits come
 * in text order, so a row's hits follow each other. A hit inside a word is no match (#24). The
 * loop runs once per hit of a 100,000-entry column, mostly before V8 optimises it: no call in it
 * that can be avoided (#4).
 */
function scan(col: FoldedColumn, w: Word, sink: Sink, f: number, segmented: boolean, exact = true): boolean {
  const { text, starts, original } = col;
  const word = w.word;
  const typos = w.typos;
  const form = w.form === true;
  // A url's scheme says nothing of what it links to: "http" is in every url (#24).
  const scheme = f === URL_FIELD && SCHEMES.some((s) => s.startsWith(word));
  let row = -1;
  let rowEnd = -1;
  let rowWhole = false;
  let rowExact = 0;
  let found = false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (scheme && (at === 0 || text.charCodeAt(at - 1) === 10)) continue;
    // isWordStart, its ASCII test inline: most hits are decided without a call.
    if (at > 0) {
      const p = text.charCodeAt(at - 1);
      const inside = (p >= 97 && p <= 122) || (p >= 48 && p <= 57) || (p > 127 && isWordChar(text, at - 1));
      if (inside && (original === undefined || !camelStart(original, at))) continue;
    }
    const end = at + word.length;
    let whole = w.wholeOk;
    if (whole && end < text.length) {
      // isWordEnd, inline as above.
      const e = text.charCodeAt(end);
      const inside = (e >= 97 && e <= 122) || (e >= 48 && e <= 57) || (e > 127 && isWordChar(text, end));
      whole = !inside || (original !== undefined && camelStart(original, end));
    }
    if (!whole && w.wholeOnly === true) continue;
    if (at >= rowEnd) {
      if (row >= 0) sink.hit(row, f, rowWhole, exact ? rowExact : 0, typos, form);
      row = partAt(starts, at);
      rowEnd = starts[row + 1]! - 1;
      rowWhole = false;
      rowExact = 0;
    }
    found = true;
    // Exactness of a one-word query: the row (or one heading of a trail) is the word, starts with it, has it, or a word's start.
    // Only a whole word starts a field: "asyncpg" holds "async" as a word's start, "Async IO" starts with it.
    let exactness: number = whole ? RANKING.exactness.words : RANKING.exactness.wordStarts;
    const from = segmented ? segmentStart(text, at, starts[row]!) : starts[row]!;
    if (exact && whole && rowExact < RANKING.exactness.equal && blank(text, from, at)) {
      const to = segmented ? segmentEnd(text, end, rowEnd) : rowEnd;
      exactness = whole && blank(text, end, to) ? RANKING.exactness.equal : RANKING.exactness.starts;
    }
    if (exactness > rowExact) rowExact = exactness;
    rowWhole ||= whole;
  }
  if (row >= 0) sink.hit(row, f, rowWhole, exact ? rowExact : 0, typos, form);
  return found;
}

/** The url field's index, and the schemes a url starts with, which no query word matches. */
const URL_FIELD = FIELDS.indexOf("url");
const SCHEMES = ["https", "http", "ftp", "mailto"];

let phraseExpressions: Map<string, RegExp> | undefined;

/** Where the words follow each other, parted by anything but letters, digits and line ends. */
function phraseExpression(phraseWords: readonly string[], ascii: boolean, global = true): RegExp {
  const key = `${ascii ? "a" : "u"}${global ? "g" : "y"}${phraseWords.join(" ")}`;
  phraseExpressions ??= new Map();
  let re = phraseExpressions.get(key);
  if (!re) {
    const escaped = phraseWords.map((w) => w.replace(/[\\^$.*+?()[\]{}|-]/g, "\\$&"));
    re = ascii
      ? new RegExp(`(?<![a-z0-9])${escaped.join("[^a-z0-9\\n\\t]+")}(?![a-z0-9])`, global ? "g" : "")
      : new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join("[^\\p{L}\\p{N}\\n\\t]+")}(?![\\p{L}\\p{N}])`, global ? "gu" : "u");
    phraseExpressions.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/** `scan` for a phrase: its words as whole words, in order, next to each other. */
function scanPhrase(col: FoldedColumn, phraseWords: readonly string[], sink: Sink, f: number, form = false): boolean {
  const { text, starts } = col;
  // Cheap test first: most columns hold no first word of the phrase at all.
  if (!text.includes(phraseWords[0]!)) return false;
  const re = phraseExpression(phraseWords, col.ascii);
  let row = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (row >= 0 && at < starts[row + 1]!) continue;
    row = partAt(starts, at);
    const rowEnd = starts[row + 1]! - 1;
    const from = segmentStart(text, at, starts[row]!);
    const first = blank(text, from, at);
    sink.hit(row, f, true, !first ? RANKING.exactness.words : blank(text, at + m[0].length, segmentEnd(text, at, rowEnd)) ? RANKING.exactness.equal : RANKING.exactness.starts, 0, form);
  }
  return row >= 0;
}

/**
 * Scans field f for a term (a word, or a phrase) into the tally: a list field is scanned in its
 * table, then spread to the entries. `single`: the term is the whole query, so the scan's
 * exactness is the query's.
 */
function scanField(index: SearchIndex, f: Field, term: readonly string[], phrase: boolean, w: Word, tally: Tally, single: boolean): boolean {
  const c = index.columns[f];
  if (!c) return false;
  const fi = FIELD_INDEX[f];
  if (!("runs" in c)) return phrase ? scanPhrase(c, term, tally, fi, w.form === true) : scan(c, w, tally, fi, false, single);
  // Most tables hold no word a typo brings (nor an empty intro table any word): nothing to allocate for.
  if (!c.rows.text.includes(phrase ? term[0]! : w.word)) return false;
  const hits = new RowHits(c.rows.starts.length - 1);
  if (!(phrase ? scanPhrase(c.rows, term, hits, fi) : scan(c.rows, w, hits, fi, true))) return false;
  const { rows: runRows, starts } = c.runs;
  const typos = w.typos;
  for (let r = 0; r < runRows.length; r++) {
    const row = runRows[r]!;
    const exactness = hits.exact[row]!;
    if (exactness === 0) continue;
    const whole = hits.whole[row] === 1;
    const given = single ? exactness : 0;
    for (let i = starts[r]!; i < starts[r + 1]!; i++) tally.hit(i, fi, whole, given, typos, w.form);
  }
  return true;
}

/**
 * Fields whose words a typo is matched against: every searched field but urls (#14), whose
 * words are ids and paths nobody types from memory, and which would make the vocabulary of a
 * 100,000-link page ten times as long.
 */
const TYPO_SOURCES = ["title", "speaker", "author", "event", "section", "heading", "nested", "page", "tags", "description"] as const;

/**
 * Words of the catalog within the typo budget of `word`: whole words, or (counted as a word's
 * start) the start of one. Like most typo-tolerant search, it expects the first letter right:
 * only words that start with it are compared, a twentieth of the vocabulary.
 */
function nearWords(index: SearchIndex, word: string): readonly Word[] {
  // The cache's vocabulary is one object for a run: the postings' look-up (narrowed) and the scan
  // of the entries it selects ask it for the same word's typos, found once (#26).
  const vocabulary = index.vocabulary;
  if (vocabulary === undefined) return findNearWords(index, word);
  let known = nearWordsOf.get(vocabulary);
  if (!known) nearWordsOf.set(vocabulary, (known = new Map()));
  let near = known.get(word);
  if (!near) known.set(word, (near = findNearWords(index, word)));
  return near;
}

const nearWordsOf = new WeakMap<Vocabulary, Map<string, readonly Word[]>>();

/**
 * Where the first line of a sorted vocabulary (one word per line) that is at least `key` (UTF-16
 * order, as it was sorted) starts; the text's length when there is none. A binary search by
 * position: each step finds the line it lands in.
 */
function firstLineFrom(text: string, key: string): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf("\n", mid - 1) + 1;
    const line = lineAt(text, start);
    if (line < key) lo = start + line.length + 1;
    else hi = start;
  }
  return Math.min(lo, text.length);
}

/** The line of a vocabulary that starts at `at`. */
function lineAt(text: string, at: number): string {
  const end = text.indexOf("\n", at);
  return text.slice(at, end < 0 ? text.length : end);
}

/** The word, or the word's start, within the typo budget of `word` (a candidate of the catalog's words). */
function nearWord(word: string, candidate: string, budget: number): Word | undefined {
  const whole = editDistance(word, candidate, budget);
  if (whole <= budget) return { word: candidate, typos: whole, wholeOk: true };
  if (candidate.length <= word.length) return undefined;
  const start = editDistance(word, candidate, budget, word.length);
  return start <= budget ? { word: candidate, typos: start, wholeOk: false } : undefined;
}

function findNearWords(index: SearchIndex, word: string): Word[] {
  const budget = typoBudget(word.length);
  const near: Word[] = [];
  const vocabulary = index.vocabulary;
  if (vocabulary !== undefined) {
    // The run of the sorted vocabulary's words that start with the word's first unit, no more.
    const { text, ascii } = vocabulary;
    const unit = word.charCodeAt(0);
    const rest = Math.max(0, [...word].length - budget - 1);
    const to = firstLineFrom(text, String.fromCharCode(unit + 1));
    for (let at = firstLineFrom(text, String.fromCharCode(unit)); at < to; ) {
      let end = text.indexOf("\n", at);
      if (end < 0 || end > to) end = to;
      // A line ends before `to`'s newline; counted in code points, as the fields' expression counts them.
      const length = end - at;
      if (length - 1 >= rest && (ascii || [...text.slice(at + 1, end)].length >= rest)) {
        const found = nearWord(word, text.slice(at, end), budget);
        if (found) near.push(found);
      }
      at = end + 1;
    }
    return near;
  }
  const seen = new Set<string>();
  const first = word[0]!.replace(/[\\^$.*+?()[\]{}|-]/g, "\\$&");
  // Words too short to be within the budget are not even matched: most words are short. In ASCII
  // text, letters and digits are a class of their own, which a regular expression scans faster.
  const rest = Math.max(0, [...word].length - budget - 1);
  const startsLikeWord = new RegExp(`(?<![\\p{L}\\p{N}])${first}[\\p{L}\\p{N}]{${rest},}`, "gu");
  const startsLikeAsciiWord = new RegExp(`(?<![a-z0-9])${first}[a-z0-9]{${rest},}`, "g");
  // The cache's vocabulary holds the same words as the fields, each once: a fifth of the text of
  // 100,000 titles, and 12-22 ms less for a typo search of them (#4).
  const sources = vocabularyOf(index);
  for (const column of sources) {
    for (const candidate of column.text.match(column.ascii ? startsLikeAsciiWord : startsLikeWord) ?? []) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      const found = nearWord(word, candidate, budget);
      if (found) near.push(found);
    }
  }
  return near;
}

export interface SearchOptions {
  /** Allow the typo fallback (default true). `open` turns it off: a guess must not launch a browser. */
  typos?: boolean;
  /**
   * When no entry matches every word, show those that match the most (rule 1). `search` asks for
   * it; a ref (`open`) and the picker do not: there fewer words must not select more.
   */
  partial?: boolean;
}

/**
 * The entries that match, best first, as indexes (0-based) into the `entries` searched, with their scores. Equal scores
 * keep document order, so results are stable. No entry object is built (but for kind: and year:):
 * a caller that prints 19,000 hits of a 100,000-link page builds each entry as it prints it (#4).
 * `partial`: no entry had every word; these have `words` of the query's `of` (rule 1).
 */
export interface Ranked {
  indexes: Int32Array;
  scores: Float64Array;
  partial?: { words: number; of: number };
}

/** Scans one term into the tally; false when it matched nothing. */
function scoreTerm(index: SearchIndex, term: TextTerm, tally: Tally, typos: boolean, single: boolean, joined = false): boolean {
  const fields = TERM_FIELDS[term.field ?? "any"];
  const exact: Word = { word: term.words[0]!, typos: 0, wholeOk: true };
  let found = false;
  for (const field of fields) found = scanField(index, field, term.words, term.phrase, exact, tally, single) || found;
  if (term.phrase) return found;
  // The word's other forms (stem.ts): "scheduler" finds the section "Scheduling" (#24). Not of two
  // words joined: its split is those words, and its other endings theirs.
  const forms = joined ? [] : wordForms(index, exact.word);
  for (const form of forms) {
    for (const field of fields) found = form.split ? scanField(index, field, form.split, true, form, tally, single) || found : scanField(index, field, [form.word], false, form, tally, single) || found;
  }
  // Typos: when the word is on fewer entries than a screenful (RANKING.fill), the catalog's
  // words within a typo or two of it too, ranked after by rule 2: a misspelling that happens
  // to be on the page once ("colourscheme") does not hide the entries spelt right (#24).
  if (!typos || (found && tally.termEntries >= RANKING.fill) || typoBudget(exact.word.length) === 0) return found;
  tally.typoTerms.push(tally.term);
  for (const near of nearWords(index, exact.word)) {
    if (near.word === exact.word || forms.some((f) => f.word === near.word)) continue;
    // Of two words joined, one typo, and never a whole word a part shorter ("awesome" for "awesome go").
    if (joined && (near.typos > 1 || (near.wholeOk && near.word.length < exact.word.length - 1))) continue;
    for (const field of fields) found = scanField(index, field, [near.word], false, near, tally, single) || found;
  }
  return found;
}

/** The texts a word's typos and forms are looked for in: the cache's vocabulary, or the fields' rows. */
function vocabularyOf(index: SearchIndex): FoldedColumn[] | Vocabulary[] {
  return index.vocabulary
    ? [index.vocabulary]
    : TYPO_SOURCES.flatMap((field) => {
        const c = index.columns[field];
        return c ? [rowsOf(c)] : [];
      });
}

/**
 * The other forms of a word on the page (stem.ts): the catalog's words with the same stem
 * ("scheduling", "schedule" for "scheduler"). The vocabulary is read from the stem on, once per
 * query word of a stem's length.
 */
function wordForms(index: SearchIndex, word: string): Word[] {
  const forms = [...stemForms(index, word), ...splitForms(index, word)];
  // The other spelling ("dialog" for "dialogue", "color" for "colour"), and its forms.
  for (const other of spellings(word)) {
    const own = hasWord(index, other) ? [{ word: other, typos: 0, wholeOk: true, form: true } as Word] : [];
    for (const form of [...own, ...stemForms(index, other)]) if (form.word !== word && !forms.some((f) => f.word === form.word && !f.split)) forms.push(form);
  }
  return forms;
}

/**
 * The words of adjacent bare terms joined ("chose nim": "chosenim", which ChooseNim is within a
 * typo of), when the joined word is six letters or more: search engines join what their users
 * split, as they split what they join (splitForms). `at`: the first of the two terms.
 */
function joinedTerms(terms: readonly TextTerm[]): { at: number; term: TextTerm }[] {
  const out: { at: number; term: TextTerm }[] = [];
  const bare = (t: TextTerm) => !t.phrase && t.field === undefined && t.words.length === 1 && /^[\p{L}\p{N}]+$/u.test(t.words[0]!);
  for (let k = 0; k + 1 < terms.length; k++) {
    const [a, b] = [terms[k]!, terms[k + 1]!];
    if (!bare(a) || !bare(b)) continue;
    const word = a.words[0]! + b.words[0]!;
    if (word.length >= 2 * SPLIT_PART) out.push({ at: k, term: { words: [word], phrase: false, raw: `${a.raw}${b.raw}` } });
  }
  return out;
}

/** Words a compound is written as, apart: each part at least this long, the word twice as long. */
const SPLIT_PART = 3;

/**
 * "timezone" is "time zone" on one page and "timezone" on the next, "gameboy" "Game Boy": a word
 * of letters cut in two where both parts are words of the catalog is matched as the phrase of
 * the two too, a form of the word (the word as typed wins ties), as search engines split what
 * their users join (#24). Only for words of six letters or more, parts of three or more.
 */
function splitForms(index: SearchIndex, word: string): Word[] {
  if (word.length < 2 * SPLIT_PART || !/^[a-z]+$/.test(word)) return [];
  const out: Word[] = [];
  for (let at = SPLIT_PART; at <= word.length - SPLIT_PART; at++) {
    const head = word.slice(0, at);
    const tail = word.slice(at);
    if (hasWord(index, head) && hasWord(index, tail)) out.push({ word, typos: 0, wholeOk: true, form: true, split: [head, tail] });
  }
  return out;
}

/**
 * Whether the catalog has `word` (letters a to z) as a whole word of the fields a typo is matched
 * against: of the cache's sorted vocabulary, one line found by a binary search (a compound of nine
 * letters asks for up to eight words); else an expression over the fields' text.
 */
function hasWord(index: SearchIndex, word: string): boolean {
  const vocabulary = index.vocabulary;
  if (vocabulary !== undefined) return lineAt(vocabulary.text, firstLineFrom(vocabulary.text, word)) === word;
  const expression = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "u");
  return vocabularyOf(index).some((column) => expression.test(column.text));
}

/** stem.ts's forms of the word on the page: its other endings, or a short plural's singular. */
function stemForms(index: SearchIndex, word: string): Word[] {
  const s = stem(word);
  if (s === undefined) {
    // A short plural ("orms"): its singular, where the page has it as a word.
    const one = singular(word);
    if (one === undefined) return [];
    return hasWord(index, one) ? [{ word: one, typos: 0, wholeOk: true, form: true, wholeOnly: true }] : [];
  }
  const sources = vocabularyOf(index);
  const seen = new Set<string>();
  const forms: Word[] = [];
  for (const column of sources) {
    const text = column.text;
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
      if (at > 0 && isWordChar(text, at - 1)) continue;
      let end = at + s.length;
      while (end < text.length && isWordChar(text, end)) end++;
      const candidate = text.slice(at, end);
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      // A form that starts with the word ("caches" for "cache") is found by the word's own scan
      // too, but only as a word's start: scanned as a form, it is a whole word, so the section
      // "Caches" equals the query "cache" (#24).
      // A word that is the stem itself ("monitor" of "monitoring"), or whose stem is the word
      // ("monitoring" for "monitor"), is a form too: the suffixes stripped are not a word's own.
      if (candidate !== word && (stem(candidate) === s || candidate === s || stem(candidate) === word)) forms.push({ word: candidate, typos: 0, wholeOk: true, form: true });
    }
  }
  return forms;
}

/** Marks the entries an exclusion matches: the word as a word or the start of one, or the phrase. */
function markExcluded(index: SearchIndex, term: TextTerm, excluded: Uint8Array): void {
  const w: Word = { word: term.words[0]!, typos: 0, wholeOk: true };
  for (const f of TERM_FIELDS[term.field ?? "any"]) {
    const c = index.columns[f];
    if (!c) continue;
    const table = "runs" in c;
    const hits = new RowHits(table ? c.rows.starts.length - 1 : excluded.length);
    const col = table ? c.rows : c;
    if (!(term.phrase ? scanPhrase(col, term.words, hits, 0) : scan(col, w, hits, 0, table))) continue;
    if (!table) {
      for (const row of hits.rows) excluded[row] = 1;
      continue;
    }
    const { rows: runRows, starts } = c.runs;
    for (let r = 0; r < runRows.length; r++) if (hits.exact[runRows[r]!]! > 0) excluded.fill(1, starts[r]!, starts[r + 1]!);
  }
}

const inRange = (year: number | undefined, ranges: YearRange[]) => year !== undefined && ranges.some((r) => year >= r.from && year <= r.to);

const bitCount = (m: number) => {
  let c = 0;
  for (let v = m; v; v &= v - 1) c++;
  return c;
};

/**
 * What the scans found before rules 3 to 5: the tally of every entry, the candidates left after
 * rule 1, exclusions and filters. Exported for the test that checks the rules' passes against a
 * straightforward reference.
 */
export interface Matched {
  index: SearchIndex;
  tally: Tally;
  candidates: Int32Array;
  sequence: readonly string[];
  terms: readonly TextTerm[];
  all: number;
  single: boolean;
  partial?: Ranked["partial"];
  /** Of a query of several terms: how many candidates hold every term (rule 1), after the filters. */
  every: number;
}

export function matchTerms(entries: Entries, query: string | Query, options: SearchOptions = {}): Matched | undefined {
  const q = typeof query === "string" ? parseQuery(query) : query;
  if (isEmptyQuery(q) || entries.size === 0) return undefined;
  const index = searchIndex(entries);
  const n = entries.size;
  const typos = options.typos !== false;
  const terms = q.terms.slice(0, MAX_TERMS);
  const single = terms.length === 1 && terms[0]!.words.length === 1;
  const tally = new Tally(n, terms.length, single);
  // Rule 1 prefers the words at the start of the query: the first term is the highest bit.
  for (let k = 0; k < terms.length; k++) {
    tally.bit = 2 ** (terms.length - 1 - k);
    tally.term = k;
    scoreTerm(index, terms[k]!, tally, typos, single);
    tally.endTerm();
  }
  // Two words typed for one ("chose nim" for ChooseNim): the word they make together holds both.
  for (const [j, { at, term }] of joinedTerms(terms).entries()) {
    tally.bit = 2 ** (terms.length - 1 - at) + 2 ** (terms.length - 2 - at);
    tally.term = terms.length + j;
    tally.joining = true;
    scoreTerm(index, term, tally, typos, false, true);
    tally.endTerm();
    tally.joining = false;
  }
  const all = 2 ** terms.length - 1;

  let candidates: Int32Array = terms.length > 0 ? tally.matched.slice(0, tally.count) : Int32Array.from({ length: n }, (_, i) => i);
  if (terms.length > 1) candidates = introWords(tally, candidates, all);
  if (q.exclude.length > 0) {
    const excluded = new Uint8Array(n);
    for (const term of q.exclude) markExcluded(index, term, excluded);
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
  let partial: Ranked["partial"];
  let every = 0;
  if (terms.length > 1) {
    // Rule 1: every word, or (when asked) the most words there are. Loops, not filter's
    // callback: they run once per matched entry, before V8 has optimised anything (#24).
    const held = tally.terms;
    for (let k = 0; k < candidates.length; k++) if (held[candidates[k]!] === all) every++;
    // Fewer than a screenful with every word (RANKING.fill): those with fewer words follow them,
    // ranked after by rule 1, so that "postgres driver" shows the Postgres ORMs after the one
    // Postgres driver rather than nothing more (#24). Only where rule 1 may drop words, and only
    // for bare words: a field ("section:medium") or a phrase is a condition, not a word to drop.
    const bare = terms.every((t) => !t.phrase && t.field === undefined);
    // Fewer-word entries follow: every candidate is kept, and rule 1 (the score) puts those
    // with every word first. Otherwise only those with every word stay, or, when none has
    // every word and the caller asks for it, those with the most words.
    const fewerFollow = every > 0 && every < RANKING.fill && options.partial === true && bare;
    if (!fewerFollow) {
      if (every > 0 || !options.partial || candidates.length === 0) {
        candidates = keep(candidates, (i) => held[i] === all, every);
      } else {
        let most = 0;
        for (let k = 0; k < candidates.length; k++) most = Math.max(most, bitCount(held[candidates[k]!]!));
        candidates = candidates.filter((i) => bitCount(held[i]!) === most);
        partial = { words: most, of: terms.length };
      }
    }
  }
  const sequence = (q.sequence ?? terms.flatMap((t) => t.words)).slice(0, 64);
  return { index, tally, candidates, sequence, terms, all, single, every, ...(partial ? { partial } : {}) };
}

/**
 * Rule 1 and a section's intro line: the intro says what the whole section is about, so its words
 * count for an entry only when it holds every word of the query ("*HTTP clients, socket
 * libraries…*" for "http client"); one word of it ("Mocks" over a section of cameras, for "mocking
 * framework") is no word of the entry's. The entries left with no word are no candidates.
 */
function introWords(tally: Tally, candidates: Int32Array, all: number): Int32Array {
  const intro = tally.fields[FIELD_INDEX.intro];
  if (intro === undefined) return candidates;
  const others = tally.fields.filter((mask, f) => mask !== undefined && f !== FIELD_INDEX.intro) as (Uint8Array | Uint32Array)[];
  let kept = 0;
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c]!;
    if (intro[i] !== 0 && intro[i] !== all) {
      let own = 0;
      for (let k = 0; k < others.length; k++) own |= others[k]![i]!;
      tally.terms[i] = own;
    }
    if (tally.terms[i] !== 0) candidates[kept++] = i;
  }
  return kept === candidates.length ? candidates : candidates.slice(0, kept);
}

/** The candidates `wanted` keeps, known to be `count`, in their order. */
function keep(candidates: Int32Array, wanted: (i: number) => boolean, count: number): Int32Array {
  const out = new Int32Array(count);
  let k = 0;
  for (let c = 0; c < candidates.length && k < count; c++) {
    const i = candidates[c]!;
    if (wanted(i)) out[k++] = i;
  }
  return out;
}

export function rank(entries: Entries, query: string | Query, options: SearchOptions = {}): Ranked {
  const q = typeof query === "string" ? parseQuery(query) : query;
  return narrowed(entries, q, options) ?? rankAll(entries, q, options);
}

/** rank(), scanning every entry. */
function rankAll(entries: Entries, query: Query, options: SearchOptions): Ranked {
  return rankMatched(entries, query, options).ranked;
}

/** rankAll(), with how many of the entries ranked hold every term (Matched.every). */
function rankMatched(entries: Entries, query: Query, options: SearchOptions): Subset {
  const m = matchTerms(entries, query, options);
  if (!m) return { ranked: { indexes: new Int32Array(0), scores: new Float64Array(0) }, every: 0, typoTerms: [] };
  const { index, tally, candidates, sequence, terms, all, single, partial } = m;
  if (terms.length > 0) exactness(index, tally, candidates, sequence, terms, all, single);
  if (terms.length > 0) bareTitles(index, tally, candidates);
  const proximity = sequence.length > 1 ? nearness(index, tally, candidates, sequence, terms) : undefined;
  const scores = new Float64Array(tally.n);
  // The rules' values packed into one number, most significant first (rule 5 is the sort's tie-break).
  const { terms: held, typos, exact, quality } = tally;
  const intro = tally.fields[FIELD_INDEX.intro];
  const few = terms.length <= 12;
  let max = 0;
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    // Rule 1: more words first, then (of a few terms) those that lack words from the end of the query.
    const value = few ? bitCount(held[i]!) * (all + 1) + held[i]! : bitCount(held[i]!);
    const introHolds = intro !== undefined && intro[i] === held[i] ? RANKING.intro.holds : RANKING.intro.not;
    const score = ((((value * 10 + (9 - typos[i]!)) * 100 + exact[i]!) * 1000 + quality[i]!) * 2 + introHolds) * 100 + (proximity ? proximity[i]! : 0);
    scores[i] = score;
    if (score > max) max = score;
  }
  return { ranked: { ...ranked(candidates, scores, max), ...(partial ? { partial } : {}) }, every: m.every, typoTerms: tally.typoTerms };
}

/** A ranking, with what narrowed() needs to know whether a scan of every entry would rank alike. */
interface Subset {
  ranked: Ranked;
  /** How many of the entries ranked hold every term (Matched.every). */
  every: number;
  /** The terms that looked up their typos (Tally.typoTerms). */
  typoTerms: readonly number[];
}

/** The folded text of field f for entry i (a list field: its table row; its headings parted by a tab). */
export function fieldText(index: SearchIndex, f: Field, i: number): string {
  const c = index.columns[f];
  if (!c) return "";
  if ("runs" in c) {
    const row = c.runs.rows[partAt(c.runs.starts, i)]!;
    return c.rows.text.slice(c.rows.starts[row]!, c.rows.starts[row + 1]! - 1);
  }
  return c.text.slice(c.starts[i]!, c.starts[i + 1]! - 1);
}

/**
 * How a field's words hold a query's (rule 3), when they start with them: equal (the same words), or
 * starts (the same words, the last one's start, then maybe more); else 0.
 */
function phraseLevel(held: readonly string[], own: readonly string[]): number {
  if (sameWords(held, own)) return RANKING.exactness.equal;
  const last = own.length - 1;
  if (last < 0 || held.length < own.length) return 0;
  return sameWords(held.slice(0, last), own.slice(0, last)) && held[last]!.startsWith(own[last]!) ? RANKING.exactness.starts : 0;
}

const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, k) => w === b[k]);

/** Hosts whose urls name a repository as /owner/name. */
const REPOSITORY = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\/([^/?#\s]+)\/([^/?#\s]+?)(?:\.git)?\/?(?:[?#].*)?$/;
const OWNER_NAME = /^[\p{L}\p{N}_.-]+\/[\p{L}\p{N}_.-]+$/u;

/** Hosts whose urls name a repository as /owner/name, tried with startsWith before any expression. */
const REPOSITORY_HOSTS = ["https://github.com/", "https://gitlab.com/", "https://codeberg.org/", "https://bitbucket.org/", "https://www.github.com/", "http://github.com/"];

/**
 * Whether a url starts with one of REPOSITORY_HOSTS. Most urls of a page are not a repository's:
 * the letter after "https://" (or "http://") tells most of them apart before any startsWith.
 */
function repositoryHost(text: string, start: number): boolean {
  if (text.charCodeAt(start) !== 104) return false;
  const colon = text.charCodeAt(start + 4);
  const host = text.charCodeAt(colon === 115 ? start + 8 : colon === 58 ? start + 7 : -1);
  // g(ithub, itlab), c(odeberg), b(itbucket), w(ww.github)
  if (host !== 103 && host !== 99 && host !== 98 && host !== 119) return false;
  for (let h = 0; h < REPOSITORY_HOSTS.length; h++) if (text.startsWith(REPOSITORY_HOSTS[h]!, start)) return true;
  return false;
}

/**
 * Where the next "/" of the titles' text is from a position, remembered: the candidates come
 * mostly in page order and few titles hold a slash, so one search serves many titles.
 */
class NextSlash {
  private from = Infinity;
  private at = -1;
  constructor(private readonly text: string) {}
  after(start: number): number {
    if (start < this.from || (this.at >= 0 && start > this.at)) {
      this.from = start;
      this.at = this.text.indexOf("/", start);
    }
    return this.at;
  }
}

/** Which terms each entry's url and title hold (Tally.fields), looked up once for every candidate. */
interface NameMasks {
  url: Uint8Array | Uint32Array | undefined;
  title: Uint8Array | Uint32Array | undefined;
  slashes: NextSlash;
}

/**
 * A repository's name without the ecosystem it names after a dot: "telescope.nvim", "Chart.js",
 * "Binding.scala" are the telescope, Chart and Binding a person types (#24).
 */
export const bareName = (name: string): string => name.replace(/\.[\p{L}]+$/u, "");

/** The query is the repository the entry names: its url's `owner/name` or `name`, or a title written `owner/name` or its `name`. */
function namesRepository(index: SearchIndex, masks: NameMasks, i: number, sequence: readonly string[], all: number): boolean {
  if (masks.url !== undefined && masks.url[i] === all) {
    const url = index.columns.url;
    if (repositoryHost(url.text, url.starts[i]!)) {
      const m = REPOSITORY.exec(fieldText(index, "url", i));
      if (m && (sameWords(words(m[2]!), sequence) || sameWords(words(`${m[1]} ${m[2]}`), sequence) || sameWords(words(bareName(m[2]!)), sequence))) return true;
    }
  }
  if (masks.title !== undefined && masks.title[i] === all) {
    const title = index.columns.title;
    const slash = masks.slashes.after(title.starts[i]!);
    if (slash >= 0 && slash < title.starts[i + 1]! - 1) {
      const text = fieldText(index, "title", i);
      const name = text.slice(text.indexOf("/") + 1);
      if (OWNER_NAME.test(text) && (sameWords(words(name), sequence) || sameWords(words(bareName(name)), sequence))) return true;
    }
  }
  return false;
}

/**
 * Whether a heading of field f of entry i may equal or start with a query whose first word is
 * `first`: its first word must start with `first`. Read in place, without slicing the text; only
 * a heading whose first letter is a-z or 0-9 after ASCII punctuation is told "no" (any other is
 * left to the words' comparison), so that it never rules out what that comparison would find.
 */
function mayStartWith(index: SearchIndex, f: Field, i: number, first: string): boolean {
  const c = index.columns[f];
  if (!c) return false;
  let text: string;
  let start: number;
  let end: number;
  if ("runs" in c) {
    const row = c.runs.rows[partAt(c.runs.starts, i)]!;
    text = c.rows.text;
    start = c.rows.starts[row]!;
    end = c.rows.starts[row + 1]! - 1;
  } else {
    text = c.text;
    start = c.starts[i]!;
    end = c.starts[i + 1]! - 1;
  }
  let k = start;
  while (k <= end) {
    // k: a heading's start (the row's, or after a SEGMENT)
    let ch = text.charCodeAt(k);
    while (k < end && ch < 128 && ch !== 9 && !((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90))) ch = text.charCodeAt(++k);
    if (k >= end || ch === 9) {
      // An empty heading (no word): the comparison decides.
      return true;
    }
    if (!((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57))) return true;
    if (text.startsWith(first, k) && k + first.length <= end) return true;
    // The next heading starts after a SEGMENT, looked for within the row (an indexOf would run
    // on through the rest of the column, which mostly has none).
    while (k < end && text.charCodeAt(k) !== 9) k++;
    if (k >= end) return false;
    k++;
  }
  return false;
}

/**
 * Rule 3 for the candidates: a field that holds every term, at its exactness (a query of several
 * words: the field's words compared with the query's), then the repository name.
 */
function exactness(index: SearchIndex, tally: Tally, candidates: Int32Array, sequence: readonly string[], terms: readonly TextTerm[], all: number, single: boolean): void {
  const nameCode = code(RANKING.exactness.equal, RANKING.field.name);
  const bare = terms.every((t) => !t.phrase && t.field === undefined);
  const bitOf = wordBits(terms);
  const masks: NameMasks = { url: tally.fields[FIELD_INDEX.url], title: tally.fields[FIELD_INDEX.title], slashes: new NextSlash(index.columns.title.text) };
  const exact = tally.exact;
  if (single) {
    // One word: the scans gave its exactness; only the repository name is left, for the few
    // entries whose url or title holds the word (every candidate holds it somewhere).
    if (!bare) return;
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c]!;
      if (exact[i]! < nameCode && namesRepository(index, masks, i, sequence, all)) exact[i] = nameCode;
    }
    return;
  }
  const sectionMasks = { section: tally.fields[FIELD_INDEX.section], heading: tally.fields[FIELD_INDEX.heading] };
  // The fields some term was found in, with which terms each entry holds in them.
  const present: number[] = [];
  for (let f = 0; f < FIELDS.length; f++) if (tally.fields[f] !== undefined) present.push(f);
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c]!;
    // An entry without every word (rule 1's fallback): the exactness of the words it has.
    const want = tally.terms[i]!;
    const own = want === all ? sequence : sequence.filter((w) => ((bitOf.get(w) ?? 0) & want) !== 0);
    {
      let best = exact[i]!;
      for (let p = 0; p < present.length; p++) {
        const f = present[p]!;
        if (tally.fields[f]![i] !== want) continue;
        let level: number = (tally.wholeFields[f]?.[i] ?? 0) === want ? RANKING.exactness.words : RANKING.exactness.wordStarts;
        if (code(RANKING.exactness.equal, FIELD_RANK[f]!) <= best) continue;
        // Equal and starts need a heading that starts with the first word: most fields have none.
        if (own.length === 0 || mayStartWith(index, FIELDS[f]!, i, own[0]!)) {
          for (const segment of fieldText(index, FIELDS[f]!, i).split(SEGMENT)) level = Math.max(level, phraseLevel(words(segment), own));
        }
        level = Math.min(level, FIELD_EXACT[f]!);
        if (code(level, FIELD_RANK[f]!) > best) best = code(level, FIELD_RANK[f]!);
      }
      // A category named by its trail: "web framework" is the section "Frameworks" under "Web",
      // "database driver" "Driver" under "Database": the heading above and the section, read as one.
      const sectionHeld = sectionMasks.section?.[i] ?? 0;
      const headingHeld = sectionMasks.heading?.[i] ?? 0;
      if (sectionHeld !== 0 && headingHeld !== 0 && (sectionHeld | headingHeld) === want && best < code(RANKING.exactness.starts, RANKING.field.section)) {
        const above = fieldText(index, "heading", i).split(SEGMENT);
        const level = phraseLevel([...words(above[above.length - 1]!), ...words(fieldText(index, "section", i))], own);
        if (level > 0 && code(level, RANKING.field.section) > best) best = code(level, RANKING.field.section);
      }
      exact[i] = best;
    }
    if (bare && exact[i]! < nameCode && namesRepository(index, masks, i, own, want)) tally.exact[i] = nameCode;
  }
}

/**
 * Rule 3 for a bare link (a url with no text, "podcasts.surge.sh"): its title is its url's host
 * and path, so a match in it is a match in the url, not in a name (#24). Unless its title is
 * the query, it ranks as the url would: a whole word or a word's start of the url, never "starts
 * with the query", so that the list it is nested in ("awesome-podcasts") comes first. Only the
 * candidates whose best match is in the title are looked at, in place, without slicing.
 */
function bareTitles(index: SearchIndex, tally: Tally, candidates: Int32Array): void {
  const exact = tally.exact;
  const titleRank = RANKING.field.title;
  const equal = RANKING.exactness.equal;
  const title = index.columns.title;
  const url = index.columns.url;
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c]!;
    const e = exact[i]!;
    if (e % 16 !== titleRank || e >= code(equal, 0) || !hostAndPathTitle(title, url, i)) continue;
    exact[i] = code(Math.min(Math.floor(e / 16), RANKING.exactness.words), RANKING.field.url);
  }
}

/** Entry i's folded title is its folded url after the scheme (and "www."): a bare link's. */
function hostAndPathTitle(title: FoldedColumn, url: FoldedColumn, i: number): boolean {
  const ts = title.starts[i]!;
  const length = title.starts[i + 1]! - 1 - ts;
  const us = url.starts[i]!;
  const ue = url.starts[i + 1]! - 1;
  if (length === 0) return false;
  const t = title.text;
  const u = url.text;
  // The scheme: "://" within the first few letters.
  let k = us;
  const limit = Math.min(ue - 2, us + 10);
  while (k < limit && !(u.charCodeAt(k) === 58 && u.charCodeAt(k + 1) === 47 && u.charCodeAt(k + 2) === 47)) k++;
  if (k >= limit) return false;
  k += 3;
  if (u.startsWith("www.", k)) k += 4;
  if (length > ue - k) return false;
  for (let j = 0; j < length; j++) if (t.charCodeAt(ts + j) !== u.charCodeAt(k + j)) return false;
  return true;
}

/** The bits (Tally.terms) of the terms each word of the query belongs to. */
function wordBits(terms: readonly TextTerm[]): Map<string, number> {
  const bitOf = new Map<string, number>();
  terms.forEach((t, k) => {
    for (const w of t.words) bitOf.set(w, (bitOf.get(w) ?? 0) | 2 ** (terms.length - 1 - k));
  });
  return bitOf;
}

/** Rule 4 for the candidates: the most pairs of the query's words next to each other, in order, in one field. */
function nearness(index: SearchIndex, tally: Tally, candidates: Int32Array, sequence: readonly string[], terms: readonly TextTerm[]): Uint8Array {
  const out = new Uint8Array(tally.n);
  const bitOf = wordBits(terms);
  const pairs: { ascii: RegExp; other: RegExp; bits: number }[] = [];
  for (let k = 0; k + 1 < sequence.length; k++) {
    const a = sequence[k]!;
    const b = sequence[k + 1]!;
    if (a !== b) pairs.push({ ascii: phraseExpression([a, b], true, false), other: phraseExpression([a, b], false, false), bits: (bitOf.get(a) ?? 0) | (bitOf.get(b) ?? 0) });
  }
  const ascii = FIELDS.map((f) => {
    const c = index.columns[f];
    return c ? rowsOf(c).ascii : true;
  });
  // Only the fields some term was found in can hold a pair (plain loops: they run once per candidate).
  const present: number[] = [];
  for (let f = 0; f < FIELDS.length; f++) if (tally.fields[f] !== undefined) present.push(f);
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c]!;
    let best = 0;
    for (let q = 0; q < present.length; q++) {
      const f = present[q]!;
      const held = tally.fields[f]![i]!;
      if (held === 0) continue;
      let count = 0;
      let text: string | undefined;
      for (let k = 0; k < pairs.length; k++) {
        const p = pairs[k]!;
        if ((held & p.bits) !== p.bits) continue;
        text ??= fieldText(index, FIELDS[f]!, i);
        if ((ascii[f] ? p.ascii : p.other).test(text)) count++;
      }
      if (count > best) best = count;
    }
    out[i] = Math.min(99, best);
  }
  return out;
}

/**
 * Best first; equal scores keep document order, so results are stable. The scores are whole
 * numbers: when (best score - score) * entries + index fits a double exactly, that one number is
 * the sort key, and a typed array of them sorts natively, without calling a comparator once per
 * comparison (#24); else the comparator does it.
 */
function ranked(hits: Int32Array, total: Float64Array, max: number): Ranked {
  const n = total.length;
  const count = hits.length;
  const scores = new Float64Array(count);
  if ((max + 1) * n <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const i = hits[k]!;
      keys[k] = (max - total[i]!) * n + i;
    }
    keys.sort();
    for (let k = 0; k < count; k++) {
      const i = keys[k]! % n;
      hits[k] = i;
      scores[k] = total[i]!;
    }
    return { indexes: hits, scores };
  }
  const indexes = hits.sort((a, b) => total[b]! - total[a]! || a - b);
  for (let k = 0; k < count; k++) scores[k] = total[indexes[k]!]!;
  return { indexes, scores };
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
      // As the search matches: at a word's start or a camelCase part's, never inside a word (#24).
      if (!isWordStart(folded, at) && !camelStart(text, origin[at]!)) continue;
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

/**
 * rank() of the entries the query's words can match only, when the entries have postings
 * (columns/postings.ts, #26): the same hits and scores as a scan of every entry, since a rule's
 * values for an entry depend on that entry's text alone, but for rule 2's fill, which counts a
 * word's entries, and which the postings count exactly. Each term looks up its word, its forms
 * and, when a scan of every entry would take them, its typos. A query of several terms first ranks
 * the entries that may hold every term: when at least a screenful (RANKING.fill) of them do, and
 * every term that looked up its typos there has fewer than a screenful of entries in the whole (so
 * a scan of every entry looks them up too), a scan of every entry ranks exactly those (rule 1 keeps
 * only them, and rule 2's fill is decided alike in the subset and the whole), so "consensus canister" over
 * 100,000 links ranks the 4 % that hold both words, not the 40 % that hold either (#26). Else the
 * entries some term may match are ranked. Undefined, and every entry is scanned, when the postings
 * cannot tell exactly (a word of other characters, a url's scheme) or would select most entries anyway.
 */
/** The share of the entries above which a search scans them all rather than copy those it may match. */
const NARROW_SHARE = 0.25;

function narrowed(entries: Entries, q: Query, options: SearchOptions): Ranked | undefined {
  const n = entries.size;
  const terms = q.terms.slice(0, MAX_TERMS);
  if (n === 0 || terms.length === 0 || isEmptyQuery(q) || !entries.postings) return undefined;
  const postings = entries.postings();
  const vocabulary = postings && entries.columns().vocabulary;
  if (!postings || !vocabulary) return undefined;
  const words: SearchIndex = { columns: {} as Columns, vocabulary };
  const typos = options.typos !== false;
  // Per entry: the terms that may match it, a bit each (MAX_TERMS is under 32).
  const held = new Uint32Array(n);
  // Per term (and joined words, after the terms): the entries its word and forms may match.
  const counts: number[] = [];
  const limit = 4 * n;
  let read = 0;
  const joined = joinedTerms(terms);
  for (let k = 0; k < terms.length + joined.length; k++) {
    const term = k < terms.length ? terms[k]! : joined[k - terms.length]!.term;
    const at = k < terms.length ? k : joined[k - terms.length]!.at;
    const bits = k < terms.length ? 1 << k : (1 << at) | (1 << (at + 1));
    let count = 0;
    // Entries seen by this term: its count of entries, not the others'.
    const seen = new Uint8Array(n);
    const take = (word: string): boolean => {
      if (!lookable(word)) return false;
      const [from, to] = prefixRange(postings, word);
      read += to - from;
      if (read > limit) return false;
      const list = postings.read(from, to);
      if (!list) return false;
      for (let j = 0; j < list.length; j++) {
        const i = list[j]!;
        if (!(i >= 0 && i < n)) return false;
        held[i] = held[i]! | bits;
        if (seen[i] === 0) {
          seen[i] = 1;
          count++;
        }
      }
      return true;
    };
    const word = term.words[0]!;
    // A phrase's hits hold its first word as a word: those entries, and more.
    if (!take(word)) return undefined;
    // A word on many entries: a scan of every entry costs no more than copying them; of several
    // terms, the entries that hold every one may still be few.
    if (terms.length === 1 && count > n * NARROW_SHARE) return undefined;
    if (term.phrase) {
      counts.push(count);
      continue;
    }
    // A url's scheme is no match of a word (scan): the postings would count it.
    if (SCHEMES.some((scheme) => scheme.startsWith(word))) return undefined;
    const forms = k >= terms.length ? [] : wordForms(words, word);
    // A split form's hits hold its first part as a word, as a phrase's hold its first word.
    for (const form of forms) if (!take(form.split ? form.split[0] : form.word)) return undefined;
    // scoreTerm's fill, from the count of the word's entries (exact for a bare word; a field's
    // term may count fewer, so its typos are always looked up: more entries, never fewer).
    // A joined word's count is of entries the terms may have marked already: its typos always.
    counts.push(count);
    if (typos && typoBudget(word.length) > 0 && (term.field !== undefined || k >= terms.length || count < RANKING.fill)) {
      for (const near of nearWords(words, word)) if (!take(near.word)) return undefined;
    }
  }
  const kept = (wanted: (h: number) => boolean): Int32Array => {
    let count = 0;
    for (let i = 0; i < n; i++) if (wanted(held[i]!)) count++;
    const out = new Int32Array(count);
    let k = 0;
    for (let i = 0; i < n; i++) if (wanted(held[i]!)) out[k++] = i;
    return out;
  };
  if (terms.length > 1) {
    // Those that may hold every term; trusted only when the ranking of them is what a scan of
    // every entry gives (test/search/narrowed.property.test.ts).
    const all = 2 ** terms.length - 1;
    const every = kept((h) => h === all);
    if (every.length >= RANKING.fill && every.length <= n * NARROW_SHARE) {
      const subset = rankOf(entries, every, q, options);
      // A term that looked up its typos among these may have words enough for a screenful in the
      // whole, where a scan would not: trusted only where its entries in the whole are fewer too.
      if (subset.every >= RANKING.fill && subset.typoTerms.every((t) => counts[t]! < RANKING.fill)) return subset.ranked;
    }
  }
  // The entries some term may match, all of them, ranked as a scan ranks them, rule 1 counting
  // the words itself.
  const some = kept((h) => h > 0);
  if (some.length > n * NARROW_SHARE) return undefined;
  return rankOf(entries, some, q, options).ranked;
}

/** rank() of the entries `keep` (ascending indexes) alone, its indexes those of `entries`. */
function rankOf(entries: Entries, keep: Int32Array, q: Query, options: SearchOptions): Subset {
  let columns: EntryColumns | undefined;
  const part: Entries = {
    size: keep.length,
    at: (i) => entries.at(keep[i]!),
    summary: (i) => entries.summary(keep[i]!),
    sanitized: entries.sanitized,
    columns: () => (columns ??= keptColumns(entries.columns(), keep)),
    *[Symbol.iterator]() {
      for (let i = 0; i < keep.length; i++) yield entries.at(keep[i]!)!;
    },
  };
  const r = rankMatched(part, q, options);
  const { indexes } = r.ranked;
  for (let k = 0; k < indexes.length; k++) indexes[k] = keep[indexes[k]!]!;
  return r;
}
