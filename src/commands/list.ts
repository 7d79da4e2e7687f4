// icp-links list: every entry, grouped by section, filtered.
import { FIELDS_OPTION, writeFields, type FieldsOptions } from "../command-kit/fields";
import type { CommandSpec } from "../command-kit/spec";
import { FILTER_OPTIONS, LIMIT_OPTION, SORT_OPTION, STATE_FILTER_OPTIONS } from "../command-kit/spec";
import type { FilterOptions } from "../command-kit/context";
import { applyFilters, sortEntries } from "../search/filters";
import { entryJson, json, renderList } from "../render/entries";
import { checkMark } from "../check/render";
import { doneMark, doneMarks, filterEntries, ownLayer, stateJson, wantsState, type StateFilterOptions } from "../state/layer";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "err", "view", "env", "platform", "json", "catalog", "checks", "state"] as const;
type Needs = (typeof NEEDS)[number];

export const list: CommandSpec<FilterOptions & StateFilterOptions & FieldsOptions, Needs> = {
  name: "list",
  needs: NEEDS,
  summary: "list the entries, grouped by section",
  options: [...FILTER_OPTIONS, ...STATE_FILTER_OPTIONS, SORT_OPTION, LIMIT_OPTION, FIELDS_OPTION],
  examples: ["icp-links list", "icp-links list --section youtube", "icp-links list --speaker manu --json", "icp-links list --todo --kind talk", "icp-links list --year 2010..2015 --max-length 30m --sort length", "icp-links list | cut -f1,3", "icp-links list --fields id,title,speakers"],
  async run(ctx, _args, options) {
    const catalog = await ctx.catalog();
    // The state is read only where it shows or selects: a TSV list without --todo, --done or
    // --tag needs none of it (#16).
    const layer = ctx.view.tty || ctx.json || wantsState(options) || options.tag !== undefined ? ownLayer(ctx) : undefined;
    let entries = layer || wantsState(options) ? filterEntries(catalog, catalog.entries, options, layer) : applyFilters(catalog, catalog.entries, options);
    if (options.sort !== undefined && options.sort !== "position") entries = sortEntries(entries, options.sort);
    if (options.limit !== undefined) entries = entries.slice(0, options.limit);
    if (entries.length === 0 && catalog.entries.length > 0) ctx.err.write("icp-links: no entries match these filters (see 'icp-links sections' and 'icp-links speakers')\n");
    if (options.fields) return writeFields(ctx, entries, options.fields);
    const checks = ctx.checks.load();
    if (ctx.json) {
      ctx.out.write(json(entries.map((e) => entryJson(e, checks.get(e.url), stateJson(layer?.get(e))))));
      return;
    }
    const marks = new Map<number, string>();
    if (checks.size > 0) for (const e of entries) {
      const mark = checkMark(checks.get(e.url));
      if (mark) marks.set(e.position, mark);
    }
    ctx.out.write(renderList(catalog, entries, ctx.view, marks, doneMarks(entries, layer, doneMark(ctx.env, ctx.platform))));
  },
};
