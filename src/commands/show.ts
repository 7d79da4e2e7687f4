// icp-links show <ref>: every field of one entry.
import type { CommandSpec } from "./spec";
import { selectEntries } from "./select";
import { entryJson, json, renderShow } from "../render/entries";
import { ownLayer, stateJson } from "../state/layer";
import { doneAt, noteOf, ownTags } from "../state/model";

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
    // One's own layer (#16): when it was done, last opened, the note and own tags.
    const state = ownLayer(ctx)?.get(entry!);
    const done = doneAt(state);
    if (done) extra.push(["done", done.slice(0, 10)]);
    if (state?.opened) extra.push(["opened", state.opened.slice(0, 16).replace("T", " ")]);
    if (ownTags(state).length > 0) extra.push(["own tags", ownTags(state).join(", ")]);
    const note = noteOf(state);
    if (note !== undefined) note.split(/\r?\n/).forEach((line, i) => extra.push([i === 0 ? "note" : "", line]));
    ctx.out.write(ctx.json ? json(entryJson(entry!, checked, stateJson(state))) : renderShow(entry!, ctx.view, extra));
  },
};
