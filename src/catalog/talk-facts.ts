// The facts a talk list writes after a talk's link (#13): who gave it ("by **Name**", "by Name &
// Name", "by [Name](profile)", "presented by Name"), where and when ("(Strange Loop 2011)",
// "- PyCon US 2019", "@ NDC Oslo 2017", "(2014)") and how long it runs ("[1:04:34]", "(45 min)",
// "(1h 05m)"). Pure: it reads the text after the link and returns what it recognised and the
// prose that is left, which becomes the description.
//
// The text comes with markers the parser puts in (see parse-page.ts): EMPHASIS around bold or
// italic text, LINK_OPEN/LINK_CLOSE around a link's text. They tell where "by **Name**" ends.
import { isPersonName, isNameWord, namesOf } from "./speaker";

export const EMPHASIS = "\u0001";
export const LINK_OPEN = "\u0002";
export const LINK_CLOSE = "\u0003";
const MARKERS = /[\u0001-\u0003]/g;

export interface TalkFacts {
  speakers: string[];
  event?: string;
  year?: number;
  /** Seconds. */
  duration?: number;
  /** What is left, markers removed, untrimmed. */
  rest: string;
}

/** A year a talk can have been given in. */
const YEAR = /^(?:19[5-9]\d|20[0-4]\d)$/;
const MONTHS = new Set([
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
]);

/** "1:04:34", "45:49" → seconds. */
function clockSeconds(text: string): number | undefined {
  const m = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1] ?? 0);
  const min = Number(m[2]);
  const s = Number(m[3]);
  if (s >= 60 || (m[1] !== undefined && min >= 60)) return undefined;
  return h * 3600 + min * 60 + s;
}

