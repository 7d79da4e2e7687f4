// parsePage(text, source) -> Page: pure, no I/O (#2). The loader in src/io/ reads the file.
import type { Heading, Kind, Link, Page, ParsedEntry } from "./types";
import { readFrontMatter } from "./front-matter";
import { readNotes } from "./item-notes";
import { MAX_ELEMENTS, TooManyElements, walk, type Item, type Segment } from "./markdown";
import { PageError } from "../errors";
import { hostKind, sectionKind } from "./classify";
import { fold } from "../text/fold";
import { splitSpeaker } from "./speaker";
import { EMPHASIS, LINK_CLOSE, LINK_OPEN, durationOf, talkFacts } from "./talk-facts";

const CLOCK_IN_TITLE = /\[((?:\d{1,2}:)?\d{1,2}:\d{2})\]/;
import { slugify } from "./ids";
import { canOpen } from "./urls";
import { sanitize, stripEscapes } from "../text/sanitize";
import { extractFields, type FieldRow } from "./fields";

const UNTIDY = /\s\s|[^\S ]|^\s|\s$/;

/** Text a page gives us, made safe and tidy: no controls, single spaces, trimmed. */
function clean(text: string): string {
  const safe = sanitize(text);
  return UNTIDY.test(safe) ? safe.replace(/\s+/g, " ").trim() : safe;
}

/** Separators between a link and its description: "- ", "– ", "— ", ": ", "| ". */
const LEADING_SEPARATOR = /^\s*(?:[-\u2013\u2014:|]|&mdash;)\s*/;

/** The text after a title link, with the markers talkFacts reads (emphasis, links). */
function tailText(segments: Segment[]): string {
  let text = "";
  for (const s of segments) {
    const own = s.text.replace(/[\u0001-\u0003]/g, "");
    if (s.type === "emphasis") text += EMPHASIS;
    else if (s.type === "link") text += LINK_OPEN + own + LINK_CLOSE;
    else text += own;
  }
  return text;
}

/**
 * A link that makes an entry (or a related link). Links that can never be opened (mailto:, tel:,
 * javascript:, "//host", …; canOpen) are left out like images and anchors: otherwise entry 2 of
 * a real awesome list is a mailto: link titled "here", and `open 1 2 3 4 5 6` refuses all six
 * (#12). Ids do not move: an id depends on its entry's title and url only.
 */
function usableLink(segment: Segment): segment is Extract<Segment, { type: "link" }> {
  return segment.type === "link" && !segment.imageOnly && segment.url.trim() !== "" && !segment.url.startsWith("#") && canOpen(clean(segment.url));
}

/** Something readable for a bare URL: host and path, without scheme, "www." and trailing slash. */
export function titleFromUrl(url: string): string {
  const text = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^www\./i, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // Keep the percent-encoded form: it is still readable enough.
  }
  return clean(decoded) || clean(url);
}

/** The name of a section whose heading has no text. */
const UNTITLED = "(untitled)";

function baseName(source: string): string {
  return source.replace(/^.*[\\/]/, "").replace(/\.(md|markdown)$/i, "") || source;
}

export interface ParseOptions {
  /** Give each entry the place of its block in the file (for editing, #17). */
  places?: boolean;
  /** The table of fields whose extractions run on each entry (catalog/fields.ts; default: the tool's). */
  fields?: readonly FieldRow[];
}

