// The edits themselves (#17): add, remove and move list items, and rewrite moved links. Each
// takes an EditablePage and returns the page's new text; lines outside the edit are kept as they
// were, byte for byte (document.ts). Pure: errors are thrown as the typed errors of src/errors.
import type { Entry, ParsedEntry } from "../catalog/types";
import { NotFoundError, ValueError } from "../errors";
import { sanitize } from "../text/sanitize";
import { autolink, linkDestination, safeBare, unwritableUrl } from "../text/link-destination";
import { decodeEntities } from "./title";
import { applySplices, isBlank, writeDoc, type Doc, type Splice } from "./document";
import { openPage, parsedOf, type EditablePage } from "./page";
import { describeSection, findSection, footerStart, lastLineIndex, newSectionLevel, type Section } from "./sections";
import { fold } from "../text/fold";
import { editDistance } from "../text/distance";
import { bulletOf, escapeText, formatItem, formatRow, readStyle, type ItemStyle, type NewItem } from "./style";

/** A URL as compared for "already on the page": host case, a default port and a final slash ignored. */
export function comparableUrl(url: string): string {
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const u = new URL(trimmed);
      return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}${u.search}${u.hash}`;
    } catch {
      return trimmed;
    }
  }
  return trimmed.replace(/\/+$/, "");
}

/** The entry that already has this URL, as its link or as one of its related links. */
export function entryWithUrl(page: EditablePage, url: string): Entry | undefined {
  const key = comparableUrl(url);
  return page.catalog.entries.find((e) => comparableUrl(e.url) === key || e.related.some((r) => comparableUrl(r.url) === key));
}

/** Only what a page can link to and a browser opens: http(s) URLs and site paths ("/talks"). */
export function checkNewUrl(url: string): void {
  if (/[\x00-\x20\x7f]/.test(url.trim()) || url.trim() === "") throw new ValueError(`'${sanitize(url)}' is not a URL`, "give an http(s) URL or a site path such as /talks");
  // Characters a URL never holds as typed: they would be written percent-encoded, another URL.
  if (/[<>"`{}|\\^]/.test(url)) throw new ValueError(`'${sanitize(url)}' holds characters a URL must percent-encode`, "encode them (< as %3C, > as %3E, space as %20)");
  const unwritable = unwritableUrl(url);
  if (unwritable) throw new ValueError(`'${sanitize(url)}' cannot be written into a page: ${unwritable}`, "give the URL without it, or percent-encoded");
  // Copied from a web page's source: "&amp;" is how HTML writes "&" (the URL meant is another).
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i.exec(url);
  if (entity) throw new ValueError(`'${sanitize(url)}' holds '${entity[0]}', which is how HTML writes '${sanitize(decodeEntities(entity[0]))}' (copied from a page's source?)`, `write '${sanitize(decodeEntities(entity[0]))}' instead, or percent-encode it`);
  if (/^\/(?!\/)/.test(url)) return;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:") || !parsed.hostname) {
    throw new ValueError(`'${sanitize(url)}' is not an http(s) URL or a site path`, "give a URL such as https://example.org/talk, or a path such as /talks");
  }
}

function lineText(doc: Doc, index: number): string {
  return doc.lines[index]?.text ?? "";
}

/** Lines [start, end) of a block without its trailing blank lines (markdown-it's map takes them in). */
function contentRange(doc: Doc, place: NonNullable<ParsedEntry["place"]>, limit: number): [number, number] {
  const start = place.start - 1;
  let end = Math.min(place.end - 1, limit);
  while (end > start + 1 && isBlank(lineText(doc, end - 1))) end--;
  return [start, Math.max(end, start + 1)];
}

/** The entries of a section's own lines, with places. */
function entriesIn(page: EditablePage, section: Section, except?: Entry): { entry: Entry; parsed: ParsedEntry }[] {
  return page.catalog.entries
    .map((entry, i) => ({ entry, parsed: page.parsed[i]! }))
    .filter(({ entry, parsed }) => parsed.place && parsed.line - 1 >= section.start && parsed.line - 1 < section.end && entry !== except);
}

