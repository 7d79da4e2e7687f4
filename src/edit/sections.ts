// The sections of a page as editing sees them (#17): each heading with the lines it owns (up to
// the next heading of any level), and --section resolved the way the --section filter matches
// (prefix or whole words, any case and accents). Pure.
import type { Heading } from "../catalog/types";
import { facetMatches } from "../search/filters";
import { fold, words } from "../text/fold";
import type { Doc } from "./document";

export interface Section {
  heading: Heading;
  /** The heading trail that leads to it, itself last. */
  path: string[];
  /** 0-based index of the first line after the heading (two lines for a setext heading). */
  start: number;
  /** 0-based index of the next heading's line, or of the end of the file. */
  end: number;
}

const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

export function sectionsOf(doc: Doc, headings: Heading[]): Section[] {
  const trail: Heading[] = [];
  const out: Section[] = [];
  headings.forEach((heading, i) => {
    while (trail.length > 0 && trail.at(-1)!.level >= heading.level) trail.pop();
    trail.push(heading);
    const at = heading.line - 1;
    const atx = /^ {0,3}#/.test(doc.lines[at]?.text ?? "");
    const start = !atx && SETEXT_UNDERLINE.test(doc.lines[at + 1]?.text ?? "") ? at + 2 : at + 1;
    const next = headings[i + 1];
    out.push({ heading, path: trail.map((h) => h.text), start, end: next ? next.line - 1 : lastLineIndex(doc) + 1 });
  });
  return out;
}

/** The last line that holds something: a final newline's empty line is not one. */
export function lastLineIndex(doc: Doc): number {
  const n = doc.lines.length;
  return n > 1 && doc.lines[n - 1]!.text === "" ? n - 2 : n - 1;
}

export type SectionMatch = { section: Section } | { ambiguous: Section[] } | { none: true };

/**
 * The section a --section value names. Matching as the filter does; when several match, the one
 * whose whole name (or whole trail, "Parent / Child") is the value wins, else it is ambiguous.
 */
export function findSection(sections: Section[], wanted: string): SectionMatch {
  const key = words(fold(wanted)).join(" ");
  if (!key) return { none: true };
  let found = sections.filter((s) => facetMatches(s.heading.text, wanted));
  // "Tools / Resources": a trail, when no heading's own name matches the whole value.
  const parts = wanted.split(/\s+(?:\/|>|\u203a)\s+/).filter((p) => p.trim());
  if (found.length === 0 && parts.length > 1) {
    found = sections.filter((s) => s.path.length >= parts.length && parts.every((p, i) => facetMatches(s.path[s.path.length - parts.length + i]!, p)));
  }
  if (found.length === 0) return { none: true };
  if (found.length === 1) return { section: found[0]! };
  const folded = (list: string[]) => words(fold(list.join(" "))).join(" ");
  const whole = (s: Section) => folded([s.heading.text]) === key || (parts.length > 1 && folded(s.path.slice(-parts.length)) === folded(parts));
  const exact = found.filter(whole);
  if (exact.length === 1) return { section: exact[0]! };
  return { ambiguous: found };
}

/**
 * The level a new section gets: that of the page's sections, the smallest level but that of a
 * title (a page whose only "#" is its first heading has its sections at "##"); 2 on a page
 * without headings.
 */
export function newSectionLevel(headings: Heading[]): number {
  if (headings.length === 0) return 2;
  const min = Math.min(...headings.map((h) => h.level));
  const atMin = headings.filter((h) => h.level === min);
  if (min === 1 && atMin.length === 1 && headings.length > 1 && headings[0] === atMin[0]) {
    return Math.min(...headings.slice(1).map((h) => h.level));
  }
  return min;
}

/** A section named as its trail, for messages: "Tools > Resources (line 40)". */
export function describeSection(section: Section): string {
  return `${section.path.join(" > ")} (line ${section.heading.line})`;
}

/**
 * Headings of the sections lists end with, that are not part of the list: its licence, how to
 * contribute, credits. Shared by awesome lists and READMEs of every kind.
 */
const FOOTER_HEADING = /^(?:licen[cs]es?|licensing|copyright|contribut\w*|how to contribute|code of conduct|credits|acknowledge?ments?|thanks|footnotes|sponsors?|maintainers?|authors?)\b/i;
/** A line of a footer paragraph without a heading: a licence or copyright notice. */
const FOOTER_TEXT = /\blicen[cs]ed?\b|\bcopyright\b|\u00a9|\(c\) \d{4}|creative\s*commons|\bcc0\b|\bcc[- ]by\b/i;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BLOCK_START = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]|^ {0,3}#|^\s*\|/;

/**
 * The line (0-based) before which a new section goes: before the trailing sections a footer
 * heading starts (at the new section's level or above: a nested "### License" stays where it
 * is), and before a footer paragraph at the end of the last one (after a thematic break, or a
 * licence notice after the last list); else the end of the file.
 */
export function footerStart(doc: Doc, sections: readonly Section[], level: number): number {
  let end = lastLineIndex(doc) + 1;
  for (let i = sections.length - 1; i >= 0 && FOOTER_HEADING.test(sections[i]!.heading.text.trim()); i--) {
    if (sections[i]!.heading.level <= level) end = sections[i]!.heading.line - 1;
  }
  // The text after the region's last list, table or heading: a footer paragraph starts there.
  const from = sections.filter((s) => s.heading.line - 1 < end).at(-1)?.start ?? 0;
  let tail = end;
  while (tail > from && !BLOCK_START.test(doc.lines[tail - 1]!.text)) tail--;
  for (let i = tail; i < end; i++) {
    const text = doc.lines[i]!.text;
    const afterBlank = i === 0 || doc.lines[i - 1]!.text.trim() === "";
    if ((THEMATIC_BREAK.test(text) && afterBlank) || (FOOTER_TEXT.test(text) && afterBlank)) return i;
  }
  return end;
}
