// parsePage(text, source) -> Page: pure, no I/O (#2). The loader in src/io/ reads the file.
import type { Heading, Kind, Link, Page, ParsedEntry } from "./types";
import { readFrontMatter } from "./front-matter";
import { walk, type Segment } from "./markdown";
import { hostKind, sectionKind } from "./classify";
import { splitSpeaker } from "./speaker";
import { slugify } from "./ids";
import { sanitize, stripEscapes } from "../text/sanitize";

const UNTIDY = /\s\s|[^\S ]|^\s|\s$/;

/** Text a page gives us, made safe and tidy: no controls, single spaces, trimmed. */
function clean(text: string): string {
  const safe = sanitize(text);
  return UNTIDY.test(safe) ? safe.replace(/\s+/g, " ").trim() : safe;
}

/** Separators between a link and its description: "- ", "– ", "— ", ": ", "| ". */
const LEADING_SEPARATOR = /^\s*(?:[-\u2013\u2014:|]|&mdash;)\s*/;

function usableLink(segment: Segment): segment is Extract<Segment, { type: "link" }> {
  return segment.type === "link" && !segment.imageOnly && segment.url.trim() !== "" && !segment.url.startsWith("#");
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
}

export function parsePage(text: string, source: string, options: ParseOptions = {}): Page {
  // A UTF-8 byte order mark and CRLF/CR line endings must not change what a page says.
  // Escape sequences go before parsing: their "[" and "]" would otherwise change how links parse.
  const normalised = stripEscapes(text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n"));
  const { frontMatter, body, lineOffset } = readFrontMatter(normalised, source);
  const headings: Heading[] = [];
  const trail: Heading[] = [];
  const entries: (ParsedEntry & { bare: boolean })[] = [];
  const topSection = [frontMatter.title ?? baseName(source)];
  // One section path (and one section kind) per heading, shared by the entries under it.
  let sectionPath = topSection;
  let sectionDefault: Kind = sectionKind(sectionPath);

  for (const item of walk(body, lineOffset)) {
    if (item.type === "heading") {
      const heading: Heading = { level: item.heading.level, text: clean(item.heading.text), line: item.heading.line };
      headings.push(heading);
      while (trail.length > 0 && trail.at(-1)!.level >= heading.level) trail.pop();
      trail.push(heading);
      sectionPath = trail.map((h) => h.text || UNTITLED);
      sectionDefault = sectionKind(sectionPath);
      continue;
    }
    const segments = item.block.segments;
    const at = segments.findIndex(usableLink);
    if (at < 0) continue;
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
    const after = clean(afterRaw.replace(LEADING_SEPARATOR, ""));
    const separated = LEADING_SEPARATOR.test(afterRaw) && /\S/.test(afterRaw);
    const { title, speaker } = link.bare ? { title: "", speaker: undefined } : splitSpeaker(clean(link.text));
    // "⚠️ UNMAINTAINED ⚠️ [x](…) - Does y" keeps its warning; a link inside a sentence keeps the sentence.
    let description = after;
    if (before) description = separated || !after ? `${before} ${after}`.trim() : textOf(segments);
    const entry: ParsedEntry & { bare: boolean } = {
      title,
      url,
      kind: hostKind(url) ?? sectionDefault,
      section: sectionPath.at(-1)!,
      sectionPath,
      related,
      // Shared, like the section path: entries are read, never changed.
      tags: frontMatter.tags,
      line: link.line,
      slug: "",
      bare: link.bare || title === "",
    };
    if (speaker) entry.speaker = speaker;
    if (options.places && item.block.place) entry.place = { ...item.block.place };
    if (description && description !== title) entry.description = description;
    entries.push(entry);
  }

  // A bare URL takes its section's heading as title when it is the section's only bare URL
  // ("https://dfinity.org/howitworks" under "## How ICP Works"); otherwise its host and path.
  // Entries of one section share one path array, so the array itself is the section's key; an
  // entry above every heading has the page's fallback path, which names no heading.
  const bareInSection = new Map<string[], number>();
  for (const e of entries) if (e.bare) bareInSection.set(e.sectionPath, (bareInSection.get(e.sectionPath) ?? 0) + 1);
  const result: ParsedEntry[] = entries.map(({ bare, ...entry }) => {
    if (bare) {
      const alone = bareInSection.get(entry.sectionPath) === 1 && entry.sectionPath !== topSection && entry.section !== UNTITLED;
      entry.title = alone ? entry.section : titleFromUrl(entry.url);
    }
    entry.slug = slugify(entry.title, entry.url);
    return entry;
  });
  return { source, frontMatter, headings, entries: result };
}
