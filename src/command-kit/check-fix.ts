// check --fix: links that moved permanently (301, 308) rewritten to where they moved (#17).
// Kept apart from check itself: check.ts opens the page before checking (prepareFix) and hands
// over what it found (apply). The command-facing half of the feature: it takes the Context and
// the options, and writes through command-kit/edit-page.ts like add, remove and move.
import type { World } from "./context";
import type { EditNeed } from "./edit-page";
import type { OptionSpec } from "./spec";
import { DRY_RUN_OPTION, INTO_OPTION, diffOf, openForEdit, type OpenedPage } from "./edit-page";
import type { CheckedEntry } from "../check/render";
import type { CheckDeps } from "../check/types";
import { timeoutSignal } from "../check/runner";
import { needsGet } from "../check/outcome";
import { followRedirects } from "../catalog/redirects";
import { UsageError } from "../errors";
import { sanitize } from "../text/sanitize";

export interface FixOptions {
  fix?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  into?: string;
  /** Seconds, as check's --timeout. */
  timeout: number;
  /** check --archive: broken links get their archived copy (#28). */
  archive?: boolean;
  /** With --fix --archive: the archived copy replaces the dead link instead of joining it. */
  replace?: boolean;
}

export const FIX_OPTIONS: OptionSpec[] = [
  { flags: "--fix", description: "rewrite links that moved permanently (301, 308) to their new URL, and with --archive add each broken link's archived copy; shows the diff (needs --file)" },
  { flags: "--replace", description: "with --fix --archive: replace a broken link by its archived copy instead of adding it" },
  { flags: "-y, --yes", description: "with --fix: write the changes without asking" },
  { ...DRY_RUN_OPTION, description: "with --fix: print the diff and write nothing" },
  { ...INTO_OPTION, description: "with --fix: the page to edit, when --file names a folder" },
];

/**
 * Where a link moved for good: its permanent redirects (301, 308) followed while they last
 * (catalog/redirects.ts: the hop limit of every redirect followed), the first other answer ending
 * the walk. Undefined when it did not move, or moved to a page that does not answer (a 4xx or 5xx,
 * a network error), or the walk went wrong (a loop, too many hops, an odd Location): a fix must
 * not point at a dead page. A fragment the redirect does not give is kept, as browsers keep it.
 * Each request has `timeoutMs` by the injected clock, as check's --timeout.
 */
export async function permanentTarget(deps: Pick<CheckDeps, "http" | "after">, url: string, timeoutMs: number): Promise<string | undefined> {
  const ask = async (at: string, method: "HEAD" | "GET") => {
    const timeout = timeoutSignal(deps, timeoutMs);
    try {
      return await deps.http({ url: at, method, signal: timeout.signal });
    } finally {
      timeout.cancel();
    }
  };
  let end;
  try {
    end = await followRedirects(url, {
      send: async (at) => {
        const response = await ask(at, "HEAD");
        return needsGet(response.status) ? await ask(at, "GET") : response;
      },
      follows: (response) => (response.status === 301 || response.status === 308) && Boolean(response.header("location")),
    });
  } catch {
    return undefined;
  }
  if (end.kind !== "answer" || end.response.status >= 400 || end.url === url) return undefined;
  const moved = new URL(end.url);
  if (!moved.hash && url.includes("#")) moved.hash = url.slice(url.indexOf("#"));
  return moved.href;
}

/** What check --fix reads of the world: the page to edit, the links' servers, a yes/no question. */
export type FixNeed = EditNeed | "editTarget" | "http" | "after" | "confirm";

export interface Fixer {
  /** `refused`: a link moved to a URL that cannot be written into the page (exit 2). */
  apply(checked: CheckedEntry[]): Promise<{ refused: boolean }>;
}

/** Opens the page to fix before any link is checked: a page that cannot be edited fails at once. */
export async function prepareFix(ctx: World<FixNeed>, options: FixOptions): Promise<Fixer | undefined> {
  if (options.replace && !(options.fix && options.archive)) throw new UsageError("--replace goes with --fix --archive", "add --fix --archive to replace broken links by their archived copies");
  if (!options.fix) {
    if (options.yes || options.dryRun || options.into !== undefined) throw new UsageError("--yes, --dry-run and --into go with --fix", "add --fix to rewrite moved links");
    return undefined;
  }
  const opened = await openForEdit(ctx, options.into);
  return { apply: (checked) => applyFix(ctx, opened, checked, options) };
}

