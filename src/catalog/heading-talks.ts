// Archives and lists whose links say what they are, not what they are called (#23): a heading per
// talk ("### [Title](video)" over "**Date**: May 5, 2022, **Authors**: A, B"), and items like
// "_Title_ by [Name](profile) <sup>[[video](…) | [slides](…)]</sup>" under a year. Pure: segments
// in, facts out; parse-page.ts decides where they apply.
import type { Kind } from "./types";
import type { Segment } from "./markdown";
import { FACT_LABEL } from "./markdown";
import { isProfile } from "./classify";
import { ET_AL, isPersonName, namesOf } from "./speaker";
import { eventOfTitle, yearPart } from "./layout";

/** Link texts that only say what a link is ("video", "slides", "post", "[1]"): the title comes from elsewhere. */
export const LINK_WORD = /^(?:video|videos|watch|recording|recorded|link|here|youtube|vimeo|talk|presentation|slides?|deck|pdf|paper|transcript|part\s*\d+|\[?\d+\]?|\(\d+\)|\d+|post|blog(?:\s+post)?|article|tutorial|write-?up|screencast|audio|listen|podcast|episode)(?:\s*[:(-]\s*[\p{L}\d ]{1,12}\)?)?$/iu;

/** What a link titled by its kind says the entry is: a recording or deck is a talk, a post an article. */
export function linkWordKind(text: string): Kind | undefined {
  const word = text.trim().toLowerCase();
  if (/^(?:video|videos|watch|recording|recorded|youtube|vimeo|talk|presentation|slides?|deck|screencast)\b/.test(word)) return "talk";
  if (/^(?:post|blog|article|tutorial|write-?up)\b/.test(word)) return "article";
  if (/^(?:audio|listen|podcast|episode)\b/.test(word)) return "podcast";
  if (/^(?:paper|pdf)\b/.test(word)) return "paper";
  return undefined;
}

/** The recordings first: of several links titled by their kind, the one that is the talk itself. */
export function isRecordingWord(text: string): boolean {
  return /^(?:video|videos|watch|recording|recorded|youtube|vimeo|screencast)\b/i.test(text.trim());
}

export interface LabelledFacts {
  speakers: string[];
  year?: number;
  event?: string;
}

// Names in "A, B & C" are read in speaker.ts, which the talk facts share (re-exported for the parser).
export { namesOf } from "./speaker";

/**
 * The facts a paragraph of labels gives the talk its heading titles: "**Date**: February 27, 2025,
 * **Authors**: A, B & C", "**Speaker:** Jane Doe", "**Event**: Conf 2019". Undefined when the
 * paragraph is not made of such labels.
 */
export function labelledFacts(segments: readonly Segment[]): LabelledFacts | undefined {
  let text = "";
  for (const s of segments) text += s.type === "emphasis" ? "\u0001" : s.text;
  // "\u0001Label\u0001: value" or "\u0001Label:\u0001 value", one after another.
  let parts = text.split(/\u0001([^\u0001]{1,20}?)\s*(?::\s*\u0001|\u0001\s*:)/);
  // "Speaker: Jane Doe (Acme)": one plain label that starts the text (a list item of an archive's talk).
  if (parts.length < 3) {
    const plain = /^\s*([\p{L} ]{2,20}?)\s*:\s+(.+)$/su.exec(text.replace(/\u0001/g, ""));
    if (plain && FACT_LABEL.test(plain[1]!.trim())) parts = ["", plain[1]!, plain[2]!.replace(/\s*\([^()]*\)/g, "")];
  }
  if (parts.length < 3 || parts[0]!.trim() !== "") return undefined;
  const out: LabelledFacts = { speakers: [] };
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const label = parts[i]!.trim().toLowerCase();
    if (!FACT_LABEL.test(label)) return undefined;
    const value = parts[i + 1]!.replace(/\u0001/g, "").replace(/^[\s,;]+/, "").replace(/(?<![\s,;.])[\s,;.]+$/, "");
    if (value === "") continue;
    if (/^(?:date|when|year)$/.test(label)) {
      const y = yearPart(value) ?? yearPart(value.replace(/^.*?((?:19|20)\d{2})\b.*$/, "$1"));
      if (y) out.year = y.year;
    } else if (/^(?:event|conference|venue|where)$/.test(label)) {
      const said = yearPart(value);
      if (said?.event) out.event = said.event;
      else if (!said && value.length <= 60) out.event = value;
      if (said && out.year === undefined) out.year = said.year;
    } else {
      const names = namesOf(value);
      if (names.length > 0 && names.every((n) => n.length <= 48 && !/\d/.test(n))) out.speakers = names;
    }
  }
  return out.speakers.length > 0 || out.year !== undefined || out.event !== undefined ? out : undefined;
}

