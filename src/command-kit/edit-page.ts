// What the editing commands share (#17): the page they may edit, opened for editing, and the end
// of every edit: --dry-run prints the diff and writes nothing; otherwise the file is written
// atomically, refused if it changed since it was read.
import type { OptionSpec } from "./spec";
import type { World } from "./context";
import type { EditTarget } from "../io/edit/file";
import type { EditablePage } from "../edit/page";
import { UsageError } from "../errors";
import { sanitize } from "../text/sanitize";
import { plainStyle } from "../render/style";

export interface EditOptions {
  dryRun?: boolean;
  into?: string;
}

export const DRY_RUN_OPTION: OptionSpec = { flags: "--dry-run", description: "print the changes as a diff and write nothing" };
export const INTO_OPTION: OptionSpec = { flags: "--into <file>", description: "the page to edit, when --file names a folder" };
export const EDIT_OPTIONS: OptionSpec[] = [DRY_RUN_OPTION, INTO_OPTION];
/** add and move: a section is made only when asked for (#22). */
export const NEW_SECTION_OPTION: OptionSpec = { flags: "--new-section", description: "make the --section when the page has no section of that name (at the level of its siblings, before a licence or footer)" };

export interface OpenedPage {
  target: EditTarget;
  page: EditablePage;
}

export async function openForEdit(ctx: World<"editTarget">, into: string | undefined): Promise<OpenedPage> {
  if (!ctx.editTarget) throw new UsageError("this page cannot be edited here");
  const target = ctx.editTarget(into);
  // The parser loads only when a page is edited, as when it is read (#4).
  const { openPage } = await import("../edit/page");
  return { target, page: openPage(target.text, target.path) };
}

/** The diff of an edit, coloured as stdout allows. */
export async function diffOf(ctx: World<"json" | "view">, opened: OpenedPage, after: string): Promise<string> {
  const { renderDiff } = await import("../edit/diff");
  return renderDiff(opened.target.text, after, opened.target.path, ctx.json ? plainStyle : ctx.view.style);
}

/** What an edit's end reads of the world: where the diff and the notes go, and how they are shown. */
export type EditNeed = "out" | "err" | "json" | "view";

/** Ends an edit: prints the diff (--dry-run; under --json it is returned, for the command's JSON) or writes the page. */
export async function finishEdit(ctx: World<EditNeed>, opened: OpenedPage, after: string, options: EditOptions, done: string): Promise<{ written: boolean; diff?: string }> {
  // Said, not hidden: an entry sharing the edited one's title may take or give up the plain id.
  const { idChanges, openPage } = await import("../edit/page");
  for (const { from, to } of idChanges(opened.page.catalog.entries, openPage(after, opened.target.path).catalog.entries)) {
    ctx.err.write(`icp-links: note: ${sanitize(from)} is now ${sanitize(to)} (entries with the same title: the smallest URL has the plain id)\n`);
  }
  if (options.dryRun) {
    const diff = await diffOf(ctx, opened, after);
    if (ctx.json) return { written: false, diff };
    ctx.out.write(diff);
    return { written: false };
  }
  opened.target.write(after);
  if (ctx.err.isTTY && !ctx.json) ctx.err.write(`${sanitize(done)} in ${sanitize(opened.target.path)}\n`);
  return { written: true };
}
