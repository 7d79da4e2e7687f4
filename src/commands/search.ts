// icp-links search <query...>: ranked, typo-tolerant search.
import type { CommandSpec } from "./spec";
import { FILTER_OPTIONS, LIMIT_OPTION } from "./spec";
import type { FilterOptions } from "./context";
import { searchPool } from "./select";
import { queryWords, search as runSearch } from "../search/search";
import { entryJson, entryRows, json, tsvLine } from "../render/entries";
import { NotFoundError } from "../errors";

export const search: CommandSpec<FilterOptions> = {
  name: "search",
  args: "<query...>",
  summary: "search titles, speakers, sections, descriptions, tags and urls",
  options: [...FILTER_OPTIONS, LIMIT_OPTION],
  examples: ["icp-links search consensus", "icp-links search key resharing", "icp-links search camenish      # typos are forgiven", "icp-links search nns --json"],
  async run(ctx, words, options) {
    const query = words.join(" ");
    const qwords = queryWords(query);
    if (qwords.length === 0) throw new NotFoundError(`the query '${query}' has no words to search for`, "search for letters or digits");
    const catalog = await ctx.catalog();
    const { pool, options: how } = searchPool(catalog, options);
    let hits = runSearch(pool, query, how);
    if (options.limit !== undefined) hits = hits.slice(0, options.limit);
    if (ctx.json) {
      const checks = ctx.checks.load();
      ctx.out.write(json(hits.map((h) => ({ ...entryJson(h.entry, checks.get(h.entry.url)), score: Math.round(h.score * 100) / 100 }))));
    }
    else if (!ctx.view.tty) ctx.out.write(hits.map((h) => `${tsvLine(h.entry)}\n`).join(""));
    else if (hits.length > 0) ctx.out.write(`${entryRows(hits.map((h) => h.entry), ctx.view, { query, showSection: true }).join("\n")}\n`);
    if (hits.length === 0) {
      const lonely = qwords.filter((w) => runSearch(pool, w, how).length === 0);
      const which = lonely.length > 0 && lonely.length < qwords.length ? ` ('${lonely.join("', '")}' matches nothing)` : "";
      throw new NotFoundError(`no entry matches '${query}'${which}`, "try fewer or other words, or 'icp-links list'");
    }
  },
};
