// icp-links move <ref> --section S: an entry's list item, nested items included, to the end of
// another section's list (#17).
import type { CommandSpec } from "../command-kit/spec";
import { EDIT_OPTIONS, NEW_SECTION_OPTION, finishEdit, openForEdit, type EditOptions } from "../command-kit/edit-page";
import { resolve } from "../catalog/resolve";
import { UsageError } from "../errors";
import { json } from "../render/entries";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "err", "view", "json", "editTarget"] as const;
type Needs = (typeof NEEDS)[number];

interface MoveOptions extends EditOptions {
  section?: string;
  newSection?: boolean;
}

export const move: CommandSpec<MoveOptions, Needs> = {
  name: "move",
  needs: NEEDS,
  args: "<ref>",
  summary: "move an entry, with its nested items, to the end of another section (needs --file)",
  options: [{ flags: "-s, --section <name>", description: "the section to move it to (prefix or whole word); one the page does not have is an error naming the nearest" }, NEW_SECTION_OPTION, ...EDIT_OPTIONS],
  examples: ["icp-links --file my-links.md move consensus-overview --section Medium", "icp-links --file my-links.md move 4 --section 'Further reading' --dry-run"],
  async run(ctx, [ref], options) {
    if (options.section === undefined) throw new UsageError("move needs --section", "name the section to move the entry to");
    const opened = await openForEdit(ctx, options.into);
    const entry = resolve(opened.page.catalog, ref!);
    const { moveEntry } = await import("../edit/edits");
    const result = moveEntry(opened.page, entry, options.section, Boolean(options.newSection));
    const { written, diff } = await finishEdit(ctx, opened, result.text, options, `Moved ${entry.id} to ${result.created ? "a new section, " : ""}${result.section}`);
    if (ctx.json) ctx.out.write(json({ id: entry.id, section: result.section, newSection: result.created, file: opened.target.path, written, ...(diff === undefined ? {} : { diff }) }));
  },
};