/** Where a new item goes in a section, and the lines to put there. */
interface Insertion {
  at: number;
  /** Lines before the item: a blank line that starts a new list, or that a loose list has. */
  before: string[];
  style: ItemStyle;
  /** A table row instead of a list item (a section whose links are in a table). */
  row?: string;
}

function itemLines(page: EditablePage): string[] {
  return page.parsed.filter((p) => p.place?.kind === "item").map((p) => lineText(page.doc, p.place!.start - 1));
}

function insertionIn(page: EditablePage, section: Section, options: { rows: boolean; except?: Entry }): Insertion {
  const { doc } = page;
  const here = entriesIn(page, section, options.except);
  const items = here.filter(({ parsed }) => parsed.place!.kind === "item");
  // The section's list is that of its least indented items; the new item goes after its last
  // item, nested items included, be they entries or not ("- Community" and the links under it).
  const indentOf = (p: ParsedEntry) => bulletOf(lineText(doc, p.place!.start - 1))?.indent.length ?? 0;
  const least = Math.min(...items.map(({ parsed }) => indentOf(parsed)));
  const top = items.filter(({ parsed }) => indentOf(parsed) === least);
  const last = top.at(-1)?.parsed;
  if (last) {
    let [start, end] = contentRange(doc, last.place!, section.end);
    const outer: string[] = top.map(({ parsed }) => lineText(doc, parsed.place!.start - 1));
    for (let i = end; i < section.end; i++) {
      const text = lineText(doc, i);
      if (isBlank(text)) continue;
      const bullet = bulletOf(text);
      const lead = /^[ \t]*/.exec(text)![0].length;
      // A blank line then text at the list's margin that is not an item ends the list.
      if (bullet ? bullet.indent.length < least : lead <= least) break;
      if (bullet?.indent.length === least) {
        outer.push(text);
        start = i;
      }
      end = i + 1;
    }
    // A loose list (blank lines between its items) gets a blank line before the new item too.
    const loose = outer.length > 1 && isBlank(lineText(doc, start - 1));
    return { at: end, before: loose ? [""] : [], style: readStyle(outer, itemLines(page)) };
  }
  const rows = here.filter(({ parsed }) => parsed.place!.kind === "row");
  if (options.rows && rows.length > 0) {
    const lastRow = rows.at(-1)!.parsed;
    return { at: lastRow.place!.start, before: [], style: readStyle([], itemLines(page)), row: lineText(doc, lastRow.place!.start - 1) };
  }
  // No list yet: a new one after the section's last line of text, after a blank line.
  let end = section.end;
  while (end > section.start && isBlank(lineText(doc, end - 1))) end--;
  return { at: end, before: [""], style: readStyle([], itemLines(page)) };
}

export type SectionChoice = { section: Section } | { create: string };

/** The lines above the first heading, as a section: where a page without headings has its list. */
function aboveHeadings(page: EditablePage): Section {
  const first = page.sections[0];
  return { heading: { level: 0, text: "", line: 0 }, path: [], start: 0, end: first ? first.heading.line - 1 : lastLineIndex(page.doc) + 1 };
}

/**
 * The section --section names, or, with --new-section, one to create (#22: a misspelt name
 * is an error naming the nearest sections, never a new section). Without --section: the section
 * of the page's last list item (the end of its last list), else the last section.
 */
