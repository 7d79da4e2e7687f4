// icp-links show <ref>: every field of one entry.
import { FIELDS_OPTION, writeFields, type FieldsOptions } from "../command-kit/fields";
import type { CommandSpec } from "../command-kit/spec";
import { selectEntries } from "../command-kit/select";
import { entryJson, json, renderShow } from "../render/entries";
import { ownLayer, stateJson } from "../state/layer";
import { doneAt, noteOf, ownTags } from "../state/model";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "view", "json", "catalog", "checks", "state"] as const;
type Needs = (typeof NEEDS)[number];

export const show: CommandSpec<FieldsOptions, Needs> = {
  name: "show",
  needs: NEEDS,
  args: "<ref...>",
  queryArgs: true,
  summary: "show every field of an entry (several: each, a blank line between)",
  options: [FIELDS_OPTION],
  exitCodes: [["1", "an unknown or ambiguous ref, or words that select no entry or several"]],
  examples: ["icp-links show consensus-overview", "icp-links show 22 --json", "icp-links show 22 23", "icp-links show 22 --fields title,url"],
  async run(ctx, refs, options) {
    const catalog = await ctx.catalog();
    // As `open`: several exact ids or positions are several entries, other words one search
    // (`show 22 23` showed nothing before; #12).
    const entries = selectEntries(catalog, refs);
    if (options.fields) return writeFields(ctx, entries, options.fields, { single: true });
    const checks = ctx.checks.load();
    const layer = ownLayer(ctx);
    const shown = entries.map((entry) => {
      const checked = checks.get(entry.url);
      const extra: [string, string][] = checked ? [["check", `${checked.state}: ${checked.reason}${checked.finalUrl ? ` → ${checked.finalUrl}` : ""} (${checked.checkedAt.slice(0, 10)})`]] : [];
      // One's own layer (#16): when it was done, last opened, the note and own tags.
      const state = layer?.get(entry);
      const done = doneAt(state);
      if (done) extra.push(["done", done.slice(0, 10)]);
      if (state?.opened) extra.push(["opened", state.opened.slice(0, 16).replace("T", " ")]);
      if (ownTags(state).length > 0) extra.push(["own tags", ownTags(state).join(", ")]);
      const note = noteOf(state);
      if (note !== undefined) note.split(/\r?\n/).forEach((line, i) => extra.push([i === 0 ? "note" : "", line]));
      return { entry, checked, extra, state };
    });
    if (ctx.json) {
      // One entry: its object, as always; several: an array of them.
      const objects = shown.map(({ entry, checked, state }) => entryJson(entry, checked, stateJson(state)));
      ctx.out.write(json(objects.length === 1 ? objects[0] : objects));
      return;
    }
    ctx.out.write(shown.map(({ entry, extra }) => renderShow(entry, ctx.view, extra)).join("\n"));
  },
};
