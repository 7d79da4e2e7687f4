// What check and enrich share on the command line (#5, #27): the options of their requests, read
// into check/pool.ts's options, and the progress bar on a terminal (done/total, counts, elapsed,
// the host being asked).
import { InvalidArgumentError } from "commander";
import type { Context } from "./context";
import type { OptionSpec } from "./spec";
import { positiveInteger } from "./spec";
import { CHECK_LIMITS, DEFAULT_CHECK_OPTIONS, type CheckDeps, type CheckOptions } from "../check/types";
import { sanitize } from "../text/sanitize";

export interface RequestOptionValues {
  concurrency: number;
  perHost: number;
  interval: number;
  timeout: number;
  retries: number;
  maxTime: number;
}

/** A whole number from 0 to `max`: options that become timers are bounded (#12). */
function wholeNumber(max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError("expected a whole number");
    const n = Number(value);
    if (n > max) throw new InvalidArgumentError(`expected at most ${max}`);
    return n;
  };
}

/** Seconds above 0 and at most `max`: beyond, Node's timers overflow (#12). */
function seconds(max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a number of seconds above 0");
    if (n > max) throw new InvalidArgumentError(`expected at most ${max} seconds`);
    return n;
  };
}

/** `what`: "links checked at once", "links read at once". */
export function requestOptions(what: string): OptionSpec[] {
  return [
    { flags: "--concurrency <n>", description: what, defaultValue: DEFAULT_CHECK_OPTIONS.concurrency, parse: positiveInteger },
    { flags: "--per-host <n>", description: "requests at once to one host", defaultValue: DEFAULT_CHECK_OPTIONS.perHost, parse: positiveInteger },
    { flags: "--interval <ms>", description: `least time between two requests to one host (at most ${CHECK_LIMITS.intervalMs})`, defaultValue: DEFAULT_CHECK_OPTIONS.intervalMs, parse: wholeNumber(CHECK_LIMITS.intervalMs) },
    { flags: "--timeout <s>", description: `time limit of one request (at most ${CHECK_LIMITS.timeoutS})`, defaultValue: DEFAULT_CHECK_OPTIONS.timeoutMs / 1000, parse: seconds(CHECK_LIMITS.timeoutS) },
    { flags: "--retries <n>", description: `retries after 429, 5xx and network errors (at most ${CHECK_LIMITS.retries})`, defaultValue: DEFAULT_CHECK_OPTIONS.retries, parse: wholeNumber(CHECK_LIMITS.retries) },
    { flags: "--max-time <s>", description: `time limit of the whole run (at most ${CHECK_LIMITS.maxTimeS})`, defaultValue: DEFAULT_CHECK_OPTIONS.maxTimeMs / 1000, parse: seconds(CHECK_LIMITS.maxTimeS) },
  ];
}

export function poolOptions(options: RequestOptionValues): CheckOptions {
  return {
    ...DEFAULT_CHECK_OPTIONS,
    concurrency: options.concurrency,
    perHost: options.perHost,
    intervalMs: options.interval,
    timeoutMs: options.timeout * 1000,
    retries: options.retries,
    maxTimeMs: options.maxTime * 1000,
  };
}

export function poolDeps(ctx: Context): CheckDeps {
  return { http: ctx.http, now: () => ctx.now().getTime(), sleep: ctx.sleep, after: ctx.after };
}

/** A progress bar on stderr (a terminal only): done/total, counts by state, elapsed, the host being asked. */
export async function requestProgress<S extends string>(ctx: Context, total: number, states: readonly S[]): Promise<{ onRequest(host: string): void; onResult(state: S, done: number): void; stop(): void } | undefined> {
  const counts = new Map<S, number>(states.map((s) => [s, 0]));
  const countsText = () => states.filter((s) => counts.get(s)! > 0).map((s) => `${counts.get(s)} ${s}`).join(", ") || "starting";
  const bar = await ctx.progressBar?.(total, " {bar} {value}/{total} · {counts} · {duration_formatted} · {host}", { counts: countsText(), host: "" });
  if (!bar) return undefined;
  return {
    onRequest: (host) => bar.update(undefined, { host: sanitize(host).slice(0, 40) }),
    onResult: (state, done) => {
      counts.set(state, (counts.get(state) ?? 0) + 1);
      bar.update(done, { counts: countsText() });
    },
    stop: () => bar.stop(),
  };
}
