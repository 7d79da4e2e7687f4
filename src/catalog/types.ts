// The data model shared by every part of the tool. Plain data only: everything here
// survives JSON.stringify, so the cache and `--json` can hold it as it is.

export const KINDS = ["talk", "podcast", "paper", "article", "repo", "forum", "site", "page"] as const;
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
  /** Each author of a paper (or of an article whose line names them), in the page's order (#23). */
  authors: string[];
  /** Where a talk was given: "Strange Loop", "PyCon US" (#13); a paper's venue, "SOSP" (#23). */
  event?: string;
  /** When a talk was given (or a paper published). */
  year?: number;
  /** How long a talk runs, in seconds. */
  duration?: number;
  description?: string;
  related: Link[];
  /** The page's tags (front matter), then the item's own (`` · `tag` ``, #28). */
  tags: string[];
  /** When the link was added, YYYY-MM-DD, as the item notes it (" · added 2024-03-01", #28). */
  added?: string;
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

/** The name of a section whose heading has no text. */
export const UNTITLED_SECTION = "(untitled)";

export interface Heading {
  level: number;
  text: string;
  line: number;
  /** The prose that explains the section (#23): paragraphs of sentences with links in them, above its list; no entries. */
  description?: string;
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
  /** When it was published (YYYY-MM-DD, or shorter): a fact of the link's own page (#27). */
  published?: string;
  /** A video's channel, as the link's page names it (#27). */
  channel?: string;
  /** The facts that came from the link's own page (enrich, #27) rather than from this page. */
  from?: Partial<Record<LinkFactName, "link">>;
}

/** The facts a link's own page can give an entry (#27). */
export const LINK_FACT_NAMES = ["title", "description", "duration", "year", "published", "authors", "channel"] as const;
export type LinkFactName = (typeof LINK_FACT_NAMES)[number];

export interface Facet {
  /** The name as first written in the page. */
  name: string;
  /** Sections only: the heading trail that leads to it. */
  path?: string[];
  /** Sections only: the prose that explains it (#23), when the page has some above its list. */
  description?: string;
  /** Positions (1-based) of the entries that carry it. */
  entries: number[];
}

/** What the one-line forms of an entry (TSV) print of it. */
export type EntrySummary = Pick<Entry, "id" | "title" | "url" | "speaker" | "section">;