/** "45 min", "1h 05m", "1 hour", "90 minutes", "1h30" → seconds. */
const SPOKEN_DURATION = /^(?:(\d{1,2})\s*(?:h|hr|hrs|hours?)\.?\s*)?(?:(\d{1,3})\s*(?:m|mn|min|mins|minutes?)?\.?\s*)?(?:(\d{1,2})\s*(?:s|sec|secs|seconds?)\.?)?$/i;
function spokenSeconds(text: string): number | undefined {
  const t = text.trim();
  // A bare number is no duration ("(2)"): a unit must be written.
  if (!/[a-z]/i.test(t)) return undefined;
  const m = SPOKEN_DURATION.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  // "1h30": minutes after hours need no unit; minutes alone do ("45" is not a duration).
  if (m[1] === undefined && m[2] !== undefined && !/\d\s*(?:m|mn|min|mins|minutes?)\.?\s*(?:\d|$)/i.test(t)) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

export function durationOf(text: string): number | undefined {
  return clockSeconds(text) ?? spokenSeconds(text);
}

/** Words an event's name can be made of: "Strange Loop", "NDC Oslo", "PyCon US", "Clojure/conj", "GOTO;". */
const EVENT_WORD = /^[@\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.&/+#!-]*$/u;
/** Words that make the text before a year prose, not an event's name. */
const NOT_EVENT = new Set(["the", "a", "an", "in", "since", "from", "until", "of", "on", "about", "version", "updated", "circa", "c.", "ca.", "around", "before", "after", "edition", "by"]);

/** "Strange Loop" (before a year): an event's name, or undefined when it is prose. */
function eventName(text: string, lax = false): string | undefined | false {
  // "ISPRASOPEN-2019": a hyphen glues the year to the name; it is no part of the name.
  const t = text.trim().replace(/(?<=\p{L})[-\u2013]$/u, "").replace(/[,;:]$/, "").trim();
  if (t === "") return undefined;
  const parts = t.split(/\s+/);
  if (parts.length > 6) return false;
  if (!parts.every((p) => EVENT_WORD.test(p))) return false;
  if (NOT_EVENT.has(parts[0]!.toLowerCase()) || NOT_EVENT.has(parts.at(-1)!.toLowerCase())) return false;
  // "Jane Doe at SomeConf": a speaker and an event, which the layout reader tells apart (#23).
  if (parts.some((p) => /^(?:at|by|@)$/i.test(p))) return false;
  // "By Jane Doe. Apr", "Talk, Oct 8": a month before the year is a date's, and what is before it no event's name here.
  if (parts.length > 1 && MONTHS.has(parts.at(-1)!.toLowerCase().replace(/\.$/, ""))) return false;
  // "Sep 2014", "March 2019", "September 27, 2023", "27 Sep 2023": a date, not an event.
  if (parts.length === 1 && MONTHS.has(parts[0]!.toLowerCase().replace(/\.$/, ""))) return undefined;
  if (parts.length === 2 && parts.some((p) => MONTHS.has(p.toLowerCase().replace(/\.$/, ""))) && parts.some((p) => /^\d{1,2}(?:st|nd|rd|th)?$/i.test(p))) return undefined;
  // An event's name starts with a capital or a digit ("Strange Loop", "droidcon" lowercase is rare enough);
  // one word beside a length in one bracket is the event's however written ("[29 min, goto 2012]",
  // "[47 min, linux.conf.au 2019]", "[28 min, @scale 2015]"), and so is a word that holds a digit ("tretton37").
  if (!/^[\p{Lu}\p{N}]/u.test(parts[0]!) && !/\p{Lu}/u.test(t) && !(parts.length === 1 && (lax || /\p{L}\d/u.test(t)))) return false;
  return t;
}

interface Found {
  event?: string;
  year?: number;
  duration?: number;
}

/** "Strange Loop 2011", "2014", "45 min", "1:04:34": one part of a bracket. */
function partFacts(part: string, lax = false): Found | undefined {
  const text = part.trim();
  if (text === "") return undefined;
  const duration = durationOf(text);
  if (duration !== undefined) return { duration };
  const m = /^(.*?)[\s,'\u2019]*\b(\d{4})$/u.exec(text);
  if (m && YEAR.test(m[2]!)) {
    const event = eventName(m[1]!, lax);
    if (event === false) return undefined;
    return event === undefined ? { year: Number(m[2]) } : { event, year: Number(m[2]) };
  }
  return undefined;
}

/** The facts of a bracket's inside ("Strange Loop 2011, 45 min"), if every part is a fact. */
function bracketFacts(inside: string): Found | undefined {
  const parts = inside.split(/\s*[,;|\u00b7]\s*|\s+[-\u2013\u2014]\s+/);
  const out: Found = {};
  const lax = parts.some((part) => durationOf(part.trim()) !== undefined);
  for (const part of parts) {
    const f = partFacts(part, lax);
    if (!f) return undefined;
    for (const key of ["event", "year", "duration"] as const) {
      if (f[key] === undefined) continue;
      if (out[key] !== undefined) return undefined;
      (out as Record<string, unknown>)[key] = f[key];
    }
  }
  return out;
}

function merge(into: TalkFacts, found: Found): boolean {
  // A second year or length is not this talk's: leave it in the prose.
  if ((found.year !== undefined && into.year !== undefined) || (found.duration !== undefined && into.duration !== undefined) || (found.event !== undefined && into.event !== undefined)) return false;
  if (found.event !== undefined) into.event = found.event;
  if (found.year !== undefined) into.year = found.year;
  if (found.duration !== undefined) into.duration = found.duration;
  return true;
}

const SPACE = /^[\s\u0001]*/;
const BRACKET = /^[([]([^()[\]\u0002\u0003]{1,80})[)\]]/;
/** "- PyCon US 2019", "@ NDC Oslo 2017", "at GOTO 2014", "— 2014": up to the next separator. */
// A link after the year ("at BlueHatIL 2020 [[slides]](…)") ends it too.
// The event may be a link's text ("at [Linux Plumbers 2019](…)").
const DASHED = /^(?:[-\u2013\u2014|\u00b7\u2022@]|at(?=\s))\s*(\u0002)?([^()[\]\u0001-\u0003]{0,60}?\d{4})(?:(?<=\u0002[^\u0002]*)\u0003)?(?=$|[\s\u0001]*(?:[-\u2013\u2014|\u00b7\u2022,;.:([\u0002]|by\s|$))/i;
/** "at SomeConf (Japan, 2024)", "at [SomeConf (Japan, 2024)](…)": the event, then its place and year in brackets. */
const AT_PLACE_YEAR = /^at\s+\u0002?([^()[\]\u0001-\u0003]{2,60}?)\s*\((?:[^()[\]\u0001-\u0003]{1,40}?,\s*)?((?:19|20)\d{2})\)\u0003?/i;
const BY = /^(?:(?:presented|given|delivered|talk|keynote|speech|lecture|interview)\s+)?by\s+/i;
const SEPARATOR = /^[-\u2013\u2014|\u00b7\u2022,;:]\s*/;

/** Splits "A, B and C", "A & B", "A and B" into names. */
function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:&|and|y|und|et|e)\s+/)
    .map((n) => n.replace(/\s*\([^)]*\)\s*/g, " ").replace(/^(?:dr|prof)\.?\s+/i, (t) => t).trim().replace(/[.,;:]$/, (c) => c === "." && /\b\p{Lu}\.$/u.test(n) ? c : ""))
    .map((n) => n.trim())
    .filter(Boolean);
}

/** A name given in emphasis or as a link's text: its writer marked where it ends. */
function markedName(name: string): boolean {
  if (name.length < 2 || name.length > 48 || /\d/.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 6) return false;
  if (words.length >= 2) return isPersonName(name) || words.every((w) => /^[\p{L}][\p{L}\p{M}'\u2019.-]*$/u.test(w));
  // One word: a handle or a surname ("lvh", "Hewitt").
  return /^[\p{L}][\p{L}\p{M}'\u2019.-]+$/u.test(name);
}

/**
 * The speakers after "by" at the start of `text`, and where they end. Emphasis or a link marks
 * the names' end; plain text runs as long as it reads as names ("Thierry de Pauw and Juan Pedro
 * Bolívar"). Every name must read as a person's, else there is no speaker at all ("by HashiCorp").
 */
function speakersAt(text: string): { speakers: string[]; end: number } | undefined {
  const by = BY.exec(text);
  if (!by) return undefined;
  let at = by[0].length;
  const first = text[at];
  if (first === EMPHASIS) {
    const close = text.indexOf(EMPHASIS, at + 1);
    if (close < 0) return undefined;
    const names = splitNames(text.slice(at + 1, close).replace(MARKERS, ""));
    if (names.length === 0 || !names.every(markedName)) return undefined;
    return { speakers: names, end: close + 1 };
  }
  if (first === LINK_OPEN) {
    // "[A](…), [B](…) and [C](…)".
    const names: string[] = [];
    for (;;) {
      const close = text.indexOf(LINK_CLOSE, at);
      if (text[at] !== LINK_OPEN || close < 0) return undefined;
      names.push(text.slice(at + 1, close).replace(MARKERS, "").trim());
      at = close + 1;
      const joiner = /^\s*(?:,\s*(?:and\s+|&\s*)?|&\s*|and\s+)(?=\u0002)/.exec(text.slice(at));
      if (!joiner) break;
      at += joiner[0].length;
    }
    if (!names.every(markedName)) return undefined;
    return { speakers: names, end: at };
  }
  // Plain names: name words, joined by ",", "&" and "and".
  const words = /[^\s]+/gy;
  let end = at;
  let last = at;
  const taken: string[] = [];
  words.lastIndex = at;
  for (;;) {
    const space = /\s*/y;
    space.lastIndex = words.lastIndex;
    space.exec(text);
    words.lastIndex = space.lastIndex;
    const m = words.exec(text);
    if (!m) break;
    const word = m[0];
    const bare = word.replace(/[,;.]$/, "");
    const joiner = word === "&" || word === "and";
    // "By A (AWS), B (Uber)": a company in parentheses after a name is skipped (splitNames drops it).
    if (taken.length > 0 && /^\(\p{L}[^()\s\d]*\)[,;]?$/u.test(word)) {
      taken.push(word);
      last = m.index + (word.endsWith(",") || word.endsWith(";") ? word.length - 1 : word.length);
      end = last;
      continue;
    }
    if (!joiner && !isNameWord(bare) && !/^\p{Lu}\.$/u.test(word)) break;
    // "By Jane Doe Mar 2017", "By Jane Doe, April 2019": a month before a day or a year ends the names.
    if (MONTHS.has(bare.toLowerCase().replace(/\.$/, "")) && /^\s*\d/.test(text.slice(m.index + word.length))) break;
    taken.push(word);
    if (!joiner) last = m.index + (word.endsWith(",") || word.endsWith(";") || (word.endsWith(".") && !/^\p{Lu}\.$/u.test(word)) ? bare.length : word.length);
    end = last;
    // A name's last word ends at ";", or "." after more than an initial: what follows is prose.
    if (word.endsWith(";") || (word.endsWith(".") && !/^\p{Lu}\.$/u.test(word))) break;
  }
  const names = splitNames(text.slice(at, end));
  if (names.length > 0 && names.every(isPersonName)) return { speakers: names, end };
  // "By Jane Doe, Pulsar Summit, June 2021", "By Jane Doe, AICamp": the names end at the last comma before what is no name.
  for (let cut = text.lastIndexOf(",", end - 1); cut > at; cut = text.lastIndexOf(",", cut - 1)) {
    const before = splitNames(text.slice(at, cut));
    if (before.length > 0 && before.every(isPersonName)) return { speakers: before, end: cut };
  }
  return undefined;
}

/** `text` without the spaces, emphasis markers and full stops at its end (a loop: linear on any input). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s\u0001.]/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** One fact at the start of `text`, merged into `facts`: how many characters it took. */
function leadingFact(text: string, facts: TalkFacts, wantSpeakers: boolean): number | undefined {
  const bracket = BRACKET.exec(text);
  const found = bracket ? bracketFacts(bracket[1]!) : undefined;
  if (bracket && found && merge(facts, found)) return bracket[0].length;
  if (wantSpeakers && facts.speakers.length === 0) {
    const s = speakersAt(text);
    if (s) {
      facts.speakers = s.speakers;
      return s.end;
    }
  }
  const placed = AT_PLACE_YEAR.exec(text);
  const p = placed ? partFacts(`${placed[1]} ${placed[2]}`) : undefined;
  if (placed && p && p.event !== undefined && merge(facts, p)) return placed[0].length;
  const dashed = DASHED.exec(text);
  // A link opened before the year must close right after it: "at [Event 2019 talk](…)" is no event.
  const f = dashed && (dashed[1] === undefined || dashed[0].endsWith(LINK_CLOSE)) ? partFacts(dashed[2]!) : undefined;
  if (dashed && f && merge(facts, f)) return dashed[0].length;
  return undefined;
}

/** Names before "presented" at the start of a talk's text: "Jane Doe and John Roe Presented …". */
const PRESENTED_BY = /^\s*(?:[-\u2013\u2014:|,]\s*)?([^\u0001-\u0003\d()[\]]{3,160}?)\s+presented\s+(?:on\s+)?(?=\S)/iu;

/**
 * Reads the facts after a talk's link. `wantSpeakers` is false for what is not a talk: its
 * "by …" is prose ("a Go implementation of Raft, by HashiCorp").
 */
export function talkFacts(tail: string, wantSpeakers = true): TalkFacts {
  const facts: TalkFacts = { speakers: [], rest: "" };
  let text = tail;
  // "Sunil Shah, Kyle Kelly, and Timmy Zhu Presented November 1, 2017 at Meetup": the people who
  // presented it, then when and where (#23).
  const presented = wantSpeakers ? PRESENTED_BY.exec(text) : null;
  if (presented) {
    const names = namesOf(presented[1]!);
    if (names.length > 0 && names.length <= 8 && names.every(isPersonName)) {
      facts.speakers = names;
      text = text.slice(presented[0].length);
      // "Summer 2010 at Hadoop Summit": a season's year, then the place.
      const season = /^\s*(?:spring|summer|autumn|fall|winter)\s+((?:19|20)\d{2})\s+(?:at|@)\s+/i.exec(text);
      if (season) {
        facts.year = Number(season[1]);
        text = `at ${text.slice(season[0].length)}`;
      }
    }
  }
  // The leading run: facts one after the other, each maybe after a separator ("by **A** - [45:49]").
  for (let guard = 0; guard < 12; guard++) {
    const space = SPACE.exec(text)![0];
    const rest = text.slice(space.length);
    const sep = SEPARATOR.exec(rest)?.[0] ?? "";
    const consumed = leadingFact(rest, facts, wantSpeakers) ?? (sep ? sep.length + (leadingFact(rest.slice(sep.length), facts, wantSpeakers) ?? -sep.length) : 0);
    if (consumed <= 0) break;
    text = rest.slice(consumed);
  }
  // The trailing run: facts at the end of the prose ("Great talk (PyCon 2019) [45:49]").
  for (let guard = 0; guard < 6; guard++) {
    const trimmed = trimEnd(text);
    // Only the end is looked at (a bracket or "- Event 2019" is at most 80 characters): a regular
    // expression anchored at the end would try every start of a long line (#4's growth tests).
    const from = Math.max(0, trimmed.length - 90);
    const end = trimmed.slice(from);
    const m = /[([]([^()[\]\u0002\u0003]{1,80})[)\]]$/.exec(end);
    if (m) {
      const found = bracketFacts(m[1]!);
      if (found && merge(facts, found)) {
        text = trimmed.slice(0, from + m.index);
        continue;
      }
    }
    const d = /\d{4}$/.test(end) ? /(?:^|\s)(?:[-\u2013\u2014|\u00b7\u2022@]|at)\s+([^()[\]\u0001-\u0003\-\u2013\u2014|@]{0,60}?\d{4})$/i.exec(end) : null;
    if (d && (from === 0 || d.index > 0)) {
      const f = partFacts(d[1]!);
      if (f && merge(facts, f)) {
        text = trimmed.slice(0, from + d.index);
        continue;
      }
    }
    break;
  }
  facts.rest = text.replace(MARKERS, "");
  return facts;
}
