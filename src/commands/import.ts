// icp-links import <file>: a browser's bookmark file (or Pocket's, buku's, Raindrop's,
// linkding's export) as a markdown page (#28): printed, written to a new page (-o), or appended
// to a section of one's page (--file, --section) through the editing machinery.
import type { CommandSpec } from "../command-kit/spec";
import { NEW_SECTION_OPTION, DRY_RUN_OPTION, INTO_OPTION, diffOf, openForEdit } from "../command-kit/edit-page";
import type { Context } from "../command-kit/context";
import { outputOptions } from "../command-kit/spec";
import { UsageError, ValueError } from "../errors";
import { json } from "../render/entries";
import { sanitize } from "../text/sanitize";
import type { Bookmark, BookmarkFile, Folder } from "../import/bookmarks";
import type { ParsedEntry } from "../catalog/types";

interface ImportOptions {
  output?: string;
  force?: boolean;
  section?: string;
  newSection?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  into?: string;
  /** The global --file: the page to append to. */
  file?: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The page read back must hold the bookmarks written, in their order, with their tags and
 * dates: what is written is what was imported, or nothing is written.
 */
function checkReadBack(written: Bookmark[], entries: readonly Pick<ParsedEntry, "url" | "tags" | "added">[], where: string, comparable: (url: string) => string): void {
  for (let i = 0; i < written.length; i++) {
    const b = written[i]!;
    const e = entries[i];
    const same = e && comparable(e.url) === comparable(b.url) && b.tags.every((t) => e.tags.includes(t)) && (e.added ?? undefined) === b.added;
    if (!same) {
      throw new ValueError(`the page would not read back as the bookmarks: ${sanitize(b.url).slice(0, 200)} ${e ? `reads as ${sanitize(e.url).slice(0, 200)}` : "is missing"} (${where}); nothing was written`, "report this with the bookmark file's line");
    }
  }
}

export const importCommand: CommandSpec<ImportOptions> = {
  name: "import",
  args: "<file>",
  summary: "turn a bookmark file (Firefox, Chrome, Edge, Safari, Pocket, buku, Raindrop, linkding) into a page, or add it to a section of yours",
  options: [
    ...outputOptions("without --file"),
    { flags: "-s, --section <name>", description: "with --file: the section of the page to add the bookmarks to (prefix or whole word)" },
    { ...NEW_SECTION_OPTION, description: "with --file: make the --section when the page has no section of that name" },
    { flags: "-y, --yes", description: "with --file: write the changes without asking" },
    { ...DRY_RUN_OPTION, description: "with --file: print the diff and write nothing" },
    { ...INTO_OPTION, description: "with --file: the page to edit, when --file names a folder" },
  ],
  examples: [
    "icp-links export --format html -o bookmarks.html",
    "icp-links import bookmarks.html -o imported.md",
    "icp-links --file my-links.md import bookmarks.html --section YouTube --dry-run",
  ],
  exitCodes: [["2", "a file that is not a bookmark file, or holds no http(s) bookmark; an output file that exists (without --force); a page that would not read back as the bookmarks"]],
  async run(ctx, [path], options) {
    const editing = (options.file?.length ?? 0) > 0;
    if (editing && options.output !== undefined) throw new UsageError("-o and --file: one or the other", "-o writes a new page; --file with --section adds to yours");
    if (!editing && (options.section !== undefined || options.newSection || options.yes || options.dryRun || options.into !== undefined)) {
      throw new UsageError("--section, --new-section, --yes, --dry-run and --into go with --file", "name your page with --file to add the bookmarks to it");
    }
    if (!editing && options.force && options.output === undefined) throw new UsageError("--force goes with -o", "name the page to write with -o");
    // The page to edit is opened (and refused) before the bookmark file is read.
    const opened = editing ? await openForEdit(ctx, options.into) : undefined;
    const bytes = await ctx.readInput(path!);
    const { decodeBookmarkFile } = await import("../import/decode");
    const html = decodeBookmarkFile(bytes);
    if (!/<a[\s>]/i.test(html)) throw new UsageError(`${sanitize(path!)} is not a bookmark file: it has no links (<A HREF>)`, "export the bookmarks as HTML from the browser (Firefox: Bookmarks › Manage › Import and Backup › Export; Chrome: Bookmark manager › Export)");
    const { readBookmarks, leftOutText } = await import("../import/bookmarks");
    const { bookmarksPage, itemLines } = await import("../import/page");
    const { comparableUrl } = await import("../edit/edits");
    const file = readBookmarks(html);
    const say = (text: string) => ctx.err.write(`icp-links: ${text}\n`);
    const left = leftOutText(file.leftOut);
    if (file.bookmarks === 0) throw new UsageError(`${sanitize(path!)} holds no http(s) bookmark${left ? ` (${left})` : ""}`, "nothing to import");

    const seen = new Set<string>();
    const onPage = new Set(opened ? opened.page.catalog.entries.flatMap((e) => [e.url, ...e.related.map((r) => r.url)]).map(comparableUrl) : []);
    let duplicates = 0;
    let already = 0;
    const skip = (url: string) => {
      const key = comparableUrl(url);
      if (onPage.has(key)) return (already++, true);
      if (seen.has(key)) return (duplicates++, true);
      seen.add(key);
      return false;
    };
    const page = bookmarksPage(file, { skip });
    const summary = [`read ${plural(page.written.length + page.skipped, "bookmark")} from ${sanitize(path!)}`];
    if (already > 0) summary.push(`skipped ${plural(already, "link")} the page has already`);
    if (duplicates > 0) summary.push(`skipped ${plural(duplicates, "duplicate")}`);
    if (left) summary.push(left);
    const report = { source: path!, bookmarks: page.written.length, alreadyOnPage: already, duplicates, leftOut: file.leftOut };

    if (!opened) {
      const { parsePage } = await import("../catalog/parse-page");
      checkReadBack(page.written, parsePage(page.text, options.output ?? "imported.md").entries, "the new page", comparableUrl);
      if (options.output === undefined || options.output === "-") {
        if (ctx.json) ctx.out.write(json({ ...report, page: page.text }));
        else ctx.out.write(page.text);
        say(summary.join("; "));
        return;
      }
      ctx.writeFile(options.output, page.text, Boolean(options.force));
      say(`${summary.join("; ")}; wrote ${plural(page.written.length, "entry", "entries")} to ${sanitize(options.output)}`);
      if (ctx.json) ctx.out.write(json({ ...report, output: options.output, written: true }));
      return;
    }

    if (page.written.length === 0) {
      say(`${summary.join("; ")}; nothing to add`);
      if (ctx.json) ctx.out.write(json({ ...report, file: opened.target.path, written: false }));
      return;
    }
    const { addItems } = await import("../edit/edits");
    const { openPage } = await import("../edit/page");
    const written: Bookmark[] = [];
    const result = addItems(opened.page, (style) => itemLines(withoutEmpty(page, file), style.indent, style, written), page.written.length, options.section, Boolean(options.newSection));
    const after = openPage(result.text, opened.target.path);
    // The new entries are one run where the page's own stop matching (no URL of theirs is on the page).
    const before = opened.page.catalog.entries;
    let k = 0;
    while (k < before.length && after.catalog.entries[k]?.url === before[k]!.url) k++;
    checkReadBack(written, after.catalog.entries.slice(k, k + written.length), opened.target.path, comparableUrl);
    await finishImport(ctx, opened, result.text, options, summary, page.written.length, result.section);
    if (ctx.json) ctx.out.write(json({ ...report, file: opened.target.path, section: result.section, newSection: result.created }));
  },
};

/** The tree with only what the page will get (bookmarksPage pruned it the same way). */
function withoutEmpty(page: { written: Bookmark[] }, file: BookmarkFile): Folder {
  const keep = new Set(page.written);
  const prune = (folder: Folder): Folder => {
    const children: Folder["children"] = [];
    for (const c of folder.children) {
      if (c.kind === "bookmark") {
        if (keep.has(c)) children.push(c);
      } else {
        const sub = prune(c);
        if (sub.children.length > 0) children.push(sub);
      }
    }
    return { ...folder, children };
  };
  return prune(file.root);
}

/** The end of an edit that asks first (as check --fix): the diff, the question or --yes, the write. */
async function finishImport(ctx: Context, opened: Awaited<ReturnType<typeof openForEdit>>, text: string, options: ImportOptions, summary: string[], count: number, section: string): Promise<void> {
  const say = (line: string) => ctx.err.write(`icp-links: ${line}\n`);
  say(summary.join("; "));
  const diff = await diffOf(ctx, opened, text);
  (ctx.json ? ctx.err : ctx.out).write(diff);
  let write = Boolean(options.yes) && !options.dryRun;
  if (!options.yes && !options.dryRun && ctx.confirm) write = await ctx.confirm(`Add ${plural(count, "link")} to ${section ? `'${sanitize(section)}' in ` : ""}${sanitize(opened.target.path)}?`);
  if (write) {
    opened.target.write(text);
    say(`added ${plural(count, "link")} to ${sanitize(opened.target.path)}`);
  } else if (!options.dryRun) {
    say(`nothing written${ctx.confirm ? "" : ": add --yes to write these changes"}`);
  }
}