export function chooseSection(page: EditablePage, wanted: string | undefined, newSection = false): SectionChoice {
  if (wanted === undefined) {
    if (newSection) throw new ValueError("--new-section needs --section", "name the new section with --section");
    const lastItem = [...page.parsed].reverse().find((p) => p.place?.kind === "item");
    if (!lastItem) return page.sections.length > 0 ? { section: page.sections.at(-1)! } : { create: "" };
    const section = [...page.sections].reverse().find((s) => s.start <= lastItem.line - 1 && lastItem.line - 1 < s.end);
    return { section: section ?? aboveHeadings(page) };
  }
  const name = sanitize(wanted).trim();
  if (!name) throw new ValueError("--section needs a name", "give the section's name, or leave --section out");
  if (newSection) {
    // A section of that very name is used, not made twice; any other name is a new section.
    const same = page.sections.filter((s) => fold(s.heading.text).trim() === fold(name));
    return same.length === 1 ? { section: same[0]! } : { create: name };
  }
  const match = findSection(page.sections, name);
  if ("section" in match) return { section: match.section };
  if ("ambiguous" in match) {
    throw new ValueError(`--section '${name}' fits ${match.ambiguous.length} sections: ${match.ambiguous.map(describeSection).join("; ")}`, "give more of the name, or the trail as 'Parent / Child'");
  }
  const near = nearestSections(page.sections, name);
  const listed = near.close.length > 0 ? `; did you mean ${near.close.map((t) => `'${sanitize(t)}'`).join(" or ")}?` : near.all.length > 0 ? ` (the page has ${near.all.map((t) => `'${sanitize(t)}'`).join(", ")}${near.more ? ", …" : ""})` : " (the page has no sections)";
  throw new ValueError(`no section '${name}'${listed}`, "name a section of the page, or add --new-section to make one");
}

/** Headings close to a misspelt name (edit distance on the folded names), nearest first; else the first few. */
function nearestSections(sections: readonly Section[], name: string): { close: string[]; all: string[]; more: boolean } {
  const key = fold(name).trim();
  const texts = [...new Set(sections.map((s) => s.heading.text.trim()).filter(Boolean))];
  const max = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  const scored = texts
    .map((text) => {
      const folded = fold(text).trim();
      // A typo of the whole name, or of its first word ("yuotube" for "YouTube talks").
      const distance = Math.min(editDistance(key, folded, max), editDistance(key, folded.split(/\s+/)[0]!, max));
      return { text, distance };
    })
    .filter((s) => s.distance <= max)
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0]?.distance;
  return { close: scored.filter((s) => s.distance === best).slice(0, 3).map((s) => s.text), all: texts.slice(0, 8), more: texts.length > 8 };
}

/**
 * Whether the line at `at` would become part of a list item put just before it: a paragraph line
 * right after an item is its lazy continuation ("- [New](…)" then "Title" then "---" turns a setext
 * heading into the item's text and a rule). An ATX heading, a list item, a fence, a rule or a
 * blank line start a block of their own and need no blank line between.
 */
/** An ATX heading line ("## Title"). */
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;

function wouldContinue(doc: Doc, at: number): boolean {
  if (at > lastLineIndex(doc)) return false;
  const text = lineText(doc, at);
  return !isBlank(text) && !/^ {0,3}(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~|(?:[-*_][ \t]*){3,}$)/.test(text);
}

/** The splice that puts item lines into a section (or a new section at the end of the page). */
function placeLines(page: EditablePage, choice: SectionChoice, make: (style: ItemStyle, row?: string) => string[], options: { rows: boolean; except?: Entry }): Splice {
  const { doc } = page;
  if ("section" in choice) {
    const where = insertionIn(page, choice.section, options);
    const lines = make(where.style, where.row);
    const parts = where.row === undefined && wouldContinue(doc, where.at);
    // Right under an ATX heading and before a paragraph line ("# Top" / "Title" / "---"), the new
    // list needs only the blank line after it: one blank line, which removing the item takes back.
    const before = parts && where.at > 0 && ATX.test(lineText(doc, where.at - 1)) ? [] : where.before;
    return { start: where.at, end: where.at, insert: [...before, ...lines, ...(parts ? [""] : [])] };
  }
  // A new section after the last, with the level of its siblings, before a licence or footer.
  const level = newSectionLevel(page.sections.map((s) => s.heading));
  let end = choice.create ? footerStart(doc, page.sections, level) : lastLineIndex(doc) + 1;
  while (end > 0 && isBlank(lineText(doc, end - 1))) end--;
  const heading = choice.create ? [`${"#".repeat(level)} ${escapeText(choice.create)}`, ""] : [];
  const style = readStyle([], itemLines(page));
  const follows = end <= lastLineIndex(doc) && !isBlank(lineText(doc, end));
  return { start: end, end, insert: [...(end > 0 ? [""] : []), ...heading, ...make({ ...style, indent: "", marker: style.marker.replace(/^\d+/, "1") }), ...(follows ? [""] : [])] };
}

