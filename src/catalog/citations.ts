// The citation column of a paper list (#23): a paper's item says who wrote it and where it was
// published somewhere around its link, in the page's own order ("**Title** (ICML 2022) <br />
// A. Author, B. Author. [[paper](…)]", "**[Title.](…)** *A. Author, B. Author.* ACL'24", a plain
// title over "[[pdf]](…)" and a nested "- A. Author and B. Author. *CVPR 2016*"). The item's text
// outside its title and its links is cut into chunks where a citation's fields end (emphasis,
// brackets, a sentence's full stop, a dash), each chunk typed by what it is made of (a list of
// people's names, a venue and its year), and the list votes: where most of its papers have a
// chunk of names, those names are the authors. Pure.
import { ET_AL, hasNotNameWord, isPersonName, namesOf } from "./speaker";
import { MONTH, surname, VENUE_LEAD, yearPart, type Citation } from "./layout";

/** What the citation chunks of one item say. */
export interface CitedFacts {
  authors?: string[];
  event?: string;
  year?: number;
  /** A capitalised name before the year with no acronym in it ("Nature, 2016"): the venue only where the list's column of venues says so (venueColumn). */
  venue?: string;
  /**
   * Surnames alone joined by commas before the year ("Abadie, Imbens (2016)"): the authors only
   * where the page writes such lists of three surnames or more too (surnameLists), since two
   * pieces may as well be one name turned round ("Lamport, Leslie").
   */
  surnames?: string[];
}

/** A surname of a list of surnames: "Imbens", "Tchetgen Tchetgen", "de Chaisemartin", "van der Laan", "D'Haultf\u0153uille". */
const LISTED_SURNAME = /^(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|den|[Dd]el|[Dd]a|[Dd]i|[Dd]u|[Ll]e|[Ll]a|dos|ten|ter)\s+){0,2}\p{Lu}[\p{L}\p{M}'\u2019-]+(?:\s+\p{Lu}[\p{L}\p{M}'\u2019-]+)?$/u;

/** The surnames of a chunk written as a bare list ("Athey, Eckles, Imbens"), two at least. */
function surnameList(chunk: string): string[] | undefined {
  const pieces = chunk.replace(/^[\s\-\u2013\u2014.,;:]+/, "").replace(STOPS_AT_END, "").replace(/\s+[-\u2013\u2014]$/, "").split(/\s*,\s*/);
  return pieces.length >= 2 && pieces.length <= 30 && pieces.every((p) => LISTED_SURNAME.test(p) && !hasNotNameWord(p)) ? pieces : undefined;
}

/**
 * Whether a page's citations write their authors as bare lists of surnames: at least two of them
 * name three surnames or more, which no turned name does. Then each such list is the authors.
 */
export function surnameLists(read: readonly (CitedFacts | undefined)[]): boolean {
  // Of one word each, mostly: "Jane Doe, John Roe, Ann Lee" is a list of names, not of surnames.
  const bare = (r: CitedFacts | undefined) => r?.surnames !== undefined && r.surnames.length >= 3 && r.surnames.filter((n) => !/\s/.test(n)).length * 3 >= r.surnames.length * 2;
  return read.filter(bare).length >= 2;
}

/**
 * Where a citation's fields end: emphasis and link marks, brackets, a sentence's full stop (after
 * initials without stops, "Stahl FW.", and a surname of two letters, "Jimmy Ba.", "Dekai Wu.", too;
 * not a title's "Dr." or "Jr."), a dash, a semicolon, a line.
 */
