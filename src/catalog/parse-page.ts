// parsePage(text, source) -> Page: pure, no I/O (#2). The loader in src/io/ reads the file.
import type { Heading, Kind, Link, Page, ParsedEntry } from "./types";
import { UNTITLED_SECTION } from "./types";
import { readFrontMatter } from "./front-matter";
import { readNotes } from "./item-notes";
import { boldLabel, DATE_ALONE, MAX_ELEMENTS, TooManyElements, walk, walkChunks, type Block, type Item, type Segment } from "./markdown";
import { PageError } from "../errors";
import { MAX_ENTRIES } from "./limits";
import { hostKind, isProfile, pdfOnly, sectionKind, shapeOnlyKind, sluggedPost, weakTalkSection } from "./classify";
import { fold } from "../text/fold";
import { ET_AL, isPersonName, speakersWithCompanies, splitSpeaker } from "./speaker";
import { EMPHASIS, LINK_CLOSE, LINK_OPEN, durationOf, talkFacts } from "./talk-facts";
import { citation, datedHeading, eventOfTitle, MONTH, MONTH_ONLY, SEASON, partsOf, readList, TRADE_CUE, yearPart, type ItemReading, type LayoutItem } from "./layout";
import { affiliatedNames, authorDateCitation, cellCitation, citedFacts, namesFirstCitation, quotedTitleCitation, surnameLists, venueColumn, votesForAuthors, type CitedFacts } from "./citations";
import { LINK_WORD, byLine, isRecordingWord, labelledFacts, linkWordKind, namesOf, type ByLine } from "./heading-talks";

const CLOCK_IN_TITLE = /\[((?:\d{1,2}:)?\d{1,2}:\d{2})\]/;
import { slugify } from "./ids";
import { canOpen } from "./urls";
import { sanitize, stripEscapes } from "../text/sanitize";
import { extractFields, type FieldRow } from "./fields";

/** White space but the plain space, as JavaScript's \s has it. */
function otherSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether `/\s\s|[^\S ]|^\s|\s$/` matches: white space other than one space between words.
 * A loop over the characters, not the expression: this runs on every text of every entry (#26).
 */
function untidy(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  let space = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return true;
      space = true;
    } else if ((c < 33 || c >= 0xa0) && otherSpace(c)) return true;
    else space = false;
  }
  return space;
}

/** Text a page gives us, made safe and tidy: no controls, single spaces, trimmed. */
function clean(text: string): string {
  // The reader cleans one text several times in a row (a link's text, its url): the last answer is kept (#26).
  if (text === lastDirty) return lastClean;
  const safe = sanitize(text);
  lastDirty = text;
  lastClean = untidy(safe) ? safe.replace(/\s+/g, " ").trim() : safe;
  return lastClean;
}
let lastDirty = "";
let lastClean = "";

/** Separators between a link and its description: "- ", "– ", "— ", ": ", "| ". */
const LEADING_SEPARATOR = /^\s*(?:[-\u2013\u2014:|]|&mdash;)\s*/;

/** A path that files a PDF with papers, and one that names slides. */
const PAPER_PATH = /\/(?:papers?|pubs|publications)\//i;
/** A path inside a repository on a code host, not the repository itself. */
const REPO_INSIDE = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org)\/[^/]+\/[^/]+\/(?:-\/)?(?:blob|tree|raw)\/[^/]+\/./i;
const SLIDES_PATH = /slides?|presentations?|talks?|deck/i;

/**
 * Whether a link under a talks heading, of the kind its address gave it, is a talk's materials, so
 * the talk (#23): a PDF no paper host names, or a file or a folder inside a repository
 * ("github.com/o/r/blob/main/deck.pdf", "…/tree/main/AVAR_2021") — not a paper or a repository —
 * unless its path files it with papers and names no slides ("…/papers/em.pdf"; "…/papers/fuzz-slides.pdf" is a deck).
 */
function talkMaterials(kind: Kind, url: string): boolean {
  if (kind === "repo") return REPO_INSIDE.test(url);
  return kind === "paper" && (pdfOnly(url) || REPO_INSIDE.test(url)) && (!PAPER_PATH.test(url) || SLIDES_PATH.test(url));
}

/** The text after a title link, with the markers talkFacts reads (emphasis, links). */
function tailText(segments: Segment[]): string {
  let text = "";
  for (const s of segments) {
    const own = s.text.replace(/[\u0001-\u0003]/g, "");
    if (s.type === "emphasis") text += EMPHASIS;
    // Code spans are labels of their own ("`Uber` `2017`"): a separator keeps two from reading as one "Uber 2017" event (#23).
    else if (s.type === "text" && s.code) text += `; ${own}`;
    else if (s.type === "link") text += LINK_OPEN + own + LINK_CLOSE;
    else text += own;
  }
  return text;
}

/** A link to a place in the page itself: "#content", "./#top-ml-papers" (a table of contents, "back to top"). */
const IN_PAGE = /^\s*(?:\.\/)?#/;

/**
 * A link that makes an entry (or a related link). Links that can never be opened (mailto:, tel:,
 * javascript:, "//host", …; canOpen) are left out like images and anchors: otherwise entry 2 of
 * a real awesome list is a mailto: link titled "here", and `open 1 2 3 4 5 6` refuses all six
 * (#12). Ids do not move: an id depends on its entry's title and url only.
 */
function usableLink(segment: Segment): segment is Extract<Segment, { type: "link" }> {
  if (segment.type !== "link" || segment.imageOnly) return false;
  // The reader asks this of one link several times in a row: the last answer is kept (#26).
  const url = segment.url;
  if (url === lastUrl) return lastUsable;
  lastUrl = url;
  lastUsable = url.trim() !== "" && !IN_PAGE.test(url) && !HOUSEKEEPING.test(url) && canOpen(clean(url));
  return lastUsable;
}
let lastUrl: string | undefined;
let lastUsable = false;

/**
 * The files every repository has about itself (#23): "Please read the [contribution guidelines](contributing.md)",
 * "[LICENSE](LICENSE)", a code of conduct. They say how the list is kept, not what it lists: no entries.
 */
