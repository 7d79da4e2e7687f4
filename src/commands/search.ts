// icp-links search <query...>: ranked, typo-tolerant search.
import type { CommandSpec } from "./spec";
import { FILTER_OPTIONS, LIMIT_OPTION } from "./spec";
import type { FilterOptions } from "./context";
import { applyFilters, hasFilters } from "../search/filters";
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
    if (queryWords(query).length === 0) throw new NotFoundError(`the query '${query}' has no words to search for`, "search for letters or digits");
    const catalog = await ctx.catalog();
    // Unfiltered, a cached catalog is searched without building its entries (#4).
    const whole = !hasFilters(options);
    const pool = whole ? (catalog.lazy ?? catalog.entries) : applyFilters(catalog, catalog.entries, options);
    let hits = runSearch(pool, query, whole && catalog.joined ? { joined: catalog.joined } : {});
    if (options.limit !== undefined) hits = hits.slice(0, options.limit);
    if (ctx.json) {
      const checks = ctx.checks.load();
      ctx.out.write(json(hits.map((h) => ({ ...entryJson(h.entry, checks.get(h.entry.url)), score: Math.round(h.score * 100) / 100 }))));
    }
    else if (!ctx.view.tty) ctx.out.write(hits.map((h) => `${tsvLine(h.entry)}\n`).join(""));
    else if (hits.length > 0) ctx.out.write(`${entryRows(hits.map((h) => h.entry), ctx.view, { query, showSection: true }).join("\n")}\n`);
    if (hits.length === 0) {
      const lonely = queryWords(query).filter((w) => runSearch(pool, w, whole && catalog.joined ? { joined: catalog.joined } : {}).length === 0);
      const which = lonely.length > 0 && lonely.length < queryWords(query).length ? ` ('${lonely.join("', '")}' matches nothing)` : "";
      throw new NotFoundError(`no entry matches '${query}'${which}`, "try fewer or other words, or 'icp-links list'");
    }
  },
};
