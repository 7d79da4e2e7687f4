// icp-links add <url>: a new entry at the end of a section's list, written as the page writes
// its items (#17).
import type { CommandSpec } from "../command-kit/spec";
import { collect, parsed } from "../command-kit/spec";
import { parseLength } from "../search/filters";
import type { Context } from "../command-kit/context";
import { EDIT_OPTIONS, NEW_SECTION_OPTION, finishEdit, openForEdit, type EditOptions } from "../command-kit/edit-page";
import { NetworkError } from "../check/types";
import { UsageError, ValueError } from "../errors";
import { json } from "../render/entries";
import { sanitize } from "../text/sanitize";
import { followRedirects } from "../catalog/redirects";
import { timeoutSignal } from "../check/runner";

interface AddOptions extends EditOptions {
  section?: string;
  newSection?: boolean;
  title?: string;
  speaker?: string[];
  event?: string;
  year?: string;
  length?: string;
  description?: string;
}

/** How long reading a title may take, and how much of the page it reads. */
export const TITLE_TIMEOUT_MS = 5000;
export const TITLE_BYTES = 256 * 1024;

/** The title of the page at `url` (following up to MAX_REDIRECTS redirects), or a UsageError asking for --title. */
export async function fetchTitle(ctx: Context, url: string): Promise<string> {
  const ask = (why: string) => new UsageError(`cannot read the title of ${sanitize(url)}: ${why}`, "give it with --title");
  if (!/^https?:\/\//i.test(url)) throw new UsageError(`a site path has no page to read a title from: ${sanitize(url)}`, "give the title with --title");
  const { titleOfHtml } = await import("../edit/title");
  // On the Context's clock, like check's time limits: tests drive it without waiting.
  const { signal, cancel } = timeoutSignal(ctx, TITLE_TIMEOUT_MS);
  try {
    // One signal for the whole walk: the deadline is TITLE_TIMEOUT_MS from the first request.
    const end = await followRedirects(url, {
      send: async (at) => {
        try {
          return await ctx.http({ url: at, method: "GET", signal, bodyLimit: TITLE_BYTES });
        } catch (error) {
          if (signal.aborted) throw ask(`no answer within ${TITLE_TIMEOUT_MS / 1000} s`);
          throw ask(error instanceof NetworkError ? error.message : "network error");
        }
      },
    });
    if (end.kind === "invalid") throw ask("it redirects to an invalid URL");
    if (end.kind !== "answer") throw ask("too many or odd redirects");
    const response = end.response;
    if (response.status < 200 || response.status >= 300) throw ask(`${response.status} ${sanitize(response.statusText)}`.trim());
    const type = response.header("content-type") ?? "text/html";
    if (!/html|xml/i.test(type)) throw ask(`it is not a web page (${sanitize(type)})`);
    const title = titleOfHtml(response.body);
    if (!title) throw ask("the page has no title");
    return title;
  } finally {
    cancel();
  }
}

/** A year a talk can have been given in, for --year. */
function parseYearOption(text: string): string {
  const t = text.trim();
  if (!/^(?:19|20)\d{2}$/.test(t)) throw new ValueError(`--year '${text}' is not a year`, "write a year such as 2019");
  return t;
}

export const add: CommandSpec<AddOptions> = {
  name: "add",
  args: "<url>",
  summary: "add a link at the end of a section's list, in the page's own style (needs --file)",
  options: [
    { flags: "-s, --section <name>", description: "the section (prefix or whole word); one the page does not have is an error naming the nearest" },
    NEW_SECTION_OPTION,
    { flags: "--title <title>", description: "the link's title (default: read from the page at the URL)" },
    { flags: "-p, --speaker <name...>", description: "the speaker(s) of a talk; repeat it for several (-p 'Jane Doe' -p 'John Roe')", parse: collect },
    { flags: "--event <name>", description: "where the talk was given (written as the page's other talks write it)" },
    { flags: "--year <year>", description: "when the talk was given: 2019", parse: parsed(parseYearOption) },
    { flags: "--length <length>", description: "how long the talk runs: 45m, 1h05m, 1:04:34", parse: parsed((v) => (parseLength(v, "--length"), v)) },
    { flags: "-d, --description <text>", description: "a description after the link" },
    ...EDIT_OPTIONS,
  ],
  examples: [
    "icp-links --file my-links.md add https://www.youtube.com/watch?v=abc --section YouTube --title 'Subnets' --speaker 'Jan Camenisch'",
    "icp-links --file my-links.md add https://internetcomputer.org/docs --section Docs --new-section --dry-run",
    "icp-links --file my-links.md add https://example.org/ep1 --section Podcasts --new-section --title 'Episode 1'",
  ],
  async run(ctx, [url], options) {
    const opened = await openForEdit(ctx, options.into);
    const { addEntry, checkNewUrl, chooseSection, entryWithUrl } = await import("../edit/edits");
    const { tidyTitle } = await import("../edit/title");
    const link = url!.trim();
    checkNewUrl(link);
    // Refused before any request: a URL on the page already needs no title, a section the page
    // does not have is an error whatever the title.
    const existing = entryWithUrl(opened.page, link);
    if (!existing) chooseSection(opened.page, options.section, Boolean(options.newSection));
    const title = options.title !== undefined ? tidyTitle(options.title) : existing ? "" : await fetchTitle(ctx, link);
    if (!title && !existing) throw new UsageError("--title is empty", "give the link a title");
    const speakers = (options.speaker ?? []).map((s) => sanitize(s).replace(/\s+/g, " ").trim()).filter(Boolean);
    const description = options.description === undefined ? undefined : sanitize(options.description).replace(/\s+/g, " ").trim() || undefined;
    const event = options.event === undefined ? undefined : sanitize(options.event).replace(/\s+/g, " ").trim() || undefined;
    const facts = {
      ...(event ? { event } : {}),
      ...(options.year !== undefined ? { year: Number(options.year) } : {}),
      ...(options.length !== undefined ? { duration: parseLength(options.length, "--length") } : {}),
    };
    const result = addEntry(opened.page, { title, url: link, speakers, ...facts, ...(description ? { description } : {}) }, options.section, Boolean(options.newSection));
    const { openPage, } = await import("../edit/page");
    const { comparableUrl } = await import("../edit/edits");
    const after = openPage(result.text, opened.target.path);
    const entry = after.catalog.entries.find((e) => comparableUrl(e.url) === comparableUrl(link));
    const { written, diff } = await finishEdit(ctx, opened, result.text, options, `Added ${entry?.id ?? link} to ${result.created ? "a new section, " : ""}${result.section || "the end of the page"}`);
    if (ctx.json) {
      ctx.out.write(json({ id: entry?.id ?? null, title: entry?.title ?? title, url: link, section: result.section, newSection: result.created, line: entry?.line ?? null, file: opened.target.path, written, ...(diff === undefined ? {} : { diff }) }));
    } else if (written && entry) ctx.out.write(`${sanitize(entry.id)}\n`);
  },
};
