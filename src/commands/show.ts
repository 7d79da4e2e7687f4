// icp-links show <ref>: every field of one entry.
import type { CommandSpec } from "./spec";
import { selectEntries } from "./select";
import { entryJson, json, renderShow } from "../render/entries";

export const show: CommandSpec<Record<string, never>> = {
  name: "show",
  args: "<ref...>",
  summary: "show every field of an entry (several: each, a blank line between)",
  options: [],
  exitCodes: [["1", "an unknown or ambiguous ref, or words that select no entry or several"]],
  examples: ["icp-links show consensus-overview", "icp-links show 22 --json", "icp-links show 22 23"],
  async run(ctx, refs) {
    const catalog = await ctx.catalog();
    // As `open`: several exact ids or positions are several entries, other words one search
    // (`show 22 23` showed nothing before; #12).
    const entries = selectEntries(catalog, refs);
    const checks = ctx.checks.load();
    const shown = entries.map((entry) => {
      const checked = checks.get(entry.url);
      const extra: [string, string][] = checked ? [["check", `${checked.state}: ${checked.reason}${checked.finalUrl ? ` → ${checked.finalUrl}` : ""} (${checked.checkedAt.slice(0, 10)})`]] : [];
      return { entry, checked, extra };
    });
    if (ctx.json) {
      // One entry: its object, as always; several: an array of them.
      const objects = shown.map(({ entry, checked }) => entryJson(entry, checked));
      ctx.out.write(json(objects.length === 1 ? objects[0] : objects));
      return;
    }
    ctx.out.write(shown.map(({ entry, extra }) => renderShow(entry, ctx.view, extra)).join("\n"));
  },
};
