// Bookmarks as a markdown page (#28). Pure: a tree (bookmarks.ts) in, the page's text out.
//
//   ---
//   title: "Bookmarks Menu"
//   ---
//
//   - [Getting Started](https://www.mozilla.org/) · added 2023-11-14
//
//   ## Bookmarks Toolbar
//
//   - [Rust & friends](https://example.org/rust) — A language · added 2023-11-14 · `rust`
//
//   ### Nested
//   …
//
// The file's <H1> (else <TITLE>) is the page's title; a folder is a heading, a folder in it
// the next level, down to ######; folders deeper still are list items whose bookmarks are nested
// under them (labels, as the reader reads them). Markdown has no way back out of a heading, so a
// folder's own bookmarks come before its sub-folders. Bookmarks are items in the one item
// format of the editing commands (edit/style.ts: escaping, link destinations), their tags and
// date noted as catalog/item-notes.ts reads them back.
import type { BookmarkFile, Bookmark, Folder } from "./bookmarks";
import { escapeText, formatItem, nextMarker, type ItemStyle, type NewItem } from "../edit/style";
import { titleFromUrl } from "../catalog/parse-page";

/** How an imported page writes its items: "- [Title](url) — description". */
export const IMPORT_STYLE: ItemStyle = { indent: "", marker: "-", gap: " ", speakerForm: "slash", separator: " \u2014 ", angle: false };

/** The deepest folder written as a heading: ## for the top folders, ###### five levels down. */
const HEADING_LEVELS = 5;

export interface PageOptions {
  /** True for a URL not to write: one the page has already, or one written before (duplicates). */
  skip(url: string): boolean;
}

export interface WrittenPage {
  text: string;
  /** The bookmarks written, in the page's order. */
  written: Bookmark[];
  /** Bookmarks not written because skip() said so. */
  skipped: number;
}

/** A bookmark as a new item of a page. */
export function itemOf(b: Bookmark): NewItem {
  return { title: b.title || titleFromUrl(b.url), url: b.url, speakers: [], ...(b.description ? { description: b.description } : {}), tags: b.tags, ...(b.added ? { added: b.added } : {}) };
}

/** A heading's text: escaped as link text is, and a trailing "#" kept from reading as a closing sequence. */
export function headingText(title: string): string {
  const text = escapeText(title.trim() || "(untitled)");
  return text.replace(/(^|\s)(#+)$/, "$1\\$2").replace(/^(#+)(?=\s|$)/, "\\$1");
}

/**
 * A folder's name as the text of a list item (a label): escaped as link text is, and a start
 * that would read as block markdown inside the item (an ATX heading, a list marker, a thematic
 * break, a ~~~ fence) escaped, so the name stays the label and its bookmarks stay nested.
 */
export function labelText(title: string): string {
  const text = escapeText(title.trim() || "(untitled)");
  if (/^(#{1,6}|[-+])(\s|$)/.test(text) || /^([-+=~])\1\1/.test(text) || /^-(\s*-){2,}\s*$/.test(text)) return `\\${text}`;
  return text.replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/** The bookmarks of a folder that will be written, counting what is skipped; empty folders drop out. */
function prune(folder: Folder, options: PageOptions, counts: { skipped: number }): Folder {
  const children: Folder["children"] = [];
  for (const c of folder.children) {
    if (c.kind === "bookmark") {
      if (options.skip(c.url)) counts.skipped++;
      else children.push(c);
    } else {
      const sub = prune(c, options, counts);
      if (sub.children.length > 0) children.push(sub);
    }
  }
  return { ...folder, children };
}

/**
 * The lines of a folder's bookmarks as list items: its own, then its sub-folders as items
 * labelled by their names with their bookmarks nested (`indent` the level's indentation).
 */
export function itemLines(folder: Folder, indent: string, style: ItemStyle, written: Bookmark[]): string[] {
  const lines: string[] = [];
  // An ordered list's items are numbered on ("2.", "3.", …), each from the one before.
  let marker = style.marker;
  for (const c of folder.children) {
    if (c.kind === "bookmark") {
      lines.push(formatItem(itemOf(c), { ...style, indent, marker }));
      written.push(c);
      marker = nextMarker(marker);
    }
  }
  for (const c of folder.children) {
    if (c.kind === "folder") {
      lines.push(`${indent}${marker}${style.gap}${labelText(c.title)}`);
      // Nested under the label only when indented to its text: past "10. " or "*   ", not two spaces.
      const nested = indent + " ".repeat(marker.length + style.gap.length);
      lines.push(...itemLines(c, nested, { ...style, marker: "-", gap: " " }, written));
      marker = nextMarker(marker);
    }
  }
  return lines;
}

export function bookmarksPage(file: BookmarkFile, options: PageOptions): WrittenPage {
  const counts = { skipped: 0 };
  const root = prune(file.root, options, counts);
  const written: Bookmark[] = [];
  const lines = ["---", `title: ${JSON.stringify(file.title || "Bookmarks")}`, "---"];
  // `level`: the folder's heading level (1 for the root, whose items come before any heading).
  const section = (folder: Folder, level: number) => {
    const deepest = level === HEADING_LEVELS + 1;
    const items = itemLines(deepest ? folder : { ...folder, children: folder.children.filter((c) => c.kind === "bookmark") }, "", IMPORT_STYLE, written);
    if (items.length > 0) lines.push("", ...items);
    if (deepest) return;
    for (const c of folder.children) {
      if (c.kind !== "folder") continue;
      lines.push("", `${"#".repeat(level + 1)} ${headingText(c.title)}`);
      section(c, level + 1);
    }
  };
  section(root, 1);
  return { text: `${lines.join("\n")}\n`, written, skipped: counts.skipped };
}
