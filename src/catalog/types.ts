// The data model shared by every part of the tool. Plain data only: everything here
// survives JSON.stringify, so the cache and `--json` can hold it as it is.

export const KINDS = ["talk", "article", "forum", "site", "page"] as const;
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
  sectionPath: string[];
  speaker?: string;
  description?: string;
  related: Link[];
  tags: string[];
  /** 1-based line of the link in its page. */
  line: number;
  /** The slug the id is made from (depends on title and url only). */
  slug: string;
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

/** Text of every entry's fields, joined by "\n" in entry order (the cache stores it so). */
export interface JoinedText {
  title: string;
  url: string;
  speaker: string;
  description: string;
  /** Each entry's heading trail, joined by spaces. */
  section: string;
  tags: string;
}

export interface Catalog {
  pages: Page[];
  entries: Entry[];
  /** When known (a single cached page): the entries' text, joined, for the search. */
  joined?: JoinedText;
  /**
   * When the entries come from the cache: the same entries, each built only when read, so a
   * search builds objects for its hits alone. `entries` builds them all.
   */
  lazy?: { readonly length: number; at(index: number): Entry | undefined };
  bySection: Facet[];
  byKind: Facet[];
  bySpeaker: Facet[];
  byTag: Facet[];
}
