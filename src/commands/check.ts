// icp-links check [ref...]: find dead links before anyone clicks them (#5).
import type { CommandSpec } from "../command-kit/spec";
import { BASE_URL_OPTION, STATE_FILTER_OPTIONS } from "../command-kit/spec";
import { FILTER_OPTIONS } from "../command-kit/spec";
import { poolDeps, poolOptions, requestOptions, requestProgress, type RequestOptionValues } from "../command-kit/requests";
// --max-age is a global option (src/command-kit/spec.ts): it reaches run() with the command's own.
import type { FilterOptions } from "../command-kit/context";
import { selectEntries } from "../command-kit/select";
import { urlFor } from "../command-kit/open-urls";
import { applyFilters } from "../search/filters";
import { checkLinks } from "../check/runner";
import { STATES, type CheckResult, type CheckState } from "../check/types";
import type { Entry } from "../catalog/types";
import { ExitCode, IcpError, QuietExit } from "../errors";
import { json } from "../render/entries";
import { renderCheckSummary, checkJson, type CheckedEntry } from "../check/render";
import { sanitize } from "../text/sanitize";
import { filterEntries, ownLayer, wantsState, type StateFilterOptions } from "../state/layer";
import { FIX_OPTIONS, prepareFix, type FixOptions } from "../command-kit/check-fix";

interface CheckOptionValues extends FilterOptions, StateFilterOptions, FixOptions, RequestOptionValues {
  timeout: number;
  strict?: boolean;
  maxAge?: number;
  baseUrl?: string;
}

export const check: CommandSpec<CheckOptionValues> = {
  name: "check",
  args: "[ref...]",
  summary: "check links: ok, redirected, broken, blocked (alive but refusing scripts) or error",
  options: [
    ...FILTER_OPTIONS,
    ...STATE_FILTER_OPTIONS,
    ...requestOptions("links checked at once"),
    { flags: "--strict", description: "fail (exit 1) on blocked and error links too, not only broken ones" },
    BASE_URL_OPTION,
    ...FIX_OPTIONS,
  ],
  exitCodes: [
    ["1", "a broken link (with --strict, also a blocked or error one); an unknown or ambiguous ref"],
    ["3", "check: offline, no link could be reached; nothing reported or stored"],
  ],
  examples: ["icp-links check", "icp-links check --kind talk", "icp-links check consensus-overview --json", "icp-links check --max-age 1d --strict"],
  async run(ctx, refs, options) {
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
        if (r && now - Date.parse(r.checkedAt) <= options.maxAge) reused.set(url, r);
      }
    }
    const toCheck = [...new Set(targets.map((t) => t.url).filter((u) => !reused.has(u)))];

    const { signal, exitCode } = ctx.interruption();
    const bar = !ctx.json && toCheck.length > 0 ? await requestProgress(ctx, toCheck.length, STATES) : undefined;
    let run;
    try {
      run = await checkLinks(toCheck, poolOptions(options), poolDeps(ctx), signal, bar ? { onRequest: bar.onRequest, onResult: (r, done) => bar.onResult(r.state, done) } : {});
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
    else ctx.out.write(renderCheckSummary(checked, skipped, ctx.view, run.interrupted));
    if (!ctx.json && ctx.view.tty === false) ctx.err.write(`${countsLine(checked)}${run.interrupted ? " (interrupted)" : ""}\n`);
    for (const s of skipped) if (ctx.json || ctx.view.tty === false) ctx.err.write(`icp-links: not checked: ${sanitize(s.entry.id)}: ${sanitize(s.why)}\n`);

    if (run.interrupted) throw new QuietExit(exitCode() as ExitCode);
    const fixed = await fixer?.apply(checked);
    if (fixed?.refused) throw new QuietExit(ExitCode.usage);
    const failing: CheckState[] = options.strict ? ["broken", "blocked", "error"] : ["broken"];
    if (checked.some((c) => failing.includes(c.result.state))) throw new QuietExit(ExitCode.notFound);
  },
};

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
