// The columns folded as the search compares them (case and diacritics ignored; text/fold.ts), and
// the typo vocabulary made from them. Here rather than in search/ because the cache stores the
// vocabulary (cache/format.ts) and must make it exactly as the search reads it. Pure.
import type { EntryColumns, JoinedColumn, ListColumn, SectionRows, Vocabulary } from "./types";
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
  const original = c.uncased ? undefined : casedOriginal(c.text, text);
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

/** Rows joined by "\n", folded: `count` rows (the text before folding, joined, as given). */
export function foldRows(original: string, count: number): FoldedColumn {
  const text = fold(original);
  const cased = isAscii(original) ? original : casedOriginal(original, text);
  return { text, starts: startsOf(text, count), ascii: isAscii(text), ...(cased !== undefined ? { original: cased } : {}) };
}

/** A list column's table folded, a row per distinct list, each list made one line by `row`. */
export function foldTable(c: ListColumn, row: (list: readonly string[]) => string = (list) => list.join(" ")): FoldedTable {
  return { rows: foldRows(c.table.map((list) => row(list).replace(/\n/g, " ")).join("\n"), c.table.length), runs: c };
}

/**
 * Parts the headings of a trail in one row (page text holds no tab once sanitised): each heading
 * is a field of its own for exactness ("Command Line" above "Standard CLI" is equal to "command
 * line"), and a phrase does not run from one into the next.
 */
export const SEGMENT = "\t";

/**
 * How many headings lead to every section of the page (its title, "Awesome X"), never counting
 * a section itself: they name the page, not what an entry is about (#14).
 */
function sharedHeadings(table: readonly (readonly string[])[], depthsOf: readonly number[]): number {
  if (table.length === 0) return 0;
  let shared = Infinity;
  const first = table[0]!;
  const firstSection = first.length - 1 - (depthsOf[0] ?? 0);
  for (let r = 0; r < table.length; r++) {
    const path = table[r]!;
    let k = 0;
    const max = Math.min(shared, path.length - 1 - (depthsOf[r] ?? 0), firstSection);
    while (k < max && path[k] === first[k]) k++;
    shared = k;
    if (shared === 0) break;
  }
  return shared === Infinity ? 0 : shared;
}

/**
 * The section trails as the search reads them: five tables sharing their runs (own section,
 * headings above it, the labels of the items the entry is nested in, the page's headings, and the
 * own section's intro line, from `intros`: descriptions by heading trail joined with "\n", as
 * catalog.ts's sectionDescriptions keys them), their rows not yet folded. A trail's split depends on how many of its labels are nested items'
 * (EntryColumns.depths): the runs are of entries sharing a trail and a depth. The cache stores
 * it (#26): a warm search of 3,000 notes made it anew every run (45,000 entries, 6,000 runs).
 */
export function sectionRows(c: ListColumn, depths: Int32Array | undefined, intros?: ReadonlyMap<string, string>): SectionRows {
  const keys = new Map<number, number>();
  const pairs: { path: readonly string[]; depth: number }[] = [];
  const rows: number[] = [];
  const starts: number[] = [];
  const runs = c.rows.length;
  for (let r = 0; r < runs; r++) {
    const row = c.rows[r]!;
    const path = c.table[row]!;
    // Without depths every entry of a run has depth 0: the run is taken whole.
    const last = depths ? c.starts[r + 1]! : c.starts[r]! + 1;
    let previous = -1;
    let previousRaw = NaN;
    const deepest = Math.max(0, path.length - 1);
    for (let i = c.starts[r]!; i < last; i++) {
      // Most entries of a run share its depth: the pair is looked up only when it changes (a
      // cheap test first: one loop step per entry of the page, before V8 optimises it).
      const raw = depths ? depths[i]! : 0;
      if (raw === previousRaw) continue;
      previousRaw = raw;
      const depth = depths ? Math.min(raw, 63, deepest) : 0;
      if (depth === previous) continue;
      previous = depth;
      const key = row * 64 + depth;
      let pair = keys.get(key);
      if (pair === undefined) {
        pair = pairs.length;
        keys.set(key, pair);
        pairs.push({ path, depth });
      }
      if (rows.length === 0 || rows[rows.length - 1] !== pair) {
        rows.push(pair);
        starts.push(i);
      }
    }
  }
  starts.push(c.starts[runs] ?? 0);
  const shared = sharedHeadings(pairs.map((p) => p.path), pairs.map((p) => p.depth));
  const joined = (part: (p: { path: readonly string[]; depth: number }) => string) => pairs.map((p) => part(p).replace(/\n/g, " ")).join("\n");
  return {
    runs: { rows: Int32Array.from(rows), starts: Int32Array.from(starts) },
    count: pairs.length,
    section: joined((p) => p.path[p.path.length - 1 - p.depth] ?? ""),
    heading: joined((p) => p.path.slice(shared, p.path.length - 1 - p.depth).join(SEGMENT)),
    nested: joined((p) => (p.depth > 0 ? p.path.slice(p.path.length - p.depth).join(SEGMENT) : "")),
    page: joined((p) => p.path.slice(0, shared).join(SEGMENT)),
    intro: joined((p) => intros?.get(p.path.slice(0, p.path.length - p.depth).join("\n")) ?? ""),
  };
}

/** The tables of sectionRows() folded, sharing its runs (whose `table` nobody reads: empty). */
export function sectionTables(r: SectionRows): Record<(typeof SECTION_TABLES)[number], FoldedTable> {
  const runs: ListColumn = { table: [], rows: r.runs.rows, starts: r.runs.starts };
  return {
    section: { rows: foldRows(r.section, r.count), runs },
    heading: { rows: foldRows(r.heading, r.count), runs },
    nested: { rows: foldRows(r.nested, r.count), runs },
    page: { rows: foldRows(r.page, r.count), runs },
    intro: { rows: foldRows(r.intro, r.count), runs },
  };
}

/** The tables of sectionRows(), in the order the cache stores them. */
export const SECTION_TABLES = ["section", "heading", "nested", "page", "intro"] as const;

/**
 * The distinct words of the fields a typo is matched against (all but urls), folded as the search
 * folds them, one per line, sorted: what the cache stores so that a typo search need not read every title
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
  const joined = [...seen].sort().join("\n");
  return { text: joined, ascii: isAscii(joined) };
}
