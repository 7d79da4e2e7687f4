// A bookmark file read into a tree of folders and bookmarks (#28). Pure: a string in, a tree out.
// The Netscape bookmark format every browser exports (Firefox, Chrome, Edge, Safari) and what
// buku, Raindrop and linkding export is a <DL> of <DT><H3>folder</H3><DL>…</DL> and
// <DT><A HREF ADD_DATE TAGS>title</A> with an optional <DD>description; Pocket exports plain
// HTML: <h1>Unread</h1><ul><li><a href time_added tags>title</a></li></ul>. Both are read by one
// streaming pass of htmlparser2 (a tolerant, well-kept HTML tokenizer): the files are often not
// well-formed (<DT> and <p> never closed), and a tree builder would nest them as deep as the file
// asks. Everything from the file is data: texts sanitized, only http(s) URLs kept, the rest
// counted; the sizes it can reach are bounded (MAX_BOOKMARKS, MAX_DEPTH, the tags of one link).
import { Parser } from "htmlparser2";
import { sanitize } from "../text/sanitize";
import { unwritableUrl } from "../text/link-destination";
import { isTag } from "../catalog/item-notes";

export { isTag };

export interface Bookmark {
  kind: "bookmark";
  title: string;
  url: string;
  description?: string;
  tags: string[];
  /** When it was bookmarked: YYYY-MM-DD (UTC). */
  added?: string;
}

export interface Folder {
  kind: "folder";
  title: string;
  children: (Folder | Bookmark)[];
}

export interface LeftOut {
  /** Links whose scheme is not http(s): javascript:, data:, file:, place:, … */
  unsafe: number;
  /** The schemes of those, each once, in the order met. */
  schemes: string[];
  /** http(s) links that are no valid URL. */
  invalid: number;
  /** Bookmarks past MAX_BOOKMARKS. */
  beyondLimit: number;
  /** Folders deeper than MAX_DEPTH, whose bookmarks went into the folder at that depth. */
  flattened: number;
  /** Tags that are no tag name (tags.ts), or past MAX_TAGS of one bookmark. */
  tags: number;
}

export interface BookmarkFile {
  /** The file's <H1> (Netscape) or <TITLE>. */
  title?: string;
  root: Folder;
  bookmarks: number;
  leftOut: LeftOut;
}

/** The most bookmarks read from one file: a page of this many stays far within the parser's bound (MAX_ELEMENTS). */
export const MAX_BOOKMARKS = 100_000;
/**
 * Folders nested deeper than this are flattened into the one at this depth: a page writes five
 * levels as headings and the rest as nested list items (page.ts), which the markdown parser
 * reads to a bounded depth only.
 */
export const MAX_DEPTH = 16;
/** The most tags kept of one bookmark (as many as one's own tags of an entry, state/model.ts). */
export const MAX_TAGS = 100;
/** The longest description kept. */
export const MAX_DESCRIPTION = 2000;

/** A tag of the file as a tag name: spaces become "-"; undefined when it cannot be one. */
export function tagName(text: string): string | undefined {
  const name = sanitize(text).trim().replace(/\s+/g, "-");
  return isTag(name) ? name : undefined;
}

/**
 * A date attribute: seconds since 1970 (the format's own), or, told apart by their size,
 * milliseconds, microseconds, or WebKit's microseconds since 1601 (some Chrome exports).
 */
export function addedDate(value: string | undefined): string | undefined {
  if (value === undefined || !/^\s*\d{1,20}\s*$/.test(value)) return undefined;
  const n = Number(value);
  if (n <= 0) return undefined;
  let ms: number;
  if (n < 1e11) ms = n * 1000;
  else if (n < 1e14) ms = n;
  else if (n < 1e16) ms = n / 1000;
  else ms = n / 1000 - 11_644_473_600_000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  if (year < 1990 || year > 9999) return undefined;
  return date.toISOString().slice(0, 10);
}

/** One line of text: entities are decoded by the tokenizer (not again); controls, bidi and escapes go. */
function text(raw: string): string {
  return sanitize(raw).replace(/\s+/g, " ").trim();
}

