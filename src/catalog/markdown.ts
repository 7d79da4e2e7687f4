// The markdown side of parsing: markdown-it (a CommonMark parser, #2) turns the body into tokens,
// and this module groups their inline content into "blocks that may hold an entry":
// list items, paragraphs outside list items, and table rows.
import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type Token } from "markdown-it";
import { affiliatedNames } from "./citations";

export type Segment =
  /** `code`: a code span's text (#28: an item's tags are code spans, catalog/item-notes.ts). */
  | { type: "text"; text: string; code?: boolean }
  | {
      type: "link";
      url: string;
      text: string;
      line: number;
      bare: boolean;
      imageOnly: boolean;
      /** The link's text with "\u0001" where bold or italic starts and ends, when it has any (#23): "Jane Doe: **Title**". */
      marked?: string;
    }
  /** Where bold or italic text starts or ends: "by **Name**" ends at it (#13). No text of its own. */
  | { type: "emphasis"; text: ""; strong?: true };

export interface Block {
  /** Segments in reading order: text and links. */
  segments: Segment[];
  /**
   * For a nested list item: the labels of the items it is nested in, outermost first (a plain
   * item's text, a link item's link text; #13). Raw text, cleaned by the parser.
   */
  context?: string[];
  /**
   * Where the block is in the file, for editing (#17): 1-based first line and the line after its
   * last (markdown-it's map, which for a list item takes in its nested items and trailing blank
   * lines); whether it is a list item, a table row or a paragraph; and, for a list item, whether
   * it holds nested list items.
   */
  place?: BlockPlace;
  /** A nested list item's parent item (#23): a talk's "**Title**" above its "[Recording](…)". */
  parent?: Block;
  /**
   * A table row's cells (#23): the index in `segments` where each cell starts, and the table's header
   * cells as written ("Title", "Speaker", "Video"), shared by the rows of one table.
   */
  cells?: number[];
  header?: string[];
}

export interface BlockPlace {
  kind: "item" | "row" | "paragraph";
  start: number;
  end: number;
  nested: boolean;
}

export interface HeadingToken {
  level: number;
  text: string;
  line: number;
  /** A heading that is one link and nothing else ("### [Title](video)"): an archive's talk (#23). */
  link?: { url: string; line: number };
}

/** What the walk hands to the entry builder, in document order. */
export type Item = { type: "heading"; heading: HeadingToken } | { type: "block"; block: Block };

let parser: MarkdownItInstance | undefined;
let linkify: MarkdownItInstance["linkify"] | undefined;

/** Text that may hold a bare http(s) or www. URL: the cheap test before linkify-it's. */
const MAY_HOLD_URL = /https?:\/\/|www\./i;

/** Splits text into text and bare-link segments. */
function linkifyText(text: string, line: number, out: Segment[]): void {
  const matches = MAY_HOLD_URL.test(text) ? ((linkify ?? markdown().linkify).match(text) ?? []).filter((m) => isWantedBareLink(m.raw)) : [];
  let at = 0;
  for (const m of matches) {
    if (m.index > at) out.push({ type: "text", text: text.slice(at, m.index) });
    out.push({ type: "link", url: m.url, text: m.raw, line, bare: true, imageOnly: false });
    at = m.lastIndex;
  }
  if (at < text.length) out.push({ type: "text", text: text.slice(at) });
}

/**
 * The most markdown elements (markdown-it's tokens: a list item of one link is 8 of them) that
 * one piece of a page may have (#12, #26). A page is parsed piece by piece (chunks()), and a
 * piece's tokens are turned into entries before the next is parsed, so tokens are what one piece
 * holds in memory: without a bound, a 63 MB paragraph of 3.1 million one-character links
 * exhausted V8's heap (exit 134). Only a piece that cannot be cut (a long paragraph, a page with
 * reference definitions or a line that starts with a tag) can come near it. At the bound, the
 * peak memory is measured in BENCHMARKS.md ("The largest page").
 */
export const MAX_ELEMENTS = 2_000_000;

/** Thrown by the parser once a piece of a page has more than MAX_ELEMENTS elements. */
export class TooManyElements extends Error {
  constructor() {
    super(`more than ${MAX_ELEMENTS} markdown elements in one piece`);
  }
}

/** Elements the piece being parsed may still have: set for each piece by walkChunks(), counted by every push. */
let elementsLeft = Infinity;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor must take any[]
type StateClass = new (...args: any[]) => { push(...args: never[]): unknown };

/** markdown-it's state, counting the tokens it makes: parsing stops at the bound, not after. */
function counting<T extends StateClass>(State: T): T {
  return class extends State {
    override push(...args: never[]): unknown {
      if (--elementsLeft < 0) throw new TooManyElements();
      return super.push(...args);
    }
  };
}