/** The page's headings after an edit are those before, and a new section's (a heading the new lines swallowed is a page changed). */
function sameHeadings(before: EditablePage, after: EditablePage): boolean {
  const texts = (page: EditablePage) => page.sections.map((s) => `${s.heading.level} ${s.heading.text}`);
  const was = texts(before);
  const now = texts(after);
  return was.every((t) => now.includes(t)) && now.length - was.length <= 1;
}

export interface AddResult {
  text: string;
  section: string;
  created: boolean;
}

export function addEntry(page: EditablePage, item: NewItem, sectionName: string | undefined, newSection = false): AddResult {
  checkNewUrl(item.url);
  const existing = entryWithUrl(page, item.url);
  if (existing) throw new NotFoundError(`${item.url} is already on the page: ${existing.id} (line ${existing.line})`, "nothing added");
  const choice = chooseSection(page, sectionName, newSection);
  const splice = placeLines(page, choice, (style, row) => [row !== undefined ? formatRow(item, row) : formatItem(item, style)], { rows: true });
  const text = writeDoc(applySplices(page.doc, [splice]));
  // Read back: the new line must be an entry where it went, and the others stay as they were.
  const after = openPage(text, page.source);
  const key = comparableUrl(item.url);
  if (after.catalog.entries.length !== page.catalog.entries.length + 1 || after.catalog.entries.filter((e) => comparableUrl(e.url) === key).length !== 1 || !sameHeadings(page, after)) {
    throw new ValueError(`the new entry would not be read where it goes (line ${splice.start + splice.insert.length}: inside a code block or an HTML block?); nothing added`, "add it by hand, or choose another --section");
  }
  // A description that reads as facts ("1h", "SOSP '23", a name) would come back as a length,
  // a year or a speaker, not as what was meant: refused, never written wrong.
  const added = after.catalog.entries.find((e) => comparableUrl(e.url) === key)!;
  if (item.description !== undefined && item.description !== item.title && added.description !== item.description) {
    throw new ValueError(`the description '${sanitize(item.description)}' would be read back as the entry's facts (a length, a year, an event or a name), not as its description; nothing added`, "write the description in more words, or add the line by hand");
  }
  return { text, section: "section" in choice ? choice.section.heading.text : choice.create, created: !("section" in choice) };
}

/**
 * Many new items at the end of a section's list at once (import, #28): `make` writes their lines
 * in the list's style; `count` is how many entries they hold. Read back like addEntry: the page
 * must have `count` more entries, the others as they were.
 */
export function addItems(page: EditablePage, make: (style: ItemStyle) => string[], count: number, sectionName: string | undefined, newSection = false): AddResult {
  const choice = chooseSection(page, sectionName, newSection);
  const splice = placeLines(page, choice, (style) => make(style), { rows: false });
  const text = writeDoc(applySplices(page.doc, [splice]));
  const after = openPage(text, page.source);
  if (after.catalog.entries.length !== page.catalog.entries.length + count || !sameHeadings(page, after)) {
    throw new ValueError(`the new entries would not be read where they go (line ${splice.start + 1}: inside a code block or an HTML block?); nothing added`, "choose another --section");
  }
  return { text, section: "section" in choice ? choice.section.heading.text : choice.create, created: !("section" in choice) };
}

