// The query language of `search` and `pick` (#14), parsed: pure, no I/O.
//
//   consensus key        bare words: each must match some field (today's meaning)
//   "chain key"          an exact phrase: these words, in this order, in one field
//   -nns  -"key gen"     excludes entries where the word (as a word or its start) or phrase is
//   title:consensus      a word (or title:"a phrase") that must match in that field
//   speaker: author: section: kind: tag: event: year:   the other fields; kind: and year: filter
//
// A malformed query (an unclosed quote, an unknown field, a bad kind or year) is a usage error
// that says what is wrong.
import type { Kind } from "../catalog/types";
import { parseKind } from "./filters";
import { ValueError } from "../errors";
import { fold, words } from "../text/fold";

/** The fields a query may name, as `field:value`. */
export const QUERY_FIELDS = ["title", "speaker", "author", "section", "kind", "tag", "event", "year"] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];
/** The fields whose value is text searched as words (kind and year filter). */
export type TextField = Exclude<QueryField, "kind" | "year">;

/** Words or a phrase that must match: in any field, or in one. */
export interface TextTerm {
  /** Folded words; a phrase when `phrase` (in this order, next to each other). */
  words: string[];
  phrase: boolean;
  field?: TextField;
  /** As typed, for messages ("'camenish' matches nothing"). */
  raw: string;
}

export interface YearRange {
  from: number;
  to: number;
}

export interface Query {
  /** Every one must match (AND); they make the score. */
  terms: TextTerm[];
  /**
   * The words of the terms as typed, in order, repeats kept ("tokio-rs/tokio"): what a field
   * equal to the query is compared with (#24). Absent: the terms' words.
   */
  sequence?: string[];
  /** An entry matching any of these is left out. */
  exclude: TextTerm[];
  /** kind: values; an entry must be of one of them (several kind: are alternatives). */
  kinds: Kind[];
  excludeKinds: Kind[];
  years: YearRange[];
  excludeYears: YearRange[];
}

export interface ParseOptions {
  /**
   * An unclosed quote ends the phrase at the end of the query instead of being an error: the
   * picker searches while the phrase is still being typed (#14).
   */
  lenient?: boolean;
}

/** Schemes of URLs, which look like a field ("https://…") and are searched as words. */
const SCHEMES = new Set(["http", "https", "ftp", "mailto"]);

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  field?: string;
}

function tokens(query: string, options: ParseOptions): Token[] {
  const out: Token[] = [];
  let at = 0;
  const n = query.length;
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  while (at < n) {
    while (space(query[at])) at++;
    if (at >= n) break;
    const start = at;
    let negated = false;
    // "-" starts an exclusion only when something follows it directly: "peer - to" has a lone dash.
    if (query[at] === "-" && at + 1 < n && !space(query[at + 1])) {
      negated = true;
      at++;
    }
    let field: string | undefined;
    // "Try::Tiny", "DBIx::Class": a Perl (or C++, Rust) module path is words, not a field.
    const named = /^([A-Za-z]+):(?=[^\s:])/.exec(query.slice(at));
    if (named && !SCHEMES.has(named[1]!.toLowerCase())) {
      field = named[1]!.toLowerCase();
      at += named[0].length;
    }
    if (query[at] === '"') {
      const close = query.indexOf('"', at + 1);
      if (close < 0 && !options.lenient) {
        throw new ValueError(`the query has an unclosed quote: ${query.slice(start)}`, 'close the phrase with ", or leave the quote out');
      }
      const end = close < 0 ? n : close;
      out.push({ text: query.slice(at + 1, end), quoted: true, negated, field });
      at = close < 0 ? n : close + 1;
      continue;
    }
    // A quote inside a word ("don"t") is part of the word; so are the words after it on the same token.
    let end = at;
    while (end < n && !space(query[end])) end++;
    out.push({ text: query.slice(at, end), quoted: false, negated, field });
    at = end;
  }
  return out;
}

function isTextField(name: string): name is TextField {
  return name !== "kind" && name !== "year" && (QUERY_FIELDS as readonly string[]).includes(name);
}

const YEAR = /^(\d{4})(?:\.\.(\d{4}))?$/;

function parseYear(value: string): YearRange {
  const m = YEAR.exec(value.trim());
  if (!m) throw new ValueError(`year:${value} is not a year`, "use year:2021 or a range, year:2019..2021");
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** A query as typed, parsed; throws a ValueError saying what is wrong when it is malformed. */
export function parseQuery(query: string, options: ParseOptions = {}): Query {
  const q: Query = { terms: [], sequence: [], exclude: [], kinds: [], excludeKinds: [], years: [], excludeYears: [] };
  const seen = new Set<string>();
  for (const token of tokens(query, options)) {
    const raw = `${token.negated ? "-" : ""}${token.field ? `${token.field}:` : ""}${token.quoted ? `"${token.text}"` : token.text}`;
    if (token.field !== undefined && !(QUERY_FIELDS as readonly string[]).includes(token.field)) {
      throw new ValueError(`unknown field '${token.field}:' in the query`, `use one of: ${QUERY_FIELDS.map((f) => `${f}:`).join(" ")}`);
    }
    if (token.field === "kind") {
      const kind = parseKind(token.text);
      (token.negated ? q.excludeKinds : q.kinds).push(kind);
      continue;
    }
    if (token.field === "year") {
      (token.negated ? q.excludeYears : q.years).push(parseYear(token.text));
      continue;
    }
    const field = token.field !== undefined && isTextField(token.field) ? token.field : undefined;
    const found = words(fold(token.text));
    if (found.length === 0) {
      if (field !== undefined) throw new ValueError(`${raw} has no words to search for`, `give ${field}: letters or digits`);
      continue;
    }
    // An exclusion of several words ("-peer-to-peer") means them together, as a phrase.
    if (token.negated) {
      q.exclude.push({ words: found, phrase: found.length > 1, ...(field ? { field } : {}), raw });
      continue;
    }
    q.sequence!.push(...found);
    if (token.quoted && found.length > 1) {
      q.terms.push({ words: found, phrase: true, ...(field ? { field } : {}), raw });
      continue;
    }
    // Bare words are terms of their own, once each, as before the query language.
    for (const word of found) {
      const key = `${field ?? ""}:${word}`;
      if (seen.has(key)) continue;
      seen.add(key);
      q.terms.push({ words: [word], phrase: false, ...(field ? { field } : {}), raw: found.length > 1 ? word : raw });
    }
  }
  return q;
}

/** The query selects something: a word, a phrase, a field or a filter. */
export function isEmptyQuery(q: Query): boolean {
  return q.terms.length === 0 && q.exclude.length === 0 && q.kinds.length === 0 && q.excludeKinds.length === 0 && q.years.length === 0 && q.excludeYears.length === 0;
}

/** The words a match of the query shows highlighted: its terms' words, not what it excludes. */
export function highlightWords(q: Query): string[] {
  return [...new Set(q.terms.flatMap((t) => t.words))];
}