function markdown(): MarkdownItInstance {
  if (parser) return parser;
  // markdown-it's own linkify rule runs linkify-it's large regular expressions on every piece of
  // text (1.9 s of a cold 100,000-link page, #4); collect() calls linkify-it itself, only on
  // text that can hold a bare URL at all.
  const md = new MarkdownIt("default", { html: true, linkify: false });
  // Keep every link as written: the safety check belongs to `open` (which refuses and says why),
  // not to the parser (which would silently turn `javascript:` links into text).
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  // Bare links: http(s) and www. only (see isWantedBareLink); no e-mail, ftp or "//".
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false });
  md.linkify.add("ftp:", null).add("mailto:", null).add("//", null);
  md.block.State = counting(md.block.State as unknown as StateClass) as unknown as typeof md.block.State;
  md.inline.State = counting(md.inline.State as unknown as StateClass) as unknown as typeof md.inline.State;
  linkify = md.linkify;
  parser = md;
  return md;
}

/** linkify also finds "agent.rs" or "example.com" in prose; only http(s):// and www. count (#2). */
function isWantedBareLink(text: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(text);
}

interface Container {
  type: "item" | "row" | "paragraph";
  block: Block;
  order: number;
}

/** What a list item is called by the items nested in it: its first link's text, else its own text up to a separator. */
function label(block: Block): string | undefined {
  const link = block.segments.find((s) => s.type === "link" && !s.imageOnly && s.text.trim() !== "");
  const text = link ? link.text : block.segments.map((s) => (s.type === "link" ? s.text : s.text)).join("");
  const cut = text.split(/\s[-\u2013\u2014]\s|:\s|\s\(/)[0]!.replace(/(?<![\s.:;,])[\s.:;,]+$/, "").trim();
  return cut && cut.length <= 80 ? cut : undefined;
}

/**
 * Headings written without a space ("#Programming Talks", "####C"): older GitHub markdown read
 * them as headings and real talk lists still use them (#13). Only at the start of a line and
 * before a letter, so "#1" and "#!/bin/sh" stay text.
 */
const TIGHT_HEADING = /^(#{1,6})(?=\p{L})/gmu;
const HAS_TIGHT_HEADING = /^#{1,6}\p{L}/mu;

// 64 KB (about 500 links): small enough that a piece's tokens die in the young generation; at
// 256 KB a cold 100,000-link page spent 0.5 s in scavenges instead of 0.3 s (#4).
const CHUNK = 64 * 1024;
// What a reference definition needs (markdown-it's reference rule): "[", a label of no unescaped
// bracket (across lines, too), "]:". Anywhere, not only at the start of a line: a definition may
// stand in a list item or a quote ("- [l]: https://…", found by the fast route's property test).
// The test for "]:" first: most pages have none, and it is the cheaper scan.
const REFERENCE_DEFINITION = /\[(?:[^[\]\\]|\\[^])*\]:/;
const mayDefineReferences = (body: string): boolean => body.includes("]:") && REFERENCE_DEFINITION.test(body);
// A line that may open an HTML block of CommonMark types 6 or 7 (any tag at the start of a
// line). Such a block runs to the next blank line and swallows what looks like a fence in it
// ("</pre>" then "~~~"), and whether it is one at all depends on the line before and on the
// tag being complete: a page with such a line is parsed whole rather than guessed at (found by
// the random-page property test of test/catalog/chunks.property.test.ts).
/** Whether a line starts with a tag, /^ {0,3}<\/?[A-Za-z]/m, found from the "<"s of the body (most big pages have few or none) rather than tried at every line (#26). */
function hasTagLine(body: string): boolean {
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  for (let at = body.indexOf("<"); at >= 0; at = body.indexOf("<", at + 1)) {
    const c = body.charCodeAt(at + 1);
    if (!(c === 47 ? letter(body.charCodeAt(at + 2)) : letter(c))) continue;
    let start = at;
    while (start > 0 && at - start < 3 && body.charCodeAt(start - 1) === 32) start--;
    // A line starts after any line terminator, as the expression's "^" has it.
    const before = start === 0 ? 10 : body.charCodeAt(start - 1);
    if (before === 10 || before === 13 || before === 0x2028 || before === 0x2029) return true;
  }
  return false;
}
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A list item at column 0 with text ("- [x](…)", "* y"), not a thematic break ("- - -", "***"):
// it starts a top-level item, which closes every block open but a fence or an HTML block.
const BULLET = /^[-*+][ \t]+\S/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE_END = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
// A line that may be the delimiter row of a table ("| --- | :-: |", "--- | ---"): markdown-it
// reads "- a | b" above it as a table's header at the top level, but as a list item inside a
// list, so such a list item is no place to cut (found by the fast route's property test).
const DELIMITER_ROW = /^[ \t]*[|:-][|:\- \t]*$/;

/** Whether the line at `at` (whose text is `text`) is the header of a table when it opens a piece. */
function mayHeadTable(body: string, text: string, next: number): boolean {
  if (!text.includes("|") || next >= body.length) return false;
  const end = body.indexOf("\n", next);
  return DELIMITER_ROW.test(body.slice(next, end < 0 ? body.length : end));
}
// HTML blocks that may run across blank lines (CommonMark types 1 to 5), and their ends.
const LONG_HTML: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * The lines of a body, one at a time, with where a piece may start (#26): a top-level list item
 * ("- [Title](…)", not a thematic break nor a table's header), or an ATX heading after a blank
 * line, outside fenced code and HTML blocks of types 1 to 5 (which run across blank lines). One
 * scanner for chunks() and walkFast(), so that the pieces of markdown-it and of the fast route
 * are cut at the same lines. One object, moved on by next(): no allocation per line.
 */
class CutLines {
  /** The line's offset, the offset after its newline, its 0-based number and its text. */
  at = 0;
  end = 0;
  line = -1;
  text = "";
  /** Whether a piece may start at this line, and whether it is a top-level list item. */
  cut = false;
  bullet = false;
  private fence: string | undefined;
  private html: RegExp | undefined;
  private blank = true;

  constructor(private readonly body: string) {}

  /** Moves to the next line; false after the last. */
  next(): boolean {
    const body = this.body;
    if (this.line >= 0) {
      this.blank = this.text.trim() === "";
      this.at = this.end;
    }
    if (this.at >= body.length) return false;
    this.line++;
    const at = this.at;
    const newline = body.indexOf("\n", at);
    this.end = newline < 0 ? body.length : newline + 1;
    const text = (this.text = body.slice(at, newline < 0 ? body.length : newline));
    this.cut = this.bullet = false;
    if (this.fence) {
      const close = FENCE_END.exec(text);
      if (close && close[1]![0] === this.fence[0] && close[1]!.length >= this.fence.length) this.fence = undefined;
    } else if (this.html) {
      if (this.html.test(text)) this.html = undefined;
    } else {
      const c = text.charCodeAt(0);
      // A list item at column 0 ("- ", "* ", "+ ") opens neither a fence nor an HTML block.
      if ((c === 45 || c === 42 || c === 43) && BULLET.test(text)) this.cut = this.bullet = !THEMATIC.test(text) && !mayHeadTable(body, text, this.end);
      else {
        const f = FENCE.exec(text);
        if (f) this.fence = f[1];
        else {
          const long = LONG_HTML.find(([open]) => open.test(text));
          if (long && !long[1].test(text.slice(text.indexOf("<") + 2))) this.html = long[1];
          else this.cut = this.blank && /^#{1,6}(?:[ \t]|$)/.test(text);
        }
      }
    }
    return true;
  }
}

/**
 * Cuts a long body into pieces of about CHUNK characters at top-level ATX headings and list items,
 * where a cut cannot change the parse: a heading at the start of a line, after a blank line, closes
 * every open block (#4), and so does a list item at column 0 ("- [Title](…)": a page that is one
 * long list is cut too, #26). The blank line ends any HTML block of CommonMark types 6 and 7; fenced code
 * and HTML blocks of types 1 to 5 (which run across blank lines) are tracked and never cut.
 * Never for a page with reference definitions, which are global to the document, nor for one
 * with a line that starts with a tag (HTML blocks of types 6 and 7, see hasTagLine()). Parsing piece by piece keeps markdown-it's
 * tokens short-lived: less garbage collection and a lower peak of memory on big pages.
 */
export function chunks(body: string, size = CHUNK): { text: string; line: number }[] {
  if (body.length <= size * 2 || mayDefineReferences(body) || hasTagLine(body)) return [{ text: body, line: 0 }];
  const out: { text: string; line: number }[] = [];
  let start = 0;
  let startLine = 0;
  for (const lines = new CutLines(body); lines.next(); ) {
    if (lines.cut && lines.at - start >= size) {
      out.push({ text: body.slice(start, lines.at), line: startLine });
      start = lines.at;
      startLine = lines.line;
    }
  }
  out.push({ text: body.slice(start), line: startLine });
  return out;
}

/**
 * Walks the body's tokens. `lineOffset` is added to markdown-it's 0-based lines so that
 * lines are those of the whole file (front matter included), 1-based. `fast` false: every line
 * through markdown-it (tests compare the two routes).
 */
export function walk(body: string, lineOffset: number, chunkSize = CHUNK, maxElements = MAX_ELEMENTS, fast = true): Item[] {
  const items: Item[] = [];
  for (const piece of walkChunks(body, lineOffset, chunkSize, maxElements, fast)) for (const item of piece) items.push(item);
  return items;
}

/**
 * walk(), piece by piece (#26): each piece's items are made only when the one before has been
 * taken, so the tokens (and the items) of a whole page never live at once.
 */
export function* walkChunks(body: string, lineOffset: number, chunkSize = CHUNK, maxElements = MAX_ELEMENTS, fast = true): Generator<Item[]> {
  try {
    if (fast && !mayDefineReferences(body) && !hasTagLine(body)) {
      yield* walkFast(body, lineOffset, chunkSize, maxElements);
      return;
    }
    for (const chunk of chunks(body, chunkSize)) {
      elementsLeft = maxElements;
      const items = walkChunk(chunk.text, lineOffset + chunk.line);
      elementsLeft = Infinity;
      yield items;
    }
  } finally {
    elementsLeft = Infinity;
  }
}

/** A line of spaces and tabs only: blank to markdown-it. */
const BLANK = /^[ \t]*$/;

/**
 * The body read with the fast route (#26): the lines where chunks() may cut (a top-level list
 * item, a heading after a blank line; outside fences and HTML blocks) divide the body into
 * segments that parse alike alone and in the page (the property of chunks(), tested in
 * test/catalog/chunks.property.test.ts). A segment that is one simple list item (fastItem()) and
 * blank lines becomes its item without markdown-it; runs of the other segments go to markdown-it
 * as before. Pieces of about `size` characters are yielded as walkChunks() yields them. Only for
 * a body without reference definitions and lines that open HTML blocks (where chunks() does not cut).
 */
function* walkFast(body: string, lineOffset: number, size: number, maxElements: number): Generator<Item[]> {
  let items: Item[] = [];
  // The piece being filled starts at `pieceStart`; the text not yet parsed (segments that are no simple item) at `run`.
  let pieceStart = 0;
  let run = 0;
  let runLine = 0;
  // The segment being read: where it starts, and its item if it is one simple list item followed by blank lines only.
  let segStart = 0;
  let segLine = 0;
  let simple: Segment[] | undefined;
  let simpleLinks = 0;
  // Whether the segment before was a simple item (a run of them is one list to markdown-it).
  let afterSimple = false;
  elementsLeft = maxElements;
  const flushRun = (to: number): void => {
    if (to > run) for (const item of walkChunk(body.slice(run, to), lineOffset + runLine)) items.push(item);
  };
  /** The segment that ends at offset `at`, line `endLine`. */
  const endSegment = (at: number, endLine: number): void => {
    if (simple) {
      flushRun(segStart);
      // As markdown-it would count this item's elements (see MAX_ELEMENTS): a list's open and close, and per item its open, paragraph, inline and close, and each link's open and close.
      elementsLeft -= 5 + 2 * simpleLinks + (afterSimple ? 0 : 2);
      if (elementsLeft < 0) throw new TooManyElements();
      // A list item without links, nested in none, is no block that may hold an entry (walkChunk's
      // finish()), but for a talk's fact label under its heading ("- Speaker: Jane Doe") or a line of facts alone.
      if (simpleLinks > 0 || plainLabelled(simple) || factLine(simple)) items.push({ type: "block", block: { segments: simple, place: { kind: "item", start: segLine + 1 + lineOffset, end: endLine + 1 + lineOffset, nested: false } } });
      run = at;
      runLine = endLine;
      afterSimple = true;
    } else afterSimple = false;
  };
  const lines = new CutLines(body);
  while (lines.next()) {
    const { at, line, text, cut, bullet } = lines;
    if (cut && at > 0) {
      endSegment(at, line);
      if (at - pieceStart >= size) {
        flushRun(at);
        run = at;
        runLine = line;
        pieceStart = at;
        const piece = items;
        items = [];
        yield piece;
        elementsLeft = maxElements;
        afterSimple = false;
      }
    }
    if (cut || at === 0) {
      segStart = at;
      segLine = line;
      simple = bullet && text.charCodeAt(1) === 32 ? fastItem(text, lineOffset + line + 1) : undefined;
      simpleLinks = simple ? simple.reduce((n, s) => (s.type === "link" ? n + 1 : n), 0) : 0;
    } else if (simple && !BLANK.test(text)) simple = undefined;
  }
  // The number of lines markdown-it counts, as the loop before this counted them.
  const line = lines.line + 1;
  // markdown-it counts no last line of spaces or tabs without a newline after it.
  const last = body.lastIndexOf("\n") + 1;
  endSegment(body.length, last < body.length && BLANK.test(body.slice(last)) ? line - 1 : line);
  flushRun(body.length);
  yield items;
}

/** Characters of text the fast route leaves to markdown-it: controls, escapes, code, emphasis, strikethrough, brackets, tags, table pipes, line separators. */
function plainChar(c: number, next: number): boolean {
  if (c < 32 || c === 127 || c === 92 || c === 96 || c === 42 || c === 95 || c === 126 || c === 91 || c === 93 || c === 60 || c === 124) return false;
  // Line and paragraph separators: a line start to TIGHT_HEADING, which walkChunk() applies first.
  if (c === 0x2028 || c === 0x2029) return false;
  // "&amp;" and "&#38;" are character references; "& " is text.
  if (c === 38) return !(next === 35 || (next >= 65 && next <= 90) || (next >= 97 && next <= 122));
  // "![": an image.
  if (c === 33) return next !== 91;
  return true;
}

/** What may start a list item's content and open a block of its own inside it (a heading, quote, fence, list, break, setext line, tag, table). */
const BLOCK_START = /^(?:[#>`~\-*+_=<|]|\d{1,9}[.)])/;

/**
 * The fast route (#26): the segments markdown-it would give `line` (a list item at column 0,
 * "- " and its content, the rest of its segment blank), when its content is plain text and
 * inline links "[text](destination)" whose text is plain and whose destination has no spaces,
 * parentheses, escapes, "<" or character references; undefined for anything else, which
 * markdown-it reads. `lineNo` is the line the links get.
 */
export function fastItem(line: string, lineNo: number): Segment[] | undefined {
  let to = line.length;
  while (to > 2 && (line.charCodeAt(to - 1) === 32 || line.charCodeAt(to - 1) === 9)) to--;
  const content = line.slice(2, to);
  // "-  x" and "- \tx": content indented further is left to markdown-it; so is other white space at the end (markdown-it keeps a no-break space).
  if (content === "" || content.charCodeAt(0) === 32 || content.charCodeAt(0) === 9 || BLOCK_START.test(content) || /\s$/.test(content)) return undefined;
  const out: Segment[] = [];
  const n = content.length;
  let textStart = 0;
  let i = 0;
  while (i < n) {
    const c = content.charCodeAt(i);
    if (c !== 91) {
      if (!plainChar(c, i + 1 < n ? content.charCodeAt(i + 1) : -1)) return undefined;
      i++;
      continue;
    }
    // "[text](destination)"
    let j = i + 1;
    for (; j < n; j++) {
      const d = content.charCodeAt(j);
      if (d === 93) break;
      if (!plainChar(d, j + 1 < n ? content.charCodeAt(j + 1) : -1)) return undefined;
    }
    if (j >= n || content.charCodeAt(j + 1) !== 40) return undefined;
    const from = j + 2;
    let k = from;
    let amp = false;
    let semicolon = false;
    for (; k < n; k++) {
      const d = content.charCodeAt(k);
      if (d === 41) break;
      if (d <= 32 || d === 127 || d === 40 || d === 92 || d === 60 || d === 0x2028 || d === 0x2029) return undefined;
      if (d === 38) amp = true;
      else if (d === 59) semicolon = true;
    }
    if (k >= n || k === from || (amp && semicolon)) return undefined;
    if (i > textStart) linkifyText(content.slice(textStart, i), lineNo, out);
    const url = content.slice(from, k);
    const text = content.slice(i + 1, j);
    out.push({ type: "link", url, text, line: lineNo, bare: text.trim() === url, imageOnly: false });
    i = k + 1;
    textStart = i;
  }
  if (n > textStart) linkifyText(content.slice(textStart), lineNo, out);
  return out;
}

/** The start of a paragraph that says who gave a talk. */
const BY_PROSE = /^\s*(?:(?:a|the|this)\s+)?(?:(?:talk|presentation|keynote|lecture|session|workshop|video)\s+)?(?:(?:given|presented|delivered)\s+)?by\s/i;

const PRESENTED_PROSE = /^\s*(?:presented|given|held|spoke)\s/i;
/** "Alexey Ignatiev, Yacine Izza, Peter J. Stuckey": capitalised words, initials and particles joined by commas, "&" or "and". */
const NAMES_PROSE = /^\s*\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:(?:\s+|\s*,\s*|\s+(?:and|&)\s+)[\p{L}][\p{L}\p{M}.'\u2019-]*){1,150}\s*$/u;
/** "A. Author and B. Author. *CVPR 2016*", "A. Author, B. Author. SOSP 2003.": a nested line of names, maybe with the paper's venue and year after it (#23). */
function citedNames(segments: readonly Segment[]): boolean {
  if (segments.length > 6 || segments.some((s) => s.type === "link")) return false;
  const text = segments.map((s) => s.text).join("").replace(/[.,;]?\s+[\p{L}][^.,;]{0,60}?(?:['\u2019]\d{2}|(?:19|20)\d{2})[.)]?\s*$/u, "");
  return text.length <= 2000 && NAMES_PROSE.test(text);
}

/** A date alone, as a code span or text: "2013-02-18", "2021". */
export const DATE_ALONE = /^\s*(?:19|20)\d{2}(?:[-/.]\d{1,2}){0,2}\s*$/;
/** A list item of facts only: names ("*A. Author, B. Author*") or a date alone (#23). */
function factLine(segments: readonly Segment[]): boolean {
  if (segments.length > 5 || segments.some((s) => s.type === "link")) return false;
  const text = segments.map((s) => s.text).join("");
  return DATE_ALONE.test(text) || (text.length <= 1500 && /\s/.test(text.trim()) && NAMES_PROSE.test(text));
}

/** "A, B, and C, Stanford University; D, MIT": a nested line of authors written the USENIX way (#23). */
const affiliated = (segments: readonly Segment[]): boolean => segments.length <= 6 && !segments.some((s) => s.type === "link") && affiliatedNames(segments.map((s) => s.text).join("")) !== undefined;

/** "PODC 2007", "*OSDI 2018*", "MIT Tech Report 2012": a nested line that is a paper's venue and year alone (#23). */
const VENUE_YEAR_PROSE = /^\s*[([]?\s*\p{L}[\p{L}\p{N}.&'\u2019 -]{0,60}?\s(?:['\u2019]\d{2}|(?:19|20)\d{2})\s*[)\]]?\s*\.?\s*$/u;
const venueYear = (segments: readonly Segment[]): boolean => segments.length <= 5 && !segments.some((s) => s.type === "link") && VENUE_YEAR_PROSE.test(segments.map((s) => s.text).join(""));

/**
 * A paragraph that is a bold label alone ("**Cheatsheets**", "**Web Development:**"): the name of
 * the group of items that follows, a heading in all but markup, as many awesome lists write their
 * sub-groups (#24). Its text, without a closing colon; undefined for anything else (italic intro
 * lines, sentences, links).
 */
export function boldLabel(segments: readonly Segment[]): string | undefined {
  const [open, text, close, ...rest] = segments;
  if (open?.type !== "emphasis" || !open.strong || text?.type !== "text" || text.code || close?.type !== "emphasis" || !close.strong) return undefined;
  if (rest.some((s) => s.type !== "text" || !/^\s*:?\s*$/.test(s.text))) return undefined;
  const label = text.text.replace(/\s+/g, " ").trim().replace(/\s*:$/, "");
  return label.length > 0 && label.length <= 60 && /\p{L}/u.test(label) && !/[.!?]$/.test(label) ? label : undefined;
}

/** Labels of a talk's facts under its heading: "**Date**: May 5, 2022, **Authors**: A, B" (#23). */
export const FACT_LABEL = /^(?:date|when|year|authors?|speakers?|presenters?|presented by|by|event|conference|venue|where)$/i;

/** A paragraph that opens with an emphasised fact label ("**Date**:"). */
function labelled(segments: readonly Segment[]): boolean {
  if (segments[0]?.type !== "emphasis" || segments[1]?.type !== "text" || segments[2]?.type !== "emphasis") return false;
  const label = segments[1].text.trim();
  // "**Date**: …" or "**Date:** …"
  return label.endsWith(":") ? FACT_LABEL.test(label.slice(0, -1).trim()) : FACT_LABEL.test(label) && /^\s*:/.test(segments[3]?.text ?? "");
}

/** A list item that opens with a plain fact label ("Speaker: Jane Doe (Acme)", "Date: 2020.5.13"): an archive's talk under its heading (#23). */
function plainLabelled(segments: readonly Segment[]): boolean {
  const first = segments[0];
  if (first?.type !== "text") return false;
  const m = /^\s*([\p{L} ]{2,20}?)\s*:\s+\S/u.exec(first.text);
  return m !== null && FACT_LABEL.test(m[1]!.trim());
}

/** The link of a heading that is one link and nothing else, if it is. */
function headingLink(children: Token[]): { url: string } | undefined {
  let from = 0;
  let to = children.length;
  const blank = (t: Token) => t.type === "text" && t.content.trim() === "";
  while (from < to && blank(children[from]!)) from++;
  while (to > from && blank(children[to - 1]!)) to--;
  if (to - from < 3 || children[from]!.type !== "link_open" || children[to - 1]!.type !== "link_close") return undefined;
  for (let i = from + 1; i < to - 1; i++) if (children[i]!.type === "link_open" || children[i]!.type === "image") return undefined;
  return { url: String(children[from]!.attrGet("href") ?? "") };
}

function walkChunk(body: string, lineOffset: number): Item[] {
  const tokens = markdown().parse(HAS_TIGHT_HEADING.test(body) ? body.replace(TIGHT_HEADING, "$1 ") : body, {});
  const items: { item: Item; order: number; line: number }[] = [];
  const stack: Container[] = [];
  let order = 0;
  let heading: { level: number; line: number } | undefined;
  // The order of the last heading that is not one link: a paragraph right after it may be its section's intro line.
  let headingOrder = -2;
  // A table's header cells, read in its thead and given to its rows.
  let header: string[] | undefined;
  let inHead = false;

  const innermost = (): Container | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const c = stack[i]!;
      if (c.type !== "paragraph") return c;
    }
    return undefined;
  };
  const finish = (container: Container | undefined, line: number): void => {
    if (!container) return;
    const first = container.block.segments.find((s) => s.type === "link");
    if (first && first.type === "link") items.push({ item: { type: "block", block: container.block }, order: container.order, line: first.line || line });
    // A paragraph without links is kept only when it names who gave a talk ("A talk by A and B at
    // Conf 2011"): an archive's heading per talk says so under the heading (#23).
    // Nor is a nested item, unless it says where its parent's talk was given ("Presented at Meeting C++ 2019").
    // Nor, but when it reads as a list of names under an item without links ("**Title (AAAI 2022)**" over "  - A. Author, B. Author"): a paper's authors (#23).
    else if (container.type === "item" && container.block.parent && (affiliated(container.block.segments) || PRESENTED_PROSE.test(container.block.segments[0]?.type === "text" ? container.block.segments[0].text : "") || (container.block.segments.length === 1 && NAMES_PROSE.test(container.block.segments[0]!.text)) || citedNames(container.block.segments) || venueYear(container.block.segments))) items.push({ item: { type: "block", block: container.block }, order: container.order, line: container.block.place?.start ?? line });
    else if ((container.type === "paragraph" && (BY_PROSE.test(container.block.segments[0]?.text ?? "") || labelled(container.block.segments))) || (container.type === "item" && plainLabelled(container.block.segments))) items.push({ item: { type: "block", block: container.block }, order: container.order, line: container.block.place?.start ?? line });
    // Nor, but when a list item without a link is a line of names or a date alone ("- *A. Author, B. Author*",
    // "- `2013-02-18`"): the facts of the entry before it under a heading of its own (#23).
    else if (container.type === "item" && !container.block.parent && factLine(container.block.segments)) items.push({ item: { type: "block", block: container.block }, order: container.order, line: container.block.place?.start ?? line });
    // Nor, but when it is a bold label alone: the name of the items that follow ("**Cheatsheets**", #24).
    else if (container.type === "paragraph" && boldLabel(container.block.segments) !== undefined) items.push({ item: { type: "block", block: container.block }, order: container.order, line: container.block.place?.start ?? line });
    // Nor, but right under its heading: a line about the section ("*Libraries for working with dates.*", #24).
    else if (container.type === "paragraph" && container.order === headingOrder + 1) items.push({ item: { type: "block", block: container.block }, order: container.order, line: container.block.place?.start ?? line });
  };

  for (const token of tokens) {
    const line = (token.map?.[0] ?? 0) + 1 + lineOffset;
    switch (token.type) {
      case "heading_open":
        heading = { level: Number(token.tag.slice(1)), line };
        break;
      case "heading_close":
        heading = undefined;
        break;
      case "thead_open":
        inHead = true;
        header = [];
        break;
      case "thead_close":
        inHead = false;
        break;
      case "table_close":
        header = undefined;
        break;
      case "list_item_open":
      case "tr_open": {
        const type = token.type === "tr_open" ? "row" : "item";
        const block: Block = { segments: [], place: placeOf(type, token.map, lineOffset) };
        if (type === "row" && !inHead && header && header.length > 0) {
          block.header = header;
          block.cells = [];
        }
        const parent = type === "item" ? innermost() : undefined;
        if (parent?.type === "item") {
          parent.block.place!.nested = true;
          const own = label(parent.block);
          const context = [...(parent.block.context ?? []), ...(own ? [own] : [])];
          if (context.length > 0) block.context = context;
          block.parent = parent.block;
        }
        stack.push({ type, block, order: order++ });
        break;
      }
      case "list_item_close":
      case "tr_close":
        finish(stack.pop(), line);
        break;
      case "paragraph_open":
        // A paragraph inside a list item or a table belongs to it; elsewhere it stands alone.
        if (!innermost()) stack.push({ type: "paragraph", block: { segments: [], place: placeOf("paragraph", token.map, lineOffset) }, order: order++ });
        break;
      case "paragraph_close":
        if (stack.at(-1)?.type === "paragraph") finish(stack.pop(), line);
        break;
      case "inline": {
        if (heading) {
          const h: HeadingToken = { level: heading.level, text: inlineText(token.children ?? []), line: heading.line };
          const link = token.children && token.children.length >= 3 ? headingLink(token.children) : undefined;
          if (link) h.link = { url: link.url, line: heading.line };
          if (!link) headingOrder = order;
          items.push({ item: { type: "heading", heading: h }, order: order++, line: heading.line });
          break;
        }
        if (inHead) {
          header?.push(inlineText(token.children ?? []).trim());
          break;
        }
        const target = stack.at(-1)?.type === "paragraph" ? stack.at(-1) : innermost();
        if (!target) break;
        // Each cell's inline token starts a cell, empty cells too.
        if (target.type === "row" && target.block.cells) target.block.cells.push(target.block.segments.length + (target.block.segments.length > 0 ? 1 : 0));
        // A table's cells are columns: " | " between them keeps "Jane Doe" and "SomeConf" two parts (#23).
        if (target.block.segments.length > 0) target.block.segments.push({ type: "text", text: target.type === "row" ? " | " : " " });
        // A table cell's inline token has no map: its line is its row's (#17).
        collect(token.children ?? [], token.map ? line : (target.block.place?.start ?? line), target.block.segments);
        break;
      }
    }
  }
  // An outer list item ends after its nested items: put blocks back in the order their links appear.
  items.sort((a, b) => a.line - b.line || a.order - b.order);
  return items.map((x) => x.item);
}

function placeOf(kind: BlockPlace["kind"], map: [number, number] | null, lineOffset: number): BlockPlace {
  const [start, end] = map ?? [0, 0];
  return { kind, start: start + 1 + lineOffset, end: end + 1 + lineOffset, nested: false };
}

/** Plain text of inline tokens (images and HTML left out), for headings. */
function inlineText(children: Token[]): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return text;
}

/** An HTML anchor's opening tag and its href, quoted either way or bare. */
const HTML_ANCHOR = /^<a\s(?:[^>]*?\s)?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))[^>]*>$/i;
const ANCHOR_CLOSE = /^<\/a\s*>$/i;
/** An address of a picture: by its extension, or GitHub's attachments. */
const IMAGE_TARGET = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp)(?:[?#].*)?$|^https?:\/\/(?:github\.com\/[^/]+\/[^/]+\/assets\/|user-images\.githubusercontent\.com\/|github\.com\/user-attachments\/)/i;

/**
 * A link's content, from token `from` up to the one that `closes` it (links do not nest in
 * CommonMark): its text, the text with "\u0001" where emphasis starts and ends (built only once
 * emphasis is met: most links have none, and this runs for every link), its images, and where it
 * closes (`children.length` when nothing does).
 */
function linkContent(children: Token[], from: number, closes: (t: Token) => boolean): { text: string; marked?: string; images: number; end: number } {
  let text = "";
  let marked: string | undefined;
  let images = 0;
  let j = from;
  for (; j < children.length && !closes(children[j]!); j++) {
    const inner = children[j]!;
    if (inner.type === "text" || inner.type === "code_inline") {
      text += inner.content;
      if (marked !== undefined) marked += inner.content;
    } else if (inner.type === "softbreak" || inner.type === "hardbreak") {
      text += " ";
      if (marked !== undefined) marked += " ";
    } else if (inner.type === "image") images++;
    else if (inner.type === "strong_open" || inner.type === "strong_close" || inner.type === "em_open" || inner.type === "em_close") {
      marked = (marked ?? text) + "\u0001";
    }
  }
  return marked === undefined ? { text, images, end: j } : { text, marked, images, end: j };
}

/** Turns inline tokens into text and link segments; `line` is the line of the first token. */
function collect(children: Token[], line: number, out: Segment[]): void {
  let current = line;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    switch (child.type) {
      case "softbreak":
      case "hardbreak":
        current++;
        out.push({ type: "text", text: " " });
        break;
      case "text":
        linkifyText(child.content, current, out);
        break;
      case "code_inline":
        out.push({ type: "text", text: child.content, code: true });
        break;
      case "strong_open":
      case "strong_close":
        out.push({ type: "emphasis", text: "", strong: true });
        break;
      case "em_open":
      case "em_close":
        out.push({ type: "emphasis", text: "" });
        break;
      case "link_open": {
        const { text, marked, images, end } = linkContent(children, i + 1, (t) => t.type === "link_close");
        const url = String(child.attrGet("href") ?? "");
        const auto = child.markup === "autolink";
        const link: Segment = { type: "link", url, text, line: current, bare: auto || text.trim() === url, imageOnly: images > 0 && text.trim() === "" };
        if (marked !== undefined) link.marked = marked;
        out.push(link);
        i = end;
        break;
      }
      case "html_inline": {
        // '<a href="deck.pdf">Title</a>' in a markdown item: a link as pages written partly in HTML
        // write it (#23). Its address is decoded as a markdown link's is (entities, escapes); what
        // may be opened is decided later, as for every link.
        const href = HTML_ANCHOR.exec(child.content);
        if (!href) break;
        const { text, marked, end } = linkContent(children, i + 1, (t) => t.type === "html_inline" && ANCHOR_CLOSE.test(t.content));
        if (end === children.length) break;
        const url = markdown().utils.unescapeAll(href[1] ?? href[2] ?? href[3] ?? "").trim();
        // '<a href="shot.png">Screenshot 1</a>': a page written in HTML links its pictures so; a picture is no entry.
        if (!IMAGE_TARGET.test(url)) {
          const link: Segment = { type: "link", url, text, line: current, bare: text.trim() === url, imageOnly: false };
          if (marked !== undefined) link.marked = marked;
          out.push(link);
        }
        i = end;
        break;
      }
      default:
        // Images, other HTML and emphasis markers carry no text of their own.
        break;
    }
  }
}
