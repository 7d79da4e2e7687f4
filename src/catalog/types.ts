// The data model shared by every part of the tool. Plain data only: everything here
// survives JSON.stringify, so the cache and `--json` can hold it as it is.

export const KINDS = ["talk", "paper", "article", "repo", "forum", "site", "page"] as const;
export type Kind = (typeof KINDS)[number];

export interface Link {
  title: string;
  url: string;
}

/** Front matter of a page, normalised; `meta` keeps every key as read (JSON-safe). */
export interface FrontMatter {
  title?: string;
  description?: string;
  date?: string;
  permalink?: string;
  baseUrl?: string;
  tags: string[];
  meta: Record<string, unknown>;
}

/** One entry as the parser sees it, before the catalog gives it an id and a position. */
export interface ParsedEntry {
  title: string;
  url: string;
  kind: Kind;
  section: string;
  /**
   * The heading trail, then (#13) the labels of the list items the entry is nested in: a plain
   * item's text, a link item's title. `section` is the nearest heading, not a label.
   */
  sectionPath: string[];
  /** The speakers joined by ", ": what tables, TSV and the search show (#13). */
  speaker?: string;
  /** Each speaker of a talk, in the page's order; empty for anything else (#13). */
  speakers: string[];
  /** Where a talk was given: "Strange Loop", "PyCon US" (#13). */
  event?: string;
  /** When a talk was given (or a paper published). */
  year?: number;
  /** How long a talk runs, in seconds. */
  duration?: number;
  description?: string;
  related: Link[];
  tags: string[];
  /** 1-based line of the link in its page. */
  line: number;
  /** The slug the id is made from (depends on title and url only). */
  slug: string;
  /**
   * Only when parsePage is asked for it (editing, #17): the lines of the list item, table row or
   * paragraph that holds the link (1-based; `end` is the line after the last, blank lines
   * included), and whether a list item holds nested items.
   */
  place?: { kind: "item" | "row" | "paragraph"; start: number; end: number; nested: boolean };
}

export interface Heading {
  level: number;
  text: string;
  line: number;
}

export interface Page {
  /** Where the page came from: a path, or "-" for standard input. */
  source: string;
  frontMatter: FrontMatter;
  headings: Heading[];
  entries: ParsedEntry[];
}

export interface Entry extends Omit<ParsedEntry, "slug"> {
  id: string;
  /** 1-based, in document order across the whole catalog. */
  position: number;
  /** Source of the page this entry came from. */
  source: string;
  /** For a site link: the source of the loaded page whose permalink it points to. */
  target?: string;
}

export interface Facet {
  /** The name as first written in the page. */
  name: string;
  /** Sections only: the heading trail that leads to it. */
  path?: string[];
  /** Positions (1-based) of the entries that carry it. */
  entries: number[];
}

/**
 * One text field of every entry, joined by "\n" in entry order (page text never holds a newline
 * once sanitised). `starts[i]` is where entry i begins; `starts[n]` is `text.length + 1`.
 */
export interface JoinedColumn {
  text: string;
  starts: Int32Array;
  /** Every character is ASCII: folding it is lowercasing it. */
  ascii: boolean;
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

/** The text the search reads, field by field, for a list of entries (the cache stores it so). */
export interface SearchText {
  title: JoinedColumn;
  /** Each entry's speakers joined by ", " (#13). */
  speaker: JoinedColumn;
  /** Each entry's event (a talk's conference), when some entry has one (#13, #14). */
  event?: JoinedColumn;
  description: JoinedColumn;
  url: JoinedColumn;
  /** Each entry's heading trail. */
  section: ListColumn;
  tags: ListColumn;
  /**
   * The distinct folded words of titles, speakers, sections and tags, one per line, when the
   * cache stored them: what a typo is matched against (search/search.ts, typoVocabulary).
   */
  vocabulary?: Vocabulary;
}

export interface Vocabulary {
  text: string;
  ascii: boolean;
}

/** What the one-line forms of an entry (TSV) print of it. */
export type EntrySummary = Pick<Entry, "id" | "title" | "url" | "speaker" | "section">;

/**
 * Entries in catalog order, built one by one when asked for: a search of 100,000 cached entries
 * builds objects for what it prints only (#4). Arrays are such lists too.
 */
export interface EntryList {
  readonly length: number;
  at(index: number): Entry | undefined;
  /** Just what a TSV line prints, where the list has a cheaper way to it than at() (the cache). */
  summary?(index: number): EntrySummary | undefined;
  /**
   * Known, not assumed: the texts a TSV line prints hold nothing sanitize() would change (the
   * cache checks its columns once, when it writes them).
   */
  readonly sanitized?: boolean;
}

/** Entries from the cache: built one by one, or all at once (then kept). */
export interface CachedEntries extends EntryList {
  all(): Entry[];
}

export interface Catalog {
  pages: Page[];
  entries: Entry[];
  /** When known (a single cached page): the entries' text as the search reads it. */
  text?: SearchText;
  /**
   * When the entries come from the cache: the same entries, each built only when read, so a
   * search builds objects for its hits alone. `entries` builds them all.
   */
  lazy?: EntryList;
  bySection: Facet[];
  byKind: Facet[];
  bySpeaker: Facet[];
  /** Events and years of talks (#13); years in order. */
  byEvent: Facet[];
  byYear: Facet[];
  byTag: Facet[];
}
