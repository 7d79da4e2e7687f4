// enrich --write (#27): the lengths (and years) links' pages gave, written into the page in the
// form its other talks use ("[28:14]", "(28:14)", "`1:02:03`", "45 min" after the link or at the
// end of the line), or " [mm:ss]" after the link when none has one. Each change touches the one
// line of its link and is read back: an entry that would not read back with the same title,
// speakers and URL and the new length is left out, saying why. Pure.
import type { Entry } from "../catalog/types";
import { parsePage } from "../catalog/parse-page";
import type { EditablePage } from "./page";
import { parsedOf } from "./page";

export interface LengthChange {
  entry: Entry;
  duration?: number;
  year?: number;
}

interface Form {
  /** Right after the link, or at the end of the line. */
  where: "link" | "end";
  lead: string;
  open: string;
  close: string;
  /** "clock": 28:14, 1:02:03; "minutes": "45 min"; "year": 2021. */
  unit: "clock" | "minutes" | "year";
  /** The word after the minutes: "min", "minutes". */
  word?: string;
  /** Minutes written with two digits (05:12). */
  padded?: boolean;
}

/** The end of the inline link to `url` on a line (after its ")"), or -1. */
function linkEnd(line: string, url: string): number {
  const re = /\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const dest = m[1]!.replace(/^<|>$/g, "");
    if (dest === url || dest.replace(/\\(.)/g, "$1") === url) return m.index + m[0].length;
  }
  // A bare URL or an autolink.
  const at = line.indexOf(url);
  if (at < 0) return -1;
  return at + url.length + (line[at + url.length] === ">" ? 1 : 0);
}

