// icp-links list: every entry, grouped by section, filtered.
import type { CommandSpec } from "./spec";
import { FILTER_OPTIONS, LIMIT_OPTION } from "./spec";
import type { FilterOptions } from "./context";
import { applyFilters } from "../search/filters";
import { entryJson, json, renderList } from "../render/entries";

export const list: CommandSpec<FilterOptions> = {
  name: "list",
  summary: "list the entries, grouped by section",
  options: [...FILTER_OPTIONS, LIMIT_OPTION],
  examples: ["icp-links list", "icp-links list --section youtube", "icp-links list --speaker manu --json", "icp-links list | cut -f1,3"],
  async run(ctx, _args, options) {
    const catalog = await ctx.catalog();
    let entries = applyFilters(catalog, catalog.entries, options);
    if (options.limit !== undefined) entries = entries.slice(0, options.limit);
    ctx.out.write(ctx.json ? json(entries.map(entryJson)) : renderList(catalog, entries, ctx.view));
  },
};
