// icp-links check [ref...]: find dead links before anyone clicks them (#5).
import type { CommandSpec } from "../command-kit/spec";
import { BASE_URL_OPTION, STATE_FILTER_OPTIONS } from "../command-kit/spec";
import { FILTER_OPTIONS } from "../command-kit/spec";
import { poolDeps, poolOptions, requestOptions, type RequestOptionValues } from "../command-kit/requests";
// --max-age is a global option (src/command-kit/spec.ts): it reaches run() with the command's own.
import type { FilterOptions, World } from "../command-kit/context";
import { selectEntries } from "../command-kit/select";
import { urlFor } from "../command-kit/open-urls";
import { applyFilters } from "../search/filters";
import { checkLinks, type AfterBroken, type Progress } from "../check/runner";
import { STATES, type CheckResult, type CheckState } from "../check/types";
import type { Entry } from "../catalog/types";
import { ExitCode, IcpError, QuietExit, UsageError } from "../errors";
import { json } from "../render/entries";
import { renderCheckSummary, checkJson, type CheckedEntry } from "../check/render";
import { sanitize } from "../text/sanitize";
import { filterEntries, ownLayer, wantsState, type StateFilterOptions } from "../state/layer";
import { FIX_OPTIONS, prepareFix, type FixOptions } from "../command-kit/check-fix";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "err", "view", "env", "json", "catalog", "now", "sleep", "after", "progressBar", "http", "checks", "interruption", "state", "editTarget", "confirm"] as const;
type Needs = (typeof NEEDS)[number];

interface CheckOptionValues extends FilterOptions, StateFilterOptions, FixOptions, RequestOptionValues {
  strict?: boolean;
  maxAge?: number;
  baseUrl?: string;
  archive?: boolean;
}

export const check: CommandSpec<CheckOptionValues, Needs> = {
  name: "check",
  needs: NEEDS,
  args: "[ref...]",
  summary: "check links: ok, redirected, broken, blocked (alive but refusing scripts) or error",
  options: [
    ...FILTER_OPTIONS,
    ...STATE_FILTER_OPTIONS,
    // The request options enrich shares (command-kit/requests.ts).
    ...requestOptions("links checked at once"),
    { flags: "--strict", description: "fail (exit 1) on blocked and error links too, not only broken ones" },
    BASE_URL_OPTION,
    { flags: "--archive", description: "for each broken link, ask the Wayback Machine for the snapshot closest to when it was added (ICP_LINKS_ARCHIVE_URL)" },
    ...FIX_OPTIONS,
  ],
  exitCodes: [
    ["1", "a broken link (with --strict, also a blocked or error one); an unknown or ambiguous ref"],
    ["3", "check: offline, no link could be reached; nothing reported or stored"],
  ],
  examples: ["icp-links check", "icp-links check --kind talk", "icp-links check consensus-overview --json", "icp-links check --max-age 1d --strict", "icp-links --file my-links.md check --archive --fix"],
  async run(ctx, refs, options) {
    // --archive (#28): the API's address is checked before anything else is done.
    let archiveUrl: string | undefined;
    if (options.archive) {
      const { archiveBase } = await import("../check/archive");
      archiveUrl = archiveBase(ctx.env.ICP_LINKS_ARCHIVE_URL);
      if (archiveUrl === undefined) throw new UsageError(`ICP_LINKS_ARCHIVE_URL is ${JSON.stringify(sanitize(ctx.env.ICP_LINKS_ARCHIVE_URL ?? "").slice(0, 200))}, not an http(s) URL`, "set it to the availability API's address, or unset it for https://archive.org/wayback/available");
    }
    // --fix (#17): the page to edit is opened, and read, before any link is checked.
    const fixer = await prepareFix(ctx, options);
    const catalog = await ctx.catalog();
    const from = refs.length > 0 ? selectEntries(catalog, refs) : catalog.entries;
    const layer = wantsState(options) || options.tag !== undefined ? ownLayer(ctx) : undefined;
    const chosen = layer || wantsState(options) ? filterEntries(catalog, from, options, layer) : applyFilters(catalog, from, options);
    const targets: { entry: Entry; url: string }[] = [];
    const skipped: { entry: Entry; why: string }[] = [];
    for (const entry of chosen) {
      try {
        targets.push({ entry, url: urlFor(ctx, catalog, entry, options.baseUrl) });
      } catch (error) {
        if (!(error instanceof IcpError)) throw error;
        // "'x' is a site link …" and "refusing to open 'x': …" name the entry: the note names it already.
        skipped.push({ entry, why: error.message.replace(/^refusing to open '[^']*': /, "").replace(/^'[^']*' is /, "") });
      }
    }

    // Results young enough are reused; the rest is checked.
    const now = ctx.now().getTime();
    const previous = ctx.checks.load();
    const reused = new Map<string, CheckResult>();
    if (options.maxAge !== undefined) {
      for (const { url } of targets) {
        const r = previous.get(url);
        // A broken link never asked for its archived copy is checked again under --archive.
        if (r && now - Date.parse(r.checkedAt) <= options.maxAge && !(options.archive && r.state === "broken" && r.archived === undefined)) reused.set(url, r);
      }
    }
    const toCheck = [...new Set(targets.map((t) => t.url).filter((u) => !reused.has(u)))];

    const { signal, exitCode } = ctx.interruption();
    const bar = !ctx.json && toCheck.length > 0 ? await progressBar(ctx, toCheck.length) : undefined;
    let run;
    try {
      run = await checkLinks(
        toCheck,
        poolOptions(options),
        poolDeps(ctx),
        signal,
        bar?.progress ?? {},
        archiveUrl === undefined ? undefined : await archiveStep(archiveUrl, targets),
      );
    } finally {
      bar?.stop();
    }
    // Offline: the results say nothing about the links. Nothing is printed as broken, nothing
    // stored, and the exit code says so (#12).
    if (run.offline) {
      ctx.err.write(`icp-links: offline: no link could be reached (${offlineWhy(run.results)}); nothing was reported or stored (check the connection, then run check again)\n`);
      if (run.interrupted) throw new QuietExit(exitCode() as ExitCode);
      throw new QuietExit(ExitCode.offline);
    }
    ctx.checks.save(run.results);

    const byUrl = new Map<string, CheckResult>([...reused, ...run.results.map((r): [string, CheckResult] => [r.url, r])]);
    const checked: CheckedEntry[] = targets.flatMap(({ entry, url }) => {
      const result = byUrl.get(url);
      return result ? [{ entry, result, reused: reused.has(url) }] : [];
    });
    if (ctx.json) ctx.out.write(json(checked.map(checkJson)));
    else ctx.out.write(renderCheckSummary(checked, skipped, ctx.view, run.interrupted, Boolean(options.archive)));
    if (!ctx.json && ctx.view.tty === false) ctx.err.write(`${countsLine(checked)}${run.interrupted ? " (interrupted)" : ""}\n`);
    for (const s of skipped) if (ctx.json || ctx.view.tty === false) ctx.err.write(`icp-links: not checked: ${sanitize(s.entry.id)}: ${sanitize(s.why)}\n`);

    if (run.interrupted) throw new QuietExit(exitCode() as ExitCode);
    const fixed = await fixer?.apply(checked);
    if (fixed?.refused) throw new QuietExit(ExitCode.usage);
    const failing: CheckState[] = options.strict ? ["broken", "blocked", "error"] : ["broken"];
    if (checked.some((c) => failing.includes(c.result.state))) throw new QuietExit(ExitCode.notFound);
  },
};

