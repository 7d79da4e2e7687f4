// An item's own tags and the date it was added, as a page writes them (#28): a last part after
// " · " (a middle dot), "added 2024-03-01" and/or the tags as code spans:
//
//   - [Title](https://example.org/) — A description · added 2024-03-01 · `rust` `cli`
//
// The dot marks the part as notes: a description that merely ends in code ("… using `wasi2ic`")
// keeps its code, and a code span that is not of the tag form (`44:43`, `1.2.3`, `v2`, two
// words) is never a tag. The one writer (formatNotes) and the one reader (readNotes) of the
// notation live here, side by side. Pure.
import type { Segment } from "./markdown";

/** A tag as a page can write it and read it back: letters, digits, . _ -, with a letter; not a number or a version. */
let tagForm: RegExp | undefined;
export function isTag(text: string): boolean {
  // Made on first use: a Unicode-property expression costs every start to compile (#4).
  tagForm ??= new RegExp("^(?=.*\\p{L})[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}$", "u");
  return tagForm.test(text) && !/^v?\d+(?:\.\d+)*$/i.test(text);
}

const DOT = "\u00b7";
/** Code spans in the joined text: U+0004 code U+0005 (characters a page's text never keeps). */
const OPEN = "\u0004";
const CLOSE = "\u0005";
const TAGS_AT_END = new RegExp(`(?:^|\\s)${DOT}\\s+((?:${OPEN}[^${OPEN}${CLOSE}]*${CLOSE}\\s*)+)$`);
const ADDED_AT_END = new RegExp(`(?:^|\\s)${DOT}\\s+added (\\d{4}-\\d{2}-\\d{2})\\s*$`);
const SPAN = new RegExp(`${OPEN}([^${OPEN}${CLOSE}]*)${CLOSE}`, "g");
const SPANS = new RegExp(`(${OPEN}[^${OPEN}${CLOSE}]*${CLOSE})`);

/** " · added 2024-03-01 · `rust` `cli`", or "" when there is nothing to note. */
export function formatNotes(tags: readonly string[], added: string | undefined): string {
  const kept = tags.filter(isTag);
  let text = "";
  if (added && isDate(added)) text += ` ${DOT} added ${added}`;
  if (kept.length > 0) text += ` ${DOT} ${kept.map((t) => `\`${t}\``).join(" ")}`;
  return text;
}

/**
 * Text to end an item with that will not be read as notes: a description ending in
 * " · added 2024-03-01" (a note of its own, say) gets a dash for that dot, or it would be read as
 * the item's added date. (Its code is escaped by the writer, so no tags can be read from it.)
 */
export function unnoted(text: string): string {
  const trimmed = text.trimEnd();
  const m = new RegExp(`(^|\\s)${DOT}(\\s+added \\d{4}-\\d{2}-\\d{2})$`).exec(trimmed);
  return m ? `${trimmed.slice(0, m.index)}${m[1]}-${m[2]}` : text;
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

export interface Notes {
  /** The segments without the notes. */
  segments: Segment[];
  tags: string[];
  added?: string;
}

/**
 * The notes at the end of a block's segments, after `from` (the title link's index): read off
 * the trailing text and code segments, which are given back without them.
 */
export function readNotes(segments: Segment[], from: number): Notes {
  let start = segments.length;
  while (start > from + 1 && segments[start - 1]!.type === "text") start--;
  const tail = segments.slice(start) as Extract<Segment, { type: "text" }>[];
  if (!tail.some((s) => s.text.includes(DOT))) return { segments, tags: [] };
  let joined = tail.map((s) => (s.code ? `${OPEN}${s.text.replace(/[\u0004\u0005]/g, "")}${CLOSE}` : s.text.replace(/[\u0004\u0005]/g, ""))).join("");
  const tags: string[] = [];
  const t = TAGS_AT_END.exec(joined);
  if (t) {
    const spans = [...t[1]!.matchAll(SPAN)].map((m) => m[1]!.trim());
    if (spans.every(isTag)) {
      for (const s of spans) if (!tags.includes(s)) tags.push(s);
      joined = joined.slice(0, t.index);
    }
  }
  let added: string | undefined;
  const a = ADDED_AT_END.exec(joined);
  if (a && isDate(a[1]!)) {
    added = a[1]!;
    joined = joined.slice(0, a.index);
  }
  if (tags.length === 0 && added === undefined) return { segments, tags: [] };
  const rest: Segment[] = [];
  for (const piece of joined.split(SPANS)) {
    if (piece === "") continue;
    if (piece.startsWith(OPEN)) rest.push({ type: "text", text: piece.slice(1, -1), code: true });
    else rest.push({ type: "text", text: piece });
  }
  return { segments: [...segments.slice(0, start), ...rest], tags, ...(added ? { added } : {}) };
}
