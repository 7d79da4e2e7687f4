// icp-links check [ref...]: find dead links before anyone clicks them (#5).
import { InvalidArgumentError } from "commander";
import type { CommandSpec } from "./spec";
import { FILTER_OPTIONS, positiveInteger } from "./spec";
// --max-age is a global option (src/commands/spec.ts): it reaches run() with the command's own.
import type { Context, FilterOptions } from "./context";
import { selectEntries } from "./select";
import { urlFor } from "./open";
import { applyFilters } from "../search/filters";
import { checkLinks, type Progress } from "../check/runner";
import { DEFAULT_CHECK_OPTIONS, STATES, type CheckResult, type CheckState } from "../check/types";
import type { Entry } from "../catalog/types";
import { ExitCode, IcpError, QuietExit } from "../errors";
import { json } from "../render/entries";
import { renderCheckSummary, checkJson, type CheckedEntry } from "../render/check";
import { sanitize } from "../text/sanitize";

interface CheckOptionValues extends FilterOptions {
  concurrency: number;
  perHost: number;
  interval: number;
  timeout: number;
  retries: number;
  maxTime: number;
  strict?: boolean;
  maxAge?: number;
  baseUrl?: string;
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError("expected a whole number");
  return Number(value);
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a number of seconds above 0");
  return n;
}

export const check: CommandSpec<CheckOptionValues> = {
  name: "check",
  args: "[ref...]",
  summary: "check links: ok, redirected, broken, blocked (alive but refusing scripts) or error",
  options: [
    ...FILTER_OPTIONS,
    { flags: "--concurrency <n>", description: "links checked at once", defaultValue: DEFAULT_CHECK_OPTIONS.concurrency, parse: positiveInteger },
    { flags: "--per-host <n>", description: "requests at once to one host", defaultValue: DEFAULT_CHECK_OPTIONS.perHost, parse: positiveInteger },
    { flags: "--interval <ms>", description: "least time between two requests to one host", defaultValue: DEFAULT_CHECK_OPTIONS.intervalMs, parse: wholeNumber },
    { flags: "--timeout <s>", description: "time limit of one request", defaultValue: DEFAULT_CHECK_OPTIONS.timeoutMs / 1000, parse: seconds },
    { flags: "--retries <n>", description: "retries after 429, 5xx and network errors", defaultValue: DEFAULT_CHECK_OPTIONS.retries, parse: wholeNumber },
    { flags: "--max-time <s>", description: "time limit of the whole run", defaultValue: DEFAULT_CHECK_OPTIONS.maxTimeMs / 1000, parse: seconds },
    { flags: "--strict", description: "fail (exit 1) on blocked and error links too, not only broken ones" },
    { flags: "--base-url <url>", description: "base URL for site links (also ICP_LINKS_BASE_URL)" },
  ],
  examples: ["icp-links check", "icp-links check --kind talk", "icp-links check consensus-overview --json", "icp-links check --max-age 1d --strict"],
  async run(ctx, refs, options) {
    const catalog = await ctx.catalog();
    const chosen = applyFilters(catalog, refs.length > 0 ? selectEntries(catalog, refs) : catalog.entries, options);
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
    const bar = ctx.err.isTTY && !ctx.json && toCheck.length > 0 ? await progressBar(ctx, toCheck.length) : undefined;
    let run;
    try {
      run = await checkLinks(
        toCheck,
        {
          ...DEFAULT_CHECK_OPTIONS,
          concurrency: options.concurrency,
          perHost: options.perHost,
          intervalMs: options.interval,
          timeoutMs: options.timeout * 1000,
          retries: options.retries,
          maxTimeMs: options.maxTime * 1000,
        },
        { http: ctx.http, now: () => ctx.now().getTime(), sleep: ctx.sleep },
        signal,
        bar?.progress ?? {},
      );
    } finally {
      bar?.stop();
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
    const failing: CheckState[] = options.strict ? ["broken", "blocked", "error"] : ["broken"];
    if (checked.some((c) => failing.includes(c.result.state))) throw new QuietExit(ExitCode.notFound);
  },
};

export function countsLine(checked: CheckedEntry[]): string {
  const counts = STATES.map((s) => [s, checked.filter((c) => c.result.state === s).length] as const).filter(([, n]) => n > 0);
  return `${checked.length} ${checked.length === 1 ? "link" : "links"}: ${counts.map(([s, n]) => `${n} ${s}`).join(", ") || "none checked"}`;
}

/** A progress bar on stderr (a terminal only): done/total, counts by state, elapsed, the host being checked. */
async function progressBar(ctx: Context, total: number): Promise<{ progress: Progress; stop(): void }> {
  const { default: cliProgress } = await import("cli-progress");
  const counts: Record<CheckState, number> = { ok: 0, redirected: 0, broken: 0, blocked: 0, error: 0 };
  const bar = new cliProgress.SingleBar(
    {
      format: " {bar} {value}/{total} · {counts} · {duration_formatted} · {host}",
      barsize: 20,
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const countsText = () => STATES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(", ") || "starting";
  bar.start(total, 0, { counts: countsText(), host: "" });
  return {
    progress: {
      onRequest: (host) => bar.update({ host: sanitize(host).slice(0, 40) }),
      onResult: (result, done) => {
        counts[result.state]++;
        bar.update(done, { counts: countsText() });
      },
    },
    stop: () => bar.stop(),
  };
}
