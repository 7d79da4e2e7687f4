// icp-links search <query...>: ranked, typo-tolerant search.
import type { CommandSpec } from "../command-kit/spec";
import { FILTER_OPTIONS, LIMIT_OPTION, SORT_OPTION } from "../command-kit/spec";
import { sortEntries } from "../search/filters";
import type { FilterOptions } from "../command-kit/context";
import { searchPool } from "../command-kit/select";
import { rank } from "../search/search";
import { isEmptyQuery, parseQuery, QUERY_FIELDS } from "../search/query";
import { entryFields, entryJson, entryRows, fieldsLine, highlightedTsvLines, json, parseFields, tsvLines, ENTRY_FIELDS, type EntryField } from "../render/entries";
import { plainStyle } from "../render/style";
import { NotFoundError } from "../errors";
import { doneMark, doneMarks, filterEntries, ownLayer, searchable, stateJson, STATE_FILTER_OPTIONS, wantsState, type StateFilterOptions } from "../state/layer";
import type { Entry, EntryList } from "../catalog/types";

/** Entries per write when printing to a pipe. */
const PIPE_SLICE = 1000;

export const search: CommandSpec<FilterOptions & StateFilterOptions & { fields?: EntryField[] }> = {
  name: "search",
  args: "<query...>",
  summary: "search titles, speakers, sections, descriptions, tags and urls (and your notes and tags)",
  options: [
    ...FILTER_OPTIONS,
    ...STATE_FILTER_OPTIONS,
    SORT_OPTION,
    LIMIT_OPTION,
    { flags: "--fields <list>", description: `the TSV columns and --json keys, comma-separated: ${ENTRY_FIELDS.join(",")}`, parse: parseFields },
  ],
  exitCodes: [["1", "no entry matches the query"]],
  examples: [
    "icp-links search consensus",
    "icp-links search haskell --sort year",
    "icp-links search key resharing",
    "icp-links search camenish                 # typos are forgiven",
    "icp-links search '\"chain key\"'           # an exact phrase",
    "icp-links search -- consensus -overview   # -word leaves out (after --, or quote the query)",
    "icp-links search speaker:camenisch kind:talk",
    "icp-links search 'section:testing year:2021..2023'",
    "icp-links search nns --json --fields id,title,url",
    `# query fields: ${QUERY_FIELDS.map((f) => `${f}:`).join(" ")}`,
  ],
  async run(ctx, words, options) {
    const query = words.join(" ");
    const parsed = parseQuery(query);
    if (isEmptyQuery(parsed)) throw new NotFoundError(`the query '${query}' has no words to search for`, "search for letters or digits");
    const catalog = await ctx.catalog();
    // One's notes and own tags are searched too (#16): then the entries are ranked as copies
    // that hold them, and shown as they are.
    const layer = ownLayer(ctx);
    let { pool, options: how } = searchPool(catalog, options);
    let display: EntryList = pool;
    if (layer?.hasText || wantsState(options)) {
      const kept: Entry[] = filterEntries(catalog, catalog.entries, options, layer);
      display = kept;
      pool = layer?.hasText ? searchable(kept, layer) : kept;
      how = {};
    }
    const ranked = rank(pool, parsed, how);
    if (options.sort !== undefined) {
      // --sort replaces ranking (#13): every hit, in that order, then the limit.
      const score = new Map<number, number>();
      ranked.indexes.forEach((i, k) => score.set(i, ranked.scores[k]!));
      const hits = Array.from(ranked.indexes, (i) => display.at(i)!);
      const index = new Map(Array.from(ranked.indexes, (i, k) => [hits[k]!, i] as const));
      const sorted = sortEntries(hits, options.sort).map((e) => index.get(e)!);
      ranked.indexes = Int32Array.from(sorted);
      ranked.scores = Float64Array.from(sorted, (i) => score.get(i)!);
    }
    const shown = options.limit === undefined ? ranked.indexes : ranked.indexes.subarray(0, options.limit);
    if (options.fields) {
      const fields = options.fields;
      const rows = Array.from(shown, (i, k) => entryFields(display.at(i)!, fields, ranked.scores[k]));
      if (ctx.json) ctx.out.write(json(rows));
      else for (let k = 0; k < rows.length; k += PIPE_SLICE) ctx.out.write(rows.slice(k, k + PIPE_SLICE).map((r) => fieldsLine(r, fields)).join(""));
    } else if (ctx.json) {
      const checks = ctx.checks.load();
      ctx.out.write(json(Array.from(shown, (i, k) => {
        const entry = display.at(i)!;
        return { ...entryJson(entry, checks.get(entry.url), stateJson(layer?.get(entry))), score: Math.round(ranked.scores[k]! * 100) / 100 };
      })));
    } else if (!ctx.view.tty) {
      // Printed a slice at a time, each entry built as it is printed: its objects die young (#4).
      const line = display.summary ? (i: number) => display.summary!(i)! : (i: number) => display.at(i)!;
      // Colour forced into a pipe (FORCE_COLOR): the same lines, matches highlighted (#12).
      const coloured = ctx.view.style !== plainStyle;
      for (let k = 0; k < shown.length; k += PIPE_SLICE) {
        const slice = Array.from(shown.subarray(k, k + PIPE_SLICE), line);
        ctx.out.write(coloured ? highlightedTsvLines(slice, query, ctx.view.style) : tsvLines(slice, display.sanitized === true));
      }
    } else if (shown.length > 0) {
      const rows = Array.from(shown, (i) => display.at(i)!);
      ctx.out.write(`${entryRows(rows, ctx.view, { query, showSection: true, done: doneMarks(rows, layer, doneMark(ctx.env)) }).join("\n")}\n`);
    }
    if (shown.length === 0) {
      // Which terms match nothing alone (#14: a term is a word, a phrase or a field: word).
      const lonely = parsed.terms.filter((t) => rank(pool, { ...parsed, terms: [t], exclude: [] }, how).indexes.length === 0).map((t) => t.raw);
      const which = lonely.length > 0 && lonely.length < parsed.terms.length ? ` ('${lonely.join("', '")}' matches nothing)` : "";
      throw new NotFoundError(`no entry matches '${query}'${which}`, "try fewer or other words, or 'icp-links list'");
    }
  },
};
