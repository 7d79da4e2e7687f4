// The citation column of a paper list (#23): a paper's item says who wrote it and where it was
// published somewhere around its link, in the page's own order ("**Title** (ICML 2022) <br />
// A. Author, B. Author. [[paper](…)]", "**[Title.](…)** *A. Author, B. Author.* ACL'24", a plain
// title over "[[pdf]](…)" and a nested "- A. Author and B. Author. *CVPR 2016*"). The item's text
// outside its title and its links is cut into chunks where a citation's fields end (emphasis,
// brackets, a sentence's full stop, a dash), each chunk typed by what it is made of (a list of
// people's names, a venue and its year), and the list votes: where most of its papers have a
// chunk of names, those names are the authors. Pure.
import { isPersonName } from "./speaker";
import { surname, VENUE_LEAD, yearPart } from "./layout";

/** What the citation chunks of one item say. */
export interface CitedFacts {
  authors?: string[];
  event?: string;
  year?: number;
}

/** Where a citation's fields end: emphasis and link marks, brackets, a sentence's full stop, a dash, a semicolon, a line. */
const CHUNK_END = /[\u0001-\u0003\n()[\]]|(?<=[\p{Ll}\p{N}]{2}|[\p{Ll}]\.[\p{Lu}]|\)|\])\.(?:\s+|$)|\s+[-\u2013\u2014|]\s+|;\s+|,\s+(?=(?:19|20)\d{2}\b)|\s+(?=(?:19|20)\d{2}\s*$)/u;
const CHUNK_END_G = new RegExp(CHUNK_END.source, "gu");

/** A word of a name in the BibTeX order's given names: "Carl", "Alexei A.", "J.-P.". */
const GIVEN = /^\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:\s+\p{Lu}[\p{L}\p{M}.'\u2019-]*){0,2}$/u;
const FAMILY = /^(?:(?:van|von|de|der|den|del|da|di|du|le|la)\s+)?\p{Lu}[\p{L}\p{M}'\u2019-]+(?:\s+\p{Lu}[\p{L}\p{M}'\u2019-]+)?$/u;

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

/** "A. Author, B. Author, and C. Author", "A & B", "Mnih et al.": the names of a chunk, when it is a list of people. */
export function namesChunk(chunk: string): string[] | undefined {
  const t = chunk.trim().replace(/^[\s.,;:]+/, "").replace(/^(?:by|and|&)\s+/i, "").replace(/[\s.,;:]+$/, "");
  if (t.length < 3 || t.length > 2000 || /\d/.test(t)) return undefined;
  const bib = bibtexNames(t);
  if (bib) return bib;
  const etAl = /,?\s+et\s+al$/i.test(t) || /,?\s+et\s+al\.?$/i.test(chunk.trim());
  const bare = t.replace(/,?\s+et\s+al\.?$/i, "");
  const names = bare.split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/).map((n) => n.trim().replace(/\.$/, "")).filter(Boolean);
  if (names.length === 0 || names.length > 80) return undefined;
  if (!names.every((n) => n.length <= 48 && /^\p{Lu}/u.test(n) && n.split(/\s+/).length <= 5)) return undefined;
  const people = names.filter(isPersonName).length;
  // "Mildenhall et al.", "Kingma & Welling": surnames alone are names beside "et al." or among others that read as names.
  if (etAl && names.every((n) => /^\p{Lu}[\p{L}\p{M}'\u2019-]+$/u.test(n) || isPersonName(n))) return names;
  // "Kingma & Ba", "Ghemawat, Gobioff & Leung": surnames alone, several of them, joined as a list of people is.
  if (people === 0 && names.length >= 2 && /\s(?:and|&)\s/.test(bare) && names.every(surname)) return names;
  if (people === 0 || people * 2 < names.length) return undefined;
  // One name alone must read as a person's by itself.
  if (names.length === 1 && people !== 1) return undefined;
  return names;
}

/** A venue's short name before its year's own chunk ("CACM, 1978", "USENIX ATC, 2014"): an acronym among a few capitalised words. */
const VENUE_ALONE = /^(?=.*\p{Lu}{2})\p{Lu}[\p{L}\p{N}&.'\u2019-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}&.'\u2019-]*){0,3}$/u;

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

/** What one item's citation text says: its first chunk of names, its first venue and year. */
export function citedFacts(text: string): CitedFacts {
  const out: CitedFacts = {};
  const chunks = chunksOf(text);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const next = chunks[i + 1];
    const yearNext = next !== undefined && /^(?:19|20)\d{2}$/.test(next.replace(/[.,;]$/, ""));
    if (out.authors === undefined) {
      // "(Lamport, 2001)": one surname before the year's own chunk is the author.
      const names = namesChunk(c) ?? (yearNext && surname(c.replace(/[.,]$/, "")) ? [c.replace(/[.,]$/, "")] : undefined);
      if (names) {
        out.authors = names;
        continue;
      }
    }
    const venue = c.replace(/^[\s"'\u201c\u201d.,;:]+/u, "").replace(/[\s.,;:]+$/, "");
    if (out.year === undefined && out.event === undefined && yearNext && VENUE_ALONE.test(venue)) {
      out.event = venue;
      continue;
    }
    if (out.year === undefined && /\d/.test(c)) {
      // "ACL'24 Findings", "ACL 2023 Findings": a word after the year belongs to the venue.
      const tail = /^(.*?\d)\s+(\p{Lu}\p{Ll}+)$/u.exec(c);
      const said = yearPart(c) ?? yearPart(c.replace(VENUE_LEAD, "")) ?? (tail ? yearPart(tail[1]!) : undefined);
      if (said) {
        out.year = said.year;
        if (said.event !== undefined) out.event = tail && !yearPart(c) && said.event ? `${said.event} ${tail[2]}` : said.event;
      }
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