/** The longest title kept (as edit/title.ts's for a page's <title>). */
export const MAX_TITLE = 200;

/** A title: one line, at most MAX_TITLE characters, cut at a word. */
function titleText(raw: string): string {
  const one = text(raw);
  if (one.length <= MAX_TITLE) return one;
  const cut = one.slice(0, MAX_TITLE - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > MAX_TITLE / 2 ? cut.lastIndexOf(" ") : cut.length)}\u2026`;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The link as kept: an http(s) URL a page can hold, or why it is left out. */
function linkOf(href: string): { url: string } | { unsafe: string } | { invalid: true } {
  const raw = href.trim();
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== "http" && scheme !== "https") return { unsafe: scheme ? `${scheme}:` : "no scheme" };
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { invalid: true };
  }
  if (!parsed.hostname) return { invalid: true };
  // As written when a page can hold it as it is; else as the URL parser writes it (percent-encoded).
  const url = unwritableUrl(raw) === undefined && !/[<>"`{}|\\^]/.test(raw) ? raw : parsed.href;
  return unwritableUrl(url) === undefined ? { url } : { invalid: true };
}

export function readBookmarks(html: string): BookmarkFile {
  const root: Folder = { kind: "folder", title: "", children: [] };
  const leftOut: LeftOut = { unsafe: 0, schemes: [], invalid: 0, beyondLimit: 0, flattened: 0, tags: 0 };
  let bookmarks = 0;
  let h1: string | undefined;
  let title: string | undefined;
  // The folders open: <DL>s, each the list of a folder or of none (an extra <DL>, the root's).
  const open: { folder: Folder; own: boolean }[] = [{ folder: root, own: false }];
  let depth = 0;
  // A <DL> anywhere, or the format's DOCTYPE: a Netscape file, where <H3> names folders.
  const netscape = /<dl[\s>]/i.test(html) || /<!doctype\s+netscape-bookmark/i.test(html);
  // What text goes to: a folder's name, a link's title, a description, the file's title.
  let capture: "folder" | "link" | "description" | "h1" | "title" | undefined;
  let buffer = "";
  let pendingFolder: Folder | undefined;
  let link: { attribs: Record<string, string> } | undefined;
  let last: Bookmark | undefined;
  let headingLevel = 0;
  // Inside <script>, <style> and the like: their text is no title.
  let ignored = 0;

  const current = (): Folder => open.at(-1)!.folder;

  const finishDescription = () => {
    if (capture === "description" && last) {
      const d = text(buffer).slice(0, MAX_DESCRIPTION);
      if (d) last.description = d;
    }
    if (capture === "description") capture = undefined;
  };

  const addBookmark = (attribs: Record<string, string>, rawTitle: string) => {
    const href = attribs.href;
    if (href === undefined) return;
    const found = linkOf(href);
    if ("unsafe" in found) {
      leftOut.unsafe++;
      if (!leftOut.schemes.includes(found.unsafe) && leftOut.schemes.length < 10) leftOut.schemes.push(text(found.unsafe).slice(0, 20));
      return;
    }
    if ("invalid" in found) {
      leftOut.invalid++;
      return;
    }
    if (bookmarks >= MAX_BOOKMARKS) {
      leftOut.beyondLimit++;
      return;
    }
    bookmarks++;
    const tags: string[] = [];
    for (const raw of (attribs.tags ?? "").split(",")) {
      if (!raw.trim()) continue;
      const name = tagName(raw);
      if (name === undefined || tags.length >= MAX_TAGS) leftOut.tags++;
      else if (!tags.some((t) => t.toLowerCase() === name.toLowerCase())) tags.push(name);
    }
    const b: Bookmark = { kind: "bookmark", title: titleText(rawTitle), url: found.url, tags };
    const added = addedDate(attribs.add_date ?? attribs.time_added);
    if (added) b.added = added;
    current().children.push(b);
    last = b;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === "script" || name === "style" || name === "template" || name === "noscript" || name === "textarea" || name === "iframe" || name === "svg") {
          ignored++;
          return;
        }
        if (ignored > 0) return;
        if (name === "dt" || name === "dl" || name === "h3" || name === "a" || name === "dd" || name === "li" || /^h[1-6]$/.test(name)) finishDescription();
        // A folder name not followed by its <DL> is an empty folder: the next <DL> is not its list.
        if (name === "dt" || name === "a" || name === "li" || /^h[1-6]$/.test(name)) pendingFolder = undefined;
        switch (name) {
          case "title":
            capture = "title";
            buffer = "";
            break;
          case "h1":
          case "h2":
          case "h3":
          case "h4":
          case "h5":
          case "h6":
            buffer = "";
            headingLevel = Number(name[1]);
            last = undefined;
            // Netscape: <H3> names the folder whose <DL> follows, the first <H1> the file.
            // Elsewhere (Pocket) every heading starts a group of the links after it.
            if (!netscape) capture = "folder";
            else capture = name === "h3" ? "folder" : name === "h1" && h1 === undefined ? "h1" : undefined;
            break;
          case "dl":
            last = undefined;
            depth++;
            if (pendingFolder && depth <= MAX_DEPTH + 1) {
              current().children.push(pendingFolder);
              open.push({ folder: pendingFolder, own: true });
            } else {
              if (pendingFolder) leftOut.flattened++;
              open.push({ folder: current(), own: false });
            }
            pendingFolder = undefined;
            break;
          case "a":
            link = { attribs };
            capture = "link";
            buffer = "";
            break;
          case "dd":
            capture = "description";
            buffer = "";
            break;
        }
      },
      ontext(data) {
        if (ignored > 0 || capture === undefined) return;
        // A title or description longer than any kept is not gathered further.
        if (buffer.length < MAX_DESCRIPTION * 4) buffer += data;
      },
      onclosetag(name) {
        if (name === "script" || name === "style" || name === "template" || name === "noscript" || name === "textarea" || name === "iframe" || name === "svg") {
          if (ignored > 0) ignored--;
          return;
        }
        if (ignored > 0) return;
        switch (name) {
          case "title":
            if (capture === "title") title ??= text(buffer) || undefined;
            capture = undefined;
            break;
          case "a":
            if (link && capture === "link") addBookmark(link.attribs, buffer);
            link = undefined;
            capture = undefined;
            break;
          case "dl":
            finishDescription();
            if (open.length > 1) open.pop();
            depth = Math.max(0, depth - 1);
            last = undefined;
            break;
          default:
            if (/^h[1-6]$/.test(name) && Number(name[1]) === headingLevel) {
              if (capture === "h1") h1 = text(buffer) || undefined;
              else if (capture === "folder") {
                const folder: Folder = { kind: "folder", title: titleText(buffer), children: [] };
                if (netscape) pendingFolder = folder;
                else {
                  // Pocket: a heading starts a group of the root.
                  root.children.push(folder);
                  open.length = 1;
                  open.push({ folder, own: true });
                }
              }
              capture = undefined;
            }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  finishDescription();
  const name = h1 ?? title;
  return { ...(name ? { title: titleText(name) } : {}), root, bookmarks, leftOut };
}

/** What was left out, as one sentence for stderr; "" when nothing was. */
export function leftOutText(left: LeftOut): string {
  const parts: string[] = [];
  if (left.unsafe > 0) parts.push(`left out ${left.unsafe} unsafe ${left.unsafe === 1 ? "link" : "links"} (${left.schemes.join(", ")})`);
  if (left.invalid > 0) parts.push(`left out ${left.invalid} ${left.invalid === 1 ? "link that is" : "links that are"} no valid URL`);
  if (left.beyondLimit > 0) parts.push(`left out ${left.beyondLimit} ${left.beyondLimit === 1 ? "bookmark" : "bookmarks"} past the first ${MAX_BOOKMARKS.toLocaleString("en")}`);
  if (left.flattened > 0) parts.push(`put the bookmarks of ${left.flattened} ${left.flattened === 1 ? "folder" : "folders"} nested deeper than ${MAX_DEPTH} levels into the folder above`);
  if (left.tags > 0) parts.push(`left out ${left.tags} ${left.tags === 1 ? "tag that is" : "tags that are"} no tag name (letters, digits, . _ -)`);
  return parts.join("; ");
}
