// Making and reading the columnar form (columns/types.ts): each text field of all entries joined
// into one string with where each entry starts, each list field (heading trail, tags) as a table
// of the distinct lists. The cache stores exactly this, so a warm run reads it ready-made; a
// parsed page gets it from its entries here (columnsOf). Pure.
import type { Entry } from "../catalog/types";
import type { EntryColumns, JoinedColumn, ListColumn } from "./types";
import { isAscii } from "../text/fold";

/** Where each of `n` entries starts in `text`, entries separated by "\n". */
export function startsOf(text: string, n: number): Int32Array {
  const starts = new Int32Array(n + 1);
  let at = 0;
  for (let i = 1; i < n; i++) {
    at = text.indexOf("\n", at) + 1;
    starts[i] = at;
  }
  starts[n] = text.length + 1;
  return starts;
}

/** Values joined by "\n" (a newline inside a value becomes a space: it would split the entry). */
export function joinColumn(values: readonly string[]): JoinedColumn {
  const text = values.map((v) => (v.includes("\n") ? v.replace(/\n/g, " ") : v)).join("\n");
  return { text, starts: startsOf(text, values.length), ascii: isAscii(text) };
}

/** The value of entry `i` in a joined column. */
export function valueAt(column: JoinedColumn, i: number): string {
  const from = column.starts[i]!;
  const to = column.starts[i + 1]! - 1;
  return column.part ? column.part(from, to) : column.text.substring(from, to);
}

/** A list field as a table of its distinct lists and runs of items that share one. */
export function listColumn<T>(items: readonly T[], list: (item: T) => readonly string[]): ListColumn {
  const table: (readonly string[])[] = [];
  const byList = new Map<readonly string[], number>();
  const byText = new Map<string, number>();
  const rows: number[] = [];
  const starts: number[] = [];
  items.forEach((item, i) => {
    const value = list(item);
    let row = byList.get(value);
    if (row === undefined) {
      const key = value.join("\n");
      row = byText.get(key);
      if (row === undefined) byText.set(key, (row = table.push(value) - 1));
      byList.set(value, row);
    }
    if (rows.at(-1) !== row) {
      rows.push(row);
      starts.push(i);
    }
  });
  starts.push(items.length);
  return { table, rows: Int32Array.from(rows), starts: Int32Array.from(starts) };
}

/**
 * Which part holds position `at`, for parts that start at `starts[0..k-1]` and end before
 * `starts[k]`: a binary search. An entry's text in a joined column, an entry's run in a list column.
 */
export function partAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The row of the list of item `i`. */
export function rowOf(column: ListColumn, i: number): number {
  return column.rows[partAt(column.starts, i)]!;
}

/** How many labels of nested items end an entry's section path: those after its own section. */
export function nestedDepth(e: Pick<Entry, "section" | "sectionPath">): number {
  const at = e.sectionPath.lastIndexOf(e.section);
  return at < 0 ? 0 : e.sectionPath.length - 1 - at;
}

/** The columns of entries that were parsed, not read from the cache. */
export function columnsOf(entries: readonly Entry[]): EntryColumns {
  return {
    title: joinColumn(entries.map((e) => e.title)),
    speaker: joinColumn(entries.map((e) => e.speaker ?? "")),
    author: joinColumn(entries.map((e) => e.authors.join(", "))),
    event: joinColumn(entries.map((e) => e.event ?? "")),
    description: joinColumn(entries.map((e) => e.description ?? "")),
    url: joinColumn(entries.map((e) => e.url)),
    section: listColumn(entries, (e) => e.sectionPath),
    depths: Int32Array.from(entries, nestedDepth),
    tags: listColumn(entries, (e) => e.tags),
  };
}
