// icp-links remove <ref...>: takes entries' list items (or table rows) out of the page (#17).
import type { CommandSpec } from "../command-kit/spec";
import { EDIT_OPTIONS, finishEdit, openForEdit, type EditOptions } from "../command-kit/edit-page";
import { resolve } from "../catalog/resolve";
import { json } from "../render/entries";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "err", "view", "json", "editTarget"] as const;
type Needs = (typeof NEEDS)[number];

interface RemoveOptions extends EditOptions {
  force?: boolean;
}

export const remove: CommandSpec<RemoveOptions, Needs> = {
  name: "remove",
  needs: NEEDS,
  args: "<ref...>",
  summary: "remove entries' list items from the page (needs --file; a ref is an id, a unique id prefix or a position)",
  options: [{ flags: "--force", description: "also remove an item that holds nested items, with them" }, ...EDIT_OPTIONS],
  examples: ["icp-links --file my-links.md remove consensus-overview", "icp-links --file my-links.md remove 3 7 --dry-run"],
  async run(ctx, refs, options) {
    const opened = await openForEdit(ctx, options.into);
    // Refs only, never search words: a guess must not delete anything.
    const entries = [...new Set(refs.map((ref) => resolve(opened.page.catalog, ref)))];
    const { removeEntries } = await import("../edit/edits");
    const after = removeEntries(opened.page, entries, Boolean(options.force));
    const { written, diff } = await finishEdit(ctx, opened, after, options, `Removed ${entries.map((e) => e.id).join(", ")}`);
    if (ctx.json) ctx.out.write(json({ removed: entries.map((e) => ({ id: e.id, title: e.title, url: e.url, line: e.line })), file: opened.target.path, written, ...(diff === undefined ? {} : { diff }) }));
  },
};
