// What a link's own page says about it (#27): the facts enrich reads and the catalog merges.
// Pure: the shape, and the small readers of the forms real sites write them in (ISO 8601
// durations, "7 min read", dates), and the one cleaning every fact passes, from the network and
// again from the store.
import { sanitize } from "../text/sanitize";

export interface LinkFacts {
  title?: string;
  description?: string;
  /** Seconds: a video's length, an article's reading time. */
  duration?: number;
  /** YYYY-MM-DD (or YYYY-MM, YYYY): when it was published or uploaded. */
  published?: string;
  /** An article's or a post's authors. */
  authors?: string[];
  /** A video's channel. */
  channel?: string;
  /** What the page is: "video", "article", "forum", "page". */
  type?: "video" | "article" | "forum" | "page";
}

/** The longest text kept of a fact (a description longer is cut at a word). */
const MAX_TEXT = 500;
const MAX_AUTHORS = 10;
/** A length past this (a week) is no talk's or article's: a page's mistake. */
const MAX_DURATION = 7 * 24 * 3600;

/** Sanitized, whitespace folded, HTML's leftovers trimmed, cut to a length; undefined when empty. */
export function cleanText(text: unknown, max = MAX_TEXT): string | undefined {
  if (typeof text !== "string") return undefined;
  // Printable ASCII has nothing sanitize() would remove: the common case skips its expressions.
  let t = (/^[\x20-\x7e\s]*$/.test(text) ? text : sanitize(text)).replace(/\s+/g, " ").trim();
  if (t.length > max) t = `${t.slice(0, max).replace(/\s+\S*$/, "")}…`;
  return t === "" ? undefined : t;
}

/** "PT1H2M3S", "PT12M", "P0DT0H5M", "PT754S" → seconds. */
export function isoDuration(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^\s*P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$/i.exec(text);
  if (!m || (m[1] ?? m[2] ?? m[3] ?? m[4]) === undefined) return undefined;
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0));
  return seconds(d! * 86400 + h! * 3600 + min! * 60 + s!);
}

/** A whole number of seconds in bounds, else undefined. */
export function seconds(n: unknown): number | undefined {
  const v = typeof n === "string" && /^\s*\d+(\.\d+)?\s*$/.test(n) ? Number(n) : n;
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > MAX_DURATION) return undefined;
  return Math.round(v);
}

/** "7 min read", "12 minutes", "1 hour" (twitter:data1 of a "Reading time" label) → seconds. */
export function readingTime(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^\s*(?:about\s+|~\s*)?(\d+(?:\.\d+)?)\s*(min(?:ute)?s?|h(?:our)?s?)\b(?:\s+read)?/i.exec(text);
  if (!m) return undefined;
  return seconds(Number(m[1]) * (/^h/i.test(m[2]!) ? 3600 : 60));
}

/** An ISO date or date-time ("2021-06-02", "2021-06-02T10:00:00Z", "2013-08-19 10:32:46") → "2021-06-02". */
export function isoDate(text: unknown): string | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return undefined;
  if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 12)) return undefined;
  if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 31)) return undefined;
  return [m[1], m[2], m[3]].filter((x) => x !== undefined).join("-");
}

export function yearOf(published: string | undefined): number | undefined {
  return published === undefined ? undefined : Number(published.slice(0, 4));
}

const TYPES = new Set(["video", "article", "forum", "page"]);

/**
 * Facts as kept: only known fields of the right type, every text sanitized and bounded. Run on
 * what a page gave and again on what the store gives back (the file is data, not trusted).
 */
export function cleanFacts(raw: unknown): LinkFacts {
  const out: LinkFacts = {};
  if (raw === null || typeof raw !== "object") return out;
  const x = raw as Record<string, unknown>;
  const title = cleanText(x.title, 300);
  if (title !== undefined) out.title = title;
  const description = cleanText(x.description);
  if (description !== undefined) out.description = description;
  const duration = seconds(x.duration);
  if (duration !== undefined) out.duration = duration;
  const published = isoDate(x.published);
  if (published !== undefined) out.published = published;
  if (Array.isArray(x.authors)) {
    const authors = [...new Set(x.authors.map((a) => cleanText(a, 100)).filter((a): a is string => a !== undefined))].slice(0, MAX_AUTHORS);
    if (authors.length > 0) out.authors = authors;
  }
  const channel = cleanText(x.channel, 100);
  if (channel !== undefined) out.channel = channel;
  if (typeof x.type === "string" && TYPES.has(x.type)) out.type = x.type as LinkFacts["type"];
  return out;
}

export function hasFacts(f: LinkFacts): boolean {
  return Object.keys(f).some((k) => k !== "type");
}

/** What enrich keeps of a link (#27): its facts, when they were read, and how to ask again. */
export interface FactsRecord {
  url: string;
  /** ISO time the page was read (or found unchanged). */
  readAt: string;
  /** "ok": read from the page (or its oEmbed); "blocked": a wall, the facts from oEmbed alone. */
  state: "ok" | "blocked";
  etag?: string;
  lastModified?: string;
  facts: LinkFacts;
}

/** The longest validator kept: a header value fit to be sent back. */
export const MAX_VALIDATOR = 200;

/** A header value fit to store and send back (printable ASCII, bounded), else undefined. */
export function keptValidator(value: string | undefined): string | undefined {
  return value !== undefined && value !== "" && value.length <= MAX_VALIDATOR && /^[\x20-\x7e]*$/.test(value) ? value : undefined;
}