const CLOCK = /^(\s*)([[(`]?)(\d{1,2}:)?(\d{1,2}):(\d{2})([\])`]?)/;
const MINUTES = /^(\s*(?:[-\u2013\u2014|\u00b7]\s*)?)([[(]?)(\d{1,3})\s*(min|mins|minutes)\b([\])]?)/i;
const YEAR = /^(\s*)([[(]?)((?:19|20)\d{2})([\])]?)/;

/** A length or year form at the start of `text`, and how long it is. */
function formAt(text: string, unit: "length" | "year"): { form: Omit<Form, "where">; size: number } | undefined {
  if (unit === "length") {
    const c = CLOCK.exec(text);
    if (c) return { form: { lead: c[1] || " ", open: c[2]!, close: c[6]!, unit: "clock", padded: c[3] === undefined && c[4]!.length === 2 && c[4]!.startsWith("0") }, size: c[0].length };
    const m = MINUTES.exec(text);
    if (m) return { form: { lead: m[1] || " ", open: m[2]!, close: m[5]!, unit: "minutes", word: m[4]! }, size: m[0].length };
    return undefined;
  }
  const y = YEAR.exec(text);
  // A bare number is not taken for a year: only "(2021)" or "[2021]".
  if (y && (y[2] !== "" || y[4] !== "")) return { form: { lead: y[1] || " ", open: y[2]!, close: y[4]!, unit: "year" }, size: y[0].length };
  return undefined;
}

/** The form of one entry's length or year in its line: right after its link, or ending the line. */
function formIn(tail: string, unit: "length" | "year"): Form | undefined {
  const first = formAt(tail, unit);
  if (first) return { where: "link", ...first.form };
  for (const space of tail.matchAll(/\s+/g)) {
    const rest = tail.slice(space.index);
    const found = formAt(rest, unit);
    if (found && rest.slice(found.size).trim() === "") return { where: "end", ...found.form };
  }
  return undefined;
}

function mostCommon(forms: Form[]): Form | undefined {
  const counts = new Map<string, { form: Form; n: number }>();
  for (const f of forms) {
    const key = JSON.stringify(f);
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { form: f, n: 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.form;
}

/** The page's forms of a length and a year, read from the entries that have them. */
export function pageForms(page: EditablePage): { length: Form; year?: Form } {
  const lengths: Form[] = [];
  const years: Form[] = [];
  const lines = page.text.split("\n");
  for (const e of page.catalog.entries) {
    const line = lines[e.line - 1] ?? "";
    const end = linkEnd(line, e.url);
    if (end < 0) continue;
    const tail = line.slice(end).replace(/\r$/, "");
    if (e.duration !== undefined) {
      const f = formIn(tail, "length");
      if (f) lengths.push(f);
    }
    if (e.year !== undefined) {
      const f = formIn(tail, "year");
      if (f) years.push(f);
    }
  }
  const year = mostCommon(years);
  return { length: mostCommon(lengths) ?? { where: "link", lead: " ", open: "[", close: "]", unit: "clock" }, ...(year && { year }) };
}

export function formatLength(seconds: number, form: Pick<Form, "unit" | "word" | "padded">): string {
  if (form.unit === "minutes") return `${Math.max(1, Math.round(seconds / 60))} ${form.word ?? "min"}`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${form.padded ? two(m) : m}:${two(s)}`;
}

export interface LengthsResult {
  text: string;
  done: LengthChange[];
  skipped: { change: LengthChange; why: string }[];
}

export function writeLengths(page: EditablePage, changes: LengthChange[]): LengthsResult {
  const forms = pageForms(page);
  const lines = page.text.split("\n");
  const done: LengthChange[] = [];
  const skipped: LengthsResult["skipped"] = [];
  const byLine = new Map<number, LengthChange[]>();
  for (const c of changes) {
    const parsed = parsedOf(page, c.entry);
    const wanted: LengthChange = { entry: c.entry };
    if (c.duration !== undefined && parsed.duration === undefined) wanted.duration = c.duration;
    if (c.year !== undefined && parsed.year === undefined && forms.year) wanted.year = c.year;
    if (wanted.duration === undefined && wanted.year === undefined) continue;
    const list = byLine.get(c.entry.line);
    if (list) list.push(wanted);
    else byLine.set(c.entry.line, [wanted]);
  }
  for (const [lineNo, list] of byLine) {
    if (list.length > 1) {
      for (const change of list) skipped.push({ change, why: "its line holds other links too" });
      continue;
    }
    const change = list[0]!;
    const raw = lines[lineNo - 1]!;
    const cr = raw.endsWith("\r") ? "\r" : "";
    const line = cr ? raw.slice(0, -1) : raw;
    const end = linkEnd(line, change.entry.url);
    if (end < 0) {
      skipped.push({ change, why: "its link was not found on its line" });
      continue;
    }
    const put = (text: string, form: Form, at: string): string => (form.where === "link" ? `${at.slice(0, end)}${form.lead}${form.open}${text}${form.close}${at.slice(end)}` : `${at.trimEnd()}${form.lead}${form.open}${text}${form.close}`);
    let next = line;
    if (change.year !== undefined && forms.year) next = put(String(change.year), forms.year, next);
    if (change.duration !== undefined) next = put(formatLength(change.duration, forms.length), forms.length, next);
    lines[lineNo - 1] = next + cr;
    done.push(change);
  }
  let text = lines.join("\n");
  // Read back: each written entry keeps its title, speakers and URL, and reads with its new facts.
  const back = parsePage(text, page.source).entries;
  const kept: LengthChange[] = [];
  for (const change of done) {
    const before = parsedOf(page, change.entry);
    const after = back.find((e) => e.line === change.entry.line && e.url === before.url);
    const ok = after && after.title === before.title && after.speakers.join("\n") === before.speakers.join("\n") &&
      (change.duration === undefined || after.duration === change.duration || Math.abs((after.duration ?? -1e9) - change.duration) < 60) &&
      (change.year === undefined || after.year === change.year);
    if (ok) kept.push(change);
    else {
      skipped.push({ change, why: "the page would not read it back as written" });
      lines[change.entry.line - 1] = page.text.split("\n")[change.entry.line - 1]!;
    }
  }
  if (kept.length !== done.length) text = lines.join("\n");
  return { text, done: kept, skipped };
}