const CHUNK_END = /[\u0001-\u0003\n()[\]]|(?<=[\p{Ll}\p{N}]{2}|\p{Lu}{2}|[\p{Ll}]\.[\p{Lu}]|(?<![\p{L}\p{M}'\u2019-])(?!Dr|Mr|Ms|St|Jr|Sr|No|Mt)\p{Lu}\p{Ll}|\)|\])\.(?:\s+|$)|\s+[-\u2013\u2014|]\s+|;\s+|,\s*(?=(?:19|20)\d{2}\b)|\s+(?=(?:19|20)\d{2}\s*$)/u;
const CHUNK_END_G = new RegExp(CHUNK_END.source, "gu");

/** A word of a name in the BibTeX order's given names: "Carl", "Alexei A.", "J.-P.". */
const GIVEN = /^\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:\s+\p{Lu}[\p{L}\p{M}.'\u2019-]*){0,2}$/u;
/** The particles a family name may start with: "van Gogh", "de Moura". */
const PARTICLE = "(?:(?:van|von|de|der|den|del|da|di|du|le|la)\\s+)?";
const FAMILY = new RegExp(`^${PARTICLE}\\p{Lu}[\\p{L}\\p{M}'\\u2019-]+(?:\\s+\\p{Lu}[\\p{L}\\p{M}'\\u2019-]+)?$`, "u");
/** A family name, then its initials with stops ("Escalante, H. J."): the family's and the initials' runs. */
// A family name of two words ("Percie du Sert, N.", "García Márquez, G."), a particle between or before them.
const FAMILY_INITIALS = new RegExp(`^((?:\\p{Lu}[\\p{L}\\p{M}'\\u2019-]+\\s+)?${PARTICLE}\\p{Lu}[\\p{L}\\p{M}'\\u2019-]+),\\s*((?:\\p{Lu}\\.\\s*-?\\s*)+)$`, "u");
/** The stops and spaces a field ends with, tried from their run's start only (linear on long runs). */
const STOPS_AT_END = /(?<![\s.,;:])[\s.,;:]+$/;

/** "Doersch, Carl and Gupta, Abhinav": names in the BibTeX order, each "Family, Given", joined by "and". */
function bibtexNames(text: string): string[] | undefined {
  const pieces = text.split(/\s+and\s+/);
  if (pieces.length < 2) return undefined;
  for (const p of pieces) {
    const m = /^([^,]+),\s*([^,]+)$/.exec(p.trim());
    if (!m || !FAMILY.test(m[1]!.trim()) || !GIVEN.test(m[2]!.trim())) return undefined;
  }
  return pieces.map((p) => p.trim().replace(/\s*,\s*/, ", ").replace(/\s+/g, " "));
}

/**
 * A list of names without the marks after a name that point to a note: equal contribution
 * ("Changan Chen*", "A. Author†"), an affiliation's number ("Jiasen Lu1").
 */
function withoutMarks(text: string): string {
  return text.replace(/(?<=\p{L})(?:[*\u2020\u2021\u00a7]+|[1-9])(?=\s*(?:[,;&]|\band\b|$))/gu, "");
}

/** "A. Author, B. Author, and C. Author", "A & B", "Mnih et al.": the names of a chunk, when it is a list of people. */
export function namesChunk(chunk: string): string[] | undefined {
  // 'Lamport, L. "[Title](…)."': the quote that opens the title is no part of the names before it.
  const unquoted = withoutMarks(chunk).trim().replace(/^["\u201c\u201d]+\s*|\s*["\u201c\u201d]+$/gu, "");
  const t = unquoted.replace(/^[\s.,;:]+/, "").replace(/^(?:by|and|&)\s+/i, "").replace(STOPS_AT_END, "");
  if (t.length < 3 || t.length > 2000 || /\d/.test(t)) return undefined;
  const bib = bibtexNames(t);
  if (bib) return bib;
  // "Escalante, H. J.": one name, the family's before the initials.
  const apa = FAMILY_INITIALS.exec(unquoted.replace(/(?<![\s,;:])[\s,;:]+$/, ""));
  if (apa && !hasNotNameWord(apa[1]!)) return [`${apa[1]}, ${apa[2]!.trim()}`];
  // "Ghemawat, S., Gobioff, H., and Leung, S.": several, each the family's name before the initials.
  const several = familyInitials(unquoted.replace(/(?<![\s,;:])[\s,;:]+$/, ""));
  if (several && several.length >= 2) return several;
  // "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton" (the first name turned, as reference managers
  // write it), "Szegedy, Christian, et al.": the first family's name and given names, then the others.
  const turned = /^([^,]+),\s*([^,]+?)(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)(.+)$/u.exec(t);
  // The turned family name is one word (a particle before it aside): a list in the natural order starts with two.
  if (turned && FAMILY.test(turned[1]!.trim()) && !/\s/.test(turned[1]!.trim().replace(/^(?:van|von|de|der|den|del|da|di|du|le|la)\s+/, "")) && GIVEN.test(turned[2]!.trim()) && !/^\p{Lu}\.?$/u.test(turned[2]!.trim()) && !hasNotNameWord(turned[1]!)) {
    const others = turned[3]!.trim();
    if (/^et\s+al\.?$/i.test(others)) return [`${turned[1]!.trim()}, ${turned[2]!.trim()}`];
    const rest = others.replace(ET_AL, "").split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/).map((n) => n.trim()).filter(Boolean);
    if (rest.length > 0 && rest.length <= 40 && rest.every((n) => isPersonName(n) && !n.includes(","))) return [`${turned[1]!.trim()}, ${turned[2]!.trim()}`, ...rest];
  }
  // "Le, Quoc V.", "Ba, Jimmy Lei": one name turned, its given names two words at least (one
  // would be a second surname: "Kingma, Welling").
  const alone = /^([^,]+),\s*(\S+\s[^,]+)$/u.exec(unquoted.replace(/(?<![\s,;:])[\s,;:]+$/, ""));
  if (alone && FAMILY.test(alone[1]!.trim()) && !/\s/.test(alone[1]!.trim().replace(/^(?:van|von|de|der|den|del|da|di|du|le|la)\s+/, "")) && GIVEN.test(alone[2]!.trim()) && !hasNotNameWord(alone[1]!) && !hasNotNameWord(alone[2]!)) return [`${alone[1]!.trim()}, ${alone[2]!.trim()}`];
  const etAl = ET_AL.test(t) || ET_AL.test(chunk.trim());
  const bare = t.replace(ET_AL, "");
  const names = bare.split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/).map((n) => n.trim().replace(/\.$/, "")).filter(Boolean);
  if (names.length === 0 || names.length > 80) return undefined;
  if (!names.every((n) => n.length <= 48 && /^\p{Lu}/u.test(n) && n.split(/\s+/).length <= 5)) return undefined;
  const people = names.filter((n) => isPersonName(n) || VANCOUVER.test(n)).length;
  // "Mildenhall et al.", "Kingma & Welling": surnames alone are names beside "et al." or among others that read as names.
  if (etAl && names.every((n) => /^\p{Lu}[\p{L}\p{M}'\u2019-]+$/u.test(n) || isPersonName(n))) return names;
  // "Kingma & Ba", "Ghemawat, Gobioff & Leung": surnames alone, several of them, joined as a list of people is.
  if (people === 0 && names.length >= 2 && /\s(?:and|&)\s/.test(bare) && names.every(surname)) return names;
  if (people === 0 || people * 2 < names.length) return undefined;
  // One name alone must read as a person's by itself.
  if (names.length === 1 && people !== 1) return undefined;
  return names;
}

/** A name in the order of medical and life-science references: the family name, then the initials without stops ("Watson JD", "Okazaki R"). */
const VANCOUVER = new RegExp(`^${PARTICLE}\\p{Lu}[\\p{Ll}\\p{M}'\\u2019-]+(?:[\\s-]\\p{Lu}[\\p{Ll}\\p{M}'\\u2019-]+)?\\s+\\p{Lu}{1,3}$`, "u");

/** The stop after a Vancouver name's initials ("Leonardos N. "), and what follows it. */
const VANCOUVER_END = /(?<=[\p{Ll}\p{M}'\u2019-] \p{Lu}{1,3})\.\s+(?=\S)/gu;

/**
 * A chunk that starts with names written as Vancouver references write them ("Castro M., Liskov
 * B. '99.", "Nakamoto S. '08."), every one a family name and its initials: the names, and the rest
 * of the chunk. Cut at the first such stop after which the names read as names.
 */
function vancouverNames(text: string): { names: string[]; rest: string } | undefined {
  // The stop that ended the title before them is no part of the first name.
  const chunk = text.replace(/^[\s.,;:]+/, "");
  for (const m of chunk.matchAll(VANCOUVER_END)) {
    const head = chunk.slice(0, m.index);
    const rest = chunk.slice(m.index! + m[0].length);
    const names = namesOf(head);
    // The initials ("A", "JJ") are no words to judge: "A" is an article's, not a name's.
    if (names.length > 0 && names.length <= 40 && names.every((n) => VANCOUVER.test(n)) && !names.some((n) => hasNotNameWord(n.replace(/\s+\p{Lu}{1,3}$/u, "")))) return { names, rest };
  }
  return undefined;
}

/**
 * A venue's short name before its year's own chunk ("CACM, 1978", "USENIX ATC, 2014", "arXiv, 2019"):
 * an acronym among a few capitalised words; an archive's name may start lower-case before its capital.
 */
const VENUE_ALONE = /^(?=.*(?:\p{Lu}{2}|^\p{Ll}+\p{Lu}))(?:\p{Lu}|\p{Ll}+\p{Lu})[\p{L}\p{N}&.'\u2019-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}&.'\u2019-]*){0,3}$/u;

/** A journal's or a venue's name of a few capitalised words and no acronym ("Nature", "Neural Computation"). */
const VENUE_WORDS = /^\p{Lu}[\p{Ll}\p{M}&.'\u2019-]+(?:\s+(?:of|on|for|and|in|the|&|\p{Lu}[\p{L}\p{M}&.'\u2019-]*)){0,4}$/u;

/** The chunks of an item's citation text. */
function chunksOf(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  CHUNK_END_G.lastIndex = 0;
  for (let m = CHUNK_END_G.exec(text); ; m = CHUNK_END_G.exec(text)) {
    const end = m ? m.index : text.length;
    const piece = text.slice(at, end).trim();
    if (piece) out.push(piece);
    if (!m || out.length > 40) break;
    if (m[0].length === 0) CHUNK_END_G.lastIndex++;
    at = m.index + m[0].length;
  }
  return out;
}

/** "Lehman, Joel; Gordon, Jonathan": names in the family-first order cut apart at semicolons, joined again as one list. */
function joinFamilyFirst(chunks: string[]): string[] {
  const one = (c: string) => {
    const m = /^([^,]+),\s*([^,]+)$/.exec(c.trim());
    return m !== null && FAMILY.test(m[1]!.trim()) && GIVEN.test(m[2]!.trim().replace(/\.$/, ""));
  };
  const out: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    let j = i;
    while (j < chunks.length && one(chunks[j]!)) j++;
    if (j - i >= 2) {
      out.push(chunks.slice(i, j).join(" and "));
      i = j - 1;
    } else out.push(chunks[i]!);
  }
  return out;
}

/** A venue's full name with its acronym in brackets, then the year: "Conference on Computer Vision (ECCV) 2022", "IEEE Transactions on Pattern Analysis and Machine Intelligence (TPAMI), 2021". */
const VENUE_NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}&'\\u2019-]*";
const VENUE_JOIN = `(?:of|on|for|and|in|the|&|${VENUE_NAME_WORD})`;
// Words joined by single spaces, none ended by a stop, from a field's start (a line's, an emphasis's, after a
// stop): the names before it ("Tao Xiang.", "Sunita Sarawagi") are no part of it. A volume may stand before the year ("39.7 (2016)").
const ACRONYM_VENUE = new RegExp(`(?<=^|[\\n\\u0001]|[.,;:] )((?:${VENUE_NAME_WORD} (?:${VENUE_JOIN} ){0,8})?(?:Conference|Journal|Transactions|Symposium|Workshop|Proceedings|Letters|Review|Meeting|Congress|Advances)(?: ${VENUE_JOIN}){0,8})\\u0001* ?\\(\\u0001*(\\p{Lu}[\\p{L}\\p{N}&-]*\\p{Lu}[\\p{L}\\p{N}&-]*)\\u0001*\\)[\\s,.]*(?:\\d{1,4}(?:\\.\\d{1,4})? )?\\(?((?:19|20)\\d{2})(?!\\d)`, "u");

/** An emphasised venue with its acronym, whatever its words: "*Neural Information Processing Systems* (**NeurIPS**) 2021". */
const EMPHASISED_ACRONYM_VENUE = /\u0001+([^\u0001\u0002\u0003\n]{3,120}?)\u0001+ ?\(\u0001*(\p{Lu}[\p{L}\p{N}&-]*\p{Lu}[\p{L}\p{N}&-]*)\u0001*\)[\s,.]*(?:\d{1,4}(?:\.\d{1,4})? )?\(?((?:19|20)\d{2})(?!\d)/u;

/** What one item's citation text says: its first chunk of names, its first venue and year. */
export function citedFacts(cite: string): CitedFacts {
  const out: CitedFacts = {};
  // One space for each run of them (but lines): the chunks' expressions then scan each space once, not once per space before it (test/hostile).
  let text = cite.replace(/[^\S\n]+/g, " ");
  // "[Nat. Mach. Intell. 2022] [GEM] Fang, Xiaomin, et al. [Title](…)": paper lists lead with the
  // venue and its year in a bracket, and a model's short name in another; labels, not chunks of names.
  const lead = /^\s*(?:\[[^[\]\u0001-\u0003\n]{1,60}\]\s*)+/.exec(text);
  if (lead) {
    const said = yearPart(/^\s*\[([^\]]*)\]/.exec(lead[0])![1]!);
    if (said) {
      out.year = said.year;
      if (said.event !== undefined) out.event = said.event;
    }
    text = text.slice(lead[0].length);
  }
  // "*International Conference on Learning Representations* (**ICLR**) 2021": the venue as written, its acronym with it.
  if (out.year === undefined) {
    const named = ACRONYM_VENUE.exec(text) ?? EMPHASISED_ACRONYM_VENUE.exec(text);
    if (named) {
      out.event = `${named[1]!.trim().replace(VENUE_LEAD, "")} (${named[2]})`;
      out.year = Number(named[3]);
    }
  }
  // A table's row ("2016 | \u0002 | DLRS |"): the link alone in its cell, the cells after it its own columns.
  const cells = (text.match(/\s\|(?=\s|$)/g) ?? []).length >= 2 ? text.split(/\s*\|\s*/) : [];
  const linkCell = cells.findIndex((c) => c.includes("\u0002") && !/[\p{L}\p{N}]/u.test(c));
  const chunks = joinFamilyFirst(chunksOf(text));
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const next = chunks[i + 1];
    const yearNext = next !== undefined && /^(?:19|20)\d{2}$/.test(next.replace(/[.,;]$/, ""));
    if (out.authors === undefined) {
      // "(Lamport, 2001)": one surname before the year's own chunk is the author.
      // "Hahn, Todd, Van der Klaauw (2001)" reads as a name turned round and another; kept as a list of surnames too, which the page decides between (surnameLists).
      const listed = yearNext && out.surnames === undefined ? surnameList(c) : undefined;
      if (listed) out.surnames = listed;
      const names = namesChunk(c) ?? (yearNext && surname(c.replace(/[.,]$/, "")) ? [c.replace(/[.,]$/, "")] : undefined);
      if (names) {
        out.authors = names;
        continue;
      }
      // "Garay J, Kiayias A, Leonardos N. EUROCRYPT '15.": names in the order of medical and
      // life-science references end at the stop after the last one's initial, which a chunk does
      // not end at (it may be a given name's: "Jane M. Doe").
      const cited = vancouverNames(c);
      if (cited) {
        out.authors = cited.names;
        chunks.splice(i + 1, 0, cited.rest);
        continue;
      }
      if (listed) continue;
    }
    // "(1948)": a year alone in its chunk, before the years yearPart takes for an event's.
    const alone = out.year === undefined ? /^(19\d{2}|20[0-4]\d)[.,;]?$/.exec(c) : null;
    if (alone) {
      out.year = Number(alone[1]);
      continue;
    }
    const venue = c.replace(/^[\s"'\u201c\u201d.,;:]+/u, "").replace(STOPS_AT_END, "");
    if (out.year === undefined && out.event === undefined && yearNext && VENUE_ALONE.test(venue)) {
      out.event = venue;
      continue;
    }
    if (out.year === undefined && out.event === undefined && out.venue === undefined && yearNext && VENUE_WORDS.test(venue)) {
      out.venue = venue;
      continue;
    }
    if (out.year === undefined && /\d/.test(c)) {
      // ". OSDI'04." after the title's link: the stop that ended the title is no part of the venue.
      const v = c.replace(/^[\s.,;:]+/, "");
      // "ACL'24 Findings", "ACL 2023 Findings": a word after the year belongs to the venue.
      const tail = /^(.*?\d)\s+(\p{Lu}\p{Ll}+)$/u.exec(v);
      const said = yearPart(v) ?? yearPart(v.replace(VENUE_LEAD, "")) ?? (tail ? yearPart(tail[1]!) : undefined);
      if (said) {
        out.year = said.year;
        if (said.event !== undefined) out.event = tail && !yearPart(v) && said.event ? `${said.event} ${tail[2]}` : said.event;
      }
    }
  }
  // "A and B. 2003. [Title](…). In *Proceedings of ACL 2003*.", "… *Computational Linguistics*.": the
  // year stood alone before the title, and the venue after it is emphasised, as journals' names are (#23).
  if (out.event === undefined && out.venue === undefined && cells.length === 0) {
    const after = text.indexOf("\u0002");
    const run = after < 0 ? null : /\u0001+([^\u0001\u0002]{2,80}?)\u0001/.exec(text.slice(after));
    const v = run ? run[1]!.replace(STOPS_AT_END, "").replace(VENUE_LEAD, "").trim() : "";
    if (v && !namesChunk(v)) {
      const said = /\d/.test(v) ? yearPart(v) : undefined;
      if (said?.event !== undefined && (out.year === undefined || out.year === said.year)) {
        out.event = said.event;
        out.year = said.year;
      } else if (!/\d/.test(v) && (VENUE_ALONE.test(v) || VENUE_WORDS.test(v))) out.event = v;
    }
  }
  // In a row the venue may have a column of its own after the title's: its one cell is a venue's name.
  if (linkCell >= 0 && out.event === undefined && out.venue === undefined) {
    const cell = cells.slice(linkCell + 1).map((c) => c.replace(/[\u0001-\u0003]/g, "").replace(STOPS_AT_END, "").trim()).find((c) => c && !namesChunk(c) && !/\d/.test(c) && (VENUE_ALONE.test(c) || VENUE_WORDS.test(c)));
    if (cell !== undefined) {
      if (VENUE_ALONE.test(cell)) out.event = cell;
      else out.venue = cell;
    }
  }
  return out;
}

/** How many of a list's papers must have a chunk of names for the list to vote for authors. */
const MAJORITY = 0.5;

/**
 * Whether a list's papers, read as citations (undefined for an entry that is none), vote for
 * their chunks of names as authors: at least two papers, and half of those read, have one.
 */
export function votesForAuthors(read: readonly (CitedFacts | undefined)[]): boolean {
  const papers = read.filter((r) => r !== undefined).length;
  const named = read.filter((r) => r?.authors !== undefined).length;
  return named >= 2 && named >= MAJORITY * papers;
}

/** A cell's text: no marks of emphasis or links, a full-width comma as a comma ("Jost Tobias Springenberg， et al."). */
const cellText = (cell: string): string => cell.replace(/[\u0001-\u0003]/g, " ").replace(/\uff0c\s*/g, ", ").replace(/\s+/g, " ").trim();

/**
 * An item's text cut into cells by " | " ("2019 | Title | Xin He, et al. | arXiv | [`PDF`](…)"):
 * a row's cells are its fields, each read whole, so a title's own colon or commas cut nothing.
 * The year is the cell that is one (with its venue's name, "NeurIPS 2019", too), the authors the
 * cell of names, the title the first other cell, and the venue the short cell after the title and
 * the names. Undefined for text of fewer than two separators or with no title left.
 */
export function cellCitation(marked: string): Citation | undefined {
  if ((marked.match(/\s\|(?:\s|$)/g) ?? []).length + (/^\s*\|/.test(marked) ? 1 : 0) < 2) return undefined;
  const cells = marked.split(/\s*\|\s*/).map(cellText).filter(Boolean);
  if (cells.length < 2) return undefined;
  const out: Citation = { title: "" };
  let venue: string | undefined;
  let named = -1;
  let titled = -1;
  cells.forEach((cell, i) => {
    const year = out.year === undefined ? yearPart(cell) : undefined;
    if (year) {
      out.year = year.year;
      if (year.event !== undefined) out.event = year.event;
      return;
    }
    const names = out.people === undefined && titled >= 0 ? namesChunk(cell) : undefined;
    if (names) {
      out.people = names;
      named = i;
    } else if (titled < 0) {
      out.title = cell;
      titled = i;
    } else if (venue === undefined && i > Math.max(titled, named) && cell.split(/\s+/).length <= 6 && /^[\p{Lu}\p{Ll}]*\p{Lu}/u.test(cell)) venue = cell.replace(/(?<![.,;:])[.,;:]+$/, "");
  });
  if (!out.title) return undefined;
  if (out.event === undefined && venue !== undefined) out.event = venue;
  return out;
}

/**
 * The venue column of a list's citations: names before the year that read as a venue only in a
 * column of venues ("Nature, 2016" among "ICML, 2016" and "NeurIPS, 2017"). Where at least two of
 * the list's citations name a venue by its own shape, and most of those with a year name one either
 * way, each such name is its citation's venue; `read[i]` undefined for an entry that is none.
 */
export function venueColumn(read: readonly (CitedFacts | undefined)[]): boolean {
  const dated = read.filter((r) => r?.year !== undefined).length;
  const strict = read.filter((r) => r?.year !== undefined && r.event !== undefined).length;
  const loose = read.filter((r) => r?.year !== undefined && r.event === undefined && r.venue !== undefined).length;
  return strict >= 2 && loose > 0 && strict + loose >= MAJORITY * dated;
}

/** "Smith, J., & Doe, A.": names in the family-then-initials order, joined by commas and "&". */
function familyInitials(text: string): string[] | undefined {
  // "Lin, J., … Yarkoni, T.": APA's ellipsis stands for the names left out between two of them.
  const names = text.trim().replace(/,?\s*(?:&|and)\s+/g, ", ").replace(/(?<=\.)\s*,?\s*(?:\u2026|\.\.\.)\s*(?=\p{Lu})/gu, ", ").split(/(?<=\.)\s*,\s*/).map((n) => n.trim()).filter(Boolean);
  return names.length > 0 && names.length <= 40 && names.every((n) => FAMILY_INITIALS.test(n) && !hasNotNameWord(n.split(",")[0]!)) ? names : undefined;
}

/**
 * The names-first order with an emphasised title, as reference managers and reading lists write it
 * ('LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "**Deep learning**." Nature 521.7553 (2015)',
 * 'A. Author and B. Author. *Title*. SOSP 2003', a reference's emphasised number "**[1]**" first):
 * the names before the emphasis, the emphasised run the title, the year and venue after it.
 * Undefined for text of any other order.
 */
export function namesFirstCitation(marked: string): Citation | undefined {
  const text = marked.replace(/^\s*\u0001+\s*\[?\d{1,4}\]?\.?\s*\u0001+\s*/, "").replace(/^\s*\[\d{1,4}\]\s*/, "");
  const open = text.indexOf("\u0001");
  if (open <= 0) return undefined;
  let inner = open;
  while (text[inner] === "\u0001") inner++;
  const close = text.indexOf("\u0001", inner);
  if (close < 0) return undefined;
  const title = text.slice(inner, close).replace(/^["\u201c]+|["\u201d]+$/gu, "").replace(/(?<=\p{L}{2})[.,]$/u, "").trim();
  const lead = text.slice(0, open).replace(/\u0002/g, "");
  // The names end at a stop, or at the quote that opens the title ('G. Zweig "**Title**."').
  if (!/\p{L}/u.test(title) || /[\u0001-\u0003]/.test(lead) || !/(?:[.,:]\s*["\u201c]?|\s["\u201c])\s*$/u.test(lead)) return undefined;
  const people = namesChunk(lead);
  if (!people) return undefined;
  const tail = text.slice(close).replace(/^[\u0001\s"\u201d.,;:]+/u, "");
  const after = citedFacts(tail);
  // 'Nature 521.7553 (2015): 436-444', 'Proceedings of the … Conference. 2015': the venue as
  // Google Scholar's MLA style writes it, which the chunks do not read.
  const mla = scholarVenue(tail.split("\u0002")[0]!);
  if (mla && (after.year === undefined || after.year === mla.year)) return { title, people, year: mla.year, event: mla.event };
  return { title, people, ...(after.year !== undefined ? { year: after.year } : {}), ...(after.event !== undefined ? { event: after.event } : {}) };
}

/** A venue's name: a letter first, a few words, no address. */
const VENUE_NAME = /^(?=[^/]{2,140}$)[\p{L}\p{N}][^\s]*(?:\s+\S+){0,15}$/u;

/**
 * The venue and year of a citation as Google Scholar's MLA style (and the reading lists that copy
 * it) writes them after the title: 'Nature 521.7553 (2015): 436-444', 'ICML (3) 28 (2013)',
 * 'arXiv preprint arXiv:1409.1556 (2014)', 'Proceedings of the IEEE Conference on Computer Vision
 * and Pattern Recognition. 2015', 'ICML. Vol. 14. 2014', '2013 IEEE international conference on
 * acoustics, speech and signal processing. IEEE, 2013' (the publisher before the year). Undefined
 * for any other text (#23).
 */
export function scholarVenue(text: string): { event: string; year: number } | undefined {
  const t = text.replace(/[\u0001-\u0003]/g, " ").replace(/\s+/g, " ").trim().replace(/^[\s"\u201d.,;:]+/u, "").replace(/[\s.,;:]+$/u, "");
  const m =
    /^(.+?)\s+preprint\b[^()]*\(((?:19|20)\d{2})\)/u.exec(t) ??
    /^(.+?)(?:\s+\(\d{1,3}\))?\s+\d{1,5}(?:\.\d{1,5})?\s*\(((?:19|20)\d{2})\)(?::\s*[\d-]+)?$/u.exec(t) ??
    /^(.+?)\.\s+(?:Vol\.\s*\d+\.\s+)?((?:19|20)\d{2})$/u.exec(t) ??
    /^(.+?)\.\s+\p{Lu}[\p{L}&.']*(?:\s[\p{L}&.']+){0,2},\s*((?:19|20)\d{2})$/u.exec(t);
  if (!m) return undefined;
  const event = m[1]!.replace(VENUE_LEAD, "").replace(/^(?:19|20)\d{2}\s+/, "").replace(STOPS_AT_END, "").trim();
  if (!VENUE_NAME.test(event) || /\d{3}|https?:/.test(event) || namesChunk(event)) return undefined;
  return { event, year: Number(m[2]) };
}

/**
 * The author-date order of a citation ("Smith, J., & Doe, A. (2019). Title. Venue." before a
 * "[link](…)"): the names, the year in brackets, the title, then the venue. Undefined for text
 * of any other order.
 */
export function authorDateCitation(marked: string): Citation | undefined {
  const text = marked.replace(/[\u0001-\u0003]/g, "").replace(/\s+/g, " ").trim();
  const m = /^(.+?)\s*\(((?:19|20)\d{2})[a-z]?\)\.?\s+(.+?)$/u.exec(text);
  if (!m) return undefined;
  const people = familyInitials(m[1]!) ?? namesChunk(m[1]!);
  if (!people) return undefined;
  // The title ends at its full stop (or question mark) before the venue, if a venue follows.
  // A journal's name may start in lower case when its volume follows ("eLife, 5, 1–26").
  const rest = /^(.*?[\p{L}\p{N})][.?!])\s+(\p{Lu}.*?|\p{Ll}[\p{L}\p{N}]+,\s*\d.*?)\.?$/u.exec(m[3]!);
  const title = (rest ? rest[1]! : m[3]!).replace(/\.$/, "").trim();
  if (!/\p{L}/u.test(title)) return undefined;
  const venue = rest?.[2]!.replace(STOPS_AT_END, "").trim();
  return { title, people, year: Number(m[2]), ...(venue && venue.split(/\s+/).length <= 8 ? { event: venue } : {}) };
}

/** A venue, then a month (and day) and the year at the end: "arXiv, Dec 2022", "ICRA May 2025". */
const DATED_END = new RegExp(`^(.*?)[\\s,]*\\b(${MONTH}\\.?\\s+(?:\\d{1,2},?\\s+)?)((?:19|20)\\d{2})$`, "iu");
/** A title in double quotes, as the numbered and IEEE styles write it: three words at least. */
const QUOTED_TITLE = /["\u201c]([^"\u201c\u201d\u0001-\u0003]{8,300}?)["\u201d]/gu;

/**
 * A citation whose title stands in double quotes ('**RT-1**: "RT-1: Robotics Transformer for
 * Real-World Control at Scale", *arXiv, Dec 2022*.', 'A. Author and B. Author, "Title," SOSP
 * 2003'): the one quoted run of three words or more is the title; before it, names or the paper's
 * short name ("**RT-1**:"); after it, its venue and the year ("*arXiv, Dec 2022*",
 * "International Conference on Robotics and Automation (ICRA), May 2025"). Undefined for text
 * with no such run, or more than one.
 */
export function quotedTitleCitation(marked: string): Citation | undefined {
  // The text before a quoted run, without marks; a reference's number first ("**[20]** Chen,
  // Tianqi, …") is no part of the names.
  const leadOf = (at: number) => marked.slice(0, at).replace(/[\u0001-\u0003]/g, " ").replace(/\s+/g, " ").trim().replace(/^\[\d{1,4}\]\.?\s*/, "").replace(/[,:;.\s-]+$/u, "");
  const quoted = [...marked.matchAll(QUOTED_TITLE)];
  const runs = quoted.filter((m) => m[1]!.trim().split(/\s+/).length >= 3);
  // A shorter title is one only after the authors ('Wei, Tao, et al. "Network Morphism."').
  if (runs.length === 0 && quoted.length === 1 && namesChunk(leadOf(quoted[0]!.index))) runs.push(quoted[0]!);
  if (runs.length !== 1) return undefined;
  const run = runs[0]!;
  const title = run[1]!.trim().replace(/(?<=[\p{L}\p{N})])[.,]$/u, "").trim();
  const lead = leadOf(run.index);
  // Before the title: nothing, the paper's short name (one to three words), or its authors.
  const people = lead ? namesChunk(lead) : undefined;
  if (lead && !people && lead.split(" ").length > 3) return undefined;
  // After it, up to the first link or bracket: the venue, and the year at its end ("…, Dec 2022").
  const rest = marked.slice(run.index! + run[0].length).split(/[\u0002[]/)[0]!.replace(/[\u0001\u0003]/g, " ").replace(/\s+/g, " ").trim().replace(/^[,.;:\s]+|[,.;:\s]+$/g, "");
  const out: Citation = { title, ...(people ? { people } : {}) };
  const scholar = rest ? scholarVenue(rest) : undefined;
  if (scholar) {
    out.year = scholar.year;
    out.event = scholar.event;
  } else if (rest) {
    // "Venue, Dec 2022", "Venue (ICRA) May 2025", "SOSP '03", "Venue": the date or year at the end, the venue before it.
    const dated = DATED_END.exec(rest);
    const year = dated ? { year: Number(dated[3]), event: dated[1]! || undefined } : yearPart(rest) ?? yearPart(rest.split(/\s*,\s*/).at(-1)!);
    if (year) {
      out.year = year.year;
      const parts = rest.split(/\s*,\s*/);
      const venue = dated ? year.event : year.event !== undefined && parts.length === 1 ? year.event : parts.slice(0, -1).join(", ") || year.event;
      if (venue) out.event = venue;
    } else if (!rest.includes(",") && rest.split(" ").length <= 8 && /^\p{Lu}|^[a-z]+\p{Lu}/u.test(rest)) out.event = rest;
  }
  return out;
}

/**
 * Authors written the USENIX way, each group of them followed by its institution, the groups parted
 * by semicolons: "Gina Yuan, Shoumik Palkar, and Matei Zaharia, Stanford University", "Kate Keahey,
 * Argonne National Laboratory; Jason Anderson and Zhuo Zhen, University of Chicago". In a group the
 * names end at the name after "and" (or, with no "and" after a comma, at the first comma); what
 * follows is the institution, which must be there. Undefined for any other text.
 */
export function affiliatedNames(text: string): string[] | undefined {
  // A year or a venue's number says the line is a citation of another form ("A, B. *ICML 2020*").
  if (text.length > 3000 || /\d/.test(text)) return undefined;
  const groups = text.replace(/\s+/g, " ").trim().replace(/\.$/, "").split(/\s*;\s*/).filter(Boolean);
  if (groups.length === 0) return undefined;
  const out: string[] = [];
  let institutions = 0;
  for (const group of groups) {
    const pieces = group.split(/\s*,\s*/);
    const last = pieces.findIndex((p, i) => i > 0 && /^and\s/.test(p));
    const names = last > 0 ? [...pieces.slice(0, last), pieces[last]!.slice(4)] : pieces[0]!.split(/\s+(?:and|&)\s+/);
    const rest = pieces.slice(last > 0 ? last + 1 : 1);
    if (rest.length === 0 || !rest.every((r) => /\p{L}/u.test(r))) return undefined;
    const people = names.map((n) => n.trim()).filter(Boolean);
    if (people.length === 0 || !people.every((n) => isPersonName(n) && !hasNotNameWord(n))) return undefined;
    // The institution reads as no person ("Stanford University", "UNIST"), in one group at least:
    // "A. Author, B. Author" alone is a plain list ("Microsoft Research" may read as a name).
    if (!rest.every((r) => isPersonName(r) && !hasNotNameWord(r))) institutions++;
    out.push(...people);
  }
  return institutions > 0 && out.length > 0 && out.length <= 60 ? out : undefined;
}