/** An entry's own lines, as removing it takes them: its item with nested items, or its row. */
function removal(page: EditablePage, entry: Entry, force: boolean): Splice {
  const parsed = parsedOf(page, entry);
  const place = parsed.place;
  if (!place || place.kind === "paragraph") {
    throw new ValueError(`${entry.id} (line ${entry.line}) is not a list item or a table row`, "edit that paragraph by hand");
  }
  if (place.kind === "item" && place.nested && !force) {
    throw new ValueError(`${entry.id} (line ${entry.line}) has nested items`, "add --force to remove them with it");
  }
  const { doc } = page;
  const range = place.kind === "row" ? [place.start - 1, place.start] : contentRange(doc, place, doc.lines.length);
  let start = range[0]!;
  const end = range[1]!;
  // The blank line before an item that stood alone, or between two items of a loose list, goes
  // with it: what adding it put there, it takes away.
  const next = lineText(doc, end);
  const atEnd = end > lastLineIndex(doc);
  // (A list item in a block quote is one too: "> - [x](…)".)
  const nextIsItem = bulletOf(next.replace(/^(?: {0,3}> ?)+/, "")) !== undefined;
  if (place.kind === "item" && start > 0 && isBlank(lineText(doc, start - 1)) && (atEnd || !nextIsItem)) start--;
  // An item right under an ATX heading, then a blank line and a paragraph line: what adding it
  // there wrote (placeLines), the blank line after it goes with it.
  else if (place.kind === "item" && start > 0 && ATX.test(lineText(doc, start - 1)) && !atEnd && isBlank(next) && wouldContinue(doc, end + 1)) return { start, end: end + 1, insert: [] };
  return { start, end, insert: [] };
}

