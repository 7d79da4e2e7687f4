// check --fix: links that moved permanently (301, 308) rewritten to where they moved (#17).
// Kept apart from check itself: check.ts opens the page before checking (prepareFix) and hands
// over what it found (apply). The command-facing half of the feature: it takes the Context and
// the options, and writes through command-kit/edit-page.ts like add, remove and move.
import type { Context } from "./context";
import type { OptionSpec } from "./spec";
import { DRY_RUN_OPTION, INTO_OPTION, diffOf, openForEdit, type OpenedPage } from "./edit-page";
import type { CheckedEntry } from "../check/render";
import type { CheckDeps } from "../check/types";
import { timeoutSignal } from "../check/runner";
import { needsGet } from "../check/outcome";
import { UsageError } from "../errors";
import { sanitize } from "../text/sanitize";

export interface FixOptions {
  fix?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  into?: string;
  /** Seconds, as check's --timeout. */
  timeout: number;
}

export const FIX_OPTIONS: OptionSpec[] = [
  { flags: "--fix", description: "rewrite links that moved permanently (301, 308) to their new URL; shows the diff (needs --file)" },
  { flags: "-y, --yes", description: "with --fix: write the changes without asking" },
  { ...DRY_RUN_OPTION, description: "with --fix: print the diff and write nothing" },
  { ...INTO_OPTION, description: "with --fix: the page to edit, when --file names a folder" },
];

const MAX_HOPS = 10;

/**
 * Where a link moved for good: its permanent redirects (301, 308) followed while they last, the
 * first other answer ending the walk. Undefined when it did not move, or moved to a page that
 * does not answer (a 4xx or 5xx, a network error): a fix must not point at a dead page. A
 * fragment the redirect does not give is kept, as browsers keep it. Each request has `timeoutMs`
 * by the injected clock.
 */
export async function permanentTarget(deps: Pick<CheckDeps, "http" | "after">, url: string, timeoutMs: number): Promise<string | undefined> {
  const seen = new Set([url]);
  let current = url;
  for (let hops = 0; hops <= MAX_HOPS; hops++) {
    const ask = async (method: "HEAD" | "GET") => {
      const timeout = timeoutSignal(deps, timeoutMs);
      try {
        return await deps.http({ url: current, method, signal: timeout.signal });
      } finally {
        timeout.cancel();
      }
    };
    let response;
    try {
      response = await ask("HEAD");
      if (needsGet(response.status)) response = await ask("GET");
    } catch {
      return undefined;
    }
    const location = response.header("location");
    if ((response.status === 301 || response.status === 308) && location) {
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return undefined;
      }
      if (next.protocol !== "http:" && next.protocol !== "https:") return undefined;
      if (!next.hash && url.includes("#")) next.hash = url.slice(url.indexOf("#"));
      if (seen.has(next.href)) return undefined;
      seen.add(next.href);
      current = next.href;
      continue;
    }
    if (response.status >= 400) return undefined;
    return current === url ? undefined : current;
  }
  return undefined;
}

export interface Fixer {
  /** `refused`: a link moved to a URL that cannot be written into the page (exit 2). */
  apply(checked: CheckedEntry[]): Promise<{ refused: boolean }>;
}

/** Opens the page to fix before any link is checked: a page that cannot be edited fails at once. */
export async function prepareFix(ctx: Context, options: FixOptions): Promise<Fixer | undefined> {
  if (!options.fix) {
    if (options.yes || options.dryRun || options.into !== undefined) throw new UsageError("--yes, --dry-run and --into go with --fix", "add --fix to rewrite moved links");
    return undefined;
  }
  const opened = await openForEdit(ctx, options.into);
  return { apply: (checked) => applyFix(ctx, opened, checked, options) };
}

async function applyFix(ctx: Context, opened: OpenedPage, checked: CheckedEntry[], options: FixOptions): Promise<{ refused: boolean }> {
  // Messages go to stderr when stdout holds the check's JSON.
  const say = (text: string) => (ctx.json ? ctx.err : ctx.out).write(text);
  const entries = opened.page.catalog.entries;
  const moved = checked.filter((c) => c.result.state === "redirected" && /^https?:\/\//i.test(c.entry.url));
  const targets = new Map<string, string | undefined>();
  for (const url of new Set(moved.map((c) => c.entry.url))) targets.set(url, await permanentTarget(ctx, url, options.timeout * 1000));
  const { rewriteUrls } = await import("../edit/edits");
  const changes = moved.flatMap((c) => {
    const to = targets.get(c.entry.url);
    // The entry as the page read for editing has it: the same URL on the same line (ids of a
    // catalog of several pages may carry suffixes a single page's do not).
    const entry = entries.find((e) => e.url === c.entry.url && e.line === c.entry.line);
    return to && entry ? [{ entry, to }] : [];
  });
  const { text, done, skipped } = rewriteUrls(opened.page, changes);
  for (const s of skipped) ctx.err.write(`icp-links: not fixed: ${sanitize(s.entry.id)} (line ${s.entry.line}): ${s.why}\n`);
  // A move the page cannot hold safely is refused, and the run says so by its exit code (#22).
  const refused = skipped.some((s) => s.unsafe);
  if (done.length === 0) {
    if (!refused) ctx.err.write("icp-links: no link to fix: none moved permanently to a page that answers\n");
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