/** The archive lookup of a broken link, dated by its entry's added date (the earliest of its entries'). */
async function archiveStep(base: string, targets: { entry: Entry; url: string }[]): Promise<AfterBroken> {
  const { withArchive } = await import("../check/archive");
  const added = new Map<string, string>();
  for (const { entry, url } of targets) {
    const was = added.get(url);
    if (entry.added && (was === undefined || entry.added < was)) added.set(url, entry.added);
  }
  return (pool, result) => withArchive(pool, result, base, added.get(result.url));
}

function offlineWhy(results: CheckResult[]): string {
  const dns = results.filter((r) => r.reason.startsWith("name not resolved")).length;
  const n = results.length;
  if (dns === n) return n === 1 ? "its host name did not resolve" : `the host names of all ${n} did not resolve`;
  return "the network is unreachable";
}

export function countsLine(checked: CheckedEntry[]): string {
  const counts = STATES.map((s) => [s, checked.filter((c) => c.result.state === s).length] as const).filter(([, n]) => n > 0);
  return `${checked.length} ${checked.length === 1 ? "link" : "links"}: ${counts.map(([s, n]) => `${n} ${s}`).join(", ") || "none checked"}`;
}

/** A progress bar on stderr (a terminal only): done/total, counts by state, elapsed, the host being checked. */
async function progressBar(ctx: World<Needs>, total: number): Promise<{ progress: Progress; stop(): void } | undefined> {
  const counts: Record<CheckState, number> = { ok: 0, redirected: 0, broken: 0, blocked: 0, error: 0 };
  const countsText = () => STATES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(", ") || "starting";
  const bar = await ctx.progressBar?.(total, " {bar} {value}/{total} · {counts} · {duration_formatted} · {host}", { counts: countsText(), host: "" });
  if (!bar) return undefined;
  return {
    progress: {
      onRequest: (host) => bar.update(undefined, { host: sanitize(host).slice(0, 40) }),
      onResult: (result, done) => {
        counts[result.state]++;
        bar.update(done, { counts: countsText() });
      },
    },
    stop: () => bar.stop(),
  };
}