export function parsePage(text: string, source: string, options: ParseOptions = {}): Page {
  // A UTF-8 byte order mark and CRLF/CR line endings must not change what a page says.
  // Escape sequences go before parsing: their "[" and "]" would otherwise change how links parse.
  const normalised = stripEscapes(text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n"));
  const { frontMatter, body, lineOffset } = readFrontMatter(normalised, source);
  const headings: Heading[] = [];
  const trail: Heading[] = [];
  const entries: (ParsedEntry & { bare: boolean; headingPath: string[] })[] = [];
  const topSection = [frontMatter.title ?? baseName(source)];
  let items: Item[];
  try {
    items = walk(body, lineOffset);
  } catch (error) {
    if (!(error instanceof TooManyElements)) throw error;
    throw new PageError(source, `has more than ${MAX_ELEMENTS.toLocaleString("en")} markdown elements (list items, paragraphs, links…), the most a page may have`, "split it into smaller pages");
  }
  // The page's own title counts like a heading above every other (#13): on "Awesome Talks", a
  // link to a conference's site is a talk.
  const firstTop = items.find((i) => i.type === "heading" && i.heading.level === 1);
  const pageTitle = frontMatter.title ?? (firstTop?.type === "heading" ? clean(firstTop.heading.text) : undefined);
  const kindOf = (path: string[]): Kind => sectionKind(pageTitle === undefined || path[0] === pageTitle ? path : [pageTitle, ...path]);
  // One section path (and one section kind) per heading, shared by the entries under it.
  let sectionPath = topSection;
  let sectionDefault: Kind = kindOf(sectionPath);
  // Paths with the labels of nested items (#13), shared as the heading's path is.
  let nestedPaths = new Map<string, string[]>();

  /** The heading trail plus the labels of the items an entry is nested in (not repeating its heading). */
  const nestedPath = (context: string[] | undefined): string[] => {
    if (!context) return sectionPath;
    const section = fold(sectionPath.at(-1)!);
    const labels = context.map(clean).filter((l) => l !== "" && fold(l) !== section);
    if (labels.length === 0) return sectionPath;
    const key = labels.join("\n");
    let path = nestedPaths.get(key);
    if (!path) nestedPaths.set(key, (path = [...sectionPath, ...labels]));
    return path;
  };

  for (const item of items) {
    if (item.type === "heading") {
      const heading: Heading = { level: item.heading.level, text: clean(item.heading.text), line: item.heading.line };
      headings.push(heading);
      while (trail.length > 0 && trail.at(-1)!.level >= heading.level) trail.pop();
      trail.push(heading);
      sectionPath = trail.map((h) => h.text || UNTITLED);
      sectionDefault = kindOf(sectionPath);
      nestedPaths = new Map();
      continue;
    }
    const at = item.block.segments.findIndex(usableLink);
    if (at < 0) continue;
    // The item's own tags and added date (#28), read off its end before anything else reads it.
    const notes = readNotes(item.block.segments, at);
    const segments = notes.segments;
    const link = segments[at] as Extract<Segment, { type: "link" }>;
    const url = clean(link.url);
    const related: Link[] = [];
    for (const segment of segments.slice(at + 1)) {
      if (usableLink(segment)) related.push({ title: clean(segment.text) || titleFromUrl(segment.url), url: clean(segment.url) });
    }
    const textOf = (list: Segment[]): string => clean(list.map((s) => s.text).join(""));
    const before = textOf(segments.slice(0, at));
    // Links right after the title ("[Part 1](…) [(2nd part)](…) - Videos") are related links,
    // not the start of the description.
    let from = at + 1;
    while (from < segments.length && (usableLink(segments[from]!) || !segments[from]!.text.trim())) from++;
    if (from === segments.length || !LEADING_SEPARATOR.test(segments[from]!.text)) from = at + 1;
    const afterRaw = segments.slice(from).map((s) => s.text).join("");
    const separated = LEADING_SEPARATOR.test(afterRaw) && /\S/.test(afterRaw);
    // A host says what a link is before its heading does; a length after it makes it a talk (#13).
    let kind = hostKind(url) ?? sectionDefault;
    const tail = tailText(segments.slice(from));
    let facts = kind === "talk" || kind === "paper" || kind === "page" ? talkFacts(tail, kind === "talk") : undefined;
    if (kind === "page" && facts?.duration !== undefined) {
      kind = "talk";
      facts = talkFacts(tail, true);
    }
    if (facts && kind === "page") facts = undefined;
    const after = clean((facts ? facts.rest : afterRaw).replace(LEADING_SEPARATOR, ""));
    // "Title / Speaker" (the bundled page's form) names a person on a talk, or on a link nothing
    // else says anything of, which it makes a talk: only talks have speakers (#13).
    const split = link.bare ? { title: "" } : kind === "talk" || kind === "page" ? splitSpeaker(clean(link.text)) : { title: clean(link.text) };
    if (kind === "page" && "speaker" in split && split.speaker) kind = "talk";
    const title = split.title;
    const speakers = facts && facts.speakers.length > 0 ? facts.speakers.map(clean) : "speaker" in split && split.speaker ? [split.speaker] : [];
    // "⚠️ UNMAINTAINED ⚠️ [x](…) - Does y" keeps its warning; a link inside a sentence keeps the sentence.
    let description = after;
    if (before) description = separated || !after ? `${before} ${after}`.trim() : textOf(segments);
    const entry: ParsedEntry & { bare: boolean; headingPath: string[] } = {
      title,
      url,
      kind,
      section: sectionPath.at(-1)!,
      sectionPath: nestedPath(item.block.context),
      speakers,
      related,
      // Shared, like the section path: entries are read, never changed; an item's own tags after the page's.
      tags: notes.tags.length === 0 ? frontMatter.tags : [...new Set([...frontMatter.tags, ...notes.tags.map(clean)])],
      line: link.line,
      slug: "",
      bare: link.bare || title === "",
      headingPath: sectionPath,
    };
    if (speakers.length > 0) entry.speaker = speakers.join(", ");
    if (facts?.event !== undefined) entry.event = clean(facts.event);
    if (facts?.year !== undefined) entry.year = facts.year;
    if (facts?.duration !== undefined) entry.duration = facts.duration;
    // "[Chicago Boss (and Speed) [00:45:59]](…)": a length inside the title is read, not removed,
    // so the title (and the id made from it) stays as written.
    else if (kind === "talk") {
      const inTitle = CLOCK_IN_TITLE.exec(title);
      if (inTitle) entry.duration = durationOf(inTitle[1]!);
    }
    if (notes.added !== undefined) entry.added = notes.added;
    if (options.places && item.block.place) entry.place = { ...item.block.place };
    if (description && description !== title) entry.description = description;
    entries.push(entry);
  }

  // A bare URL takes its section's heading as title when it is the section's only bare URL
  // ("https://dfinity.org/howitworks" under "## How ICP Works"); otherwise its host and path.
  // Entries of one section share one path array, so the array itself is the section's key; an
  // entry above every heading has the page's fallback path, which names no heading.
  const bareInSection = new Map<string[], number>();
  for (const e of entries) if (e.bare) bareInSection.set(e.headingPath, (bareInSection.get(e.headingPath) ?? 0) + 1);
  const result: ParsedEntry[] = entries.map(({ bare, headingPath, ...entry }) => {
    if (bare) {
      const alone = bareInSection.get(headingPath) === 1 && headingPath !== topSection && entry.section !== UNTITLED;
      entry.title = alone ? entry.section : titleFromUrl(entry.url);
    }
    entry.slug = slugify(entry.title, entry.url);
    return entry;
  });
  return { source, frontMatter, headings, entries: extractFields(result, options.fields) };
}
