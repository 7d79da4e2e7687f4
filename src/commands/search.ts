// icp-links search <query...>: ranked, typo-tolerant search.
import type { CommandSpec } from "./spec";
import { FILTER_OPTIONS, LIMIT_OPTION } from "./spec";
import type { FilterOptions } from "./context";
import { searchPool } from "./select";
import { queryWords, rank } from "../search/search";
import { entryJson, entryRows, highlightedTsvLines, json, tsvLines } from "../render/entries";
import { plainStyle } from "../render/style";
import { NotFoundError } from "../errors";

/** Entries per write when printing to a pipe. */
const PIPE_SLICE = 1000;

export const search: CommandSpec<FilterOptions> = {
  name: "search",
  args: "<query...>",
  summary: "search titles, speakers, sections, descriptions, tags and urls",
  options: [...FILTER_OPTIONS, LIMIT_OPTION],
  exitCodes: [["1", "no entry matches the query"]],
  examples: ["icp-links search consensus", "icp-links search key resharing", "icp-links search camenish      # typos are forgiven", "icp-links search nns --json"],
  async run(ctx, words, options) {
    const query = words.join(" ");
    const qwords = queryWords(query);
    if (qwords.length === 0) throw new NotFoundError(`the query '${query}' has no words to search for`, "search for letters or digits");
    const catalog = await ctx.catalog();
    const { pool, options: how } = searchPool(catalog, options);
    const ranked = rank(pool, query, how);
    const shown = options.limit === undefined ? ranked.indexes : ranked.indexes.subarray(0, options.limit);
    if (ctx.json) {
      const checks = ctx.checks.load();
      ctx.out.write(json(Array.from(shown, (i, k) => {
        const entry = pool.at(i)!;
        return { ...entryJson(entry, checks.get(entry.url)), score: Math.round(ranked.scores[k]! * 100) / 100 };
      })));
    } else if (!ctx.view.tty) {
      // Printed a slice at a time, each entry built as it is printed: its objects die young (#4).
      const line = pool.summary ? (i: number) => pool.summary!(i)! : (i: number) => pool.at(i)!;
      // Colour forced into a pipe (FORCE_COLOR): the same lines, matches highlighted (#12).
      const coloured = ctx.view.style !== plainStyle;
      for (let k = 0; k < shown.length; k += PIPE_SLICE) {
        const slice = Array.from(shown.subarray(k, k + PIPE_SLICE), line);
        ctx.out.write(coloured ? highlightedTsvLines(slice, query, ctx.view.style) : tsvLines(slice, pool.sanitized === true));
      }
    } else if (shown.length > 0) {
      ctx.out.write(`${entryRows(Array.from(shown, (i) => pool.at(i)!), ctx.view, { query, showSection: true }).join("\n")}\n`);
    }
    if (shown.length === 0) {
      const lonely = qwords.filter((w) => rank(pool, w, how).indexes.length === 0);
      const which = lonely.length > 0 && lonely.length < qwords.length ? ` ('${lonely.join("', '")}' matches nothing)` : "";
      throw new NotFoundError(`no entry matches '${query}'${which}`, "try fewer or other words, or 'icp-links list'");
    }
  },
};