const HOUSEKEEPING = /(?:^|\/)(?:contributing|license|licence|code[-_]of[-_]conduct)(?:\.(?:md|markdown|txt|rst))?\/?(?:[?#].*)?$/i;

/** App stores: a link there, nested under an app's item, is where to get the app, not an entry of its own. */
const STORE = /^https?:\/\/(?:www\.)?(?:apps\.apple\.com|itunes\.apple\.com\/(?:[a-z]{2}\/)?app\/|play\.google\.com\/store\/apps|f-droid\.org\/(?:[a-z]{2}(?:_[A-Za-z]+)?\/)?packages|apps\.microsoft\.com|flathub\.org\/apps|snapcraft\.io\/[^/]+$|testflight\.apple\.com)/i;

/** What such a link says: "App Store", "Google Play", "Get it on F-Droid", "Download". */
const STORE_TEXT = /^(?:(?:get it on|download on(?: the)?|available on(?: the)?)\s+)?(?:app\s*store|mac app store|google play|play store|f-?droid|testflight|flathub|snap(?:craft)?|microsoft store|download)$/i;

/** Words of two letters or more: what makes text a sentence rather than a label. */
const WORD = /\p{L}{2,}/gu;
const wordCount = (text: string): number => text.match(WORD)?.length ?? 0;
/** A label that leads an item: "**Term**: ", "Zoom - ". */
const LEAD_LABEL = /^.{1,60}?(?::(?=\s|$)|\s[-\u2013\u2014|](?=\s|$))\s*/;
const ENDS_IN_LABEL = /[:\-\u2013\u2014|]$/;

/**
 * A list item that is prose explaining its section, not a link with its description (#23): after a
 * label, its first link sits inside a sentence ("**Data preparation**: Pre-training requires massive
 * datasets (e.g., [Llama 3.1](…) was trained…"), or every link does ("**Zoom** - [Very bad privacy
 * policy](…). Apps have [Google trackers](…)."). An item that leads with its link ("[Lib](…) - Does
 * x, see [docs](…)") or whose first link follows its label and is followed by a description
 * ("**Jane Doe** - [Title](…) - …", "**Title**: [video](…), [slides](…)") is an entry as before.
 */
function proseItem(segments: readonly Segment[], at: number): boolean {
  const before = segments.slice(0, at).map((s) => s.text).join("").replace(/[\u0001-\u0003]/g, "").trim();
  if (!before) return false;
  if (wordCount(segments.map((s) => s.text).join(" ")) < 8) return false;
  // "Jane Doe: Oral history [video](…)": a link named only by what it is takes its title from the text before it.
  if (GENERIC_TITLE.test(segments[at]!.text.trim())) return false;
  // "Label: text [Title](…) - description": the layout of an entry, whatever the text before its link says.
  let next = at + 1;
  while (next < segments.length && !usableLink(segments[next]!) && !segments[next]!.text.trim()) next++;
  if (next < segments.length && !usableLink(segments[next]!) && LEADING_SEPARATOR.test(segments[next]!.text) && /^\s*[-\u2013\u2014|]/.test(segments[next]!.text)) return false;
  const links = segments.flatMap((s, i) => (usableLink(s) ? [i] : []));
  const gap = (from: number, to: number) => segments.slice(from + 1, to).map((s) => s.text).join("");
  // The sentence goes on after the links: "… [Chroma](…), [Pinecone](…), etc.) are designed to store …".
  if (wordCount(gap(links.at(-1)!, segments.length)) < 3) return false;
  const unlabelled = before.replace(LEAD_LABEL, "");
  if (!ENDS_IN_LABEL.test(before)) return unlabelled !== before && wordCount(unlabelled) >= 2 && wordCount(segments.map((s) => s.text).join(" ")) >= 12;
  if (links.length < 2) return false;
  if (/^\s*[-\u2013\u2014:|]/.test(gap(links[0]!, links[1]!))) return false;
  return links.slice(1).every((to, i) => wordCount(gap(links[i]!, to)) >= 2);
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

const UNTITLED = UNTITLED_SECTION;

function baseName(source: string): string {
  return source.replace(/^.*[\\/]/, "").replace(/\.(md|markdown)$/i, "") || source;
}

/** One entry as the layout reader sees it, and the list it is an item of. */
interface Pending {
  item: LayoutItem;
  /** Entries of one list share this array (their heading's path, or their parent item's labels). */
  list: readonly string[];
  /** A talk only by its heading's weak word ("Video Streaming"): the entries' shape decides (#23). */
  weakTalk: boolean;
  fromHost: boolean;
  /** The description after the link, for an item whose text before it was read as facts. */
  after: string;
  /** The item it is nested in, if any. */
  parent?: Block;
}

/** A link whose text is only a recording's symbol: "📺", "🎥", "▶️", ":movie_camera:". */
const RECORDING_SYMBOL = /^(?:\u{1F4FA}|\u{1F3A5}|\u{1F4F9}|\u{1F3AC}|\u25B6\uFE0F?|:(?:tv|movie_camera|video_camera|arrow_forward|clapper):)$/u;

/** "[doi:10.1186/s13059-015-0850-7](…)", "[arXiv:1706.03762](…)": a link titled by its identifier names where, not what; the text before it is the title (#23). */
const IDENTIFIER_TITLE = /^(?:doi:\s*)?10\.\d{4,9}\/\S+$|^doi:\s*\S+$|^arxiv:\s*\d{4}\.\d{4,5}(?:v\d+)?$|^https?:\/\/(?:dx\.)?doi\.org\/\S+$/i;
/** Link texts that say what a link is, not what it is called ("video", "video and discussion", "video (starting at 14:35)"): the title comes from elsewhere. */
const GENERIC_TITLE = /^\[?(?:(?:video|videos|watch|recording|recorded|link|here|youtube|vimeo|talk|presentation|slides?|deck|pdf|paper|arxiv|transcript)(?:\s+playlist|\s+and\s+(?:slides|demo|video|discussion))?(?:\s+\([^()]{1,30}\))?|playlist|part\s*\d+|\d+)\]?$|^\(\d+\)$/i;
/** A link's text that is a short label in brackets ("[nature]", "[PMLR]", written "[[nature]](…)"). */
const BRACKETED_LABEL = /^\[[\p{L}\p{N} .&+-]{1,20}\]$/u;
/** A link titled only as a paper (#23): its title is the item's text when that reads as a citation. */
const PAPER_WORD = /^\[?(?:paper|pdf)\]?$/i;
/** A paper's related links titled by what they are: "[Code]", "[Github]", "[Project]" (#23). */
const CODE_LINK = /^\[?(?:code|github|source(?: code)?|project(?: page)?|website|bibtex|data(?:set)?|demo)\]?$/i;
/** Links that go beside a talk's recording, not instead of it. */
const SECONDARY = /^(?:slides?|deck|transcript|pdf|code|source|notes|blog post|mirror)$/i;
/**
 * A link after a talk's title that says only what it is ("[[slides]](…)", "([mirror](…))", "[video](…)"):
 * a related link, whose text is no fact of the item and must not stand between the title and the
 * facts after it ("[Title](…) [[mirror]](…) [00:56:55] by **Jane Doe** (2014)").
 */
function kindTitled(text: string): boolean {
  let from = 0;
  let to = text.length;
  // Loops, not /^[[(]+|[\])]+$/: that expression backtracks on a long run of brackets.
  while (from < to && (text[from] === "[" || text[from] === "(" || /\s/.test(text[from]!))) from++;
  while (to > from && (text[to - 1] === "]" || text[to - 1] === ")" || /\s/.test(text[to - 1]!))) to--;
  const t = text.slice(from, to);
  // A recording's other copies and its deck; a paper's "[code]" and "[pdf]" stay for its citation reader (citations.ts).
  return /^(?:slides?|deck|transcript|mirror|videos?|recording|audio|mp3|youtube|vimeo)$/i.test(t);
}
/** The brackets a kindTitled link stood in, left empty once its text is gone: "( )", "[ , ]". */
const EMPTY_BRACKETS = /\(\s*(?:[,;|/]\s*)*\)|\[\s*(?:[,;|/]\s*)*\]/g;
/** The start of an item that says where a talk was given. */
const PRESENTED = /^(?:presented|given|held|talk|recorded|spoke)?\s*(?:at|@)(?:\s+the)?\s*$/i;
/** "Presented at a local community Python meetup [PyVo](…)": words between "at" and the event's link. */
const PRESENTED_AT = /^(?:presented|given|held|spoke)(?:\s+\p{L}+)?\s+(?:at|@)\s[^.]{0,60}$/iu;
/** "Presented at Meeting C++ 2019 in Berlin.", "Presented internally at ETH Zurich in 2019.": a talk's event in words. */
const PRESENTED_PLAIN = /^(?:presented|given|held|spoke)(?:\s+\p{L}+)?\s+(?:at|@)\s+(?:the\s+|a\s+)?(.+?)[.\s]*$/iu;

/** Where a talk was given, from a plain "Presented at …" line: the event and year it names. */
export function presentedAt(text: string): { event?: string; year?: number } | undefined {
  const m = PRESENTED_PLAIN.exec(text);
  if (!m) return undefined;
  let rest = m[1]!.trim();
  let year: number | undefined;
  const inYear = /\s+in\s+((?:19|20)\d{2})$/.exec(rest);
  if (inYear) {
    year = Number(inYear[1]);
    rest = rest.slice(0, inYear.index);
  }
  // The place after the event: "in Berlin", "in Prague, Czechia".
  rest = rest.replace(/\s+in\s+\p{Lu}[\p{L}\s,.-]*$/u, "").trim();
  const said = yearPart(rest);
  if (said) return { ...(said.event ? { event: said.event } : {}), year: said.year };
  if (rest.length > 0 && rest.length <= 60 && /^[\p{Lu}\p{N}]/u.test(rest) && rest.split(/\s+/).length <= 6) return { event: rest, ...(year !== undefined ? { year } : {}) };
  return year !== undefined ? { year } : undefined;
}

/** "A talk by A and B at Conf 2011", "_[Name](profile) at [**Meetup**](…)_": who gave a heading's talk, and where. */
const TALK_PROSE = /^(?:(?:a|the|this)\s+)?(?:(?:talk|presentation|keynote|lecture|session|workshop|video)\s+)?(?:(?:given|presented|delivered)\s+)?(by\s+)?(.+?)(?:\s+(?:at|@)\s+(?:the\s+)?(.+?))?[\s.]*$/i;

/**
 * The prose under an archive's heading that titles one talk (#23): the speakers (plain names after
 * "by", or profile links), the event and year after "at". Undefined when the paragraph says
 * something else, or holds a link that is neither a profile nor the event: then it is read as usual.
 */
function talkProse(segments: readonly Segment[]): { speakers: string[]; event?: string; year?: number } | undefined {
  const first = segments.find((s) => s.type !== "emphasis" && /[\p{L}\p{N}]/u.test(s.text));
  const byProfile = first !== undefined && usableLink(first) && isProfile(first.url);
  let text = "";
  let eventAt = -1;
  for (const s of segments) {
    if (s.type === "link" && usableLink(s) && !isProfile(s.url)) {
      // Only one other link, the event's, after "at".
      if (eventAt >= 0 || !/\s(?:at|@)\s*(?:the\s+)?$/i.test(text)) return undefined;
      eventAt = text.length;
    }
    text += s.text;
  }
  // An emphasis left open ("_[Name](…) at [**Meetup**](…)\_") leaves its marks as text.
  const m = TALK_PROSE.exec(clean(text.replace(/[\u0001-\u0003]/g, "")).replace(/^[\s_*]+|[\s_*]+$/g, ""));
  // Plain names need "by" before them or an event after them ("Jane Doe at [**Meetup**](…)").
  if (!m || (!m[1] && !byProfile && !m[3]) || m[2]!.length > 120) return undefined;
  const names = namesOf(m[2]!);
  if (names.length === 0 || !names.every((n) => isPersonName(n) || (byProfile && n.length <= 40 && !/\d/.test(n)))) return undefined;
  const out: { speakers: string[]; event?: string; year?: number } = { speakers: names };
  const where = m[3]?.trim();
  if (where) {
    const said = yearPart(where);
    if (said) {
      out.year = said.year;
      if (said.event) out.event = said.event;
    } else if (where.split(/\s+/).length <= 6 && /^[\p{Lu}\p{N}]/u.test(where)) out.event = where;
  }
  return out;
}

/** Link texts that point from a sentence ("found [here](…)", "see [this page](…)"), naming nothing. */
const DEICTIC = /^(?:here|this|this link|this page|this list|link)$/i;

/**
 * A paragraph of sentences with links in them ("This section collects talks about [Rust](…) and
 * …"), that explains its section or page: the text before its first link is a sentence's start,
 * not a label ("Jane Doe: [Title](…)"), and no other paragraph is beside it (#23). A paragraph
 * that is a link alone, or a link and its description, stays an entry.
 */
function explainsList(segments: readonly Segment[], at: number, prev: Item | undefined, next: Item | undefined, first = false): boolean {
  // A run of such paragraphs is the page's own list of links, each an entry; and only a
  // paragraph between lists and headings is looked at, so that removing a list item never makes its section's prose an entry again
  // (#17's "the rest of the page reads the same").
  const linked = (i: Item | undefined) => i?.type === "block" && i.block.place?.kind === "paragraph" && i.block.segments.some(usableLink);
  const before = segments.slice(0, at).map((s) => s.text).join("").trim();
  // "[Backup](wikipedia) software.", "[Configuration management (CM)](…) is a systems engineering
  // process…": the first paragraph under a heading, a sentence whose subject is its link, over the
  // section's list (or a "See also: […]" line before it), defines the section; no entry (#24).
  if (first && !before && !linked(prev)) {
    const after = segments.slice(at + 1).map((s) => s.text).join("").replace(/[\u0001-\u0003]/g, "").trim();
    // After it: the list, a line of no entry ("**Please visit [X](#x)**"), or a "See also: […]" line.
    const nextAt = next?.type === "block" ? next.block.segments.findIndex(usableLink) : -1;
    const list = next?.type === "block" && (next.block.place?.kind === "item" || (next.block.place?.kind === "paragraph" && (nextAt < 0 || ENDS_IN_LABEL.test(next.block.segments.slice(0, nextAt).map((s) => s.text).join("").replace(/[\u0001-\u0003]/g, "").trim()))));
    // "[Continuous integration](…)/[deployment](…) software.": the sentence goes on after a second link.
    // "[Identity management](…) (IdM), also known as …, is a framework": its short form in brackets first.
    if (list && /^\p{Ll}/u.test(after.replace(/^\([^()]{1,40}\)[,\s]*/, "").replace(/^[/&,+\s]+/, "")) && /[.!?]$/.test(after)) return true;
  }
  if (linked(prev) || linked(next)) return false;
  if (ENDS_IN_LABEL.test(before)) return false;
  // "(There is a good list of talks about JS to be found [here](…))": a link called "here" is a word of its sentence.
  if (DEICTIC.test(segments[at]!.text.trim()) && wordCount(before) >= 6) return true;
  const all = wordCount(segments.map((s) => (s.type === "link" ? "" : s.text)).join(" "));
  return wordCount(before) >= 1 && all >= 12;
}

/** At most this many words make a section's intro line (an explanation longer than that is no line). */
const INTRO_WORDS = 40;

/** A paragraph without links that reads as a line about its section: a word or more, and a few only. */
function introLine(segments: readonly Segment[]): boolean {
  const words = wordCount(segments.map((s) => s.text).join(" "));
  return words >= 1 && words <= INTRO_WORDS;
}

/** The plain text of segments, clean. */
/** Segments' text with EMPHASIS where emphasis opens or closes. */
function marks(list: readonly Segment[]): string {
  return list.map((s) => (s.type === "emphasis" ? EMPHASIS : s.text)).join("").replace(/\s+/g, " ").trim().replace(/(?<![\s:])[\s:]+$|(?<!\bal)\.$/, "");
}

/**
 * "[2024-03-13](folder) (KCN-STL) Jane Doe, _Title_": a link titled only by a date names when, not
 * what (#23). The year of the date; the emphasised text after the link, its title; the text around
 * that, the item's description; and all the text after the link with its emphasis marked, which the
 * layout reader reads as a link's text ("Jane Doe, **Title**"). Undefined for a link titled
 * otherwise, or with no emphasised text after it.
 */
function dateTitled(linkText: string, segments: readonly Segment[], at: number): { year: number; title: string; rest: string; marked: string } | undefined {
  const year = dateOnly(linkText);
  const emphasised = year === undefined ? undefined : emphasisAfter(segments, at);
  return emphasised && { year: year!, ...emphasised };
}

/** "2024-03-13", "2024/03", "13.03.2024", "March 13, 2024": a text that is a date and nothing else, and its year. */
function dateOnly(text: string): number | undefined {
  const t = text.trim();
  const iso = /^((?:19|20)\d{2})[-./](?:0?[1-9]|1[0-2])(?:[-./](?:0?[1-9]|[12]\d|3[01]))?$/.exec(t) ?? /^(?:0?[1-9]|[12]\d|3[01])[-./](?:0?[1-9]|[12]\d|3[01])[-./]((?:19|20)\d{2})$/.exec(t);
  if (iso) return Number(iso[1]);
  const said = /\d/.test(t) && /\p{L}/u.test(t) ? yearPart(t) : undefined;
  return said && said.event === undefined ? said.year : undefined;
}

/** The first emphasised text after segment `at` that has letters ("_Title_"), the text around it, and all of it with its emphasis marked (EMPHASIS). */
function emphasisAfter(segments: readonly Segment[], at: number): { title: string; rest: string; marked: string } | undefined {
  const open = segments.findIndex((s, i) => i > at && s.type === "emphasis");
  const close = open < 0 ? -1 : segments.findIndex((s, i) => i > open && s.type === "emphasis");
  if (close < 0 || segments.slice(open + 1, close).some((s) => s.type === "link")) return undefined;
  const title = clean(segments.slice(open + 1, close).map((s) => s.text).join("")).replace(/\s+/g, " ");
  if (!/\p{L}/u.test(title)) return undefined;
  const text = (list: readonly Segment[]) => list.map((s) => s.text).join("");
  const rest = `${text(segments.slice(at + 1, open)).replace(/[\s,;:\-\u2013\u2014]+$/, "")} ${text(segments.slice(close + 1))}`.replace(/\s+/g, " ").trim();
  return { title, rest, marked: marks(segments.slice(at + 1)) };
}

/** What text before a link ends with where the link's title was to come ("Title: ", "Title - ("), tried from the run's start only. */
const LEAD_END = /(?<![\s:\-\u2013\u2014|([])[\s:\-\u2013\u2014|([]+$/;

/**
 * "[English] Title", "[GER] ", "(PT-BR) ": a label of the language a talk or a post is given in,
 * before its title, as lists of several languages write it: no part of the title (#23).
 */
const LANGUAGE_LEAD = /^\s*[([](?:english|portuguese|portugu\u00eas|brazilian portuguese|spanish|espa\u00f1ol|german|deutsch|french|fran\u00e7ais|italian|italiano|russian|chinese|japanese|korean|polish|dutch|turkish|ukrainian|en|eng|pt|pt-br|br|es|de|ger|fr|it|ru|cn|zh|jp|ja|kr|ko|pl|nl|tr|ua)[)\]]\s*/i;

/** The text before a link titled only by its kind, its emphasis marked, when it holds the title taken from it; else that title. */
function textBeforeLink(list: readonly Segment[], title: string): string {
  const marked = marks(list).replace(LEAD_END, "").trim();
  return marked.includes(EMPHASIS) && clean(marked.replace(/\u0001/g, "")).includes(title) ? marked : title;
}

/** "- Presented at:" after a talk's link: the items nested under it are where it was given. */
const PRESENTED_UNDER = /^\s*[-\u2013\u2014:,]?\s*(?:presented|given|held|delivered)\s+(?:at|@)\s*:?\s*$/i;

/** The title of the talk a nested item's parent names when its text after its link says "Presented at:". */
function presentedUnder(parent: { segments: readonly Segment[] } | undefined): string | undefined {
  if (!parent) return undefined;
  const at = parent.segments.findIndex(usableLink);
  if (at < 0 || !PRESENTED_UNDER.test(textOfSegments(parent.segments.slice(at + 1)))) return undefined;
  return clean(parent.segments[at]!.text) || undefined;
}

/** A session's own material beside its recording: "Slides", "Demos - .NET Podcasts", "Demo code". */
const SESSION_MATERIAL = /^(?:slides?|deck|demos?|demo code|code|samples?|source|transcript|notes)\b/i;

/** A profile link's text that names its person ("Jeremy Likness", "Maddy Leger Montaquila"): the profile says it is a person's. */
const PROFILE_NAME = /^(?=.{2,40}$)\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:\s+[\p{L}][\p{L}\p{M}.'\u2019-]*){0,4}$/u;

/**
 * The header cells that name a table's columns (#23): "| Title | Speaker | Video |", "| Paper | Authors | Year |".
 * Only where the link stands in another column than the title ("[:arrow_forward:](video)"), and only the
 * title and the people: a row whose link is its title the layout reader reads cell by cell, and years,
 * dates and events it reads from the cells themselves (and cuts from the description).
 */
const TITLE_COLUMN = /^(?:title|talk|name|session|topic|paper|presentation|subject)s?$/i;
/** A title column by a name that is no person's: where "Name" is one too, it is the presenter's ("| Name | Event | Title & link |"). */
const OWN_TITLE_COLUMN = /^(?:title|talk|session|topic|paper|presentation|subject)s?$/i;
/** People's columns: who gave a talk (its rows are talks), and who wrote a paper or gave either. */
const SPEAKER_COLUMN = /^(?:speakers?|speaker\(s\)|presenters?|presented by)$/i;
const PEOPLE_COLUMN = /^(?:speakers?|speaker\(s\)|presenters?|presented by|by|who|authors?|author\(s\))$/i;
const NAME_COLUMN = /^(?:names?|full name|speaker name|presenter name)$/i;
/** A header cell's words about what else the column holds: "Title & link", "Event & Year". */
const COLUMN_ALSO = /\s*(?:&|and|\/|\+)\s*(?:links?|urls?|years?|dates?|videos?|slides?|place|location)$/i;
/** Header cells of where and when: "| Event |", "| Conference |", "| Date |", "| Year |" (#23). */
const EVENT_COLUMN = /^(?:events?|conferences?|conf|venues?|meetups?|where)$/i;
const DATE_COLUMN = /^(?:date|dates|year|when|published)$/i;
/** A bracket before a talk's link that holds its year and event: "[2012, TEDxCHUV]", "(PyCon US, 2019)". */
const LEAD_YEAR_EVENT = /^[[(]([^()[\]]{4,60})[)\]]$/;
/** A month, a day of one or a season at an event's end: " - Jan 10th", " May", " - Fall". */
const EVENT_DATE_END = new RegExp(`[\\s,\u2013-]+(?:${MONTH}\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?|${SEASON})$`, "i");
/** "Summer 2019": a season and its year, a date cell's. */
const SEASON_YEAR = new RegExp(`^${SEASON}\\s+((?:19|20)\\d{2})$`, "i");

/** What a table row says in the columns its header names, beside the cell of its link `at`. */
interface RowColumns {
  title?: string;
  people?: string[];
  /** The event cell's event, without its year or place, and the year of the event or date cell. */
  event?: string;
  year?: number;
  /** Whether the link stands in the title column itself. */
  linkInTitle: boolean;
  /** Whether the people's column names speakers ("Speaker", "Presenter"), not authors: the rows are talks. */
  speakerColumn?: boolean;
  /** Whether the header names the people's column itself ("Author", "Speakers"), not only a name's, before the link's cell. */
  peopleColumn?: boolean;
  /** What a Type column says the row is: "Video", "Podcast", "Article", "Paper". */
  kind?: Kind;
}

/** A column of what each row is: "| Type |", "| Kind |", "| Format |", "| Media |". */
const TYPE_COLUMN = /^(?:types?|kinds?|formats?|media|medium)$/i;

function rowColumns(block: Block, at: number): RowColumns | undefined {
  const { header, cells, segments } = block;
  if (!header || !cells || cells.length === 0) return undefined;
  let linkCell = 0;
  cells.forEach((start, c) => start <= at && (linkCell = c));
  // A cell ends where the next starts, less the " | " joined between them.
  const cell = (c: number): string => clean(textOfSegments(segments.slice(cells[c]!, c + 1 < cells.length ? cells[c + 1]! - 1 : segments.length)));
  const column = (re: RegExp): number => header.findIndex((h) => re.test(h.replace(/[*_:`]/g, "").trim().replace(COLUMN_ALSO, "")));
  const out: RowColumns = { linkInTitle: false };
  const own = column(OWN_TITLE_COLUMN);
  const t = own >= 0 ? own : column(TITLE_COLUMN);
  if (t >= 0 && t < cells.length) {
    out.linkInTitle = t === linkCell;
    const text = cell(t);
    if (/\p{L}/u.test(text)) out.title = text;
  }
  const named = column(PEOPLE_COLUMN);
  const p = named >= 0 ? named : own >= 0 ? column(NAME_COLUMN) : -1;
  if (p >= 0 && p < cells.length && p !== linkCell) {
    // "Jane Doe et al.", "Jane Doe et.al." (as generated digests write it): the others unnamed.
    // "[Barry Smith]" (a reference never defined), "Hong Zhang (Ms.)", "Joseph Pusztay*": the name alone.
    const names = namesOf(cell(p).replace(ET_AL, "").replace(/^\[([^[\]]+)\]$/, "$1").replace(/\s*\((?:mr|ms|mrs|dr|prof)\.?\)$/i, "").replace(/(?<=\p{L})\*+$/u, ""));
    if (names.length > 0 && names.length <= 20 && names.every((n) => n.length <= 48 && !/\d/.test(n) && /^\p{Lu}/u.test(n))) {
      out.people = names;
      out.speakerColumn = SPEAKER_COLUMN.test(header[p]!.replace(/[*_:`]/g, "").trim());
      // Before the link's cell: out of the layout reader's reach, which reads the cells after it as the item's tail.
      out.peopleColumn = named >= 0 && p < linkCell;
    }
  }
  const k = column(TYPE_COLUMN);
  if (k >= 0 && k < cells.length && k !== linkCell) {
    const kind = linkWordKind(cell(k));
    if (kind !== undefined) out.kind = kind;
  }
  const e = column(EVENT_COLUMN);
  if (e >= 0 && e < cells.length && e !== linkCell) {
    // "OWASP BeNeLux days 2018", "AppDevcon (Amsterdam)", "r2con in Barcelona": the event without its year and place.
    const text = cell(e).replace(/\s*\([^()]*\)$/, "").replace(/\s+in\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)?$/u, "").trim();
    // "SouJava - Java User Group - 2025 - Brazil", "devTEC 2025 - Tubarão/SC - Brazil": the place after the year.
    const placed = yearPart(text) ? undefined : /^(.*?\p{L}.*?)[\s,-]+((?:19|20)\d{2})(?:(?:\s*[-,\u2013]\s*|\s+).*)?$/u.exec(text);
    const said = placed ? { year: Number(placed[2]), event: placed[1]!.trim() } : yearPart(text);
    // "Dapr Day - Fall 2024", "DevApps Meetup May 2021", "Dapr Community Call - Jan 10th": the date is no part of the event.
    const undated = (event: string): string => event.replace(EVENT_DATE_END, "").trim() || event;
    if (said) {
      if (said.event !== undefined) out.event = undated(said.event);
      out.year = said.year;
    } else if (/^\p{L}/u.test(text) && text.length <= 60 && !/^(?:n\/?a|tba|tbd|soon|none)$/i.test(text)) out.event = undated(text);
  }
  const d = column(DATE_COLUMN);
  if (d >= 0 && d < cells.length && d !== linkCell && out.year === undefined) {
    // "October 2022", "Summer 2019", "2017-05-11": the year the date cell ends with.
    const text = cell(d);
    const season = SEASON_YEAR.exec(text);
    const said = yearPart(text) ?? (season ? { year: Number(season[1]) } : undefined);
    if (said && said.event === undefined) out.year = said.year;
  }
  return out;
}

function textOfSegments(list: readonly Segment[]): string {
  return clean(list.map((s) => s.text).join("")).replace(/(?<![\s.:])[\s.:]+$/, "");
}

/** A heading that names a year ("## 2014", "2014 talks") or an event and its year ("## JSConf EU 2014"). */
function headingFacts(text: string): { year: number; event?: string } | undefined {
  // "## React Conf 2024 {/*react-conf-2024*/}", "## 2014 {#y2014}": a heading's id is not its text.
  const heading = text.replace(/\s*\{[#/][^}]*\}\s*$/, "");
  const y = /^(?:(?:year|talks?|videos?|papers?)\s+)?((?:19|20)\d{2})(?:\s+(?:talks?|videos?|papers?|edition))?$/i.exec(heading.trim());
  if (y) return { year: Number(y[1]) };
  // "# 2023 Annual PETSc Meeting", "## 2019 Summit": the year first, then words that name an event by their own cue.
  const first = /^((?:19|20)\d{2})\s+(\p{Lu}.*)$/u.exec(heading.trim());
  const named = first ? eventOfTitle(first[2]!) : undefined;
  if (named && named.year === undefined) return { year: Number(first![1]), event: named.event };
  // "### KubeCon NA 2023 (Chicago, Illinois) - Virtual": the place and the form after the event and its year (#23).
  const said = yearPart(heading) ?? yearPart(heading.replace(/\s*[-\u2013\u2014]\s*(?:virtual|online|remote|hybrid)\s*$/i, "").replace(/\s*\([^()]*\)\s*$/, "")) ?? datedHeading(heading) ?? archiveHeading(heading);
  // "## Research papers 2022", "## KubeCon talks 2019": the archive's own words are no part of an event.
  if (said?.event !== undefined) {
    const event = said.event.replace(ARCHIVE_WORDS, "").trim();
    if (event !== said.event) return event === "" || HEADING_ADJECTIVE.test(event) ? { year: said.year } : { year: said.year, event };
  }
  return said;
}

/**
 * A heading that names where papers were published: a conference's, symposium's or workshop's
 * name ("International Conference on Software Engineering", "USENIX Security Symposium"), or a
 * name with its acronym in brackets ("The Network and Distributed System Security Symposium (NDSS)").
 * Not a heading that files papers by what they are ("Workshop papers", "Conference talks").
 */
function venueHeading(heading: string): string | undefined {
  const text = heading.replace(/\s*\{[#/][^}]*\}\s*$/, "").trim();
  if (text.length > 120 || ARCHIVE_WORDS.test(text) || /\b(?:papers?|talks?|surveys?|books?|tutorials?|list|others?|misc(?:ellaneous)?)\b/i.test(text)) return undefined;
  const cue = /\b(?:symposium|conference|workshop|congress|proceedings)\b/i.test(text) || /^\p{Lu}[\p{L}\s&,-]+\s\((?=[\p{Lu}\d]*\p{Lu}{2})[\p{Lu}\d&-]{2,10}\)$/u.test(text);
  return cue && /^\p{Lu}/u.test(text) ? text : undefined;
}

/**
 * The event a talk's headings name without a year (the year, if any, is a heading's above): of its
 * nearest two headings, the first whose words name an event by a word of the trade ("ReactJS Girls
 * Conference", "Rust Belt Rust Meetup"). Never the page's own title, nor the top heading above others.
 */
function eventHeading(path: readonly string[], pageTitle: string | undefined): string | undefined {
  for (let i = path.length - 1; i >= Math.max(path.length - 2, 0); i--) {
    const heading = path[i]!;
    if (heading === pageTitle || (i === 0 && path.length > 1)) return undefined;
    if (headingFacts(heading) !== undefined || ARCHIVE_WORDS.test(heading)) return undefined;
    const said = eventOfTitle(heading);
    // By a word that says it is an event: an acronym alone ("PHP", "AWS") is a topic's heading as often.
    if (said && said.year === undefined && /^\p{Lu}/u.test(said.event) && TRADE_CUE.test(said.event)) return said.event;
  }
  return undefined;
}

/** A journal reference's volume, issue and pages after its name: ", 16(1), 274", " 2: e124", ", (16):25, 1-12", ", Vol. 4, Issue 1, pp. 109-122" (not a year). */
const JOURNAL_TAIL = /(?:,\s*|\s+)(?:vol(?:ume)?\.?\s*)?(?:\(\d+\)\s*:\s*\d+|(?!(?:19|20)\d{2}\b)\d{1,4}\s*(?:\(\d+(?:[-\u2013]\d+)?\)|:\s*e?\d+|,\s*(?:issue|no\.?|pp?\.|[A-Za-z]?\d))).*$/i;

/** A description without the separators its facts were cut from; "" when nothing but punctuation and numbers is left. */
function tidyDescription(text: string): string {
  const t = text.replace(/(^|\s)(?:at|by|@)\s*(?=[,;|]|$)/g, "$1").replace(/^[\s,;:|)\]]+/, "").replace(/\s+([,;])/g, "$1").replace(/([,;])(?:\s*[,;])+/g, "$1").trim();
  // "2, 3": the numbers of links read as related links ("[Part 1](…), [2](…), [3](…)"), no description.
  return /[\p{L}\p{N}]/u.test(t) && /[^\d\s,;.]/u.test(t) ? t : "";
}

/** A title that ends in its site's name after a dash ("Primitive Types — Flow" on flow.org): the title without it. */
function withoutSiteName(title: string, url: string): string | undefined {
  const m = /^(.*?[\p{L}\p{N}?!)"\u201d'])\s+[-\u2013\u2014\u2015|]\s+([^-\u2013\u2014\u2015|]{3,40})$/u.exec(title);
  if (!m) return undefined;
  const host = /^https?:\/\/(?:www\.)?([^/?#:@\s]+)/i.exec(url)?.[1];
  const name = fold(m[2]!).replace(/[^a-z0-9]/g, "");
  if (!host || name.length < 3) return undefined;
  return host.toLowerCase().replace(/[^a-z0-9]/g, "").includes(name) ? m[1]! : undefined;
}

/**
 * What is read of entries once the whole page is (#23): a title copied with its site's name loses
 * it ("Methods of primitives - Javascript.info"); a description keeps nothing its facts were cut
 * from; a journal's volume and pages leave its name ("Genome Biology, 16(1), 274"); and a paper or
 * a talk whose own text names no venue or event takes the one its headings name: a paper list
 * filed by venue ("### The Network and Distributed System Security Symposium (NDSS)"), an archive
 * filed by event ("### ReactJS Girls Conference" under "## 2019").
 */
function lastTouches(entries: ParsedEntry[], pageTitle: string | undefined): void {
  // Each heading's venue and each heading path's event, looked for once.
  const venues = new Map<string, string | null>();
  const events = new Map<string[], string | null>();
  for (const e of entries) {
    const bare = withoutSiteName(e.title, e.url);
    if (bare !== undefined) e.title = bare;
    if (e.description !== undefined) {
      const tidy = tidyDescription(e.description);
      if (tidy === "") delete e.description;
      else e.description = tidy;
    }
    if (e.kind === "paper" && e.event !== undefined) {
      const m = JOURNAL_TAIL.exec(e.event);
      if (m && m.index > 0 && /\p{L}{2}/u.test(e.event.slice(0, m.index))) e.event = e.event.slice(0, m.index);
    }
    if (e.event !== undefined) continue;
    if (e.kind === "paper") {
      let venue = venues.get(e.section);
      if (venue === undefined) venues.set(e.section, (venue = venueHeading(e.section) ?? null));
      if (venue !== null) e.event = venue;
    } else if (e.kind === "talk") {
      let event = events.get(e.sectionPath);
      if (event === undefined) events.set(e.sectionPath, (event = eventHeading(e.sectionPath, pageTitle) ?? null));
      if (event !== null) e.event = event;
    }
  }
}

/** Words before an archive's kind that name no event: "Research papers", "Selected talks", "Other videos". */
const HEADING_ADJECTIVE = /^(?:research|selected|recent|other|more|older|new|past|upcoming|featured|all|my|our|some|notable|accepted|published|conference|invited|keynote)$/i;

/** What an archive says of itself after its event and year: "# .NET Conf 2021 Code & Slides!", "## KubeCon 2019 talks and videos". */
const ARCHIVE_WORDS = /\s*[-\u2013\u2014:]?\s*(?:(?:code|slides?|talks?|videos?|recordings?|sessions?|presentations?|materials?|decks?|demos?|papers?|readings?|articles?|posts?|lectures?|episodes?)(?:\s*(?:&|and|,)\s*|\s+))*(?:code|slides?|talks?|videos?|recordings?|sessions?|presentations?|materials?|decks?|demos?|papers?|readings?|articles?|posts?|lectures?|episodes?)\s*[!.]*$/i;

function archiveHeading(heading: string): { year: number; event?: string } | undefined {
  const bare = heading.replace(ARCHIVE_WORDS, "");
  if (bare === heading || !/\d{2}$/.test(bare)) return undefined;
  // ".NET Conf 2021": a name may start with its dot.
  const dot = bare.startsWith(".");
  const said = yearPart(dot ? bare.slice(1) : bare);
  if (!said) return undefined;
  return said.event === undefined ? { year: said.year } : { year: said.year, event: dot ? `.${said.event}` : said.event };
}

/** Fewer items than this vote with their family of lists, not alone. */
const SHORT_LIST = 5;

/**
 * What the layout reader keeps of a page's lists until the page ends (#23, #26): the items of each
 * family of lists (lists under sibling headings, or nested under sibling items, at one depth), and
 * the short lists whose reading waits for their family. Lists are read as they end (a page read
 * piece by piece does not keep its blocks); only a short list's family is known at the end.
 */
interface ListReading {
  families: Map<string, { items: LayoutItem[]; readings?: ItemReading[] }>;
  waiting: { entries: ParsedEntry[]; pending: Pending[]; headingPaths: string[][]; own: ItemReading[]; family: string; at: number }[];
  byHeading: Map<string[], { year: number; event?: string } | null>;
  /** The entries whose year a heading gave: an item's own citation says more (#23). */
  headingYears: WeakSet<ParsedEntry>;
}

function listReading(): ListReading {
  return { families: new Map(), waiting: [], byHeading: new Map(), headingYears: new WeakSet() };
}

/**
 * Text that may hold a citation's facts, not only a title: names or a year (but names after "by",
 * "Learning Features by Watching Objects Move"), surnames cut at commas ("Rosenblum, Ousterhout: …"), "et al.".
 */
function mayHoldFacts(text: string): boolean {
  if (/\b(?:19|20)\d{2}\b|\bet al\b/.test(text)) return true;
  const parts = partsOf(text.replace(/\.$/, ""));
  if (parts.length >= 2 && parts[0]!.type === "org" && parts[1]!.type === "org" && parts[1]!.sep === ",") return true;
  // A title of capitalised words reads as one name ("Context Encoders: Feature Learning by Inpainting"): a first part is facts only as several names.
  return parts.some((p, i) => p.type === "year" || ((p.type === "names" || p.type === "name?") && p.sep !== "by" && (i > 0 || p.names!.length > 1)));
}

/** Segments as a citation's text: emphasis and links (but their own text) marked where they are; `skip`, the entry's own link, marked too. */
function markedText(segments: readonly Segment[], skip = -1): string {
  let text = "";
  segments.forEach((s, i) => {
    if (i === skip || s.type === "link") text += LINK_OPEN;
    else if (s.type === "emphasis") text += EMPHASIS;
    else text += s.text.replace(/[\u0001-\u0003]/g, "");
  });
  return text;
}

/** A paper's citation as its item gave it (#23). */
interface Citing {
  /** The item's text outside its link, emphasis and links marked, and the names lines nested under it. */
  text: string;
  /** Its title before a citation or the layout reader cut names out of it ("Learning Features by Watching Objects Move."). */
  title: string;
}

/**
 * The papers of each list read as citations, together (citations.ts, #23): the authors where the
 * list votes for a chunk of names (over none read, or over fewer of the same names), the venue and
 * year where none was read. A paper's title loses its citation's final full stop.
 */
function readPaperCitations(entries: ParsedEntry[], cites: Map<ParsedEntry, Citing>, headingYears: WeakSet<ParsedEntry>): void {
  // The lists (an entry's section), read; a list of fewer than three papers votes with its family (the sections beside it).
  const groups: { group: ParsedEntry[]; read: (CitedFacts | undefined)[]; all: (CitedFacts | undefined)[]; family: string }[] = [];
  const families = new Map<string, (CitedFacts | undefined)[]>();
  const allFamilies = new Map<string, (CitedFacts | undefined)[]>();
  let start = 0;
  while (start < entries.length) {
    let end = start + 1;
    while (end < entries.length && entries[end]!.sectionPath === entries[start]!.sectionPath) end++;
    const group = entries.slice(start, end);
    start = end;
    if (!group.some((e) => cites.has(e))) continue;
    const all = group.map((e) => {
      const text = cites.get(e)?.text;
      return text === undefined ? undefined : citedFacts(text);
    });
    const read = all.map((r, i) => (group[i]!.kind === "paper" ? r : undefined));
    const family = group[0]!.sectionPath.slice(0, -1).join("\u0000");
    groups.push({ group, read, all, family });
    // Pushed one by one: a family of thousands of papers would be copied once per list otherwise.
    const together = families.get(family) ?? [];
    for (const r of read) together.push(r);
    families.set(family, together);
    const allTogether = allFamilies.get(family) ?? [];
    for (const r of all) allTogether.push(r);
    allFamilies.set(family, allTogether);
  }
  // "- [Title](…) - Athey, Eckles, Imbens (2018)": a page that lists its authors as bare surnames.
  const everyCited = groups.flatMap((g) => g.all);
  const surnamed = surnameLists(everyCited);
  if (surnamed) for (const r of everyCited) if (r?.surnames) r.authors = r.surnames;
  for (const { group, read, all, family } of groups) {
    const papers = read.filter((r) => r !== undefined).length;
    const votes = votesForAuthors(papers >= 3 ? read : families.get(family)!);
    // Links no host names a paper ("Leslie Lamport. [Title](…/time.html). CACM, 1978."), in a list
    // whose items read as citations: the citation's shape, names and a year, makes each a paper.
    const cited = all.filter((r) => r !== undefined).length;
    const allVote = votes || votesForAuthors(cited >= 3 ? all : allFamilies.get(family)!);
    const venues = venueColumn(cited >= 3 ? all : allFamilies.get(family)!);
    group.forEach((e, i) => {
      if (e.kind === "page" && allVote && all[i]?.authors !== undefined && all[i]!.year !== undefined) e.kind = "paper";
      // "[Anal. Chem. 2024] Hoang, Corey, et al. [Title](…)" under "Discussions", on a journal's "/articles/…" address: names, a venue and its year make a paper.
      if ((e.kind === "article" || e.kind === "forum") && allVote && all[i]?.authors !== undefined && all[i]!.year !== undefined && all[i]!.event !== undefined) e.kind = "paper";
      const found = e.kind === "paper" ? all[i] : undefined;
      if (!found) return;
      const event = found.event ?? (venues ? found.venue : undefined);
      const r: CitedFacts = { ...(votes || allVote ? found : { ...(found.year !== undefined ? { year: found.year } : {}) }), ...(event !== undefined ? { event } : {}) };
      const had = e.authors.map((a) => fold(a));
      const whole = cites.get(e)?.title;
      // A title cut at "by" whose names the list's citation column does not confirm ("Learning Features by Watching Objects Move."): whole again.
      if (r.authors && whole !== undefined && whole !== e.title && had.length > 0 && !had.some((a) => r.authors!.some((n) => fold(n) === a)) && had.every((a) => fold(whole).includes(a.replace(/\.$/, "")))) {
        e.title = clean(whole);
        e.authors = [];
        had.length = 0;
      }
      // Names the fixed rules read that the list's citation column does not confirm and that read as no person's ("CACM"): the column's instead.
      if (r.authors && had.length > 0 && !had.some((a) => r.authors!.some((n) => fold(n) === a)) && !e.authors.some(isPersonName)) {
        e.authors = [];
        had.length = 0;
      }
      if (r.authors && e.speakers.length === 0 && r.authors.length > e.authors.length && had.every((a) => r.authors!.some((n) => fold(n) === a))) e.authors = r.authors.map(clean).filter(Boolean);
      // A page of bare surnames: "Hahn, Todd" is two of them, not one name turned round.
      else if (surnamed && found.surnames && e.speakers.length === 0) e.authors = found.surnames.map(clean).filter(Boolean);
      e.title = e.title.replace(/(?<=\p{L}{2}|[\p{N})])\.$/u, "");
      // "ACL'23 Findings" under "### 2022": the paper's own venue and year over its heading's.
      if (r.year !== undefined && (e.year === undefined || (headingYears.has(e) && r.event !== undefined))) e.year = r.year;
      // "Nakamoto S. '08.": the fixed rules' event is the citation's last author, where the list's citation column reads names.
      if (e.event !== undefined && r.authors?.some((a) => fold(a) === fold(e.event!.replace(/\.$/, "")))) delete e.event;
      if (r.event !== undefined) {
        const ev = clean(r.event);
        // "Zhiyu Li. Preprint" read by the fixed rules as one event: the venue chunk alone is it.
        if (e.event === undefined || (fold(e.event) !== fold(ev) && fold(e.event).endsWith(fold(ev)) && e.authors.some((a) => fold(e.event!).includes(fold(a))))) e.event = ev;
      }
    });
  }
}

/**
 * The layout reader over the lists of entries `from` on (#23): consecutive entries of one list are
 * read together, and what it finds is written into them: a title cut out of its link, speakers or
 * authors, event, year, length, what is left of the description. Then the facts of headings
 * (a year, an event), and the kind a weak heading word gave, which the entries' shape overrules.
 * A list too short to vote waits for finishLists(), which reads it with its family.
 */
function readLists(all: ParsedEntry[], from: number, layout: (Pending | undefined)[], headingPaths: string[][], state: ListReading): void {
  // The entries from `from` on; layout[i] and headingPaths[i] are those of entries[i].
  const entries = all.length === from + layout.length ? all.slice(from) : all.slice(from, from + layout.length);
  const waits = new Set<ParsedEntry>();
  let start = 0;
  while (start < entries.length) {
    let end = start + 1;
    const list = layout[start]?.list;
    while (end < entries.length && layout[end] !== undefined && layout[end]!.list === list && list !== undefined) end++;
    if (list === undefined) {
      start = end;
      continue;
    }
    const group = entries.slice(start, end);
    const pending = layout.slice(start, end) as Pending[];
    const items = pending.map((p) => p.item);
    const own = readList(items, end - start < SHORT_LIST);
    const path = headingPaths[start]!;
    const familyKey = `${path.slice(0, -1).join("\u0000")}\u0001${list === path ? 0 : list.length}`;
    const family = state.families.get(familyKey) ?? { items: [] };
    state.families.set(familyKey, family);
    const at = family.items.length;
    for (const item of items) family.items.push(item);
    if (end - start < SHORT_LIST) {
      state.waiting.push({ entries: group, pending, headingPaths: headingPaths.slice(start, end), own, family: familyKey, at });
      for (const e of group) waits.add(e);
    } else applyReadings(group, pending, own);
    start = end;
  }
  entries.forEach((e, k) => waits.has(e) || applyHeadingFacts(e, headingPaths[k]!, state.byHeading, state.headingYears));
}

/**
 * The short lists, read with their family once the page has ended (#23): "## Go" over two talks,
 * a meeting's three talks; the sections of one page, the meetings of one archive share their layout.
 */
function finishLists(state: ListReading): void {
  for (const w of state.waiting) {
    const f = state.families.get(w.family)!;
    let readings = w.own;
    if (f.items.length > w.entries.length) {
      const fr = (f.readings ??= readList(f.items));
      // The family only adds: a list that reads names by itself keeps its reading.
      readings = w.own.map((r, i) => {
        const fi = fr[w.at + i]!;
        if (!fi.people) return r;
        // A short list reads its names alone, its event column with its family ("Jane Doe, JSConf EU").
        if (r.people) return r.event === undefined && fi.event !== undefined && r.year === fi.year ? { ...r, event: fi.event, people: fi.people, rest: fi.rest ?? r.rest } : r;
        return { ...r, ...fi, event: fi.event ?? r.event, year: fi.year ?? r.year, duration: fi.duration ?? r.duration };
      });
    }
    applyReadings(w.entries, w.pending, readings);
    w.entries.forEach((e, k) => applyHeadingFacts(e, w.headingPaths[k]!, state.byHeading, state.headingYears));
  }
  state.waiting = [];
}

/** A site's front page: a host and nothing after it. */
const FRONT_PAGE = /^[a-z][a-z\d+.-]*:\/\/[^/?#]+\/?$/i;

/** What the layout reader read of one list, written into its entries. */
function applyReadings(group: ParsedEntry[], pending: Pending[], readings: ItemReading[]): void {
  const talks = group.filter((e) => e.kind === "talk" || e.kind === "podcast").length;
  group.forEach((e, i) => {
    const r = readings[i]!;
    if (r.title !== undefined && clean(r.title)) e.title = clean(r.title);
    // The item's own word ("(podcast)") says more than its heading; a host says more than both.
    if (r.kind !== undefined && !pending[i]!.fromHost) e.kind = r.kind;
    // A podcast's hosts are not speakers: a show is not a talk.
    // A documentation page its host names (#23) stays a page: "by Hugging Face" after it names no author.
    // So is a site's front page ("[Philschmid blog](https://www.philschmid.de/) by Philipp Schmid"): no post of its own.
    if (r.people && r.people.length > 0 && e.kind !== "podcast" && !(e.kind === "page" && (pending[i]!.fromHost || FRONT_PAGE.test(e.url)))) {
      const people = r.people.map(clean).filter(Boolean);
      // People with a venue and its year ("Herlihy & Wing, TOPLAS90") wrote a paper; with a length, gave a talk.
      if (e.kind === "page") e.kind = talks * 2 > group.length || r.duration !== undefined ? "talk" : r.event !== undefined && r.year !== undefined ? "paper" : "article";
      if (e.kind === "paper" || e.kind === "article") e.authors = people;
      else {
        e.speakers = people;
        e.speaker = people.join(", ");
      }
    }
    // A publisher before a blog post's year ("`Uber` `2017`") is no venue, nor a show before its episode
    // ("Pointer Podcast - [Episode](…)") an event: only talks and papers have events from the layout.
    if (r.event !== undefined && e.event === undefined && clean(r.event) && e.kind !== "article" && e.kind !== "page" && e.kind !== "podcast") e.event = clean(r.event);
    if (r.year !== undefined && e.year === undefined) e.year = r.year;
    if (r.duration !== undefined && e.duration === undefined) e.duration = r.duration;
    if (r.beforeUsed) {
      const rest = clean((r.rest ?? pending[i]!.after).replace(LEADING_SEPARATOR, ""));
      if (rest && rest !== e.title) e.description = rest;
      else delete e.description;
    } else if (r.rest !== undefined) {
      const read = clean(r.rest.replace(LEADING_SEPARATOR, ""));
      // The text before the link ("In German:") stays the description's start.
      const rest = pending[i]!.item.before ? clean(`${pending[i]!.item.before} ${read}`) : read;
      if (rest && rest !== e.title) e.description = rest;
      else delete e.description;
    }
  });
  // A heading's weak word ("Video Streaming") makes talks only of entries shaped like talks.
  if (pending.some((p) => p.weakTalk)) {
    const shaped = group.some((e, i) => !pending[i]!.weakTalk || e.speakers.length > 0 || e.duration !== undefined || e.year !== undefined);
    if (!shaped) group.forEach((e, i) => pending[i]!.weakTalk && (e.kind = "page"));
  }
}

/** Facts of headings: "## 2014" gives its talks that year, "## JSConf EU 2014" its event too. */
function applyHeadingFacts(e: ParsedEntry, headingPath: string[], byHeading: ListReading["byHeading"], headingYears: WeakSet<ParsedEntry>, anyKind = false): void {
  if (!anyKind && e.kind !== "talk" && e.kind !== "paper" && e.kind !== "podcast" && e.kind !== "page") return;
  let facts = byHeading.get(headingPath);
  if (facts === undefined) {
    facts = null;
    for (let i = headingPath.length - 1; i >= 0 && facts === null; i--) facts = headingFacts(headingPath[i]!) ?? null;
    byHeading.set(headingPath, facts);
  }
  if (!facts) return;
  if (e.year === undefined) {
    e.year = facts.year;
    headingYears.add(e);
  }
  if (facts.event !== undefined && e.event === undefined && (anyKind || e.kind !== "page")) e.event = facts.event;
}

/** A heading that is an entry, and the heading it is under. */
interface HeadingTalk {
  entry: ParsedEntry;
  heading: Heading;
  over: Heading | undefined;
}

/**
 * An archive's speaker headings (#23): "### [Jane Doe](profile)" or "### Jane Doe" over "#### [Title](deck)".
 * A heading that reads as a person's name (or links a profile) over headings that are talks is their
 * speaker; a linked one with headings under it is a section, no entry. A talk it titles is a talk
 * wherever it links, and takes the facts of the headings above (a meetup's event and date).
 * Returns the linked speaker headings, to be dropped from the entries.
 */
function speakerHeadings(talks: readonly HeadingTalk[], headingEntry: WeakMap<Heading, ParsedEntry>, overHeadings: WeakSet<Heading>, lists: ListReading): Set<ParsedEntry> {
  const person = (h: Heading): boolean => {
    const linked = headingEntry.get(h);
    return isPersonName(h.text) || (linked !== undefined && isProfile(linked.url) && h.text.length <= 40 && !/\d/.test(h.text));
  };
  const sections = new Set<ParsedEntry>();
  for (const { entry, over } of talks) {
    if (!over || !person(over)) continue;
    if (entry.speakers.length === 0 && entry.authors.length === 0) {
      entry.speakers = [over.text];
      entry.speaker = over.text;
    }
    if (entry.kind === "page" || entry.kind === "article") entry.kind = "talk";
    // A talk's code or page under its speaker's heading is of that meetup too.
    applyHeadingFacts(entry, entry.sectionPath, lists.byHeading, lists.headingYears, true);
  }
  for (const { entry, heading } of talks) if (overHeadings.has(heading) && person(heading)) sections.add(entry);
  return sections;
}

export interface ParseOptions {
  /** Give each entry the place of its block in the file (for editing, #17). */
  places?: boolean;
  /** The table of fields whose extractions run on each entry (catalog/fields.ts; default: the tool's). */
  fields?: readonly FieldRow[];
  /** Tests only: the size of the pieces a page is parsed in (markdown.ts, chunks()), and whether it is read whole at once. */
  pieces?: { size?: number; whole?: boolean };
}

export function parsePage(text: string, source: string, options: ParseOptions = {}): Page {
  // A UTF-8 byte order mark and CRLF/CR line endings must not change what a page says.
  // Escape sequences go before parsing: their "[" and "]" would otherwise change how links parse.
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const normalised = stripEscapes(unmarked.includes("\r") ? unmarked.replace(/\r\n?/g, "\n") : unmarked);
  const { frontMatter, body, lineOffset } = readFrontMatter(normalised, source);
  try {
    try {
      // Piece by piece (#26): each piece's blocks become entries before the next is parsed.
      if (!options.pieces?.whole) return readPage(frontMatter, body, lineOffset, source, options, undefined);
      throw AGAIN;
    } catch (error) {
      if (error !== AGAIN) throw error;
      // The page has headings that are links, or its first heading of level 1 comes after other
      // blocks: what those say holds for the blocks before them, so the page is read whole.
      return readPage(frontMatter, body, lineOffset, source, options, walk(body, lineOffset, options.pieces?.size));
    }
  } catch (error) {
    if (!(error instanceof TooManyElements)) throw error;
    throw new PageError(source, `has more than ${MAX_ELEMENTS.toLocaleString("en")} markdown elements (list items, paragraphs, links…) in one piece that cannot be cut (a long paragraph, a page with reference definitions or HTML blocks)`, "split it into smaller pages");
  }
}

/** Thrown by a reading piece by piece that meets what only a reading of the whole page can decide. */
const AGAIN = Symbol("read the page whole");

/** A page's items with the one before and the one after each. */
function* neighbours(pieces: Iterable<Item[]>): Generator<[Item | undefined, Item, Item | undefined]> {
  let prev: Item | undefined;
  let cur: Item | undefined;
  for (const piece of pieces) {
    for (const item of piece) {
      if (cur) yield [prev, cur, item];
      prev = cur;
      cur = item;
    }
  }
  if (cur) yield [prev, cur, undefined];
}

/**
 * The entries of a page's body: from `whole` (every item of the page) when given, else piece by
 * piece, throwing AGAIN where the page needs a reading of the whole.
 */
function readPage(frontMatter: Page["frontMatter"], body: string, lineOffset: number, source: string, options: ParseOptions, whole: Item[] | undefined): Page {
  const headings: Heading[] = [];
  const trail: Heading[] = [];
  const entries: ParsedEntry[] = [];
  // What "Presented at [Event](…) 2026" items say of the talk whose item they are nested in (#23).
  const given = new Map<Block, { event: string; year?: number }>();
  // "  - A. Author, B. Author" under a paper's "**Title (VENUE 2022)**" item, beside its "[[Paper]](…)": the authors (#23).
  const named = new WeakMap<Block, string[]>();
  // The entry a "[[Paper]](…)" sub-item made of its parent item, for the "[[Code]](…)" beside it.
  const childEntry = new WeakMap<Block, ParsedEntry>();
  // Nested entries and the item they are nested in, for what "Presented at" items say.
  const nested: [ParsedEntry, Block][] = [];
  // What the layout reader (#23) reads of each entry from `read` on, the list it belongs to, and its heading's path.
  let layout: (Pending | undefined)[] = [];
  let headingPaths: string[][] = [];
  let read = 0;
  const lists = listReading();
  // Bare links, and how many each heading's path has.
  const bares: [ParsedEntry, string[]][] = [];
  const bareInSection = new Map<string[], number>();
  const topSection = [frontMatter.title ?? baseName(source)];
  // The page's own title counts like a heading above every other (#13): on "Awesome Talks", a
  // link to a conference's site is a talk. Read piece by piece, the first heading of level 1 is
  // known only when it comes: it must come before every other item, else the page is read whole.
  const firstTop = whole?.find((i) => i.type === "heading" && i.heading.level === 1);
  let pageTitle = frontMatter.title ?? (firstTop?.type === "heading" ? clean(firstTop.heading.text) : undefined);
  let seenAny = false;
  const kindOf = (path: string[]): Kind => sectionKind(pageTitle === undefined || path[0] === pageTitle ? path : [pageTitle, ...path]);
  // One section path (and one section kind) per heading, shared by the entries under it.
  let sectionPath = topSection;
  let sectionDefault: Kind = kindOf(sectionPath);
  // Paths with the labels of nested items (#13), shared as the heading's path is.
  let nestedPaths = new Map<string, string[]>();

  // The bold label ("**Cheatsheets**") over the items since it, until the next heading (#24).
  let groupLabel: string | undefined;
  // No block with a link has come since the last heading.
  let freshHeading = false;
  // The entries since the last heading.
  let headingEntries: ParsedEntry[] = [];

  /** The heading trail plus the group's label and the labels of the items an entry is nested in (not repeating its heading). */
  const nestedPath = (context: string[] | undefined): string[] => {
    if (!context && groupLabel === undefined) return sectionPath;
    const section = fold(sectionPath.at(-1)!);
    const labels = (groupLabel === undefined ? context! : context ? [groupLabel, ...context] : [groupLabel]).map(clean).filter((l) => l !== "" && fold(l) !== section);
    if (labels.length === 0) return sectionPath;
    const key = labels.join("\n");
    let path = nestedPaths.get(key);
    if (!path) nestedPaths.set(key, (path = [...sectionPath, ...labels]));
    return path;
  };

  /** The section's description (#23): the prose that explains it, on its heading; above every heading, on none. */
  const describe = (segments: readonly Segment[]): void => {
    const heading = trail.at(-1);
    const text = clean(segments.map((s) => s.text).join("").replace(/[\u0001-\u0003]/g, ""));
    if (!heading || !text) return;
    heading.description = heading.description ? `${heading.description} ${text}` : text;
  };

  // The entry each item made, for the store links nested under it: weak, so that a piece's blocks die with it.
  const entryOf = new WeakMap<Block, ParsedEntry>();
  // Each paper's citation (#23), read once the page's lists are read.
  const cites = new Map<ParsedEntry, Citing>();

  /**
   * Adds an entry. The layout reader reads a list once it has all its entries: when an entry
   * starts another list, those before it are read (unless a heading's talk may still change),
   * so that what it needs of them does not outlive their list.
   */
  const push = (entry: ParsedEntry, pending: Pending | undefined, headingPath: string[], bare: boolean): void => {
    const last = layout.at(-1);
    if (layout.length > 0 && headingTalk === undefined && !(pending && last && last.list === pending.list)) {
      readLists(entries, read, layout, headingPaths, lists);
      read = entries.length;
      layout = [];
      headingPaths = [];
    }
    layout.push(pending);
    headingPaths.push(headingPath);
    headingEntries.push(entry);
    if (entries.push(entry) > MAX_ENTRIES) throw new PageError(source, `has more than ${MAX_ENTRIES.toLocaleString("en")} entries, the most icp-links reads at once`, "split the page, or read fewer pages at once");
    if (bare) {
      bares.push([entry, headingPath]);
      bareInSection.set(headingPath, (bareInSection.get(headingPath) ?? 0) + 1);
    }
    if (pending?.parent) nested.push([entry, pending.parent]);
  };

  // The talk an archive's heading titles ("#### Title" over "[[video](…)] [[slides](…)]"), whose
  // speakers and event the prose under it names (#23).
  let headingTalk: ParsedEntry | undefined;
  /** The labels ("Speaker: …") under a heading before its talk's link. */
  let headingLabels: ReturnType<typeof labelledFacts>;
  // "### Title" over a line of the speakers' profile links, then "- [Slides](…)", "- [Video](…)": the
  // heading is a session's, the people its speakers, the recording its entry, the other links its
  // related links (held until the recording comes) (#23).
  let sessionPeople: { names: string[]; talk?: ParsedEntry; held: Link[]; unsure?: boolean; event?: string; year?: number } | undefined;
  // Headings that are one link each ("### [Title](video)"), counted by level: where a page has
  // several at one level, each is an entry, the talk of an archive (#23); one alone is a section
  // whose title happens to be linked.
  const linkedHeadings = new Map<number, number>();
  // The talks headings title, with the heading above each: "### [Jane Doe](profile)" or "### Jane Doe"
  // over "#### [Title](deck)" names the talk's speaker (#23); the headings that are entries, and those with headings under them.
  const headingTalks: HeadingTalk[] = [];
  const headingEntry = new WeakMap<Heading, ParsedEntry>();
  const overHeadings = new WeakSet<Heading>();
  if (whole) for (const it of whole) if (it.type === "heading" && it.heading.link) linkedHeadings.set(it.heading.level, (linkedHeadings.get(it.heading.level) ?? 0) + 1);
  for (const [prevItem, item, nextItem] of neighbours(whole ? [whole] : walkChunks(body, lineOffset, options.pieces?.size))) {
    if (!whole) {
      if (item.type === "heading" && item.heading.link) throw AGAIN;
      if (pageTitle === undefined && item.type === "heading" && item.heading.level === 1) {
        if (seenAny) throw AGAIN;
        pageTitle = clean(item.heading.text);
      }
      seenAny = true;
    }
    if (item.type === "heading") {
      headingTalk = undefined;
      headingLabels = undefined;
      sessionPeople = undefined;
      groupLabel = undefined;
      freshHeading = true;
      headingEntries = [];
      const heading: Heading = { level: item.heading.level, text: clean(item.heading.text), line: item.heading.line };
      headings.push(heading);
      while (trail.length > 0 && trail.at(-1)!.level >= heading.level) trail.pop();
      trail.push(heading);
      if (trail.length > 1) overHeadings.add(trail.at(-2)!);
      sectionPath = trail.map((h) => h.text || UNTITLED);
      sectionDefault = kindOf(sectionPath);
      nestedPaths = new Map();
      const headingLink = item.heading.link;
      if (headingLink && heading.text && (linkedHeadings.get(heading.level) ?? 0) >= 3 && canOpen(clean(headingLink.url)) && !IN_PAGE.test(headingLink.url)) {
        const url = clean(headingLink.url);
        const path = trail.length > 1 ? trail.slice(0, -1).map((h) => h.text || UNTITLED) : topSection;
        const entry: ParsedEntry = {
          title: heading.text, url, kind: hostKind(url) ?? kindOf(path), section: path.at(-1)!, sectionPath: path,
          speakers: [], authors: [], related: [], tags: frontMatter.tags, line: headingLink.line, slug: "",
        };
        if (options.places) entry.place = { kind: "paragraph", start: heading.line, end: heading.line + 1, nested: false };
        push(entry, undefined, path, false);
        headingTalk = entry;
        headingTalks.push({ entry, heading, over: trail.at(-2) });
        headingEntry.set(heading, entry);
      }
      continue;
    }
    // "### Title (2020.5.13)" over "- Speaker: Jane Doe" and "- [Recording](…)": labels that come
    // before the talk's link wait for it (#23).
    if (!headingTalk && item.block.place?.kind === "item" && !item.block.segments.some(usableLink) && trail.length > 0) {
      const labels = labelledFacts(item.block.segments);
      if (labels) {
        headingLabels = labels;
        continue;
      }
    }
    if (headingTalk && (item.block.place?.kind === "paragraph" || (item.block.place?.kind === "item" && !item.block.segments.some(usableLink)))) {
      const labels = labelledFacts(item.block.segments);
      if (labels) {
        if (labels.speakers.length > 0 && headingTalk.speakers.length === 0 && headingTalk.authors.length === 0) {
          const people = labels.speakers.map(clean);
          if (headingTalk.kind === "paper" || headingTalk.kind === "article") headingTalk.authors = people;
          else {
            headingTalk.speakers = people;
            headingTalk.speaker = people.join(", ");
          }
        }
        if (labels.year !== undefined && headingTalk.year === undefined) headingTalk.year = labels.year;
        if (labels.event !== undefined && headingTalk.event === undefined) headingTalk.event = clean(labels.event);
        continue;
      }
      const said = talkProse(item.block.segments);
      if (said) {
        if (headingTalk.speakers.length === 0) {
          headingTalk.speakers = said.speakers.map(clean);
          headingTalk.speaker = headingTalk.speakers.join(", ");
        }
        if (said.event !== undefined && headingTalk.event === undefined) headingTalk.event = clean(said.event);
        if (said.year !== undefined && headingTalk.year === undefined) headingTalk.year = said.year;
        continue;
      }
    }
    let at = item.block.segments.findIndex(usableLink);
    // "**Cheatsheets**" over a list: the group's name, a label of the items that follow until the
    // next heading or label, as a list item's label is of the items nested in it (#24).
    if (at < 0 && !headingTalk && item.block.place?.kind === "paragraph") {
      const bold = boldLabel(item.block.segments);
      if (bold !== undefined) {
        groupLabel = clean(bold);
        continue;
      }
    }
    // A line of prose right under its heading, above its list ("*Libraries for working with dates.*",
    // "Services to securely store your Docker images."): the section's description, which the
    // search reads for the section's entries (#24).
    if (at < 0 && !headingTalk && prevItem?.type === "heading" && item.block.place?.kind === "paragraph" && introLine(item.block.segments)) {
      // "### Title" over "Ulrich Weigand": perhaps a session's speaker named without a profile; only
      // the session's own material ("Slides", "Demo") is held for it, so a section introduced by
      // "Message Queue, Job Queue System" keeps its entries (#23).
      const line = clean(textOfSegments(item.block.segments)).replace(/\s+/g, " ");
      const names = trail.length > 1 ? namesOf(line) : [];
      if (names.length > 0 && names.length <= 8 && names.every(isPersonName)) sessionPeople = { names, held: [], unsure: true };
      describe(item.block.segments);
      continue;
    }
    // "##### [Name]" over "- Title [[arXiv]](…)", "- *A. Author, B. Author*", "- `2013-02-18`": items of
    // facts after the one entry under its heading are that entry's (#23).
    if (at < 0 && item.block.place?.kind === "item" && !item.block.parent && headingEntries.length === 1) {
      const only = headingEntries[0]!;
      const text = textOfSegments(item.block.segments);
      if (DATE_ALONE.test(text)) {
        if (only.year === undefined) only.year = Number(/\d{4}/.exec(text)![0]);
        continue;
      }
      const names = namesOf(text.replace(ET_AL, ""));
      if (names.length > 0 && names.length <= 40 && names.every(isPersonName)) {
        if (only.kind === "paper" || only.kind === "article") {
          if (only.authors.length === 0) only.authors = names.map(clean);
        } else if (only.kind === "talk" && only.speakers.length === 0) {
          only.speakers = names.map(clean);
          only.speaker = only.speakers.join(", ");
        }
        continue;
      }
    }
    if (at < 0) {
      // "Presented at Meeting C++ 2019 in Berlin." under a talk's "**Title**" item.
      const parent = item.block.parent;
      // "* [Title](video) (30:43)" over "  * Jane Doe, Google" or "  * A, Acme & B, Initech": the talk's speakers (#23).
      const talk = parent ? entryOf.get(parent) : undefined;
      // "  - A. Author and B. Author. *CVPR 2016*" under a paper's "Title [[pdf]](…)" item: its citation goes on (#23).
      const cited = talk ? cites.get(talk) : undefined;
      // "  - A, B, and C, Stanford University; D, MIT": the paper's authors, their institutions dropped.
      if (talk && (talk.kind === "paper" || cited !== undefined) && talk.authors.length === 0 && item.block.place?.kind === "item") {
        const names = affiliatedNames(textOfSegments(item.block.segments));
        if (names) {
          talk.authors = names.map(clean);
          continue;
        }
      }
      if (cited !== undefined && item.block.place?.kind === "item") {
        cited.text += `\n${markedText(item.block.segments)}`;
        continue;
      }
      if (talk && talk.kind === "talk" && talk.speakers.length === 0 && item.block.place?.kind === "item") {
        const text = textOfSegments(item.block.segments);
        // "  * Jane Doe, JSConf EU 2019", "  * Jane Doe at SomeConf 2014": the speakers, then where and when.
        const given = /^(.*?\S)\s*(?:,|\s[-\u2013\u2014@]|\sat)\s+([^,]*?\d[^,]*?)\s*\.?\s*$/.exec(text);
        const said = given ? yearPart(given[2]!) : undefined;
        const people = speakersWithCompanies(said ? given![1]! : text);
        if (people) {
          talk.speakers = people;
          talk.speaker = people.join(", ");
          if (said && talk.year === undefined) talk.year = said.year;
          if (said?.event !== undefined && talk.event === undefined) talk.event = clean(said.event);
        }
        continue;
      }
      if (parent && item.block.place?.kind === "item" && !parent.segments.some(usableLink) && !given.has(parent)) {
        const said = presentedAt(textOfSegments(item.block.segments));
        if (said?.event !== undefined) given.set(parent, { event: clean(said.event), ...(said.year !== undefined ? { year: said.year } : {}) });
        else if (!named.has(parent)) {
          const names = namesOf(textOfSegments(item.block.segments).replace(ET_AL, ""));
          if (names.length > 0 && names.length <= 40 && names.filter(isPersonName).length * 2 >= names.length && names.some(isPersonName) && names.every((n) => n.length <= 48 && !/\d/.test(n) && /^\p{Lu}/u.test(n))) named.set(parent, names);
        }
      }
      continue;
    }
    // Prose that explains a section, followed by the section's list, is its description, not entries.
    const firstUnder = freshHeading;
    if (at >= 0) freshHeading = false;
    if (item.block.place?.kind === "paragraph" && explainsList(item.block.segments, at, prevItem, nextItem, firstUnder)) {
      describe(item.block.segments);
      continue;
    }
    // So is a list item of prose ("**Term**: sentences with [links](…) in them"): no entry, and not the description either.
    if (item.block.place?.kind === "item" && proseItem(item.block.segments, at)) continue;
    // "### Title" then "[Jane Doe](https://twitter.com/jane) [John Roe](https://twitter.com/john)": the
    // session's speakers, no entries (#23).
    if (!headingTalk && prevItem?.type === "heading" && item.block.place?.kind === "paragraph" && trail.length > 1) {
      const links = item.block.segments.filter((s) => s.type === "link");
      const onlyProfiles = links.length > 0 && links.every((s) => usableLink(s) && isProfile(clean((s as { url: string }).url)) && PROFILE_NAME.test(clean(s.text)));
      // Plain names may stand among the links ("[Daniel Roth](…) Javier Calvarro Nelson").
      const plain = item.block.segments.filter((s) => s.type === "text" && /[\p{L}\p{N}]/u.test(s.text)).map((s) => clean(s.text).replace(/\s+/g, " "));
      if (onlyProfiles && plain.every(isPersonName)) {
        sessionPeople = { names: item.block.segments.filter((s) => s.type === "link" || /[\p{L}\p{N}]/u.test(s.text)).map((s) => clean(s.text).replace(/\s+/g, " ")), held: [] };
        continue;
      }
      // "_[Jane Doe](https://twitter.com/jane) at [**Meetup**](…)_" over "[[video](…)] [[slides](…)]":
      // the speakers and the event, the prose of an archive whose headings title its talks (#23).
      // (talkProse refuses a line whose other links are not the event's after "at".)
      const said = talkProse(item.block.segments);
      if (said) {
        sessionPeople = { names: said.speakers.map((n) => clean(n)), held: [], unsure: true, ...(said.event !== undefined ? { event: clean(said.event) } : {}), ...(said.year !== undefined ? { year: said.year } : {}) };
        continue;
      }
    }
    // The list under it: the recording is the session's entry, the slides and demos its related links.
    if (sessionPeople && item.block.place?.kind === "item" && !item.block.parent && !isRecordingWord(clean(item.block.segments[at]!.text)) && (!sessionPeople.unsure || SESSION_MATERIAL.test(clean(item.block.segments[at]!.text)))) {
      for (const s of item.block.segments) if (usableLink(s)) (sessionPeople.talk?.related ?? sessionPeople.held).push({ title: clean(s.text) || titleFromUrl(s.url), url: clean(s.url) });
      continue;
    }
    // The item's own tags and added date (#28), read off its end before anything else reads it.
    const notes = readNotes(item.block.segments, at);
    const segments = notes.segments;
    // A speaker's profile link beside a talk names the speaker and is no entry (#23); so is a
    // slide deck beside its recording: the item's entry is its first other link.
    // Looked at only where it can matter: a block of several links, or a paragraph.
    // "_Title_ by [Name](profile) <sup>[[video](…) | [slides](…)]</sup>": links titled only by what
    // they are; the title and the people are the item's text before them, the recording is the entry.
    let titled: ByLine | undefined;
    const word = segments.findIndex((s) => s.type === "link" && s.text.length <= 24 && LINK_WORD.test(s.text.trim()) && usableLink(s));
    // In a table's row the title is in the link's own cell: "| 1:00 pm | Title ([Slides][s], [Video][v]) | Jane Doe |".
    let cellStart = 0;
    item.block.cells?.forEach((start) => start <= word && (cellStart = start));
    if (word >= 0 && segments.some((s, i) => i >= cellStart && i < word && s.type !== "emphasis" && /\p{L}/u.test(s.text))) {
      const own = byLine(segments.slice(cellStart), word - cellStart);
      const said = own && cellStart > 0 ? { ...own, links: own.links.map((i) => i + cellStart) } : own;
      if (said?.title && /\p{L}/u.test(said.title) && !LINK_WORD.test(said.title.trim()) && segments.every((s, i) => i >= word || !usableLink(s) || said.links.includes(i))) {
        titled = said;
        let pick = word;
        for (let i = word; i < segments.length; i++) {
          const s = segments[i]!;
          if (!usableLink(s)) continue;
          if (!LINK_WORD.test(s.text.trim())) break;
          if (isRecordingWord(s.text)) {
            pick = i;
            break;
          }
        }
        at = pick;
      }
    }
    const several = item.block.place?.kind === "paragraph" || segments.length > at + 1;
    if (!titled && several && (isProfile((segments[at] as { url: string }).url) || SECONDARY.test(segments[at]!.text.trim()))) {
      // "[Slides](deck) Joe Stein Presented February 26, 2015 at [Meetup](…)": the link after "at" is where the talk was given, no other entry.
      const venueLink = (i: number) => i > 0 && segments[i - 1]!.type === "text" && /(?:^|\s)(?:at|@)\s*$/i.test(segments[i - 1]!.text);
      const other = segments.findIndex((s, i) => i > at && usableLink(s) && !isProfile(s.url) && !SECONDARY.test(s.text.trim()) && !venueLink(i));
      // A profile gives way only to a talk: on a list of libraries, "[Boost](https://github.com/boostorg)
      // - … [website](…)" is the organisation's entry, its site a related link.
      const givesWay = SECONDARY.test(segments[at]!.text.trim()) || (other > at && (sectionDefault === "talk" || hostKind(clean((segments[other] as { url: string }).url)) === "talk"));
      if (other > at && givesWay) at = other;
      else if (isProfile((segments[at] as { url: string }).url) && item.block.place?.kind === "paragraph" && segments.some((s, i) => i !== at && s.type === "text" && /\p{L}{3}/u.test(s.text))) continue;
    }
    const link = segments[at] as Extract<Segment, { type: "link" }>;
    // "* From [Collabora](https://twitter.com/Collabora):", "* From [HardenedLinux](github) project:" over
    // the items nested under it: a profile in a label (its text ends in a colon) is no entry (#23).
    if (item.block.place?.kind === "item" && item.block.place.nested && isProfile(clean(link.url)) && !segments.some((s, i) => i !== at && usableLink(s)) && /:\s*$/.test(segments.map((s) => s.text).join(""))) continue;
    // "  - [App Store](https://apps.apple.com/…)" under an app's item: where to get that app, a related link of its entry (#23).
    const owner = item.block.parent ? entryOf.get(item.block.parent) : undefined;
    if (owner && STORE.test(clean(link.url)) && STORE_TEXT.test(clean(link.text).replace(/^[^\p{L}]+/u, "")) && !segments.some((s, i) => i > at && usableLink(s) && !STORE.test(clean(s.url)))) {
      for (const s of segments) if (usableLink(s)) owner.related.push({ title: clean(s.text) || titleFromUrl(s.url), url: clean(s.url) });
      continue;
    }
    // "Presented at [RustWeek](…) 2026." under a talk's "**Title**" item: where the talk was given, no entry.
    const parent = item.block.parent;
    // "  - [[Code]](…)" beside the "[[Paper]](…)" of one item: the paper's related link (#23).
    const sibling = parent ? childEntry.get(parent) : undefined;
    if (sibling && CODE_LINK.test(clean(link.text)) && !segments.some((s, i) => i !== at && usableLink(s) && !CODE_LINK.test(clean(s.text)))) {
      for (const s of segments) if (usableLink(s)) sibling.related.push({ title: clean(s.text).replace(/^\[|\]$/g, "") || titleFromUrl(s.url), url: clean(s.url) });
      continue;
    }
    const lead = parent ? textOfSegments(segments.slice(0, at)) : "";
    if (parent && !parent.segments.some(usableLink) && (PRESENTED.test(lead) || PRESENTED_AT.test(lead))) {
      const said = yearPart(`${clean(link.text)} ${textOfSegments(segments.slice(at + 1))}`.replace(/(?<![.\s])[.\s]+$/, ""));
      const year = said?.year ?? yearPart(clean(link.text))?.year;
      const event = clean(link.text).replace(/\s*(?:19|20)\d{2}$/, "");
      given.set(parent, { event, ...(year !== undefined ? { year } : {}) });
      continue;
    }
    const url = clean(link.url);
    const related: Link[] = [];
    for (const [i, segment] of segments.entries()) {
      if (i === at || (i < at && !titled) || titled?.links.includes(i)) continue;
      if (usableLink(segment)) related.push({ title: clean(segment.text) || titleFromUrl(segment.url), url: clean(segment.url) });
    }
    const textOf = (list: Segment[]): string => clean(list.map((s) => s.text).join(""));
    const before = textOf(segments.slice(0, at));
    // Links right after the title ("[Part 1](…) [(2nd part)](…) - Videos") are related links,
    // not the start of the description.
    let from = at + 1;
    while (from < segments.length && (usableLink(segments[from]!) || !segments[from]!.text.trim())) from++;
    if (from === segments.length || !LEADING_SEPARATOR.test(segments[from]!.text)) from = at + 1;
    // The text after the title without its kind-titled links (they are related links, above).
    const rest = segments.slice(from);
    const blanked = rest.some((s) => usableLink(s) && kindTitled(s.text));
    const afterSegments = blanked ? rest.map((s): Segment => (usableLink(s) && kindTitled(s.text) ? { type: "text", text: " " } : s)) : rest;
    const unbracket = (text: string): string => {
      if (!blanked) return text;
      // "at FOSDEM 2016 ( )." -> "at FOSDEM 2016.": no space before the final stop (trimmed by hand: /\s+(?=[.,;:]?\s*$)/ is cubic on long runs of spaces).
      const t = text.replace(EMPTY_BRACKETS, "").trimEnd();
      const last = t.at(-1);
      return last !== undefined && ".,;:".includes(last) ? `${t.slice(0, -1).trimEnd()}${last}` : t;
    };
    const afterRaw = unbracket(afterSegments.map((s) => s.text).join(""));
    const separated = LEADING_SEPARATOR.test(afterRaw) && /\S/.test(afterRaw);
    // A host says what a link is before its heading does; a length after it makes it a talk (#13).
    const byHost = hostKind(url);
    // "Keep Coding Podcast": a show that says what it is in its name (#23).
    // A link titled by its kind says what it is ("slides" on a .pdf is a talk's deck); a video host still says talk.
    const said = titled ? linkWordKind(link.text) : undefined;
    // So does a show named before its episode ("Pointer Podcast - [pointer[35]: …](…)").
    let kind = (said && byHost !== "talk" && byHost !== "podcast" ? said : byHost) ?? ((/\bpodcast\b/i.test(link.text) || /\bpodcast\s*[-\u2013\u2014:|]\s*$/i.test(before)) && sectionDefault !== "paper" ? "podcast" : sectionDefault);
    if (!said && sectionDefault === "talk" && talkMaterials(kind, url)) kind = "talk";
    // A show's page on a blog ("blog.codepen.io/radio/", "…/2020/05/dithering") under a podcasts heading is the show (#23).
    if (kind === "article" && !said && sectionDefault === "podcast") kind = "podcast";
    if (kind === "page" && !said && sluggedPost(url)) kind = "article";
    const tail = unbracket(tailText(afterSegments));
    // A link known only by its address's shape (a PDF, "/articles/…") is a document: the item's own word ("[slides]") says what it holds.
    const fromHost = byHost !== undefined && !shapeOnlyKind(url);
    let facts = kind === "talk" || kind === "podcast" || kind === "paper" || kind === "page" || kind === "article" ? talkFacts(tail, kind === "talk" || kind === "podcast" || kind === "paper" || kind === "article") : undefined;
    if (kind === "page" && facts?.duration !== undefined) {
      kind = "talk";
      facts = talkFacts(tail, true);
    }
    if (facts && kind === "page") facts = undefined;
    let after = clean((facts ? facts.rest : afterRaw).replace(LEADING_SEPARATOR, ""));
    let dated: ReturnType<typeof dateTitled>;
    // "Title / Speaker" (the bundled page's form) names a person on a talk, or on a link nothing
    // else says anything of, which it makes a talk: only talks have speakers (#13).
    const split = link.bare ? { title: "" } : kind === "talk" || kind === "page" ? splitSpeaker(clean(link.text)) : { title: clean(link.text) };
    if (kind === "page" && "speaker" in split && split.speaker) kind = "talk";
    let title = split.title;
    const linkOwn = title;
    let titledByHeading = false;
    let presented: { title: string; event?: string; year?: number } | undefined;
    let headingDate: { year: number; event?: string } | undefined;
    let titledByParent = false;
    let titledFromText = false;
    // "[Title](slides) - Presented at:" over "  - [SomeConf 2023](video)": each nested link is the
    // talk given at the event it names, titled by its parent's link (#23).
    const talkTitle = !titled ? presentedUnder(parent) : undefined;
    if (talkTitle) {
      const said = yearPart(title);
      presented = { title: talkTitle, event: said?.event ?? title.replace(/\s*(?:19|20)\d{2}$/, ""), ...(said ? { year: said.year } : {}) };
      title = talkTitle;
      titledFromText = false;
    }
    // A link titled only "Recording", "video", "slides", "Part 1", "[1]" takes its title from the
    // item it is nested in ("**Title**"), else the text before it (#23).
    if (titled) {
      title = clean(titled.title!).replace(LANGUAGE_LEAD, "");
      titledFromText = titled.people.length === 0 && titled.year === undefined;
    }
    // "Title [[nature]](…)", "Title [[PMLR]](…)": a link whose text is a label in brackets names where
    // it goes, not what; the text before it is the title (#23).
    else if (BRACKETED_LABEL.test(title) && before.replace(LEAD_END, "") && !parent) {
      title = before.replace(LEAD_END, "");
      titledFromText = true;
    }
    // "[2024-03-13](folder) Jane Doe, _Title_": the emphasised text after a date is the title.
    else if ((dated = dateTitled(title, segments, at)) !== undefined) {
      title = dated.title;
      after = dated.rest;
    }
    else if (GENERIC_TITLE.test(title) || IDENTIFIER_TITLE.test(title)) {
      const from = parent && !parent.segments.some(usableLink) ? textOfSegments(parent.segments) : before.replace(LEAD_END, "");
      if (from && !GENERIC_TITLE.test(from)) {
        title = from;
        titledFromText = true;
        if (parent && !parent.segments.some(usableLink)) titledByParent = true;
      } else if (!from && !parent && !headingTalk && (item.block.place?.kind === "paragraph" || (item.block.place?.kind === "item" && (headingLabels !== undefined || (sessionPeople !== undefined && !sessionPeople.talk)))) && !/^\d+$/.test(title) && trail.length > 0 && sectionPath !== topSection && trail.at(-1)!.text && trail.at(-1)!.text !== pageTitle) {
        // An archive's heading per talk: "#### Title", then "[[video](…)] [[slides](…)]", or a list
        // of "- Speaker: Jane Doe" and "- [Recording](…)" (labels before the link say the heading is a talk's).
        title = trail.at(-1)!.text;
        titledByHeading = true;
        // "### Title (2020.5.13)": the date in the heading's last brackets is the talk's, not its title's.
        const dated = /^(.*?\S)\s*[([]([^()[\]]{2,40})[)\]]$/.exec(title);
        const when = dated ? yearPart(dated[2]!) : undefined;
        if (dated && when) {
          title = dated[1]!;
          headingDate = when;
        }
      }
    }
    // "| The economics of open source | C J Silverio | [:arrow_forward:](video) |": a row's link titled by a
    // symbol or its kind alone takes its title from the column its table's header names "Title" (#23).
    const columns = item.block.header ? rowColumns(item.block, at) : undefined;
    // "[:octicons-play-24: Video](…)": an icon's shortcode is no part of the kind word it stands before.
    const iconless = title.replace(/:[\w+-]+:/g, "").trim();
    if (columns?.title !== undefined && !columns.linkInTitle && !titled && (GENERIC_TITLE.test(title) || LINK_WORD.test(iconless) || !/\p{L}/u.test(iconless))) title = columns.title;
    // "**Title (AAAI 2022)**" over "[[Paper]](…)": the venue and year in the title's last parentheses are facts, not title (#23).
    let parentFacts: { year: number; event?: string } | undefined;
    let cited: string[] | undefined;
    if (titledByParent) {
      const m = /^(.*?\S)\s*[([]([^()[\]]{2,60})[)\]]\.?$/.exec(title);
      const said = m ? yearPart(m[2]!) : undefined;
      if (m && said) {
        title = m[1]!;
        parentFacts = said;
      }
    }
    // "Title. A. Author and B. Author. SOSP '23. [pdf](…)": the text a "[pdf]" link took its title from is a citation (#23).
    // The item's text the title was taken from, before a citation cut it (the citation column may read it otherwise).
    const textTitle = title;
    // A talk's text before its "[Video]" ("| Title - Jane Doe & John Roe, Acme | [Video](…) |") is no
    // citation: its speakers are the list's to vote (layout.ts), not a citation's authors item by item.
    if (titledFromText && !parentFacts && (kind !== "talk" || PAPER_WORD.test(linkOwn))) {
      const text = marks(titledByParent ? parent!.segments : segments.slice(0, titled ? word : at));
      const c = cellCitation(text) ?? authorDateCitation(text) ?? namesFirstCitation(text) ?? quotedTitleCitation(text) ?? citation(text);
      // A citation's title that still holds a year or "et al." was not cut where its facts start.
      const cut = c && clean(c.title) && !(PAPER_WORD.test(linkOwn) && /\b(?:19|20)\d{2}\b|['\u2019]\d{2}\b|\bet al\b/.test(c.title)) ? c : undefined;
      if (cut) {
        // '"Attention Is All You Need" - Vaswani et al. (2017)': a title quoted whole is the title without its quotes.
        title = clean(cut.title).replace(/^["\u201c]([^"\u201c\u201d]+)["\u201d]$/u, "$1");
        cited = cut.people?.map(clean).filter(Boolean);
        if (cut.year !== undefined) parentFacts = { year: cut.year, ...(cut.event !== undefined ? { event: cut.event } : {}) };
      } else if (!titledByParent && !titled && PAPER_WORD.test(linkOwn) && mayHoldFacts(title)) {
        // Text that does not read as a citation may hold the authors and venue: the link's own word stays its title.
        // Text of no names, no surnames and no year ("A Theoretical Analysis of X." over "[[pdf]](…)") is the title.
        title = linkOwn;
      }
    }
    // "| [Title](sched.com/…) | Jane Doe | Kubecon EU | 02-Apr-2020 |" under a "Speaker" column: a talk, whatever its address looks like.
    if (columns?.speakerColumn && (kind === "article" || kind === "page")) kind = "talk";
    // "| Beginner | Podcast | 2022 | Hofer | [Show, Ep. 75](…) |": the row's Type cell says what it is, whatever its host.
    if (columns?.kind !== undefined && kind !== "repo" && kind !== "site") kind = columns.kind;
    const parentNames = titledByParent ? named.get(parent!) ?? cited : cited;
    const people = parentNames ? parentNames.map(clean) : titled && titled.people.length > 0 ? titled.people.map(clean).filter(Boolean) : facts && facts.speakers.length > 0 ? facts.speakers.map(clean) : "speakers" in split && split.speakers ? split.speakers : columns?.people && (columns.linkInTitle || columns.title !== undefined || columns.peopleColumn) && kind !== "repo" && kind !== "site" ? columns.people.map(clean) : [];
    const authored = kind === "paper" || kind === "article";
    // A show's people are its hosts and guests, no speakers (#23): a podcast row's Author cell names them.
    const speakers = authored || (kind === "podcast" && columns?.peopleColumn) ? [] : people;
    // "⚠️ UNMAINTAINED ⚠️ [x](…) - Does y" keeps its warning; a link inside a sentence keeps the sentence.
    let description = after;
    if (before && !titled) description = separated || !after ? `${before} ${after}`.trim() : textOf(segments);
    const entry: ParsedEntry = {
      title,
      url,
      kind,
      section: sectionPath.at(-1)!,
      sectionPath: nestedPath(item.block.context),
      speakers,
      authors: authored ? people : [],
      related,
      // Shared, like the section path: entries are read, never changed; an item's own tags after the page's.
      tags: notes.tags.length === 0 ? frontMatter.tags : [...new Set([...frontMatter.tags, ...notes.tags.map(clean)])],
      line: link.line,
      slug: "",
    };
    if (speakers.length > 0) entry.speaker = speakers.join(", ");
    // "[Title](slides) [Video](recording)" where the item is a talk (its heading, its host): the recording
    // right after the titled link is the talk, the titled link (its slides, a page of it) a related link
    // (#23). Only where the titled link's host says nothing of it: a video's, a paper's, a library's own
    // link stays the entry; and a "[Video]" after the item's prose is no part of its title.
    // A row of a talk table ("| Jane Doe | Event 2025 | [Title](code) [📺](video) |") is a talk whatever its title links to.
    const talkRow = columns?.people !== undefined && byHost === "repo";
    const next = !titled && (byHost === undefined || talkRow) && (kind === "talk" || talkRow) ? segments.findIndex((s, i) => i > at && (usableLink(s) || /[\p{L}\p{N}]/u.test(s.text))) : -1;
    const nextLink = next >= 0 ? segments[next]! : undefined;
    if (nextLink?.type === "link" && ((isRecordingWord(nextLink.text) && LINK_WORD.test(nextLink.text.trim())) || RECORDING_SYMBOL.test(nextLink.text.trim()))) {
      const recording = related.findIndex((r) => r.url === clean(nextLink.url));
      if (recording >= 0) {
        const rec = related[recording]!;
        related.splice(recording, 1, { title: clean(link.text) || titleFromUrl(url), url });
        entry.url = rec.url;
        if (talkRow) {
          entry.kind = "talk";
          entry.speakers = columns!.people!.map(clean);
          entry.speaker = entry.speakers.join(", ");
        }
      }
    }
    if (facts?.event !== undefined && kind !== "article") entry.event = clean(facts.event);
    const stated = parentFacts ?? (titled?.year !== undefined ? { year: titled.year, event: titled.event } : undefined);
    if (stated) {
      entry.year = stated.year;
      if (stated.event !== undefined && kind !== "article") entry.event = clean(stated.event);
    }
    // "Title - by NY Web Performance Meetup ~ [video](…)": the meetup the byline names, with no year.
    else if (titled?.event !== undefined && entry.event === undefined && kind !== "article") entry.event = clean(titled.event);
    if (titledByHeading && sessionPeople && !sessionPeople.talk) {
      entry.kind = "talk";
      entry.speakers = sessionPeople.names;
      entry.speaker = entry.speakers.join(", ");
      entry.related.push(...sessionPeople.held);
      if (sessionPeople.event !== undefined && entry.event === undefined) entry.event = sessionPeople.event;
      if (sessionPeople.year !== undefined && entry.year === undefined) entry.year = sessionPeople.year;
      sessionPeople.talk = entry;
    }
    if (titledByHeading) {
      const labels = headingLabels;
      if (labels?.speakers.length && entry.speakers.length === 0) {
        entry.speakers = labels.speakers.map(clean);
        entry.speaker = entry.speakers.join(", ");
      }
      const year = labels?.year ?? headingDate?.year;
      if (year !== undefined && entry.year === undefined) entry.year = year;
      const event = labels?.event ?? headingDate?.event;
      if (event !== undefined && entry.event === undefined) entry.event = clean(event);
    }
    if (presented) {
      if (presented.event) entry.event = clean(presented.event);
      if (presented.year !== undefined) entry.year = presented.year;
    }
    if (facts?.year !== undefined && entry.year === undefined) entry.year = facts.year;
    if (dated && entry.year === undefined) entry.year = dated.year;
    // "[2012, TEDxCHUV] [Title](…)", "(2019, PyCon US) [Title](…)": a bracket before the link that holds
    // its year and its event (#23).
    if (entry.year === undefined && (entry.kind === "talk" || entry.kind === "podcast")) {
      const lead = LEAD_YEAR_EVENT.exec(before);
      if (lead) {
        const parts = lead[1]!.split(/\s*,\s*/);
        const at = parts.findIndex((p) => /^(?:19|20)\d{2}$/.test(p));
        const other = parts.filter((_, i) => i !== at).join(", ");
        if (at >= 0 && parts.length === 2) {
          entry.year = Number(parts[at]);
          if (entry.event === undefined && /^\p{L}/u.test(other) && !MONTH_ONLY.test(other)) entry.event = clean(other);
        }
      }
    }
    if (facts?.duration !== undefined) entry.duration = facts.duration;
    // "[Chicago Boss (and Speed) [00:45:59]](…)": a length inside the title is read, not removed,
    // so the title (and the id made from it) stays as written.
    else if (kind === "talk") {
      const inTitle = CLOCK_IN_TITLE.exec(title);
      if (inTitle) entry.duration = durationOf(inTitle[1]!);
    }
    // "- 2017" over its talks, "- JSConf EU 2014": a parent item that names a year (or an event and its year) gives them (#23).
    if (parent && entry.year === undefined && kind !== "repo" && kind !== "forum" && kind !== "site" && !parent.segments.some(usableLink)) {
      const said = headingFacts(textOfSegments(parent.segments));
      if (said) {
        entry.year = said.year;
        if (said.event !== undefined && entry.event === undefined && (kind === "talk" || kind === "paper" || kind === "podcast")) entry.event = clean(said.event);
      }
    }
    // "| [Talk](talks/2022-05) | May 11, 2022 | Online |": a table's row that links into the site has its
    // date cell's year (#23); the row is no item of the list's columns of names, which it would only dilute.
    if (kind === "site" && entry.year === undefined && item.block.place?.kind === "row") {
      for (const cell of afterRaw.split("|")) {
        const said = yearPart(cell);
        if (said && said.event === undefined) {
          entry.year = said.year;
          break;
        }
      }
    }
    if (notes.added !== undefined) entry.added = notes.added;
    if (options.places && item.block.place) entry.place = { ...item.block.place };
    // "[video] [slides]" says nothing the title and related links do not.
    if (titledByHeading && description && description.split(/[\s[\]()|,/]+/).every((w) => w === "" || GENERIC_TITLE.test(w) || SECONDARY.test(w))) description = "";
    if (description && description !== title) entry.description = description;
    const pending: Pending | undefined =
      kind === "repo" || kind === "forum" || (kind === "site" && !dated) || link.bare || (titled && !titledFromText)
        ? undefined
        : {
            item: {
              // A title taken from the text before a "[Video]" is read with that text's emphasis
              // ("**Title** - Jane Doe [video](…)": the emphasis marks the title, the rest may be the speakers).
              // A date-titled link's is the item's text after it, read as a link's text is ("Jane Doe, **Title**").
              linkText: dated ? dated.marked : titled ? textBeforeLink(segments.slice(0, word), title) : clean(link.marked ?? link.text).replace(/\u0001/g, "") === title ? (link.marked ?? link.text).replace(/\s+/g, " ").trim() : title,
              // "In German: [Title](…) – Jane Doe at SomeConf 2016": the text after the link is read whatever stands before it.
              // A date-titled link's text after it is read as its link's text, above.
              rest: dated ? "" : facts ? facts.rest : afterRaw,
              // A title taken from the text before a "[Video]" is that text: nothing else stands before the link.
              before: titled ? undefined : before,
              article: kind === "article",
              podcast: kind === "podcast",
              textTitled: Boolean(titled),
              has: { people: people.length > 0, year: entry.year !== undefined, event: entry.event !== undefined, duration: entry.duration !== undefined },
            },
            list: item.block.context ?? sectionPath,
            parent,
            after,
            weakTalk: kind === "talk" && !fromHost && weakTalkSection(sectionPath),
            fromHost,
          };
    // "| October 2022 | NSConnect | Title | [Video](…) |": the row's Event and Date columns, where the item said neither (after the list's reading is set up: the reader still cuts a year cell from the description).
    if (columns && entry.kind !== "repo" && entry.kind !== "site") {
      if (columns.event !== undefined && entry.event === undefined && entry.kind !== "article") entry.event = clean(columns.event);
      // A paper's year is its venue's; a reading group's "Date" is the day it was read, not published.
      if (columns.year !== undefined && entry.year === undefined && entry.kind !== "paper") entry.year = columns.year;
    }
    // A post or a thread only by its section's word or its address's shape may yet be a paper its citation shows (readPaperCitations).
    if (kind === "paper" || ((kind === "page" || kind === "article" || kind === "forum") && !fromHost)) {
      let cite = markedText(segments, at);
      // The title the item's text gave is no field of its citation.
      const whole = titledFromText && cited !== undefined && cite.includes(textTitle) ? textTitle : title;
      const own = whole ? cite.indexOf(whole) : -1;
      if (own >= 0 && whole !== linkOwn) cite = `${cite.slice(0, own)}\u0002${cite.slice(own + whole.length)}`;
      cites.set(entry, { text: cite, title: whole });
    }
    push(entry, pending, sectionPath, link.bare || title === "");
    // Only an item with items nested in it can be asked for its entry.
    if (item.block.place?.nested) entryOf.set(item.block, entry);
    if (titledByParent && !childEntry.has(parent!)) childEntry.set(parent!, entry);
    if (titledByHeading) headingTalk = entry;
  }

  if (layout.length > 0) readLists(entries, read, layout, headingPaths, lists);
  finishLists(lists);
  if (cites.size > 0) readPaperCitations(entries, cites, lists.headingYears);
  layout = [];
  headingPaths = [];
  // Talks nested under an entry that names an event ("[Machine Learning Summer School](channel) -
  // Reykjavik, Iceland 2014" over its sessions): that event, and the year the entry states (#23).
  for (const [e, parent] of nested) {
    const owner = entryOf.get(parent);
    if (!owner || owner.kind !== "talk" || e.kind !== "talk" || (e.event !== undefined && e.year !== undefined)) continue;
    const said = eventOfTitle(owner.title);
    if (!said) continue;
    if (e.event === undefined) e.event = clean(said.event);
    const year = said.year ?? owner.year;
    if (e.year === undefined && year !== undefined) e.year = year;
  }
  lastTouches(entries, pageTitle);
  // What the "Presented at" items said, given to the talks beside them.
  if (given.size > 0) {
    for (const [e, parent] of nested) {
      const said = given.get(parent);
      if (!said) continue;
      if (e.event === undefined && said.event) e.event = said.event;
      if (e.year === undefined && said.year !== undefined) e.year = said.year;
    }
  }

  if (headingTalks.length > 0) {
    const sections = speakerHeadings(headingTalks, headingEntry, overHeadings, lists);
    if (sections.size > 0) entries.splice(0, entries.length, ...entries.filter((e) => !sections.has(e)));
  }

  // A bare URL takes its section's heading as title when it is the section's only bare URL
  // ("https://dfinity.org/howitworks" under "## How ICP Works"); otherwise its host and path.
  // Entries of one section share one path array, so the array itself is the section's key; an
  // entry above every heading has the page's fallback path, which names no heading.
  for (const [entry, headingPath] of bares) {
    const alone = bareInSection.get(headingPath) === 1 && headingPath !== topSection && entry.section !== UNTITLED;
    entry.title = alone ? entry.section : titleFromUrl(entry.url);
  }
  for (const entry of entries) {
    // The people a show or an episode names are its hosts or guests, not speakers of a talk
    // ("[GoFr](…) – by A, B in French"): they stay searchable in its description (#23).
    if (entry.kind === "podcast" && entry.speakers.length > 0) {
      const people = `by ${entry.speakers.join(", ")}`;
      entry.description = entry.description ? `${people} ${entry.description}` : people;
      entry.speakers = [];
      delete entry.speaker;
    }
    entry.slug = slugify(entry.title, entry.url);
  }
  return { source, frontMatter, headings, entries: extractFields(entries, options.fields) };
}