async function applyFix(ctx: World<FixNeed>, opened: OpenedPage, checked: CheckedEntry[], options: FixOptions): Promise<{ refused: boolean }> {
  // Messages go to stderr when stdout holds the check's JSON.
  const say = (text: string) => (ctx.json ? ctx.err : ctx.out).write(text);
  const entries = opened.page.catalog.entries;
  const moved = checked.filter((c) => c.result.state === "redirected" && /^https?:\/\//i.test(c.entry.url));
  const targets = new Map<string, string | undefined>();
  for (const url of new Set(moved.map((c) => c.entry.url))) targets.set(url, await permanentTarget(ctx, url, options.timeout * 1000));
  const { rewriteUrls, addArchivedLinks, dropArchivedMarks } = await import("../edit/edits");
  const { openPage } = await import("../edit/page");
  // The entry as the page read for editing has it: the same URL on the same line (ids of a
  // catalog of several pages may carry suffixes a single page's do not).
  const onPage = (c: CheckedEntry) => entries.find((e) => e.url === c.entry.url && e.line === c.entry.line);
  const changes = moved.flatMap((c) => {
    const to = targets.get(c.entry.url);
    const entry = onPage(c);
    return to && entry ? [{ entry, to }] : [];
  });
  // --archive (#28): a broken link's snapshot, replacing it (--replace) or after it.
  const archived = options.archive
    ? checked.flatMap((c) => {
        const entry = c.result.state === "broken" && c.result.archived && /^https?:\/\//i.test(c.entry.url) ? onPage(c) : undefined;
        return entry && c.result.archived ? [{ entry, to: c.result.archived.url }] : [];
      })
    : [];
  const rewritten = rewriteUrls(opened.page, options.replace ? [...changes, ...archived] : changes);
  let { text } = rewritten;
  const done = [...rewritten.done];
  const skipped = [...rewritten.skipped];
  if (options.replace) {
    // A snapshot that replaced its dead link makes an earlier run's "([archived](…))" after it redundant.
    const replaced = rewritten.done.filter((d) => archived.some((a) => a.entry === d.entry));
    if (replaced.length > 0) {
      const page = openPage(text, opened.target.path);
      text = dropArchivedMarks(page, replaced.flatMap((d) => page.catalog.entries.filter((e) => e.line === d.entry.line && e.url === d.to))).text;
    }
  }
  if (archived.length > 0 && !options.replace) {
    // On the page as the rewrite left it: lines are the same, entries found again by line.
    const page = rewritten.done.length > 0 ? openPage(text, opened.target.path) : opened.page;
    const again = archived.flatMap((a) => {
      const entry = page.catalog.entries.find((e) => e.line === a.entry.line && e.url === a.entry.url);
      return entry ? [{ entry, to: a.to }] : [];
    });
    const added = addArchivedLinks(page, again);
    text = added.text;
    done.push(...added.done);
    skipped.push(...added.skipped);
  }
  for (const s of skipped) ctx.err.write(`icp-links: not fixed: ${sanitize(s.entry.id)} (line ${s.entry.line}): ${s.why}\n`);
  // A move the page cannot hold safely is refused, and the run says so by its exit code (#22).
  const refused = skipped.some((s) => s.unsafe);
  if (done.length === 0) {
    if (!refused) ctx.err.write(`icp-links: no link to fix: none moved permanently to a page that answers${options.archive ? ", and no broken link has an archived copy not yet on the page" : ""}\n`);
    return { refused };
  }
  say(await diffOf(ctx, opened, text));
  let write = Boolean(options.yes) && !options.dryRun;
  if (!options.yes && !options.dryRun && ctx.confirm) write = await ctx.confirm(`Write ${done.length} fixed ${done.length === 1 ? "link" : "links"} to ${sanitize(opened.target.path)}?`);
  if (write) {
    opened.target.write(text);
    ctx.err.write(`icp-links: fixed ${done.length} ${done.length === 1 ? "link" : "links"} in ${sanitize(opened.target.path)}\n`);
  } else if (!options.dryRun) {
    ctx.err.write(`icp-links: nothing written${ctx.confirm ? "" : ": add --yes to write these changes"}\n`);
  }
  return { refused };
}
