// The columns folded as the search compares them (case and diacritics ignored; text/fold.ts), and
// the typo vocabulary made from them. Here rather than in search/ because the cache stores the
// vocabulary (cache/format.ts) and must make it exactly as the search reads it. Pure.
import type { EntryColumns, JoinedColumn, ListColumn, Vocabulary } from "./types";
import { fold, isAscii, words } from "../text/fold";
import { startsOf } from "./build";

/** One field of every entry (or of every row of a list table), folded; `starts[i]` is where row i begins. */
export interface FoldedColumn {
  text: string;
  starts: Int32Array;
  /** Only ASCII: its letters are a to z once folded. */
  ascii: boolean;
  /**
   * The text before folding, with its case, where folding kept every offset: where its case
   * shows the parts of a camelCase word ("BigCache"), which the search matches as words (#24).
   * ASCII text as it is; other text with its diacritics stripped as folding strips them, when
   * that leaves it as long as the folded text (one ligature, "ß", makes it longer: no original).
   */
  original?: string;
}

/** A list field: its table's folded rows, and the runs of entries that share a row. */
export interface FoldedTable {
  rows: FoldedColumn;
  runs: ListColumn;
}

export function foldColumn(c: JoinedColumn): FoldedColumn {
  // ASCII folds to itself lowercased, offsets unchanged: no second pass over 100,000 entries.
  if (c.ascii) return { text: c.text.toLowerCase(), starts: c.starts, ascii: true, original: c.text };
  const text = fold(c.text);
  const original = casedOriginal(c.text, text);
  return { text, starts: startsOf(text, c.starts.length - 1), ascii: false, ...(original !== undefined ? { original } : {}) };
}

let MARKS: RegExp | undefined;

/**
 * Non-ASCII text with its case kept and its diacritics stripped (as fold strips them), when that
 * is exactly as long as its folding: then each offset of the folded text is the same character's
 * in it, and the camelCase parts of a page with one accented title are still found (#24).
 */
function casedOriginal(original: string, folded: string): string | undefined {
  const cased = original.normalize("NFKD").replace((MARKS ??= /\p{M}/gu), "");
  return cased.length === folded.length ? cased : undefined;
}

/** A list column's table folded, a row per distinct list, each list made one line by `row`. */
export function foldTable(c: ListColumn, row: (list: readonly string[]) => string = (list) => list.join(" ")): FoldedTable {
  const original = c.table.map((list) => row(list).replace(/\n/g, " ")).join("\n");
  const text = fold(original);
  const cased = isAscii(original) ? original : casedOriginal(original, text);
  return { rows: { text, starts: startsOf(text, c.table.length), ascii: isAscii(text), ...(cased !== undefined ? { original: cased } : {}) }, runs: c };
}

/**
 * The distinct words of the fields a typo is matched against (all but urls), folded as the search
 * folds them, one per line: what the cache stores so that a typo search need not read every title
 * and description for its candidate words (search/search.ts, nearWords).
 */
export function typoVocabulary(columns: Omit<EntryColumns, "url" | "vocabulary">): Vocabulary {
  const folded = [
    foldColumn(columns.title),
    foldColumn(columns.speaker),
    ...(columns.author ? [foldColumn(columns.author)] : []),
    ...(columns.event ? [foldColumn(columns.event)] : []),
    foldTable(columns.section).rows,
    foldTable(columns.tags).rows,
    foldColumn(columns.description),
  ];
  const seen = new Set<string>();
  for (const column of folded) for (const word of words(column.text)) seen.add(word);
  const joined = [...seen].join("\n");
  return { text: joined, ascii: isAscii(joined) };
}
