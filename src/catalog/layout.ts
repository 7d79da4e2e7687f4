// The layout reader (#23): the items of one list share one layout, so a list is read as a whole.
// Each item's link text and the text after its link are split into parts at separators (":",
// " - ", "–", "|", ",", " at ", " by ", "@"), each part is typed by what it is made of (people's
// names, a year in any spelling with or without an event's name, a length, prose), and the parts
// are aligned by their place. What a column means is decided by a vote over the whole list: a
// column most of whose values read as names is the speakers (authors, for papers), and then an
// odd value in it ("DHH", "lvh") is taken too; a list whose columns do not vote for names gets
// none. Emphasis inside a link's text marks the title ("Jane Doe: **Title**"). Pure.
//
// The rules of talk-facts.ts ("by **Name**", "(Strange Loop 2011)", "[45:49]") and speaker.ts
// ("Title / Speaker", what a person's name is) are the column types; this module aligns and votes.
import { ET_AL, hasNotNameWord, isPersonName } from "./speaker";
import { durationOf, EMPHASIS } from "./talk-facts";
import type { Kind } from "./types";

/** What the reader is given of one item of a list. */
export interface LayoutItem {
  /** The link's text, with EMPHASIS around bold or italic parts (markdown.ts, `marked`). */
  linkText: string;
  /** The prose after the link that the fixed rules left (talkFacts' `rest`, markers removed). */
  rest: string;
  /** The item's text before its link ("Jane Doe: [Title](…)", a table row's "2017-06 | …" cells), clean. */
  before?: string;
  /** An article's title says what it is about, never who wrote it ("Chain Key Cryptography: The Breakthrough"). */
  article?: boolean;
  /** A podcast's show before its link is no event ("Pointer Podcast - [Episode](…)"). */
  podcast?: boolean;
  /** The link is titled only by what it is ("[Video]"): `linkText` is the item's text before it. */
  textTitled?: boolean;
  /** Facts the fixed rules already found: the reader does not read them twice. */
  has: { people: boolean; year: boolean; event: boolean; duration: boolean };
  /**
   * The reader's own: the parts of the link's text and of the tail, kept from an item's first
   * reading when it is to be read again (a short list, then with its family: parse-page.ts,
   * finishLists; #26). Parts are never changed once cut.
   */
  linkParts?: Part[];
  tailParts?: Part[];
}

/** What the reader found in one item: a title cut out of the link text, people, facts, prose. */
export interface ItemReading {
  title?: string;
  people?: string[];
  event?: string;
  year?: number;
  duration?: number;
  /** The text before the link was read as facts (names, a date): it is no description. */
  beforeUsed?: boolean;
  /** The kind the item names itself: "(podcast)", "(screencast)". */
  kind?: Kind;
  /** The prose after the link without the parts read as facts; undefined when unchanged. */
  rest?: string;
}

/** "org": a capitalised run that names a channel, school or company ("Neso Academy", "Telusko"): it abstains from a names vote. */
type PartType = "names" | "name?" | "org" | "year" | "length" | "kind" | "prose";

/** An item that says what it is, "(podcast)", "[video]", "- screencast": the kind it names (#23). */
const KIND_WORDS: Record<string, Kind> = {
  podcast: "podcast", podcasts: "podcast", episode: "podcast",
  screencast: "talk", screencasts: "talk", slides: "talk", video: "talk", videos: "talk", talk: "talk", lecture: "talk", lectures: "talk", "video course": "talk", course: "talk", playlist: "talk", webinar: "talk", keynote: "talk",
  paper: "paper", papers: "paper", pdf: "paper", thesis: "paper",
  article: "article", articles: "article", blog: "article", "blog post": "article", post: "article", essay: "article",
};

interface Part {
  text: string;
  /** Where it lies in the text it was cut from. */
  start: number;
  end: number;
  type: PartType;
  /** The separator before it, trimmed ("", ",", "-", "at", "by", …). */
  sep: string;
  names?: string[];
  year?: number;
  event?: string;
  duration?: number;
  kind?: Kind;
  /** Of a names part: the part after it that was dropped as an affiliation ("Matthias Gruter, Transmode"). */
  dropped?: Part;
  /** Of names merged at a bare comma: the last piece and the names before it ("Jenn Creighton, React Miami"). */
  lastPiece?: { part: Part; head: string[] };
}

