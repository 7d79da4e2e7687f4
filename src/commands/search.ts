// icp-links search <query...>: ranked, typo-tolerant search.
import type { CommandSpec } from "./spec";
import { FILTER_OPTIONS, LIMIT_OPTION } from "./spec";
import type { FilterOptions } from "./context";
import { searchPool } from "./select";
import { queryWords, rank } from "../search/search";
import { entryJson, entryRows, json, tsvLines } from "../render/entries";
import { NotFoundError } from "../errors";
import { doneMark, doneMarks, filterEntries, ownLayer, searchable, stateJson, STATE_FILTER_OPTIONS, wantsState, type StateFilterOptions } from "../state/layer";
import type { Entry, EntryList } from "../catalog/types";

/** Entries per write when printing to a pipe. */
const PIPE_SLICE = 1000;

export const search: CommandSpec<FilterOptions & StateFilterOptions> = {
  name: "search",
  args: "<query...>",
  summary: "search titles, speakers, sections, descriptions, tags and urls (and your notes and tags)",
  options: [...FILTER_OPTIONS, ...STATE_FILTER_OPTIONS, LIMIT_OPTION],
  examples: ["icp-links search consensus", "icp-links search key resharing", "icp-links search camenish      # typos are forgiven", "icp-links search nns --json"],
  async run(ctx, words, options) {
    const query = words.join(" ");
    const qwords = queryWords(query);
    if (qwords.length === 0) throw new NotFoundError(`the query '${query}' has no words to search for`, "search for letters or digits");
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
    const ranked = rank(pool, query, how);
    const shown = options.limit === undefined ? ranked.indexes : ranked.indexes.subarray(0, options.limit);
    if (ctx.json) {
      const checks = ctx.checks.load();
      ctx.out.write(json(Array.from(shown, (i, k) => {
        const entry = display.at(i)!;
        return { ...entryJson(entry, checks.get(entry.url), stateJson(layer?.get(entry))), score: Math.round(ranked.scores[k]! * 100) / 100 };
      })));
    } else if (!ctx.view.tty) {
      // Printed a slice at a time, each entry built as it is printed: its objects die young (#4).
      const line = display.summary ? (i: number) => display.summary!(i)! : (i: number) => display.at(i)!;
      for (let k = 0; k < shown.length; k += PIPE_SLICE) ctx.out.write(tsvLines(Array.from(shown.subarray(k, k + PIPE_SLICE), line), display.sanitized === true));
    } else if (shown.length > 0) {
      const rows = Array.from(shown, (i) => display.at(i)!);
      ctx.out.write(`${entryRows(rows, ctx.view, { query, showSection: true, done: doneMarks(rows, layer, doneMark(ctx.env)) }).join("\n")}\n`);
    }
    if (shown.length === 0) {
      const lonely = qwords.filter((w) => rank(pool, w, how).indexes.length === 0);
      const which = lonely.length > 0 && lonely.length < qwords.length ? ` ('${lonely.join("', '")}' matches nothing)` : "";
      throw new NotFoundError(`no entry matches '${query}'${which}`, "try fewer or other words, or 'icp-links list'");
    }
  },
};
