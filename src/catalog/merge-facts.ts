// The facts of links, merged into a catalog's entries when it is read (#27). The page's own
// facts always win: a link's fill only the gaps (its length, year and date, authors or channel,
// a description the page has none of, and the title of a bare link, which the page titled by
// host and path), and each fact taken is named in `from`. Pure, and small: it loads on every
// run that has stored facts, without the HTML parser.
import type { Entry } from "./types";
import { yearOf, type LinkFacts } from "./link-facts";
import type { EntryColumns, JoinedColumn } from "../columns/types";
import { joinColumn } from "../columns/build";
import { isAscii } from "../text/fold";

/** The title the parser gives a bare URL: host and path, no scheme, "www." or trailing slash. */
function hostAndPath(url: string): string {
  const text = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^www\./i, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The entry with what its link's page says filling its gaps; the same entry when nothing fills one. */
export function withFacts(e: Entry, f: LinkFacts | undefined): Entry {
  if (f === undefined) return e;
  const out: Entry = { ...e };
  const from: NonNullable<Entry["from"]> = {};
  if (f.title !== undefined && e.title === hostAndPath(e.url)) {
    out.title = f.title;
    from.title = "link";
  }
  if (f.description !== undefined && e.description === undefined) {
    out.description = f.description;
    from.description = "link";
  }
  if (f.duration !== undefined && e.duration === undefined) {
    out.duration = f.duration;
    from.duration = "link";
  }
  if (f.published !== undefined && e.published === undefined) {
    out.published = f.published;
    from.published = "link";
    if (e.year === undefined) {
      out.year = yearOf(f.published)!;
      from.year = "link";
    }
  }
  // A talk's speakers are the page's: a page that names them is not overruled by a byline.
  if (f.authors !== undefined && (e.authors?.length ?? 0) === 0 && e.speakers.length === 0) {
    out.authors = f.authors;
    from.authors = "link";
  }
  if (f.channel !== undefined && e.channel === undefined) {
    out.channel = f.channel;
    from.channel = "link";
  }
  if (Object.keys(from).length === 0) return e;
  out.from = { ...e.from, ...from };
  return out;
}

/** Entries with their links' facts; undefined when no entry has any (the catalog stays as it was). */
export function mergeFacts(entries: readonly Entry[], facts: ReadonlyMap<string, { facts: LinkFacts }>): Entry[] | undefined {
  if (facts.size === 0) return undefined;
  let changed = false;
  const out = entries.map((e) => {
    const merged = withFacts(e, facts.get(e.url)?.facts);
    if (merged !== e) changed = true;
    return merged;
  });
  return changed ? out : undefined;
}

/** A joined column with the values of some entries replaced (`patches` by entry, in entry order). */
function patchColumn(column: JoinedColumn, patches: readonly (readonly [number, string])[]): JoinedColumn {
  if (patches.length === 0) return column;
  const parts: string[] = [];
  const starts = new Int32Array(column.starts.length);
  let ascii = column.ascii;
  let from = 0;
  let shift = 0;
  let next = 0;
  for (let j = 0; j < starts.length; j++) {
    starts[j] = column.starts[j]! + shift;
    const patch = patches[next];
    if (patch === undefined || patch[0] !== j) continue;
    next++;
    const value = patch[1].includes("\n") ? patch[1].replace(/\n/g, " ") : patch[1];
    const start = column.starts[j]!;
    const end = column.starts[j + 1]! - 1;
    parts.push(column.text.substring(from, start), value);
    from = end;
    shift += value.length - (end - start);
    if (ascii && !isAscii(value)) ascii = false;
  }
  parts.push(column.text.substring(from));
  return { text: parts.join(""), starts, ascii };
}

/**
 * The stored columns of `size` entries with the fields the facts changed (title, description,
 * authors) replaced for the entries in `merged` (by index): the same as columnsOf(the merged
 * entries), without rebuilding the columns of the entries no fact touched. The stored typo
 * vocabulary is dropped (it would miss the facts' words): the search makes it from the columns,
 * as it does for entries that were parsed.
 */
export function patchColumns(stored: EntryColumns, size: number, merged: ReadonlyMap<number, Entry>): EntryColumns {
  const order = [...merged.keys()].sort((a, b) => a - b);
  const patches = (field: "title" | "description" | "authors") =>
    order.flatMap((i) => {
      const e = merged.get(i)!;
      return e.from?.[field] === "link" ? [[i, field === "authors" ? e.authors.join(", ") : field === "title" ? e.title : (e.description ?? "")] as const] : [];
    });
  const authors = patches("authors");
  // Columns stored without authors (no entry had any): every other entry's are empty.
  const author = stored.author ?? (authors.length > 0 ? joinColumn(new Array<string>(size).fill("")) : undefined);
  const out: EntryColumns = {
    ...stored,
    title: patchColumn(stored.title, patches("title")),
    description: patchColumn(stored.description, patches("description")),
    ...(author ? { author: patchColumn(author, authors) } : {}),
  };
  delete out.vocabulary;
  return out;
}