export const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
/** "July-August 1978", "Sep. 2014", "12 March 2019", "March 12, 2019": a date, whose year is kept. */
const DATE = new RegExp(`^(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\.?(?:\\s*[-\u2013/]\\s*${MONTH}\\.?)?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?,?)?\\s+((?:19|20)\\d{2})$`, "i");
/** "18-Dec-2019", "30-March-2020", "02/Apr/2020": a date written with dashes or slashes. */
const DASHED_DATE = new RegExp(`^\\d{1,2}[-/]${MONTH}\\.?[-/]((?:19|20)\\d{2})$`, "i");
/** A season, as archives date their talks: "Summer 2010". */
export const SEASON = "(?:spring|summer|autumn|fall|winter)";
export const MONTH_ONLY = new RegExp(`^${MONTH}\\.?$`, "i");
/** "September 27", "27th Sep.", "Sep 27": a date's month and day, before the comma and the year. */
const MONTH_DAY = new RegExp(`^(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?)$`, "i");
/** "Tuesday", "Tue.": the day of the week a date may start with ("Tuesday, May 11, 2022"). */
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?$/i;
const WEEKDAY_LEAD = /^(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+(?=\S)/i;
/** "2019-03-12", "2019/03", "12.03.2019". */
const NUMERIC_DATE = /^(?:((?:19|20)\d{2})[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]((?:19|20)\d{2}))$/;
/** "SOSP2003", "OSDI94", "PHPNW14", "SOSP '23", "Strange Loop 2011", "NDC Oslo 2017", "'23". */
const EVENT_YEAR = /^(.*?)[\s,]*(?:(?<![\d])((?:19[5-9]|20[0-4])\d)|['\u2019](\d{2})|(?<=\p{L})(\d{2}|(?:19|20)\d{2}))$/u;
/** "SREcon15 Europe", "PyCon2019 Ireland": the year glued inside an event's name, its place after it. */
const GLUED_YEAR = /^((?:[\p{L}\p{N}][\p{L}\p{M}\p{N}.&'\u2019-]*\s+){0,3})(\p{Lu}[\p{L}]+?)(\d{2}|(?:19|20)\d{2})((?:\s+\p{Lu}[\p{L}\p{M}\p{N}.&-]*){1,3})$/u;
/** The short name of an event a year is glued to: "OSDI", "PHPNW", "SREcon", "PyCon" (two capitals); not "Win" or "Web". */
const GLUED_NAME = /^\p{Lu}[\p{L}\p{N}]+\p{Lu}$|^\p{Lu}{3,}$|^(?=\p{Lu}\p{L}*\p{Lu})\p{L}{4,}$/u;
const EVENT_WORD = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.&/+#!-]*(?::\p{L}+)?$/u;
const NOT_EVENT = new Set(["the", "a", "an", "in", "since", "from", "until", "of", "on", "about", "version", "updated", "circa", "around", "before", "after", "edition", "released", "published", "is", "was", "and", "or", "for", "with", "to", "by"]);

const DIGIT_END = /\d$/;
const DIGIT_CODE = (c: number): boolean => c >= 48 && c <= 57;

/** Two digits of a year: '23 is 2023, '94 is 1994. */
function fullYear(two: string): number {
  const n = Number(two);
  return n < 50 ? 2000 + n : 1900 + n;
}

/** The year (and event) a part is, if it is nothing else: "SOSP '23", "OSDI94", "(July-August 1978)", "2014". */
export function yearPart(text: string): { year: number; event?: string } | undefined {
  const t = text.trim().replace(/^[([]\s*|(?<!\s)\s*[)\]]$/g, "").replace(/[.,;:]$/, "").trim().replace(WEEKDAY_LEAD, "");
  // Every spelling ends in the year's digits: anything else is answered before the expressions run.
  if (t === "" || t.length > 70) return undefined;
  if (!DIGIT_END.test(t)) {
    const g = /\d\s/.test(t) ? GLUED_YEAR.exec(t) : null;
    if (!g || !GLUED_NAME.test(g[2]!)) return undefined;
    const year = g[3]!.length === 2 ? fullYear(g[3]!) : Number(g[3]);
    if (year < 1950 || year > 2049) return undefined;
    const event = `${g[1]}${g[2]}${g[4]}`.trim();
    return NOT_EVENT.has(event.split(/\s+/)[0]!.toLowerCase()) ? undefined : { year, event };
  }
  // Every spelling ends in one digit after "-", "/" or "." (a numeric date), two or four: three, or more than four, are none (#26: "Title 123").
  let digits = 1;
  while (digits < 6 && digits < t.length && DIGIT_CODE(t.charCodeAt(t.length - 1 - digits))) digits++;
  if (digits === 3 || digits > 4 || (digits === 1 && !/[-/.]\d$/.test(t))) return undefined;
  const date = DATE.exec(t) ?? DASHED_DATE.exec(t);
  if (date) return { year: Number(date[1]) };
  const numeric = NUMERIC_DATE.exec(t);
  if (numeric) return { year: Number(numeric[1] ?? numeric[2]) };
  const m = EVENT_YEAR.exec(t);
  if (!m) return undefined;
  const year = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? fullYear(m[3]) : m[4]!.length === 2 ? fullYear(m[4]!) : Number(m[4]);
  if (year < 1950 || year > 2049) return undefined;
  const before = m[1]!.trim().replace(/(?<=\p{L})[-\u2013]$|[,;:'\u2019]$/u, "").trim();
  // "OSDI94" needs its letters: two digits alone are no year, and two letters ("AA00", "MP3"
  // aside) are too few to tell an event's short name from a code or a model number.
  if (m[4] !== undefined && !GLUED_NAME.test(before.split(/\s+/).at(-1) ?? "")) return undefined;
  if (before === "") return m[2] !== undefined || m[3] !== undefined ? { year } : undefined;
  const words = before.split(/\s+/);
  // "KubeCon + CloudNativeCon 2017", "Strata & Hadoop World 2015".
  if (words.length > 6 || !words.every((w) => EVENT_WORD.test(w) || w === "+" || w === "&")) return undefined;
  if (NOT_EVENT.has(words[0]!.toLowerCase()) || NOT_EVENT.has(words.at(-1)!.toLowerCase())) return undefined;
  if (MONTH_ONLY.test(before)) return { year };
  // "By Jane Doe. Apr 2017", "Talk Oct 8, 2021": a date's month before the year; what is before it is no event.
  if (words.length > 1 && MONTH_ONLY.test(words.at(-1)!)) return undefined;
  if (!/^[\p{Lu}\p{N}]/u.test(words[0]!) && !/\p{Lu}/u.test(before)) return undefined;
  return { year, event: before };
}

/** "A, B and C", "A & B": the names of a part; undefined when it is not a list of names at all. */
function splitNames(text: string): string[] {
  return text
    // ", and Pete Hunt": the last name of a list cut at its comma.
    .replace(/^(?:and|&)\s+/, "")
    .split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:&|and|y|und|et)\s+/)
    .map((n) => n.trim().replace(/(?<=\p{L})[*\u2020\u2021]+$/u, ""))
    .filter(Boolean);
}

/** A name a column of names may hold though it reads as no name alone: "DHH", "lvh", "Uncle Bob". */
function looseName(name: string): boolean {
  if (name.length < 2 || name.length > 40 || /\d/.test(name) || hasNotNameWord(name)) return false;
  const words = name.split(/\s+/);
  // One word is a channel's or a handle's name more often than a person's ("Telusko",
  // "mycodeschool"): only initials such as "DHH" pass.
  if (words.length === 1) return /^\p{Lu}{2,4}$/u.test(name);
  return words.length <= 4 && words.every((w) => /^[\p{L}][\p{L}\p{M}'\u2019.-]*$/u.test(w)) && (words.length === 1 || words.every((w) => /^\p{Lu}/u.test(w) || /^(?:van|von|de|der|den|del|da|di|du|le|la|ten|ter)$/.test(w)));
}

/** One capitalised word that may be a surname: "Lamport", "Arpaci-Dusseau", "O'Neil"; no acronym, no topic word. */
export function surname(word: string): boolean {
  return /^\p{Lu}[\p{Ll}\p{M}'\u2019]+(?:-\p{Lu}?[\p{Ll}\p{M}'\u2019]+)*$/u.test(word) && word.length <= 24 && !hasNotNameWord(word);
}

/** The words before a paper's venue: "In", "In Proc. of the", "Proceedings of". */
export const VENUE_LEAD = /^(?:in\s+)?(?:(?:proc\.|proceedings)\s+(?:of\s+)?)?(?:the\s+)?(?=\S)/i;

const DIGIT = /\d/;

function typed(text: string, start: number, sep = ""): Part {
  const t = text.trim();
  const part: Part = { text: t, start, end: start + text.length, type: "prose", sep };
  // Lengths and years are written with digits: most parts (names, prose) have none, and skip the
  // regular expressions of both (the cold parse of a long list runs this on every part).
  if (DIGIT.test(t)) {
    const clock = /^[([]?((?:\d{1,2}:)?\d{1,2}:\d{2})[)\]]?$/.exec(t);
    const duration = clock ? durationOf(clock[1]!) : /^[([]?[^()[\]]{1,20}[)\]]?$/.test(t) ? durationOf(t.replace(/^[([]|[)\]]$/g, "")) : undefined;
    if (duration !== undefined && duration > 0) return { ...part, type: "length", duration };
    // "In OSDI 2004", "In Proceedings of SOSP '03": a paper's venue.
    // Without a venue's words the text is the same, and so is its answer: not asked twice (#26).
    const lead = t.replace(VENUE_LEAD, "");
    const year = yearPart(t) ?? (lead !== t ? yearPart(lead) : undefined);
    if (year) return { ...part, type: "year", ...year };
  }
  const word = t.replace(/^[([]\s*|(?<!\s)\s*[)\]]$/g, "").toLowerCase();
  // Own keys only: "constructor" is a description, not Object's.
  const kind = Object.hasOwn(KIND_WORDS, word) ? KIND_WORDS[word] : undefined;
  if (kind !== undefined) return { ...part, type: "kind", kind };
  // Twelve names of at most 48 characters: a longer part is prose.
  if (t.length > 600) return part;
  const bare = t.replace(/^(?:(?:presented|given|talk|keynote|written|paper)\s+)?by\s+/i, "").replace(ET_AL, "");
  const names = splitNames(bare);
  // What follows " at " or "@" is where, not who: "Jane Doe at SomeConf", "Build Web3 at Lightning Speed".
  if (names.length > 0 && names.length <= 12 && sep !== "at" && sep !== "@") {
    if (names.every(isPersonName)) return { ...part, type: "names", names };
    // "Mildenhall et al.", "Dellaert and Yen-Chen et al.": "et al." says these are authors, surnames alone.
    if (bare !== t && ET_AL.test(t) && names.every((n) => /^\p{Lu}[\p{L}\p{M}'\u2019-]+$/u.test(n) || isPersonName(n) || looseName(n))) return { ...part, type: "names", names };
    if (names.every(looseName)) return { ...part, type: "name?", names };
    // "Herlihy & Wing", "Ongaro and Ousterhout": surnames joined by "and" or "&" may be authors (the column votes).
    if (names.length >= 2 && /\s(?:and|&)\s/.test(bare) && names.every(surname)) return { ...part, type: "name?", names };
    if (names.length === 1 && /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.&-]*(?:\s+[\p{Lu}\p{N}&][\p{L}\p{M}\p{N}'\u2019.&-]*){0,4}$/u.test(t) && t.length <= 40) return { ...part, type: "org" };
  }
  return part;
}

/** What a title may end with where its facts were cut off: "Title -", "Title, (", "Title at @". */
// Tried from a run's start only ((?<!…)): tried from each of its characters, a long run is quadratic.
const SEPARATORS_AT_END = /(?<![\s,;:|.@\-\u2013\u2014\u2015([])[\s,;:|.@\-\u2013\u2014\u2015([]+$/;

/**
 * Separators between the parts of a line: ", ", "; ", " - ", " – ", " — ", " ― ", " | ", " • " (a video site's "Title • Speaker • GOTO 2016"), " · ", " at ", " @ ", ": ", " by ",
 * an ellipsis where a schedule cut a title before its speakers ("Attacking and Defending Kube... Brad
 * Geesaman"), and around a last bracket, a year after it too ("Jane Doe (UC Berkeley) 2013"). A run of spaces
 * is tried from its start only ((?<!\s)): tried from each of its spaces, a line of 100,000 spaces
 * took minutes (#7's growth tests).
 */
const SEPARATORS = /(?<=[\p{Ll}\p{N}]{2}|[)\]])\.\s+(?=\p{Lu})|(?<=\S)(?:\.{3}|\u2026)\s+(?=\p{Lu})|[,;|]\s+|(?<!\s)\s+[,;|]\s+|(?<!\s)\s+[-\u2013\u2014\u2015@|\u2022\u00b7]\s+|(?<!\s)\s+(?:at|by)\s+|:\s+|(?<!\s)\s+(?=[([][^()[\]]{0,40}[)\]][.,;]?\s*(?:(?:19|20)\d{2}[.,;]?\s*)?$)|(?<=[)\]])\s+(?=(?:19|20)\d{2}[.,;]?\s*$)/gu;

/** A line cut into typed parts; names joined by "," (a list of authors) are one part. */
/** Text that can hold no fact part: no separator, no digit, no bracket. */
const PLAIN = /^[^,;|:@\-\u2013\u2014\u2015\u2022\u00b7\d()[\]]*$/;

/** The given names of a turned name: "Sameer", "Alexander L.", "J. R." */
const TURNED_GIVEN = /^(?:\p{Lu}[\p{Ll}\p{M}'\u2019-]+(?:\s+\p{Lu}\.)*|\p{Lu}\.(?:\s*\p{Lu}\.)*)$/u;

export function partsOf(text: string): Part[] {
  if (text.trim() === "") return [];
  const parts: Part[] = [];
  let at = 0;
  let sep = "";
  SEPARATORS.lastIndex = 0;
  for (let m = SEPARATORS.exec(text); ; m = SEPARATORS.exec(text)) {
    const end = m ? m.index : text.length;
    if (end > at || !m) {
      const piece = text.slice(at, end);
      if (piece.trim() !== "") parts.push(typed(piece, at, sep));
    }
    if (!m) break;
    if (m[0].length === 0) SEPARATORS.lastIndex++;
    at = m.index + m[0].length;
    sep = m[0].trim().toLowerCase();
    if (parts.length > 24) break;
  }
  // "A. Author, B. Author, and C. Author": consecutive names cut at commas are one list.
  const merged: Part[] = [];
  for (const p of parts) {
    // "Howard, Schwarzkopf, Madhavapeddy and Crowcroft": the surnames cut at commas before "X and Y" are of that list.
    if (p.type === "name?" && p.names!.every(surname)) {
      let first = merged.length;
      while (first > 0 && merged[first - 1]!.type === "org" && surname(merged[first - 1]!.text) && /^\s*,\s*$/.test(text.slice(merged[first - 1]!.end, (merged[first] ?? p).start))) first--;
      if (first < merged.length) {
        const lead = merged.splice(first);
        merged.push({ ...p, text: text.slice(lead[0]!.start, p.end).trim(), start: lead[0]!.start, names: [...lead.map((l) => l.text), ...p.names!] });
        continue;
      }
    }
    const last = merged.at(-1);
    const joiner = last ? text.slice(last.end, p.start) : "";
    // "September 27, 2023", "Tuesday, May 11, 2022": a date's comma is no separator of two fields.
    if (last && p.type === "year" && p.event === undefined && /^\s*,\s*$/.test(joiner) && MONTH_DAY.test(last.text)) {
      merged[merged.length - 1] = { ...p, text: text.slice(last.start, p.end).trim(), start: last.start, sep: last.sep };
      if (merged.length > 1 && WEEKDAY.test(merged[merged.length - 2]!.text) && /^\s*,\s*$/.test(text.slice(merged[merged.length - 2]!.end, last.start))) {
        const day = merged.splice(merged.length - 2, 1)[0]!;
        merged[merged.length - 1] = { ...merged[merged.length - 1]!, text: text.slice(day.start, p.end).trim(), start: day.start, sep: day.sep };
      }
      continue;
    }
    // "Singh, Sameer, Marco Tulio Ribeiro, and Carlos Guestrin", "Nowak, Alex, and Joan Bruna": the first
    // name turned, as reference managers write it; a surname and a given name cut at their comma, then names.
    const family = merged.at(-2);
    if (last && family && (p.type === "names" || p.type === "name?") && /^\s*,\s*$/.test(joiner) && family.type === "org" && (last.type === "org" || last.type === "name?" || last.type === "names") && surname(family.text) && TURNED_GIVEN.test(last.text) && /^\s*,\s*$/.test(text.slice(family.end, last.start)) && merged.at(-3)?.type !== "org") {
      merged.splice(-2, 2, { ...p, text: text.slice(family.start, p.end).trim(), start: family.start, sep: family.sep, names: [`${family.text}, ${last.text}`, ...p.names!.map((n) => n.replace(/^(?:and|&)\s+/, ""))] });
      continue;
    }
    if (last && (last.type === "names" || last.type === "name?") && (p.type === "names" || p.type === "name?") && /^\s*,\s*$/.test(joiner)) {
      // "Torben Hoffmann, Erlang Solutions", "Matthias Gruter, Transmode": an affiliation after a
      // person's name is no second person.
      const more = p.names!.map((n) => n.replace(/^(?:and|&)\s+/, ""));
      if (p.type === "name?" && last.names!.some((n) => n.includes(" ")) && more.every((n) => !n.includes(" ") || !isPersonName(n))) {
        last.dropped ??= p;
        continue;
      }
      const names = [...last.names!, ...more];
      const lastPiece = p.names!.length === 1 && !/^(?:and|&)\s/.test(p.text) ? { part: p, head: last.names! } : undefined;
      merged[merged.length - 1] = { ...last, text: text.slice(last.start, p.end).trim(), end: p.end, names, type: last.type === "names" && p.type === "names" ? "names" : "name?", lastPiece };
    } else merged.push(p);
  }
  return merged;
}

/** A quoted run inside a link's text, the title of a citation ('Adams & Agesen, "Title", ASPLOS 2006'), and the text around it. */
function quotedTitle(text: string): { before: string; title: string; after: string } | undefined {
  const m = /^([^"\u201c]*)["\u201c](?=[^"\u201c\u201d]*\p{L})([^"\u201c\u201d]*)["\u201d]([^"\u201d]*)$/u.exec(text);
  return m && (m[1]!.trim() || m[3]!.trim()) ? { before: m[1]!, title: m[2]!.trim(), after: m[3]! } : undefined;
}

/** The emphasised run of a link's text, and the text before and after it. */
function emphasised(marked: string): { before: string; title: string; after: string } | undefined {
  const open = marked.indexOf(EMPHASIS);
  if (open < 0) return undefined;
  // "***x***" and "**_x_**" open twice: the title is between the outermost markers that hold text.
  let inner = open + 1;
  while (marked[inner] === EMPHASIS) inner++;
  const close = marked.indexOf(EMPHASIS, inner);
  if (close < 0) return undefined;
  let after = close;
  while (marked[after] === EMPHASIS) after++;
  const title = marked.slice(inner, close).trim();
  if (!title) return undefined;
  const strip = (s: string) => s.replace(/\u0001/g, "");
  return { before: strip(marked.slice(0, open)), title: strip(title), after: strip(marked.slice(after)) };
}


interface Candidate {
  title: string;
  parts: Part[];
  /** The name in a bracket that opens the item ("(KCN-STL) Jane Doe, **Title**"). */
  lead?: string;
}

/** "(KCN-STL)", "(St. Louis Apache Kafka Meetup)": a short capitalised name in brackets, before the rest of an item. */
const LEAD_BRACKET = /^\s*\(\s*(\p{Lu}[^()[\]]{1,40}?)\s*\)\s+(?=\p{Lu})/u;

/** "Title, 2025": a link's text that ends in a comma and a year. */
const COMMA_YEAR = /^(.*[\p{L}\p{N}).!?"\u201d])\s*,\s*((?:19[5-9]|20[0-4])\d)$/u;

/** How the items of a list vote: a share of items that agree. */
const MAJORITY = 0.6;

function namesVote(parts: (Part | undefined)[], considered = parts.length, alone = true): boolean {
  const present = parts.filter((p): p is Part => p !== undefined && p.type !== "org");
  // A column that few items have is no column of the list: three descriptions of a hundred that
  // end "- Jane Doe" do not make a library list's authors.
  const abstained = parts.filter((p) => p?.type === "org").length;
  if (present.length === 0 || present.length + abstained < 0.4 * considered) return false;
  const strict = present.filter((p) => p.type === "names").length;
  const loose = present.filter((p) => p.type === "name?").length;
  // One item alone votes only with a name that reads as one by itself.
  if (present.length === 1) return alone && strict === 1;
  return (strict + loose) / present.length >= MAJORITY && strict / present.length >= 0.34 && strict >= 2;
}

/**
 * How much a column reads like people's names rather than titles, to choose between two columns
 * that both vote for names: strict names count over loose ones, a value of two words ("Lee Byron")
 * over three and three over more, initials ("A. Author") and values that repeat (a speaker's
 * several talks) more.
 */
function namesLikeness(parts: (Part | undefined)[]): number {
  const present = parts.filter((p): p is Part => p !== undefined && (p.type === "names" || p.type === "name?"));
  if (present.length === 0) return 0;
  let score = 0;
  const seen = new Map<string, number>();
  for (const p of present) {
    score += p.type === "names" ? 1 : 0.5;
    for (const n of p.names!) {
      const words = n.split(/\s+/).length;
      score += words === 2 ? 0.5 : words === 3 ? 0.25 : 0;
      if (/\b\p{Lu}\.(?:\s|$)/u.test(n)) score += 0.5;
      const key = n.toLowerCase();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  for (const count of seen.values()) if (count > 1) score += count - 1;
  return score / parts.length;
}

/** The people, event, year and length of parts, by the columns the list voted for. */
function factsOf(parts: Part[], nameColumn: number | undefined, has: LayoutItem["has"]): { reading: ItemReading; used: Set<Part> } {
  const reading: ItemReading = {};
  const used = new Set<Part>();
  parts.forEach((p, i) => {
    if (i === nameColumn && (p.type === "names" || p.type === "name?") && !has.people && reading.people === undefined) {
      reading.people = p.names!;
      used.add(p);
    } else if (p.type === "year" && !has.year && reading.year === undefined) {
      reading.year = p.year;
      if (p.event !== undefined && !has.event) reading.event = p.event;
      else if (!has.event && i > 0) {
        // "…, LADIS Workshop, July 2012": the venue in its own part, right before its date.
        const before = parts[i - 1]!;
        const name = i - 1 !== nameColumn && before.type !== "names" && before.type !== "year" && before.sep === "," && p.sep === "," ? eventText(before.text) : undefined;
        if (name !== undefined && EVENT_CUE.test(name)) {
          reading.event = name;
          used.add(before);
        }
      }
      used.add(p);
    } else if (p.type === "year" && p.event !== undefined && !has.event && reading.event === undefined && (reading.year === undefined || reading.year === p.year)) {
      // "June 2017, Spark Summit 2017": the year known from the date, the event beside its own.
      reading.event = p.event;
      used.add(p);
    } else if (p.type === "kind" && reading.kind === undefined && i === parts.length - 1) {
      reading.kind = p.kind;
      used.add(p);
    } else if (p.type === "length" && !has.duration && reading.duration === undefined) {
      reading.duration = p.duration;
      used.add(p);
    }
  });
  return { reading, used };
}

/** Words an event's name is made of ("Strange Loop", "ng-conf", "linux.conf.au", "@scale", "F8"). */
// "#33" in "Meetup #33": a numbered edition.
const EVENT_NAME_WORD = /^[@\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.&/+#!-]*$|^#\d+$/u;
/**
 * What says a name is a conference's, not a company's or a person's: a word of the trade
 * ("Summit", "Meetup", "User Group"), a name glued to one ("JSConf", "PyCon", "CascadiaJS",
 * "ffconf"), a region ("EU", "Asia"), an acronym ("FOSDEM", "CSSCAMP", "F8").
 */
const EVENT_CUE = /(?:^|\s)(?:conference|conf|summit|meetup|meet-up|symposium|workshop|forum|congress|meeting|convention|expo|days?|camp|fest|festival|talks|seminar|school|hackathon|user\s+group|ug|jug|interactive|eu|us|usa|uk|asia|europe|america|africa|nordic|latam|apac|emea)(?=\s|$)|\p{L}(?:conf|con|camp|fest|days|js)(?=\s|$)/iu;
/**
 * EVENT_CUE's words of the trade alone, for a heading: no region, no acronym, and none of the words
 * a topic's heading uses as often ("Forum", "Days", "School", "Talks").
 */
export const TRADE_CUE = /(?:^|\s)(?:conference|conf|summit|meetup|meet-up|symposium|workshop|congress|convention|expo|hackathon|festival|fest|camp)(?=\s|$)|\p{L}(?:conf|con|camp|fest)(?=\s|$)/iu;
/** An acronym of capitals and digits: "FOSDEM", "CSSCAMP", "F8" (case kept: \p{Lu} folds under the i flag). */
const EVENT_ACRONYM = /(?:^|\s)(?=[\p{Lu}\d]*\p{Lu})[\p{Lu}\d]{2,}(?=\s|$)/u;
const eventCue = (text: string) => EVENT_CUE.test(text) || EVENT_ACRONYM.test(text);

/** The event's name a part is, if it reads as one: short, its words a name's, no sentence. "at DevOps Stockholm Meetup." -> "DevOps Stockholm Meetup". */
function eventText(text: string): string | undefined {
  // "ApacheCon NA 19", "Data Council SF19": a year's two digits after an acronym are the year's, not the name's.
  const t = text.trim().replace(/^["\u201c]([^"\u201c\u201d]+)["\u201d]$/, "$1").replace(/^(?:at|@)\s+/i, "").replace(/^the\s+/i, "").replace(/(?<![\s.,;:])[\s.,;:]+$/, "").replace(/(?<=\b\p{Lu}{2,})\s?\d{2}$/u, "").trim();
  // "(PyCon US)": a bracket is a channel's or a company's as often ("(YouTube Channel)", "(Google)"): an event only by its own cue.
  // An acronym alone is no cue in brackets: after a name it is the speaker's school or company ("(MIT)", "(CMU)").
  const bracket = /^[([]([^()[\]]+)[)\]]$/.exec(t);
  if (bracket) {
    const inner = eventText(bracket[1]!);
    return inner !== undefined && EVENT_CUE.test(inner) && !/\b(?:channel|podcast|blog|inc|ltd|gmbh|corp|university|college|institute|academy|online)\b/i.test(inner) ? inner : undefined;
  }
  if (t.length < 2 || t.length > 60) return undefined;
  // "at Indeed.com": a company's web address, no conference.
  if (/^[\p{L}\p{N}-]+\.(?:com|io|net|co)$/iu.test(t)) return undefined;
  const words = t.split(/\s+/);
  // "Strata + Hadoop World", "Apache Hudi & Apache Kylin Online Meetup".
  if (words.length > 7 || !words.every((w) => EVENT_NAME_WORD.test(w) || w === "+" || w === "&")) return undefined;
  if (NOT_EVENT.has(words[0]!.toLowerCase()) || NOT_EVENT.has(words.at(-1)!.toLowerCase())) return undefined;
  // "Oct 8", "Nov 18th": a date.
  if (Object.hasOwn(KIND_WORDS, t.toLowerCase()) || MONTH_ONLY.test(words[0]!)) return undefined;
  // Several words are a name's when capitalised ("Hadoop User Group Ireland", "js.la Meetup"); one word may be lowercase ("ng-conf", "ffconf").
  if (words.length > 1 && !words.every((w) => /^[@\p{Lu}\p{N}]/u.test(w) || /[\p{Lu}.]/u.test(w) || /^(?:of|on|for|and|the|de|in|&|\+|#\d+)$/i.test(w))) return undefined;
  return t;
}

/**
 * The event a title names, if it names one by itself ("RustConf 2019", "Machine Learning Summer
 * School", "FOSDEM 2016"): an entry whose nested items are its talks gives them its event (#23).
 */
export function eventOfTitle(title: string): { event: string; year?: number } | undefined {
  const said = yearPart(title);
  if (said?.event !== undefined) return eventCue(said.event) ? { event: said.event, year: said.year } : undefined;
  const name = eventText(title);
  return name !== undefined && eventCue(name) ? { event: name } : undefined;
}

/** Where a heading's date may stand apart from its other words: in a last bracket, or across a dash, a bar, a comma, a colon. */
const HEADING_APART = [/^(.+?)\s*\(([^()]+)\)$/u, /^(.+?)\s+[-\u2013\u2014|]\s+(.+)$/u, /^(.+?)[,:]\s+(.+)$/u];

/**
 * The year (and the event) of a heading that holds a date beside other words (#23): a meetup's
 * "Meetup #33 (15.03.2017)", an archive's "December 11 2019 - [Host]", "Go Night, 12 March 2019".
 * The words beside the date are the event only when they read as one ("Meetup #33"); a host's or
 * a place's name is not.
 */
export function datedHeading(text: string): { year: number; event?: string } | undefined {
  const t = text.trim();
  if (t.length > 120 || !/\d/.test(t)) return undefined;
  for (const apart of HEADING_APART) {
    const m = apart.exec(t);
    if (!m) continue;
    // The date after the rest ("X (date)", "X - date"), or before it ("date - X").
    for (const [date, rest] of [[m[2]!, m[1]!], [m[1]!, m[2]!]] as const) {
      const said = yearPart(date);
      if (!said || said.event !== undefined) continue;
      const event = eventText(rest);
      return event !== undefined && eventCue(event) ? { year: said.year, event } : { year: said.year };
    }
  }
  return undefined;
}

interface EventFound {
  part: Part;
  event: string;
  /** The names left when the event was the last piece of a names part. */
  names?: string[];
}

/**
 * The event column of a list (#23): after the column of names, a column of conference-like
 * names ("Jane Doe, JSConf EU", "Jane Doe at FOSDEM", "Jane Doe, Acme, at DevOps Meetup") is
 * the event. Voted over the list: most candidates read as a name, and enough of them as a
 * conference's (a trade word, an acronym, "at" before them) rather than a company's ("Torben
 * Hoffmann, Erlang Solutions"). `rows[i]` is an item's parts and the index of its names part.
 */
function eventColumn(rows: ({ parts: Part[]; at: number } | undefined)[]): (EventFound | undefined)[] {
  // Items whose event came with its year ("Jane Doe at FOSDEM 2016") vote for the column too.
  let withYear = 0;
  const found = rows.map((row): EventFound | undefined => {
    if (!row) return undefined;
    const { parts, at } = row;
    // at -1: the names were read before the parts ("by **Jane Doe** @ SomeConf").
    const names = at < 0 ? undefined : parts[at];
    if (at >= 0 && (!names || (names.type !== "names" && names.type !== "name?"))) return undefined;
    const later = parts.slice(at + 1);
    // A sentence after it ("Benjamin Staffin, Fitbit Site Operations, explains the case…"): no column of facts.
    const fact = (p: Part) => p.type !== "prose" || /^[([].*[)\]][.,;]?$/.test(p.text) || eventText(p.text) !== undefined;
    if (!later.every(fact)) return undefined;
    // "Jane Doe at FOSDEM 2016" was read as a year and its event already: it votes, whatever follows
    // (#23: "Jane Doe at FOSDEM 2016." beside "John Roe at the Hadoop User Group Ireland.").
    const dated = later.some((p) => p.type === "year" && p.event !== undefined);
    if (dated && later.some((p) => p.type === "year" && (p.sep === "at" || p.sep === "@"))) {
      withYear++;
      return undefined;
    }
    const at_ = later.find((p) => p.type !== "year" && (p.sep === "at" || p.sep === "@" || /^(?:at|@)\s/i.test(p.text)));
    const next = at_ ?? later.find((p) => p.type !== "year" && p.type !== "length" && p.type !== "kind");
    if (next) {
      if (dated) {
        withYear++;
        return undefined;
      }
      const event = next.type === "length" ? undefined : eventText(next.text);
      return event === undefined ? undefined : { part: next, event };
    }
    if (!names) return undefined;
    if (names.dropped) {
      const event = eventText(names.dropped.text);
      return event === undefined ? undefined : { part: names.dropped, event };
    }
    if (names.lastPiece) {
      const event = eventText(names.lastPiece.part.text);
      return event === undefined ? undefined : { part: names.lastPiece.part, event, names: names.lastPiece.head };
    }
    return undefined;
  });
  const cands = rows.filter((r) => r && (r.at < 0 ? r.parts.length > 0 : r.parts[r.at] && (r.parts[r.at]!.type === "names" || r.parts[r.at]!.type === "name?") && (r.parts.length > r.at + 1 || r.parts[r.at]!.dropped || r.parts[r.at]!.lastPiece))).length;
  // The pieces of a names part are names but for the list's vote: only taken when they read as an event by themselves.
  // "at" says where; "@" after a name as often says for whom ("Mark Mandel @ Google"): it needs the event's own cue.
  const cue = (f: EventFound) => f.part.sep === "at" || /^at\s/i.test(f.part.text) || eventCue(f.event);
  const direct = found.filter((f): f is EventFound => f !== undefined && f.names === undefined);
  const cued = direct.filter(cue).length;
  if (direct.length + withYear < 2 || direct.length + withYear < MAJORITY * cands || cued + withYear < 0.3 * (direct.length + withYear)) return rows.map(() => undefined);
  const words = new Set(direct.flatMap((f) => f.event.toLowerCase().split(/\s+/)));
  return found.map((f) => {
    // "Mark Mandel @ Google": after "@" a company as often as a conference; only its own cue makes it the event.
    if (f && f.part.sep === "@" && !eventCue(f.event)) return undefined;
    if (!f || f.names === undefined) return f;
    const shared = f.event.toLowerCase().split(/\s+/).some((w) => words.has(w) && !/^(?:of|the|and|&)$/.test(w));
    return eventCue(f.event) || shared || !isPersonName(f.event) ? f : undefined;
  });
}

/**
 * `text` without the separators it ends with, and a "by" (and an "at", unless `at` is false) left
 * dangling ("Jane Doe, at"). A loop: the expression it replaces, /(?:\s*(?:[,;|:@]|[-–—]|\bat|\bby))+\s*$/i,
 * backtracks quadratically on a long run of " ," (1.7 s for 8,000 of them).
 */
function trimEndSeparators(text: string, at = true): string {
  let end = text.length;
  for (;;) {
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    const c = text[end - 1];
    if (c !== undefined && ",;|:@-\u2013\u2014\u2015\u00b7\u2022".includes(c)) {
      end--;
      continue;
    }
    const two = text.slice(Math.max(0, end - 2), end).toLowerCase();
    if (end >= 2 && ((at && two === "at") || two === "by") && (end === 2 || !/\w/.test(text[end - 3]!))) {
      end -= 2;
      continue;
    }
    return text.slice(0, end);
  }
}

/** `text` without the parts used, and the separators before them. */
function without(text: string, parts: Part[], used: Set<Part>): string {
  if (used.size === 0) return text;
  let out = "";
  let at = 0;
  for (const p of parts) {
    if (!used.has(p)) continue;
    out += text.slice(at, p.start);
    at = p.end;
  }
  out += text.slice(at);
  // A fact cut out between two cells or commas leaves their separators side by side ("Drama | | 6.2/10"): one stays.
  return trimEndSeparators(out.replace(/([,;|])(?:\s+\1)+(?=\s)/g, "$1")).replace(/^\s*(?:[,;|:@]|[-\u2013\u2014\u00b7\u2022])\s*(?:(?:[,;|:@]|[-\u2013\u2014\u00b7\u2022])\s*)*/, "").trim();
}

/** The separators after which a link's text may end in its speakers: " - ", " by ", an ellipsis. */
const TAIL_SEPS = new Set(["-", "\u2013", "\u2014", "\u2015", "by", "...", "\u2026"]);
const DASHES = new Set(["-", "\u2013", "\u2014", "\u2015"]);
const PEOPLE_JOINER = /\s*(,\s*(?:&|and\b)?|&|\band\b)\s*/g;
/** "(@cra)": a handle after a name. */
const HANDLE = /\s*\(@[\w.]+\)/g;

/** "A, Acme & B, Initech": the pieces of a line of people, each with the joiner before it ("", ",", "&"). */
function peoplePieces(text: string): { text: string; joiner: string }[] {
  const pieces: { text: string; joiner: string }[] = [];
  let at = 0;
  let joiner = "";
  for (const m of text.matchAll(PEOPLE_JOINER)) {
    const piece = text.slice(at, m.index).replace(HANDLE, "").trim();
    if (piece) pieces.push({ text: piece, joiner });
    joiner = m[1]!.trim() === "," ? "," : "&";
    at = m.index + m[0].length;
  }
  const last = text.slice(at).replace(HANDLE, "").trim();
  if (last) pieces.push({ text: last, joiner });
  return pieces;
}

/**
 * The speakers of a link's text that ends in people and their affiliations ("Title - Frank
 * Zdarsky, Red Hat & Raymond Knopp, Eurecom"), the affiliations dropped; undefined when the end
 * holds no affiliation (the names part reads it) or is no line of people.
 */
function peopleOf(side: { text: string; tail?: number }, affiliations: ReadonlySet<string>): string[] | undefined {
  if (side.tail === undefined) return undefined;
  const pieces = peoplePieces(side.text.slice(side.tail));
  if (pieces.length < 2 || !isPersonName(pieces[0]!.text)) return undefined;
  const people = [pieces[0]!.text];
  let dropped = false;
  let inAffiliation = false;
  for (const p of pieces.slice(1)) {
    const person = isPersonName(p.text) && !affiliations.has(p.text.toLowerCase());
    if (person) people.push(p.text);
    // "Derek Collison, Founder and CEO, Synadia": an affiliation runs on past "and".
    else if (p.joiner !== "," && !inAffiliation) return undefined;
    else dropped = true;
    inAffiliation = !person;
  }
  return dropped ? people : undefined;
}

/**
 * "Engineering Definitional Interpreters, J. Midtgaard, N. Ramsey, B. Larsen" cut at its commas reads
 * as one list of names; but a list of authors is written in one form, and its first piece stands
 * apart (no initial where all the others, two at least, have one): it is a title before its authors.
 */
function titleApart(text: string, parts: Part[]): Part[] {
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (!only || (only.type !== "names" && only.type !== "name?") || only.names!.length < 3) return parts;
  const [first, ...rest] = only.names!;
  const initial = (n: string) => /(?:^|\s)\p{Lu}\.(?:\s|$)/u.test(n);
  const comma = text.indexOf(",", only.start);
  if (initial(first!) || !rest.every(initial) || comma < 0 || text.slice(only.start, comma).trim() !== first) return parts;
  return [typed(text.slice(only.start, comma), only.start), { ...only, start: comma + 1, text: text.slice(comma + 1, only.end).trim(), sep: ",", names: rest }];
}

/**
 * Reads the items of one list together: returns, item by item, what the layout says beyond what
 * the fixed rules found. Items that say nothing more get an empty reading.
 */
export function readList(items: readonly LayoutItem[], again = false): ItemReading[] {
  const out: ItemReading[] = items.map(() => ({}));
  if (items.length === 0) return out;
  // The parts of each link's text, cut once for steps 1b and 2 (#26).
  const linkParts: (Part[] | undefined)[] = [];
  const linkPartsOf = (i: number): Part[] => (linkParts[i] ??= items[i]!.linkParts ?? partsOf(items[i]!.linkText));

  // 1. The link's text. Emphasis marks the title: the text around it are fact parts.
  const candidates: (Candidate | undefined)[] = items.map((item) => {
    const e = emphasised(item.linkText) ?? quotedTitle(item.linkText);
    if (!e || (!e.before.trim() && !e.after.trim())) return undefined;
    // "**Title** (Jane Doe, SomeConf 2014)": what follows the title wholly in one bracket is read as its inside.
    const after = e.after.replace(/^[\s:,\-\u2013\u2014|]+/, "").replace(/^\(([^()[\]]+)\)\s*\.?\s*$/, "$1");
    // "(KCN-STL) Jane Doe, **Title**": a bracket that opens the item, before its names, is where the
    // talk was given (a co-hosting group, a conference), no column of its own (#23).
    const lead = LEAD_BRACKET.exec(e.before);
    const before = lead ? e.before.slice(lead[0].length) : e.before;
    const around = `${before.replace(/(?<![\s:,\-\u2013\u2014|])[\s:,\-\u2013\u2014|]+$/, "")}\u0000${after}`;
    const parts = [...partsOf(around.slice(0, around.indexOf("\u0000"))), ...partsOf(around.slice(around.indexOf("\u0000") + 1))];
    return lead ? { title: e.title, parts, lead: lead[1]!.trim() } : { title: e.title, parts };
  });
  const emphasisedNames = candidates.map((c) => c?.parts.find((p) => p.type === "names" || p.type === "name?" || p.type === "prose"));
  const emphasisVotes = namesVote(emphasisedNames);
  // "2022: "Title" by Jane Doe at Black Hat USA", "**Title** - Jane Doe, JSConf EU": the event
  // column around the title, voted over the list as the tail's is (step 4).
  const aroundEvents = eventColumn(candidates.map((c, i) => {
    if (!c || items[i]!.has.event) return undefined;
    const nameAt = emphasisVotes ? c.parts.indexOf(emphasisedNames[i]!) : -1;
    const at = nameAt >= 0 && (c.parts[nameAt]!.type === "names" || c.parts[nameAt]!.type === "name?") ? nameAt : -1;
    // Only an item with more than names and dates around its title has an event to vote on.
    return c.parts.some((p, k) => k !== at && p.type !== "year" && p.type !== "length") ? { parts: c.parts, at } : undefined;
  }));
  items.forEach((item, i) => {
    const c = candidates[i];
    if (!c) return;
    const nameAt = emphasisVotes ? c.parts.indexOf(emphasisedNames[i]!) : -1;
    const { reading } = factsOf(c.parts, nameAt < 0 ? undefined : nameAt, item.has);
    const event = aroundEvents[i];
    if (event && reading.event === undefined && event.names === undefined) reading.event = event.event;
    if (c.lead !== undefined && reading.people && reading.event === undefined && !item.has.event) reading.event = c.lead;
    // A title cut out of its link only when the rest of the link's text was read as facts.
    const unread = c.parts.filter((p) => !(reading.people && p.names === reading.people) && !(p.type === "year" || p.type === "length") && p !== event?.part);
    if (unread.length === 0 && (reading.people || reading.year !== undefined || reading.duration !== undefined || reading.event !== undefined)) out[i] = { ...reading, title: c.title };
  });

  // The prose after the link, cut into parts (step 4): where its column of names votes, the link's
  // text is the title whole ("Light Field Networks: Neural Scene…", Sitzmann et al., Arxiv 2021).
  // "(Jane Doe, SomeConf 2014)": a tail wholly in one bracket is read as its inside.
  const tailText = (rest: string) => rest.replace(/^\s*(?:[-\u2013\u2014:|,;.]|&mdash;)\s*/, (m) => " ".repeat(m.length)).replace(/^(\s*)\(([^()[\]]+)\)(\s*\.?\s*)$/, "$1 $2 $3");
  const tailPartsOf = (item: LayoutItem): Part[] => item.tailParts ?? partsOf(tailText(item.rest));
  const tails = items.map((item) => (item.has.people ? undefined : tailPartsOf(item)));
  // A names column after prose is part of a sentence ("Build Web3 at Lightning Speed"): only facts may come before it.
  const afterFacts = (t: Part[] | undefined, c: number) => (t && t.slice(0, c).every((p) => p.type === "year" || p.type === "length" || p.type === "kind") ? t[c] : undefined);
  let tailColumn: number | undefined;
  for (let c = 0; c < 3 && tailColumn === undefined; c++) if (namesVote(tails.map((t) => afterFacts(t, c)))) tailColumn = c;
  const tailNames = (i: number) => {
    const p = tailColumn === undefined ? undefined : afterFacts(tails[i], tailColumn);
    return p !== undefined && (p.type === "names" || p.type === "name?");
  };

  // 1b. A link's text that starts with a conference and its year ("SRECON17: Title", "PuppetConf 2016:
  // Title", "GOTO 2018 - Title - Jane Doe"): the event and year, the title after them. Voted over the
  // list: where enough of these leads name a conference by a cue of their own, the others are events
  // too ("O'Reilly Velocity San Jose 2017: Title"); a title's own year ("CS50 2019 - Android Track") alone is none.
  const leads = items.map((item, i) => {
    if (out[i]!.title !== undefined || item.has.event || item.has.year || item.article || item.linkText.includes(EMPHASIS) || !DIGIT.test(item.linkText)) return undefined;
    const parts = linkPartsOf(i);
    const first = parts[0];
    if (parts.length < 2 || !first || first.type !== "year" || first.event === undefined || !/^(?::|[-\u2013\u2014|])$/.test(parts[1]!.sep)) return undefined;
    return first;
  });
  const leading = leads.filter((p): p is Part => p !== undefined);
  const cuedLeads = leading.filter((p) => eventCue(p.event!)).length;
  const leadVotes = leading.length >= 2 && cuedLeads >= 2 && cuedLeads >= 0.5 * leading.length;
  const ledByEvent = new Set<number>();
  items.forEach((item, i) => {
    const first = leads[i];
    if (!first || !leadVotes || eventText(first.event!) === undefined) return;
    const title = item.linkText.slice(linkPartsOf(i)[1]!.start).trim();
    if (!title) return;
    out[i] = { title, event: first.event, year: first.year };
    ledByEvent.add(i);
  });

  // A link's text that ends in a conference and its year ("Title @ SomeConf 2014", "Title - PyCon US
  // 2019") or is one ("[ElixirConf 2014](playlist)"): the event and year, the title without them.
  // The titles so cut may still start with names ("Ghemawat et al. — The Google File System, SOSP 2003"): step 2 reads them.
  const eventTail = new Set<number>();
  items.forEach((item, i) => {
    if (out[i]!.title !== undefined || item.has.event || item.article || item.linkText.includes(EMPHASIS) || !DIGIT.test(item.linkText)) return;
    const parts = linkPartsOf(i);
    const last = parts.at(-1);
    if (!last || last.type !== "year" || last.event === undefined || !eventCue(last.event)) return;
    // "[CVPR 2014](…) - Jun 2014": a link that is an event names it, whatever date follows.
    if (parts.length === 1) {
      out[i] = item.has.year ? { event: last.event } : { event: last.event, year: last.year };
      return;
    }
    if (item.has.year) return;
    if (!["@", "at", "-", "\u2013", "\u2014", "|", ",", ""].includes(last.sep)) return;
    const title = item.linkText.slice(0, last.start).replace(SEPARATORS_AT_END, "").replace(/\s+at$/, "").trim();
    if (title) {
      out[i] = { title, event: last.event, year: last.year };
      eventTail.add(i);
    }
  });

  // 2. A link's text without emphasis: names at its start ("Jane Doe: Title", "Jane Doe - Title")
  // or at its end ("Title - Jane Doe", "Title by Jane Doe", "Title, A. Author & B. Author"),
  // maybe followed by a year or a length. Which end holds names is voted over the list.
  const sides = items.map((item, i) => {
    // A title after its event ("GOTO 2018 - Title - Jane Doe") may still end in names, and one cut
    // before its event and year may still start with them ("Ghemawat et al. — Title, SOSP 2003").
    const led = ledByEvent.has(i) || eventTail.has(i);
    if ((out[i]!.title !== undefined && !led) || item.has.people || item.linkText.includes(EMPHASIS) || tailNames(i)) return undefined;
    const text = led ? out[i]!.title! : item.linkText;
    if (PLAIN.test(text) && !/\s(?:by|at)\s/.test(text)) return undefined;
    const parts = titleApart(text, led ? partsOf(text) : linkPartsOf(i));
    if (parts.length < 2) return undefined;
    const first = parts[0]!.sep === "" && /^(?::|[-\u2013\u2014|])$/.test(parts[1]!.sep) ? parts[0] : undefined;
    // The last names part, after which only years and lengths come.
    let last = parts.length - 1;
    while (last > 0 && (parts[last]!.type === "year" || parts[last]!.type === "length")) last--;
    // "Title - Paul Fisher, Lyft", "Title - Kelsey Hightower, Staff Developer Advocate, Google": what
    // follows the names at a comma is their affiliation, no name.
    let named = last;
    while (named > 1 && last - named < 3 && parts[named]!.sep === "," && parts[named]!.type !== "names" && parts[named]!.type !== "name?") named--;
    const affiliations = named < last && parts[named]!.sep !== "," && (parts[named]!.type === "names" || parts[named]!.type === "name?") ? parts.slice(named + 1, last + 1) : [];
    if (affiliations.length > 0) last = named;
    const end = last > 0 && parts[last]!.sep !== ":" ? parts[last] : undefined;
    // The text after the last dash, "by" or ellipsis: the speakers and their affiliations, when the list says so.
    let dash = parts.length - 1;
    while (dash > 0 && !TAIL_SEPS.has(parts[dash]!.sep)) dash--;
    // An article's title says what it is about ("Chain Key Cryptography: The Breakthrough"): only its
    // end after a dash ("Understanding Scope — Jane Doe") may name who wrote it, voted over the list.
    if (item.article) return end && DASHES.has(end.sep) ? { text, parts, first: undefined, end, last, tail: undefined } : undefined;
    return { text, parts, first, end, last, tail: dash > 0 ? parts[dash]!.start : undefined };
  });
  // A title's own colon or dash is common ("Rust: Fast and Safe"): one item alone never votes here.
  const lefts = sides.map((s) => s?.first);
  const rights = sides.map((s) => s?.end);
  let leftVotes = namesVote(lefts, items.length, false);
  let rightVotes = namesVote(rights, items.length, false);
  // Both ends read as names ("Immutable User Interfaces - Lee Byron"): a title of capitalised words
  // reads as a name too, so the column that reads more like people's names is the names column.
  if (leftVotes && rightVotes) {
    const side = namesLikeness(lefts) >= namesLikeness(rights) ? "left" : "right";
    leftVotes = side === "left";
    rightVotes = side === "right";
  }
  // "Frank Zdarsky, Red Hat & Raymond Knopp, Eurecom": what the list's items give after a name and a
  // bare comma ("Paul Fisher, Lyft") is an affiliation wherever it stands; a value that reads as a
  // name ("Red Hat") only when several items give it so.
  const afterComma = new Map<string, number>();
  for (const s of sides) {
    const pieces = s?.tail === undefined ? undefined : peoplePieces(s.text.slice(s.tail));
    const lastPiece = pieces?.at(-1);
    if (pieces && pieces.length > 1 && isPersonName(pieces[0]!.text) && lastPiece!.joiner === ",") {
      const key = lastPiece!.text.toLowerCase();
      afterComma.set(key, (afterComma.get(key) ?? 0) + (isPersonName(lastPiece!.text) ? 1 : 2));
    }
  }
  const affiliations = new Set([...afterComma].filter(([, n]) => n >= 2).map(([k]) => k));
  // A column is known by its separator as well as by its place (#23): on a list where few links
  // name anyone, those that end "… by Jane Doe" still make a column, voted among themselves.
  const byEnds = rights.map((p) => (p?.sep === "by" ? p : undefined));
  const byVotes = !rightVotes && namesVote(byEnds, byEnds.filter(Boolean).length, false);
  // "Title - Jane Doe - SomeConf 2025", "Title | Jane Doe | performance.now() 2024": the names stand
  // second, after the title's dash or bar, and the event after them is no name: where neither end
  // votes, the column after the title does (#23).
  const seconds = sides.map((s) => s?.parts.find((p, k) => k >= 1 && /^[-\u2013\u2014|]$/.test(p.sep)));
  const secondVotes = !leftVotes && !rightVotes && !byVotes && namesVote(seconds, items.length, false);
  items.forEach((item, i) => {
    const s = sides[i];
    if (!s) return;
    const isNames = (p: Part | undefined) => p !== undefined && (p.type === "names" || p.type === "name?");
    // In a column of names, one surname before a dash is a name too where a venue and its year end
    // the text, as a citation's do ("Burrows — The Chubby lock service…, OSDI 2006"; not "Kaggle - NLP Guide").
    const surnameFirst = leftVotes && eventTail.has(i) && s.first?.type === "org" && surname(s.first.text) && /^[-\u2013\u2014]$/.test(s.parts[1]!.sep);
    if (leftVotes && (isNames(s.first) || surnameFirst)) {
      const title = s.text.slice(s.parts[1]!.start).trim();
      if (title) out[i] = { ...out[i], title, people: s.first!.names ?? [s.first!.text] };
    } else if ((rightVotes || (byVotes && s.end?.sep === "by")) && (isNames(s.end) || peopleOf(s, affiliations))) {
      const own = peopleOf(s, affiliations);
      const { reading } = factsOf(s.parts.slice(s.last), 0, item.has);
      const cut = own ? s.tail! : s.end!.start;
      const title = trimEndSeparators(s.text.slice(0, cut), false).trim();
      if (title) out[i] = { ...out[i], ...reading, ...(own ? { people: own } : {}), title };
    } else if ((secondVotes || rightVotes) && isNames(seconds[i])) {
      // The odd item of a list whose speakers end the text ("Title - Jane Doe - performance.sync() 2025"
      // among "Title - Jane Doe" once their events were cut) has them second, as such lists do.
      const { reading } = factsOf(s.parts.slice(s.parts.indexOf(seconds[i]!)), 0, item.has);
      const title = trimEndSeparators(s.text.slice(0, seconds[i]!.start), false).trim();
      if (title) out[i] = { ...out[i], ...reading, title };
    } else if ((leftVotes || rightVotes) && !isNames(leftVotes ? s.first : s.end)) {
      // The odd item of a list that votes for one end ("Malte Ubl - Designing very large JavaScript
      // applications" among "Title - Jane Doe" items) is read at its other end when only a strict
      // name stands there: it does not change the column, the column does not erase its speaker.
      const other = leftVotes ? s.end : s.first;
      // A title's own colon is common ("An Evil Copy: How the Loader…"): only a dash sets the odd name apart.
      if (!other || other.type !== "names" || (other === s.first ? !/^[-\u2013\u2014]$/.test(s.parts[1]!.sep) : !/^[-\u2013\u2014|]$/.test(other.sep))) return;
      if (other === s.first) {
        const title = s.text.slice(s.parts[1]!.start).trim();
        if (title && typed(title, 0).type === "prose") out[i] = { ...out[i], title, people: other.names! };
      } else {
        const { reading } = factsOf(s.parts.slice(s.last), 0, item.has);
        const title = trimEndSeparators(s.text.slice(0, other.start), false).trim();
        if (title && typed(title, 0).type === "prose") out[i] = { ...out[i], ...reading, title };
      }
    }
  });

  // 3. The text before the link: "Jane Doe: [Title](…)" (names voted over the list), a date first.
  const befores = items.map((item, i) => {
    const m = item.before ? /^(.*?)\s*[:\-\u2013\u2014|]\s*$/.exec(item.before) : null;
    return m && !out[i]!.people && !item.has.people ? typed(m[1]!, 0) : undefined;
  });
  const beforeVotes = namesVote(befores, items.length, false);
  // The events before the links ("Droidcon Berlin 2021 - [Title](…)", "GDG Pisa - [Title](…)"), and
  // the start of a text before a "[Video]" ("React Universe - Panel: … [Video](…)"): a column voted
  // over the list. Where enough of them name a conference by a cue of their own, every value of
  // the column that reads as an event's name is one, though it says no year.
  const leadEvents = items.map((item, i) => {
    if (item.has.event || item.podcast || item.article || out[i]!.event !== undefined) return undefined;
    if (item.textTitled) {
      const parts = linkPartsOf(i);
      if (parts.length < 2 || !/^[-\u2013\u2014]$/.test(parts[1]!.sep) || parts[0]!.type === "names") return undefined;
      const said = parts[0]!.type === "year" ? parts[0] : undefined;
      const event = said?.event ?? eventText(parts[0]!.text);
      return event === undefined ? undefined : { event, year: said?.year, title: item.linkText.slice(parts[1]!.start).trim() };
    }
    const m = item.before && !(beforeVotes && befores[i]?.names) ? /^(.*?)\s*[-\u2013\u2014|]\s*$/.exec(item.before) : null;
    if (!m) return undefined;
    const said = yearPart(m[1]!);
    const event = said?.event ?? (said ? undefined : eventText(m[1]!));
    return event === undefined ? undefined : { event, year: said?.year };
  });
  const leadCued = leadEvents.filter((e) => e && eventCue(e.event)).length;
  const leadColumn = leadCued >= 2 && leadCued >= 0.5 * leadEvents.filter(Boolean).length && leadEvents.filter(Boolean).length >= 0.4 * items.length;
  items.forEach((item, i) => {
    const b = befores[i];
    const lead = leadColumn ? leadEvents[i] : undefined;
    if (lead && !(beforeVotes && b && (b.type === "names" || b.type === "name?"))) {
      const year = item.has.year || out[i]!.year !== undefined ? {} : lead.year !== undefined ? { year: lead.year } : {};
      out[i] = lead.title ? { ...out[i], event: lead.event, ...year, title: lead.title } : { ...out[i], event: lead.event, ...year, beforeUsed: true };
      return;
    }
    if (beforeVotes && b && (b.type === "names" || b.type === "name?")) out[i] = { ...out[i], people: b.names!, beforeUsed: true };
    // "SomeConf 2014: [Title](…)", "| PyCon US 2015 | [Title](…) |": the event and year first.
    else if (item.before && !item.has.event && !item.has.year && out[i]!.year === undefined) {
      const said = /^(.*?)\s*[:\-\u2013\u2014|]?\s*$/.exec(item.before);
      const y = said ? yearPart(said[1]!) : undefined;
      // "Franz Josef Och. 2003. [Title](…)": the names before a citation's year are its authors, no event.
      const named = y?.event !== undefined && /\.$/.test(y.event) && typed(y.event.slice(0, -1), 0).type === "names";
      if (y?.event !== undefined && !named) out[i] = { ...out[i], event: y.event, year: y.year, beforeUsed: true };
      // "**March 2019**: [Title](…)": a meeting's date first.
      else if (y !== undefined) out[i] = { ...out[i], year: y.year, beforeUsed: true };
    }
    const first = item.before?.split(/\s+/)[0];
    if (first && !item.has.year && out[i]!.year === undefined) {
      const date = NUMERIC_DATE.exec(first) ?? /^((?:19|20)\d{2})$/.exec(first);
      if (date) out[i] = { ...out[i], year: Number(date[1] ?? date[2]) };
    }
  });

  // 4. The prose after the link: its parts, aligned from the start, the names column voted.
  const restTails = tails.map((t, i) => (out[i]!.people ? undefined : t));
  let nameColumn: number | undefined;
  for (let c = 0; c < 3 && nameColumn === undefined; c++) if (namesVote(restTails.map((t) => afterFacts(t, c)))) nameColumn = c;
  // The event column after the names (#23).
  const events = nameColumn === undefined ? [] : eventColumn(restTails.map((t, i) => (t && !items[i]!.has.event && out[i]!.event === undefined ? { parts: t, at: nameColumn! } : undefined)));
  items.forEach((item, i) => {
    const parts = restTails[i];
    if (!parts || parts.length === 0) return;
    const { reading, used } = factsOf(parts, nameColumn, { ...item.has, year: item.has.year || out[i]!.year !== undefined, event: item.has.event || out[i]!.event !== undefined, duration: item.has.duration || out[i]!.duration !== undefined });
    // Only the parts before the prose ends are facts: "Built by Jane Doe at Acme" is prose.
    if (used.size === 0) return;
    const ev = events[i];
    let cut = parts;
    if (ev && reading.people !== undefined && reading.event === undefined) {
      reading.event = ev.event;
      if (ev.names) reading.people = ev.names;
      // A piece of the names part, or an affiliation dropped from the parts: cut from the prose as its own part.
      if (!parts.includes(ev.part)) cut = [...parts, ev.part].sort((a, b) => a.start - b.start);
      used.add(ev.part);
      // "Matthias Gruter, Transmode, at DevOps Stockholm Meetup": the affiliation between them is dropped too.
      if (parts.includes(ev.part)) parts.slice(nameColumn! + 1, parts.indexOf(ev.part)).forEach((p) => used.add(p));
    }
    out[i] = { ...out[i], ...reading, rest: without(tailText(item.rest), cut, used) };
  });
  // An item whose people were read before its tail still says what it is there, first, before the
  // labels of its other links ('[2022: "Title" by Jane Doe](…) [slides] [[code](…)]').
  items.forEach((item, i) => {
    if (!out[i]!.people || restTails[i] || out[i]!.kind !== undefined || !item.rest) return;
    const parts = tailPartsOf(item);
    const first = parts[0];
    if (first?.type === "kind" && parts.slice(1).every((p) => /^\[[^\]]*\]$/.test(p.text))) out[i] = { ...out[i], kind: first.kind, rest: without(tailText(item.rest), parts, new Set([first])) };
  });

  // 4b. The prose after the link, by its separators (#23): where items say "Event 2015 by Jane Doe",
  // "by Jane Doe", "Jane Doe, Acme at SomeConf 2017" or "Jane Doe @ Acme" in no fixed place, the
  // names after " by " and the names before " at "/" @ " are two columns, each voted among the items
  // that have it. The event is the year-and-event part before the "by" names, or the part after
  // "at" when it names a conference (a company after "at" or "@" is none).
  const keyed = items.map((item, i) => {
    const parts = tails[i];
    if (!parts || item.has.people || out[i]!.people) return undefined;
    const by = parts.findIndex((p) => p.sep === "by" && (p.type === "names" || p.type === "name?"));
    if (by >= 0) return { parts, names: by, key: "by" as const };
    for (let k = 0; k < parts.length - 1; k++) {
      const p = parts[k]!;
      if (p.type !== "names" && p.type !== "name?") continue;
      let at = k + 1;
      while (at < parts.length - 1 && at - k <= 2 && parts[at]!.sep === ",") at++;
      if (parts[at]!.sep === "at" || parts[at]!.sep === "@") return { parts, names: k, at, key: "at" as const };
      break;
    }
    return undefined;
  });
  // The parts before "by" names vote as a column too: where most name a conference by a cue or a
  // year ("GothamGo 2015 by Sameer Ajmani"), the others that read as a name are events ("Devoxx by Mete Atamel").
  const places = keyed.map((k) => (k?.key === "by" ? k.parts[k.names - 1] : undefined)).filter((p): p is Part => p !== undefined);
  // The items the fixed rules read whole ("- GopherCon 2017 by Alan Shreve") vote with them.
  const fixed = places.length === 0 ? 0 : items.filter((item) => item.has.people && item.has.event).length;
  const cued = fixed + places.filter((p) => (p.type === "year" && p.event !== undefined) || (p.type !== "length" && p.type !== "kind" && eventCue(eventText(p.text) ?? ""))).length;
  const placesVote = cued >= 2 && cued * 2 >= places.length + fixed;
  for (const key of ["by", "at"] as const) {
    const column = keyed.map((k) => (k?.key === key ? k.parts[k.names] : undefined));
    if (!namesVote(column, column.filter(Boolean).length, false)) continue;
    items.forEach((item, i) => {
      const k = keyed[i];
      if (!k || k.key !== key) return;
      const names = k.parts[k.names]!;
      const used = new Set<Part>([names]);
      const reading: ItemReading = { people: names.names! };
      const place = key === "by" ? k.parts[k.names - 1] : k.parts[k.at!];
      const known = item.has.event || item.has.year || out[i]!.year !== undefined || out[i]!.event !== undefined;
      if (place && !known) {
        const event = place.type === "year" ? place.event : place.type !== "length" && place.type !== "kind" ? eventText(place.text) : undefined;
        if (event !== undefined && (place.type === "year" || eventCue(event) || (key === "by" && placesVote))) {
          reading.event = event;
          if (place.type === "year") reading.year = place.year;
          used.add(place);
          // "Jane Doe, Acme at SomeConf": the affiliation between the names and the event goes with them.
          if (key === "at") k.parts.slice(k.names + 1, k.at).forEach((p) => used.add(p));
        }
      }
      if (key === "at" && !used.has(place!)) k.parts.slice(k.names + 1, k.at! + 1).forEach((p) => used.add(p));
      out[i] = { ...out[i], ...reading, rest: without(tailText(item.rest), k.parts, used) };
    });
  }

  // 4c. A sentence about the talk whose subject is its speaker ("– Martin Thompson takes a look at…",
  // "Dan North presents…", "Jane Doe and John Roe discuss…"): people's names, then a verb of telling.
  // Voted: a list where two items at least say so; the sentence stays the description.
  const subjects = items.map((item, i) => {
    if (item.has.people || out[i]!.people || item.article || item.podcast) return undefined;
    const m = SPEAKER_SUBJECT.exec(item.rest);
    if (!m) return undefined;
    const names = splitNames(m[1]!);
    return names.length > 0 && names.length <= 4 && names.every(isPersonName) ? names : undefined;
  });
  if (subjects.filter(Boolean).length >= 2) subjects.forEach((names, i) => names && (out[i] = { ...out[i], people: names }));

  // 4d. Prose that ends where the talk was given ("- from Full Stack Fest", "A demo … at gRPC Meetup",
  // "Presentation at KubeCon Europe 2018."): the event, when it reads as a conference's name.
  items.forEach((item, i) => {
    if (item.has.event || out[i]!.event !== undefined || item.article || item.podcast) return;
    const m = GIVEN_AT.exec(item.rest.length > 200 ? item.rest.slice(-200) : item.rest);
    if (!m) return;
    // A company follows "at" and "from" as often as a conference ("from AWS", "at IBM"): an acronym
    // is no cue here; a word of the trade or the event's year is.
    const said = yearPart(m[1]!);
    if (said?.event !== undefined && eventText(said.event) !== undefined) out[i] = { ...out[i], event: said.event, ...(item.has.year || out[i]!.year !== undefined ? {} : { year: said.year }) };
    else if (!said) {
      const event = eventText(m[1]!);
      if (event !== undefined && EVENT_CUE.test(event)) out[i] = { ...out[i], event };
    }
  });

  // 5. The prose after names the fixed rules read ("by **Jane Doe** @ SomeConf", "by Jane Doe, PyCon US"): its event column.
  // Its dates and lengths too ("By Jane Doe, April 2019, Data Council").
  const read = items.map((item) => (item.has.people ? tailPartsOf(item) : undefined));
  const readEvents = eventColumn(read.map((parts, i) => (parts && parts.length > 0 && !items[i]!.has.event && out[i]!.event === undefined ? { parts, at: -1 } : undefined)));
  items.forEach((item, i) => {
    const parts = read[i];
    if (!parts) return;
    const { reading, used } = factsOf(parts, undefined, { ...item.has, year: item.has.year || out[i]!.year !== undefined, event: item.has.event || out[i]!.event !== undefined, duration: item.has.duration || out[i]!.duration !== undefined });
    const ev = readEvents[i];
    if (ev && parts.includes(ev.part) && reading.event === undefined) {
      reading.event = ev.event;
      parts.slice(0, parts.indexOf(ev.part) + 1).forEach((p) => used.add(p));
    }
    if (used.size > 0) out[i] = { ...out[i], ...reading, rest: without(tailText(item.rest), parts, used) };
  });
  // "[Building a Bank with Go (2017)](…)": a year in brackets at the end of a link's text is the
  // talk's year, not its title's (#23), when nothing else in the item gave one.
  items.forEach((item, i) => {
    if (item.has.year || out[i]!.year !== undefined || item.article) return;
    const title = out[i]!.title ?? item.linkText;
    const m = /^(.*\S)\s*[([]\s*((?:19[5-9]|20[0-4])\d)\s*[)\]]$/.exec(title);
    if (!m || title.includes(EMPHASIS) || !/\p{L}/u.test(m[1]!)) return;
    out[i] = { ...out[i], title: m[1]!.replace(/(?<![\s,;:|\-\u2013\u2014])[\s,;:|\-\u2013\u2014]+$/, ""), year: Number(m[2]) };
  });
  // "[Title, 2025](…)": a list whose links' texts end in a comma and a year (most of them, two at
  // least) writes its items' years there; one title that ends so ("State of JS, 2020") keeps it.
  const commaYears = items.filter((item, i) => !item.has.year && out[i]!.year === undefined && COMMA_YEAR.test(out[i]!.title ?? item.linkText)).length;
  if (commaYears >= 2 && commaYears >= MAJORITY * items.length) {
    items.forEach((item, i) => {
      if (item.has.year || out[i]!.year !== undefined) return;
      const m = COMMA_YEAR.exec(out[i]!.title ?? item.linkText);
      if (m && !m[1]!.includes(EMPHASIS)) out[i] = { ...out[i], title: m[1]!.trim(), year: Number(m[2]) };
    });
  }
  // A title the page quotes ('["Title"](…)', a quote opened and never closed too) or copied with its site's
  // name ("Title - YouTube"): the title without them (#23).
  // Only a list whose links' texts are quoted whole (most of them, two at least) quotes its titles: one
  // title that starts with a quote keeps it, and so does a quoted title cut out of a longer text.
  // A letter looked ahead for, not matched between two runs: /[^"]*\p{L}[^"]*/ is quadratic on a long unclosed quote.
  const QUOTED = /^["\u201c](?=[^"\u201c\u201d]*\p{L})([^"\u201c\u201d]*)["\u201d]$/u;
  const quoted = items.filter((item, i) => out[i]!.title === undefined && QUOTED.test(item.linkText)).length;
  const quotes = quoted >= 2 && quoted >= MAJORITY * items.length;
  items.forEach((item, i) => {
    const title = out[i]!.title ?? item.linkText;
    if (title.includes(EMPHASIS)) return;
    const whole = out[i]!.title === undefined && quotes;
    const bare = title.replace(/\s+[-|\u2013\u2014]\s+YouTube$/, "").replace(whole ? QUOTED : /$^/, "$1").trim();
    if (bare !== title && bare) out[i] = { ...out[i], title: bare };
  });
  // Kept only for a second reading: a page's items wait in their families until it ends.
  if (again) items.forEach((item, i) => ((item.linkParts ??= linkParts[i]), (item.tailParts ??= tails[i] ?? read[i])));
  return out;
}

/** The end of prose that says where a talk was given: " at SomeConf 2019.", "from Full Stack Fest", "- At FOSDEM". */
const GIVEN_AT = /(?:^|\s)(?:at|from|@)\s+(?:the\s+)?([^\s,.;:()[\]][^,;:()[\]]{1,59}?)\s*\.?\s*$/i;

/** A name's word: capitalised, or a particle ("Thierry de Pauw", "Guido van Rossum"). */
const SUBJECT_NAME = "\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*|van|von|de|der|den|da|di|du|le|la|del|dos|bin))";
/** The verbs with which a list tells what a speaker does in a talk: "explains", "shows", "takes a look", "discuss". */
const TELLS = "(?:takes?|shows?|explains?|describes?|presents?|offers?|talks?|discuss(?:es)?|gives?|walks?|introduces?|demonstrates?|shares?|covers?|argues?|explores?|reviews?|tells?|looks?|go(?:es)?|speaks?|teach(?:es)?|outlines?|examines?|compares?|dives?|breaks?|answers?|demos?|reflects?|proposes?|details?|illustrates?|delves?|highlights?|reveals?|guides?|leads?|makes?|builds?|uses?|asks?)";
/** "– Martin Thompson takes a look…", "Jane Doe and John Roe discuss…": the people at the start of the prose, before a verb of telling. */
const SPEAKER_SUBJECT = new RegExp(`^\\s*(?:[-\u2013\u2014:|,;.]\\s*)?(${SUBJECT_NAME}{1,3}(?:\\s*(?:,|&|and)\\s+${SUBJECT_NAME}{1,3}){0,3})\\s+(?:also\\s+|briefly\\s+)?${TELLS}\\b`, "u");

/** What a citation's text says: "Title. A. Author and B. Author. SOSP '23", "Title, J. Doe, OSDI94". */
export interface Citation {
  title: string;
  people?: string[];
  year?: number;
  event?: string;
}

/** The facts of parts: the first names, the first year (and its event). */
function citedFacts(parts: Part[], out: Citation): Citation {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if ((p.type === "names" || p.type === "name?") && out.people === undefined) out.people = p.names!.map((n) => n.replace(/(?<=\p{L}{2})\.$/u, ""));
    else if (p.type === "year" && out.year === undefined) {
      out.year = p.year;
      if (p.event !== undefined) out.event = p.event;
      // "*arXiv, Jun 2024*", "CVPR, June 2025": a date after a venue's name and a comma is when it was published there.
      else if (p.sep === "," && DATE.test(p.text.trim()) && i > 0 && venueBeforeDate(parts[i - 1]!)) out.event = parts[i - 1]!.text.trim().replace(/[.,;:]$/, "");
    }
  }
  return out;
}

/** A part that names a venue before its date: a short name with a capital, no names, no sentence. */
function venueBeforeDate(p: Part): boolean {
  const t = p.text.trim();
  return (p.type === "org" || p.type === "prose") && t.split(/\s+/).length <= 10 && /^\p{L}/u.test(t) && /\p{Lu}/u.test(t) && !/[.!?]$/.test(t);
}

const FACT_TYPES: readonly PartType[] = ["names", "name?", "year", "length", "kind", "org"];

/**
 * The text of an item whose link is titled only "[pdf]", "[Paper]" (#23), read as a citation, with
 * EMPHASIS around its emphasised runs. An emphasised run that is no list of names is the title
 * ("**Title** A. Author, B. Author (CVPR 2021)"), the rest its facts. Else a leading venue and year
 * ("[CVPR 2021] Title") is a fact, and the title is the text before the first part of names or of a
 * year ("Title. A. Author and B. Author. SOSP '23"), the facts that part and those after it.
 * Undefined when no title is left.
 */
export function citation(marked: string): Citation | undefined {
  const open = marked.indexOf(EMPHASIS);
  if (open >= 0) {
    let inner = open;
    while (marked[inner] === EMPHASIS) inner++;
    const close = marked.indexOf(EMPHASIS, inner);
    const run = close > inner ? marked.slice(inner, close).trim() : "";
    if (run && /\p{L}/u.test(run) && !run.includes(EMPHASIS)) {
      const typedRun = typed(run, 0);
      let after = close;
      while (marked[after] === EMPHASIS) after++;
      // Where other emphasis opens or closes a field ends: "*A, B and C* <br> CoRL, 2020" is names, then a venue.
      const around = `${marked.slice(0, open)} , ${marked.slice(after)}`.replace(/\s*\u0001+\s*/g, " ; ");
      // A title of capitalised words reads as names ("**Paxos Made Simple** (2001), L. Lamport"): the
      // emphasised run is the title still where the names are outside it.
      // (A run of several names, "*A, B and C*", is the authors.)
      const namesOutside = typedRun.type === "names" && typedRun.names!.length === 1 && partsOf(around).some((p) => p.type === "names");
      if ((typedRun.type !== "names" || namesOutside) && typedRun.type !== "year") {
        // "**Title (CVPR 2021)**": the emphasised run's own venue and year are facts too.
        const own = partsOf(run);
        const last = own.at(-1);
        if (own.length > 1 && last!.type === "year") {
          const title = run.slice(0, last!.start).replace(SEPARATORS_AT_END, "").trim();
          if (title) return citedFacts([last!, ...partsOf(around)], { title });
        }
        return citedFacts(partsOf(around), { title: run });
      }
    }
  }
  const text = marked.replace(/\u0001/g, "");
  const parts = partsOf(text);
  const out: Citation = { title: "" };
  let from = 0;
  // "[CVPR 2021] Title", "(arXiv 2023) Title": the venue first.
  if (parts.length > 1 && parts[0]!.type === "year") {
    citedFacts([parts[0]!], out);
    from = 1;
  } else {
    const lead = /^\s*[[(]([^()[\]]{2,40})[)\]]\s*/.exec(text);
    const said = lead ? yearPart(lead[1]!) : undefined;
    if (lead && said) {
      const rest = citation(text.slice(lead[0].length));
      const title = rest?.title ?? text.slice(lead[0].length).trim();
      if (!title) return undefined;
      return { ...rest, title, year: said.year, ...(said.event !== undefined ? { event: said.event } : {}) };
    }
  }
  // "Attention Is All You Need, Vaswani et al.": a title of capitalised words reads as a name, and
  // the names after it joined it; the title is never a list of names, so its first piece is the title.
  const first = parts[from];
  // "A. Author, B. Author. Title. SOSP 2003": the authors first, then the title.
  // A title of capitalised words reads as names too ("Paxos Made Simple. Leslie Lamport."): the
  // authors come first only when they are several or written with initials.
  if (first && first.type === "names" && (first.names!.length >= 2 || /\b\p{Lu}\./u.test(first.text)) && parts[from + 1]?.sep === "." && parts[from + 1]!.type !== "year") {
    out.people = first.names!.map((n) => n.replace(/(?<=\p{L}{2})\.$/u, ""));
    const next = parts.findIndex((p, i) => i > from + 1 && p.type === "year");
    out.title = text.slice(parts[from + 1]!.start, next < 0 ? text.length : parts[next]!.start).replace(SEPARATORS_AT_END, "").trim();
    if (next >= 0) {
      let end = next;
      while (end < parts.length && FACT_TYPES.includes(parts[end]!.type)) end++;
      citedFacts(parts.slice(next, end).filter((p) => p.type === "year"), out);
    }
    return out.title ? out : undefined;
  }
  if (first && (first.type === "names" || first.type === "name?") && first.names!.length >= 2 && text.slice(first.start, first.end).includes(",")) {
    const comma = text.indexOf(",", first.start);
    out.title = text.slice(first.start, comma).trim();
    citedFacts([{ ...first, names: first.names!.slice(1) }, ...parts.slice(from + 1).filter((p) => p.type === "year")], out);
    return out.title ? out : undefined;
  }
  const k = parts.findIndex((p, i) => i > from && (p.type === "names" || p.type === "year"));
  if (k < 0) {
    if (from === 0) return undefined;
    out.title = text.slice(parts[from]!.start).trim();
    return out.title ? out : undefined;
  }
  // What follows the first names or year is the citation's facts; prose among them ("In Proceedings
  // of the 19th Symposium") is the venue's long name, read no further.
  // A title cut at a comma or a full stop may hold more facts ("Title, Rosenblum and Ousterhout,
  // SOSP 1991": surnames alone read as no names): only a title whole, or cut at a subtitle's ":" or
  // " - ", is the title.
  if (parts.slice(from + 1, k).some((p) => p.sep === "," || p.sep === "." || p.sep === ";")) return undefined;
  // Nor when a part was left out between them (an affiliation after names is dropped from the parts).
  if (/\p{L}/u.test(text.slice(parts[k - 1]!.end, parts[k]!.start))) return undefined;
  let end = k;
  while (end < parts.length && FACT_TYPES.includes(parts[end]!.type)) end++;
  out.title = text.slice(parts[from]!.start, parts[k]!.start).replace(SEPARATORS_AT_END, "").trim();
  if (!out.title) return undefined;
  return citedFacts(parts.slice(k, end), out);
}
