// icp-links show <ref>: every field of one entry.
import type { CommandSpec } from "./spec";
import { selectEntries } from "./select";
import { entryJson, json, renderShow } from "../render/entries";

export const show: CommandSpec<Record<string, never>> = {
  name: "show",
  args: "<ref...>",
  summary: "show every field of one entry",
  options: [],
  examples: ["icp-links show consensus-overview", "icp-links show 22 --json"],
  async run(ctx, refs) {
    const catalog = await ctx.catalog();
    const [entry] = selectEntries(catalog, refs.length > 1 ? [refs.join(" ")] : refs);
    const checked = ctx.checks.load().get(entry!.url);
    const extra: [string, string][] = checked ? [["check", `${checked.state}: ${checked.reason}${checked.finalUrl ? ` → ${checked.finalUrl}` : ""} (${checked.checkedAt.slice(0, 10)})`]] : [];
    ctx.out.write(ctx.json ? json(entryJson(entry!, checked)) : renderShow(entry!, ctx.view, extra));
  },
};