/** What an item says of itself around links titled by their kind. */
export interface ByLine {
  /** The item's title: its emphasised text, else its text before " by ". */
  title?: string;
  /** The people named after "by": link texts (profiles, people's names) and plain names. */
  people: string[];
  /** Indexes of the segments that are the byline's links: no entries. */
  links: number[];
  /** "**Title** \\ *A. Author, B. Author* \\ arXiv 2023. [[Paper](…)]": the venue and year before the links (#23). */
  year?: number;
  event?: string;
}

const LINK_SEP = /^\s*(?:,|&|and|&amp;)?\s*$/i;

/**
 * "_Title_ by [Name](profile) & [Name](profile) <sup>[[video](…)]</sup>", "_Title_ by Jane Doe
 * [[slides](…)]": the title and the people, read from the segments before the first link titled
 * by its kind (`at`). Undefined when there is no such text before it.
 */
export function byLine(segments: readonly Segment[], at: number): ByLine | undefined {
  // The emphasised text before the byline is the title.
  let title: string | undefined;
  let inEmphasis = false;
  let emphasised = "";
  let plain = "";
  let by = -1;
  // The emphasised runs after the title: "*A. Author, B. Author*" names the authors of a paper.
  const later: string[] = [];
  for (let i = 0; i < at; i++) {
    const s = segments[i]!;
    if (s.type === "emphasis") {
      if (inEmphasis && emphasised.trim() && title !== undefined && by < 0) later.push(emphasised);
      if (inEmphasis && emphasised.trim() && title === undefined && by < 0) title = emphasised;
      inEmphasis = !inEmphasis;
      emphasised = "";
      continue;
    }
    if (inEmphasis) emphasised += s.text;
    if (by < 0 && s.type === "text" && !inEmphasis) {
      const m = /(^|\s)by\s*$/i.exec(s.text) ?? /(^|\s)by\s+/i.exec(s.text);
      if (m) {
        by = i;
        plain += s.text.slice(0, m.index);
        continue;
      }
    }
    if (by < 0 && !inEmphasis) plain += s.text;
  }
  if (title === undefined) {
    const t = plain.replace(/(?<![\s:\-\u2013\u2014|([])[\s:\-\u2013\u2014|([]+$/, "").trim();
    if (t) title = t;
  }
  const people: string[] = [];
  const links: number[] = [];
  let byEvent: string | undefined;
  if (by >= 0) {
    const first = segments[by]!;
    const rest = first.type === "text" ? first.text.replace(/^.*?(?:^|\s)by(?:\s+|$)/i, "") : "";
    let named = rest;
    for (let i = by + 1; i < at; i++) {
      const s = segments[i]!;
      if (s.type === "link") {
        if (!LINK_SEP.test(named) && named.trim()) break;
        named = "";
        links.push(i);
        const name = s.text.trim();
        if (name && (isProfile(s.url) || isPersonName(name) || (s.url === "" && name.length <= 40))) people.push(name);
      } else named += s.text;
    }
    if (links.length === 0) {
      // "by Jane Doe ~ [video](…)": what separates the names from the links is no part of them.
      const named = rest.split(/[([<]/)[0]!.replace(/(?<![\s~|:;,/\-\u2013\u2014])[\s~|:;,/\-\u2013\u2014]+$/, "");
      const plainNames = namesOf(named);
      if (plainNames.length > 0 && plainNames.every(isPersonName)) people.push(...plainNames);
      // "Title - by NY Web Performance Meetup ~ [video](…)": a meetup that published the recording is where it was given.
      else byEvent = eventOfTitle(named.trim())?.event;
    }
  }
  let said: { year: number; event?: string } | undefined;
  // "Delivering the goods (2014) - by Jane Doe", "Title (Google I/O '18) - by …": the year, and the event with it, in the title's last bracket.
  const bracket = by >= 0 && title !== undefined ? /^(.*\S)\s*\(([^()]{2,60})\)$/.exec(title) : null;
  const inBracket = bracket ? yearPart(bracket[2]!) : undefined;
  if (bracket && inBracket) {
    title = bracket[1]!;
    said = inBracket;
  }
  if (by < 0 && title !== undefined && later.length > 0) {
    const names = namesOf(later[0]!.replace(ET_AL, ""));
    if (names.length > 0 && names.length <= 60 && names.filter(isPersonName).length * 2 >= names.length && names.some(isPersonName) && names.every((n) => n.length <= 48 && !/\d/.test(n))) people.push(...names);
    // The last line of plain text before the links: "arXiv 2023.", "CVPR 2023.".
    const line = plain.split(/\\|\n/).map((l) => l.replace(/(?<![\s[(])[\s[(]+$/, "").trim()).filter(Boolean).at(-1);
    if (people.length > 0 && line) said = yearPart(line);
  }
  if (title === undefined && people.length === 0) return undefined;
  const event = said?.event ?? byEvent;
  return { ...(title !== undefined ? { title } : {}), people, links, ...(said ? { year: said.year } : {}), ...(event !== undefined ? { event } : {}) };
}
