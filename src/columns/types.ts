// The columnar form of a list of entries (#4, #15): each text field of every entry joined into
// one string, each list field as a table of its distinct lists. The search scans it, the cache
// stores it as it is, and a parsed page gets it from its entries (columns/build.ts). Plain data.

/**
 * One text field of every entry, joined by "\n" in entry order (page text never holds a newline
 * once sanitised). `starts[i]` is where entry i begins; `starts[n]` is `text.length + 1`.
 */
export interface JoinedColumn {
  text: string;
  starts: Int32Array;
  /** Every character is ASCII: folding it is lowercasing it. */
  ascii: boolean;
  /**
   * Folded, the column keeps no text with its case (columns/folded.ts, FoldedColumn.original): set
   * by the cache on a part of a stored column whose whole has none, so that the part is searched
   * as the whole is (#26).
   */
  uncased?: boolean;
  /**
   * text.substring(from, to), when the column can give it without its whole text: a column of the
   * cache, not yet decoded (cache/format.ts, StoredColumn; #26).
   */
  part?(from: number, to: number): string;
}

/**
 * A list field of every entry (heading trail, tags): the distinct lists, and runs of entries that
 * share one: entries `starts[r]` to `starts[r + 1] - 1` have the list `table[rows[r]]`. A section's
 * entries follow each other, so a page of 100,000 entries has a few thousand runs.
 */
export interface ListColumn {
  table: readonly (readonly string[])[];
  rows: Int32Array;
  /** One more than there are runs: the last is the number of entries. */
  starts: Int32Array;
}

/** The distinct folded words of the fields a typo is matched against, one per line. */
export interface Vocabulary {
  /**
   * Distinct words, one per line, sorted (UTF-16 order): the words that start with one letter
   * are one run of lines, which a typo search reads alone (search/search.ts, nearWords; #26).
   */
  text: string;
  ascii: boolean;
}

/** The columns of a list of entries: what the search reads, field by field, and the cache stores. */
export interface EntryColumns {
  title: JoinedColumn;
  /** Each entry's speakers joined by ", " (#13). */
  speaker: JoinedColumn;
  /** Each entry's authors joined by ", " (#23), when the entries were given them. */
  author?: JoinedColumn;
  /** Each entry's event (a talk's conference), when some entry has one (#13, #14). */
  event?: JoinedColumn;
  description: JoinedColumn;
  url: JoinedColumn;
  /** Each entry's heading trail (then the labels of the items it is nested in, #13). */
  section: ListColumn;
  /**
   * How many labels of nested items end each entry's trail (0: its trail is headings only): what
   * tells an item's own section from its parent item's text, which ranks lower (#24). Absent: 0.
   */
  depths?: Int32Array;
  tags: ListColumn;
  /** The trails split as the search reads them (columns/folded.ts, sectionRows), when the cache stored it (#26). */
  sectionRows?: SectionRows;
  /**
   * The words a typo is matched against (columns/folded.ts, typoVocabulary), when the cache
   * stored them; made from the other columns when a search needs them otherwise.
   */
  vocabulary?: Vocabulary;
}

/**
 * The section trails split by nesting depth (columns/folded.ts, sectionRows): runs of entries
 * sharing a (trail, depth) pair, and per pair its own section, the headings above it, the labels
 * of the items it is nested in, the page's headings and its own section's intro line (#24), each
 * table's rows joined by "\n".
 */
export interface SectionRows {
  runs: { rows: Int32Array; starts: Int32Array };
  /** How many (trail, depth) pairs: the rows of each table. */
  count: number;
  section: string;
  heading: string;
  nested: string;
  page: string;
  intro: string;
}