/** Ranges that overlap (an item and one of its nested items) are taken once. */
function merged(splices: Splice[]): Splice[] {
  const sorted = [...splices].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Splice[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export function removeEntries(page: EditablePage, entries: readonly Entry[], force: boolean): string {
  const splices = merged(entries.map((e) => removal(page, e, force)));
  const text = writeDoc(applySplices(page.doc, splices));
  // Read back: exactly the entries on the removed lines are gone, the others read as before.
  const gone = page.catalog.entries.filter((e) => splices.some((s) => e.line - 1 >= s.start && e.line - 1 < s.end));
  // (URLs, not titles: a bare link alone in its section takes the heading as title.)
  const left = openPage(text, page.source).catalog.entries.map((e) => e.url);
  const expected = page.catalog.entries.filter((e) => !gone.includes(e)).map((e) => e.url);
  if (left.length !== expected.length || left.some((x, i) => x !== expected[i])) {
    throw new ValueError("removing those lines would change how the rest of the page reads; nothing removed", "remove them by hand");
  }
  return text;
}

export interface MoveResult {
  text: string;
  section: string;
  created: boolean;
}

/** Moves an entry's list item, nested items included, to the end of another section's list. */
export function moveEntry(page: EditablePage, entry: Entry, sectionName: string, newSection = false): MoveResult {
  const parsed = parsedOf(page, entry);
  if (parsed.place?.kind !== "item") {
    throw new ValueError(`${entry.id} (line ${entry.line}) is not a list item`, "only list items can be moved; edit it by hand");
  }
  const choice = chooseSection(page, sectionName, newSection);
  if ("section" in choice && parsed.line - 1 >= choice.section.start && parsed.line - 1 < choice.section.end) {
    throw new ValueError(`${entry.id} is already in ${describeSection(choice.section)}`, "name another section");
  }
  const out = removal(page, entry, true);
  const { doc } = page;
  const [first, last] = contentRange(doc, parsed.place, doc.lines.length);
  const lines = doc.lines.slice(first, last).map((l) => l.text);
  const source = bulletOf(lines[0]!);
  if (!source) throw new ValueError(`${entry.id} (line ${entry.line}) is a list item inside a block quote or another block`, "move it by hand");
  const sourceColumn = source.indent.length + source.marker.length + source.gap.length;
  const reindent = (style: ItemStyle): string[] => {
    const first = `${style.indent}${style.marker}${style.gap}${lines[0]!.slice(sourceColumn)}`;
    const targetColumn = style.indent.length + style.marker.length + style.gap.length;
    const rest = lines.slice(1).map((line) => {
      const lead = /^ */.exec(line)![0].length;
      if (isBlank(line) || lead < sourceColumn) return line;
      return " ".repeat(targetColumn) + line.slice(sourceColumn);
    });
    return [first, ...rest];
  };
  const into = placeLines(page, choice, reindent, { rows: false, except: entry });
  // Taken out just before where it goes (the end of the section above): one splice.
  const splices = into.start >= out.start && into.start <= out.end ? [{ start: out.start, end: out.end, insert: into.insert }] : [out, into];
  const text = writeDoc(applySplices(doc, splices));
  const after = openPage(text, page.source);
  if (after.catalog.entries.length !== page.catalog.entries.length || !after.catalog.entries.some((e) => e.url === entry.url && e.sectionPath.join("\n") !== entry.sectionPath.join("\n"))) {
    throw new ValueError(`${entry.id} would not be read where it goes (inside a code block or an HTML block?); nothing moved`, "move it by hand, or choose another --section");
  }
  return { text, section: "section" in choice ? choice.section.heading.text : choice.create, created: !("section" in choice) };
}

export interface UrlChange {
  entry: Entry;
  to: string;
}

/** A change not made, and why (for the person: its line, then this). */
export interface SkippedChange extends UrlChange {
  why: string;
  /** The new URL has no form that reads back as it: the fix is refused, not merely left. */
  unsafe: boolean;
}

/**
 * The line with one entry's URL replaced, written as it was (in "(…)", "<…>" as a destination or
 * an autolink, or bare) in the form that reads back as the new URL (text/link-destination.ts):
 * a bare URL the parser would cut becomes an autolink. A string saying why when it cannot be.
 */
function rewrittenLine(text: string, change: UrlChange): { line: string } | { skip: SkippedChange } {
  const at = findUrl(text, change.entry.url);
  if (at === undefined) return { skip: { ...change, why: "its line does not hold its URL as written (a reference link, or escapes); edit it by hand", unsafe: false } };
  const end = at + change.entry.url.length;
  const before = text[at - 1];
  const refuse = (why: string) => ({ skip: { ...change, why: `its new URL ${sanitize(change.to)} cannot be written so that it reads back as it (${why}); edit it by hand`, unsafe: true } });
  const replace = (start: number, stop: number, by: string) => ({ line: text.slice(0, start) + by + text.slice(stop) });
  const table = /^\s*\|/.test(text);
  if (before === "(" || (before === "<" && text.slice(at - 3, at - 1) === "](")) {
    // A link destination: "(url)" or "(<url>)"; the angle form is kept where the page has it.
    const written = linkDestination(change.to, { angle: before === "<", table });
    if ("why" in written) return refuse(written.why);
    return before === "<" ? replace(at - 1, end + 1, written.text) : replace(at, end, written.text);
  }
  // A table splits its cells before an autolink is read: "\\|" keeps one whole.
  const auto = table ? autolink(change.to)?.replace(/\|/g, "\\|") : autolink(change.to);
  if (before === "<") return auto ? replace(at - 1, end + 1, auto) : refuse("an autolink <…> cannot hold it");
  if (safeBare(change.to)) return replace(at, end, change.to);
  return auto ? replace(at, end, auto) : refuse(unwritableUrl(change.to) ?? "it cannot stand bare on the line");
}

/** The entries' URLs and related links a rewrite must leave as they are, but for the changed ones. */
function readsBack(page: EditablePage, text: string, changes: readonly UrlChange[]): boolean {
  const after = openPage(text, page.source).catalog.entries;
  const before = page.catalog.entries;
  if (after.length !== before.length) return false;
  return before.every((was, i) => {
    const now = after[i]!;
    const change = changes.find((c) => c.entry === was);
    if (now.line !== was.line || now.url !== (change ? change.to : was.url)) return false;
    if (now.related.map((r) => r.url).join("\n") !== was.related.map((r) => r.url).join("\n")) return false;
    // A bare link's title is its URL's: it changes with it.
    return change !== undefined || now.title === was.title;
  });
}

function withLines(doc: Doc, byLine: Map<number, string>): string {
  const next = applySplices(doc, [...byLine].map(([index, text]) => ({ start: index, end: index + 1, insert: [text] })));
  // A changed line keeps its own ending: only its text is new.
  for (const [index] of byLine) next.lines[index] = { text: next.lines[index]!.text, eol: doc.lines[index]!.eol };
  return writeDoc(next);
}

/**
 * Rewrites links in place: each entry's URL on its own line, in a form that reads back as the
 * new URL. The page is parsed again before anything is returned: a change is made only when
 * every entry then reads as before, but for the new URL (#22). A URL the line does not hold as
 * the entry has it (written with escapes), or a new URL that does not read back, is left, and
 * returned as skipped.
 */
export function rewriteUrls(page: EditablePage, changes: UrlChange[]): { text: string; done: UrlChange[]; skipped: SkippedChange[] } {
  const { doc } = page;
  const rewrite = (verifyEach: boolean) => {
    const byLine = new Map<number, string>();
    const done: UrlChange[] = [];
    const skipped: SkippedChange[] = [];
    for (const change of changes) {
      const index = change.entry.line - 1;
      const written = rewrittenLine(byLine.get(index) ?? lineText(doc, index), change);
      if ("skip" in written) {
        skipped.push(written.skip);
        continue;
      }
      if (verifyEach && !readsBack(page, withLines(doc, new Map([...byLine, [index, written.line]])), [...done, change])) {
        skipped.push({ ...change, why: `its new URL ${sanitize(change.to)} would not read back as it on its line; edit it by hand`, unsafe: true });
        continue;
      }
      byLine.set(index, written.line);
      done.push(change);
    }
    return { text: withLines(doc, byLine), done, skipped };
  };
  // All changes read back together (one parse); when they do not, each is tried alone, so that
  // the one that misreads is named and the others are still made.
  const all = rewrite(false);
  if (all.done.length === 0 || readsBack(page, all.text, all.done)) return all;
  const each = rewrite(true);
  if (each.done.length > 0 && !readsBack(page, each.text, each.done)) throw new ValueError("the fixed links would not read back as written; nothing changed", "fix them by hand");
  return each;
}

/** Where a line holds a URL as a link destination, an autolink or a bare link. */
function findUrl(text: string, url: string): number | undefined {
  for (let at = text.indexOf(url); at >= 0; at = text.indexOf(url, at + 1)) {
    const before = text[at - 1];
    const after = text[at + url.length];
    const opens = before === undefined || before === "(" || before === "<" || /\s/.test(before);
    const closes = after === undefined || after === ")" || after === ">" || /\s/.test(after);
    if (opens && closes) return at;
  }
  return undefined;
}

/**
 * check --fix --archive --replace (#28): once a dead link is replaced by its snapshot, an earlier
 * run's " ([archived](…))" after it says the same thing twice; it is taken out. Only that exact
 * form, on the entry's own line, naming one of its related links titled "archived". Read back:
 * every entry as before, the changed ones without those related links.
 */
export function dropArchivedMarks(page: EditablePage, entries: readonly Entry[]): { text: string; dropped: number } {
  const { doc } = page;
  const byLine = new Map<number, string>();
  const gone = new Map<Entry, Set<string>>();
  for (const entry of entries) {
    const marks = entry.related.filter((r) => r.title === "archived");
    if (marks.length === 0) continue;
    const index = entry.line - 1;
    let text = byLine.get(index) ?? lineText(doc, index);
    for (const mark of marks) {
      for (const written of [mark.url, `<${mark.url}>`]) {
        const form = ` ([archived](${written}))`;
        const at = text.indexOf(form);
        if (at < 0) continue;
        text = text.slice(0, at) + text.slice(at + form.length);
        if (!gone.has(entry)) gone.set(entry, new Set());
        gone.get(entry)!.add(mark.url);
        break;
      }
    }
    byLine.set(index, text);
  }
  if (gone.size === 0) return { text: writeDoc(doc), dropped: 0 };
  const out = withLines(doc, byLine);
  const now = openPage(out, page.source).catalog.entries;
  const was = page.catalog.entries;
  const same = now.length === was.length && was.every((e, i) => {
    const dropped = gone.get(e);
    const kept = e.related.filter((r) => !dropped?.has(r.url)).map((r) => r.url).join("\n");
    return now[i]!.url === e.url && now[i]!.line === e.line && now[i]!.related.map((r) => r.url).join("\n") === kept;
  });
  if (!same) return { text: writeDoc(doc), dropped: 0 };
  return { text: out, dropped: [...gone.values()].reduce((n, set) => n + set.size, 0) };
}

/**
 * check --fix --archive (#28): after each entry's link, its archived copy as a related link,
 * " ([archived](snapshot))", the destination written as the page writes its own. An entry that
 * already links to the snapshot is left; a line that does not hold the URL as the entry has it
 * is skipped, as in rewriteUrls. Read back: every entry as before, the changed ones with the
 * snapshot among their related links.
 */
export function addArchivedLinks(page: EditablePage, changes: UrlChange[]): { text: string; done: UrlChange[]; skipped: SkippedChange[] } {
  const { doc } = page;
  const byLine = new Map<number, string>();
  const done: UrlChange[] = [];
  const skipped: SkippedChange[] = [];
  for (const change of changes) {
    if (change.entry.related.some((r) => r.url === change.to)) continue;
    const index = change.entry.line - 1;
    const text = byLine.get(index) ?? lineText(doc, index);
    const at = findUrl(text, change.entry.url);
    if (at === undefined) {
      skipped.push({ ...change, why: "its line does not hold its URL as written (a reference link, or escapes); edit it by hand", unsafe: false });
      continue;
    }
    // After the link: its destination's ")" (past a title, if any), an autolink's ">", or the bare URL.
    const end = at + change.entry.url.length;
    const before = text[at - 1];
    let after = end;
    if (before === "(" || before === "<") {
      const close = text.indexOf(before === "(" ? ")" : ">", end);
      after = close < 0 ? end : close + 1;
      if (before === "<" && text.slice(at - 3, at - 1) === "](") after = text.indexOf(")", after) + 1 || after;
    }
    const written = linkDestination(change.to, { angle: text.slice(at - 3, at) === "](<", table: /^\s*\|/.test(text) });
    if ("why" in written) {
      skipped.push({ ...change, why: `its archived copy ${sanitize(change.to)} cannot be written so that it reads back as it (${written.why})`, unsafe: true });
      continue;
    }
    byLine.set(index, `${text.slice(0, after)} ([archived](${written.text}))${text.slice(after)}`);
    done.push(change);
  }
  const out = withLines(doc, byLine);
  if (done.length > 0) {
    const now = openPage(out, page.source).catalog.entries;
    const was = page.catalog.entries;
    const same = now.length === was.length && was.every((e, i) => now[i]!.url === e.url && now[i]!.line === e.line && (done.some((d) => d.entry === e) ? now[i]!.related.some((r) => r.url === done.find((d) => d.entry === e)!.to) : now[i]!.related.length === e.related.length));
    if (!same) throw new ValueError("the archived links would not read back as written; nothing changed", "add them by hand");
  }
  return { text: out, done, skipped };
}
