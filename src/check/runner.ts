// Checks links politely and promptly (#5):
// - at most `concurrency` links in flight, at most `perHost` requests to one host, and at least
//   `intervalMs` between two requests to one host (the queue is interleaved by host, so one big
//   host does not hold up the others);
// - HEAD first, GET when HEAD is refused or its answer needs confirming (reading little body);
// - redirects followed by hand, up to `maxRedirects`, loops detected;
// - retries with exponential backoff for 429 (honouring Retry-After, capped), 5xx and network
//   errors other than an unknown or refusing host;
// - a timeout per request, a bound on the whole run, and prompt abort (Ctrl-C).
// The HTTP client and the clock (now, sleep, and the timers of the two time limits) are
// injected: tests run it against a fake client and a fake clock.
import type { CheckDeps, CheckOptions, CheckResult, CheckState, HttpRequest, HttpResponse } from "./types";
import { CHECK_LIMITS, NetworkError } from "./types";
import { followRedirects } from "../catalog/redirects";
import { isChallenge, isRetryable, needsGet, networkState, responseState, retryAfterMs, withoutCredentials } from "./outcome";

export interface Progress {
  /** A request to this host is about to start. */
  onRequest?(host: string): void;
  /** A link is done. */
  onResult?(result: CheckResult, done: number, total: number): void;
}

export interface CheckRun {
  results: CheckResult[];
  /** The user stopped the run (Ctrl-C): `results` holds what finished. */
  interrupted: boolean;
  /**
   * No server answered anything, and every link checked failed because its name did not resolve
   * or the network was unreachable: the machine is offline, and `results` says nothing about the
   * links (#12). A run with a single such link is offline too: one unresolvable host is known to
   * be gone only when another host answered in the same run.
   */
  offline: boolean;
}

const BACKOFF_MS = 500;

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return "";
  }
}

/** Round-robin over hosts, so that workers spread across them. */
export function interleaveByHost(urls: string[]): string[] {
  const byHost = new Map<string, string[]>();
  for (const url of urls) {
    const host = hostOf(url);
    const list = byHost.get(host);
    if (list) list.push(url);
    else byHost.set(host, [url]);
  }
  // One round takes the i-th link of every host that still has one; exhausted hosts drop out.
  let lists = [...byHost.values()];
  const out: string[] = [];
  for (let i = 0; lists.length > 0; i++) {
    for (const list of lists) out.push(list[i]!);
    lists = lists.filter((list) => list.length > i + 1);
  }
  return out;
}

/** The results in the order the URLs were asked, each URL once. */
export function inOrder(urls: string[], results: Map<string, CheckResult>): CheckResult[] {
  return [...new Set(urls)].flatMap((u) => results.get(u) ?? []);
}

/** The run ended (Ctrl-C or its deadline): what was in flight stops. */
export class Aborted extends Error {}

/**
 * A signal that aborts `ms` from now by the injected clock: the run's deadline and each
 * request's timeout. `cancel` drops the timer once it is not needed (a real one would otherwise
 * hold the process open until it fires).
 */
export function timeoutSignal(deps: Pick<CheckDeps, "after">, ms: number): { signal: AbortSignal; cancel(): void } {
  const controller = new AbortController();
  const cancel = deps.after(ms, () => controller.abort());
  return { signal: controller.signal, cancel };
}

/** Per-host limits: at most `perHost` in flight, and `intervalMs` between starts. */
class HostGate {
  private readonly active = new Map<string, number>();
  private readonly next = new Map<string, number>();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly options: CheckOptions,
    private readonly deps: CheckDeps,
  ) {}

  async acquire(host: string, signal: AbortSignal): Promise<void> {
    for (;;) {
      if (signal.aborted) throw new Aborted();
      const now = this.deps.now();
      const active = this.active.get(host) ?? 0;
      const next = this.next.get(host) ?? 0;
      if (active < this.options.perHost && next <= now) {
        this.active.set(host, active + 1);
        this.next.set(host, now + this.options.intervalMs);
        return;
      }
      if (active < this.options.perHost) await this.deps.sleep(next - now, signal);
      else await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  release(host: string): void {
    this.active.set(host, (this.active.get(host) ?? 1) - 1);
    this.wakeAll();
  }

  /** Wakes every waiter to look again (after a release, or an abort they must see). */
  wakeAll(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}

/**
 * The requests of one run, shared by the link checks and the archive lookups (#28): the host
 * gate (per-host limits and interval), a timeout per request, the run's deadline and the user's
 * abort, retries with backoff. `answered` says whether any server answered (for offline, #12).
 */
export class RequestPool {
  private readonly gate: HostGate;
  private readonly deadline: { signal: AbortSignal; cancel(): void };
  /** Aborts on the user's signal or at the run's deadline. */
  readonly run: AbortSignal;
  answered = false;
  private readonly onAbort = () => this.gate.wakeAll();

  constructor(
    private readonly options: CheckOptions,
    private readonly deps: CheckDeps,
    signal: AbortSignal,
    private readonly progress: Progress = {},
  ) {
    this.gate = new HostGate(options, deps);
    this.deadline = timeoutSignal(deps, options.maxTimeMs);
    this.run = AbortSignal.any([signal, this.deadline.signal]);
    this.run.addEventListener("abort", this.onAbort);
  }

  /** The run's deadline passed. */
  get timedOut(): boolean {
    return this.deadline.signal.aborted;
  }

  close(): void {
    this.deadline.cancel();
    this.run.removeEventListener("abort", this.onAbort);
  }

  /** One request through the host gate, with its own timeout; throws Aborted when the run ends. */
  async send(url: string, method: "HEAD" | "GET", bodyLimit?: number, extra: Pick<HttpRequest, "headers" | "stop"> = {}): Promise<HttpResponse> {
    const host = hostOf(url);
    await this.gate.acquire(host, this.run);
    this.progress.onRequest?.(host);
    const timeout = timeoutSignal(this.deps, this.options.timeoutMs);
    try {
      // Credentials in a URL are never sent: the link is checked without them (#12).
      const response = await this.deps.http({ url: withoutCredentials(url), method, signal: AbortSignal.any([this.run, timeout.signal]), ...(bodyLimit === undefined ? {} : { bodyLimit }), ...extra });
      this.answered = true;
      return response;
    } catch (error) {
      if (this.run.aborted) throw new Aborted();
      if (timeout.signal.aborted) throw new NetworkError("timeout", `timeout after ${this.options.timeoutMs / 1000} s`);
      throw error;
    } finally {
      timeout.cancel();
      this.gate.release(host);
    }
  }

  /** `attempt` (one or more sends), retried on 429, 5xx and passing network errors. */
  async withRetries(attempt: () => Promise<HttpResponse>): Promise<HttpResponse | NetworkError> {
    const { options, deps, run } = this;
    for (let n = 0; ; n++) {
      const backoff = Math.min(BACKOFF_MS * 2 ** n, CHECK_LIMITS.maxBackoffMs);
      let response: HttpResponse;
      try {
        response = await attempt();
      } catch (error) {
        if (error instanceof Aborted) throw error;
        const netError = error instanceof NetworkError ? error : new NetworkError("other", error instanceof Error ? error.message : String(error));
        if (n < options.retries && netError.kind !== "dns" && netError.kind !== "refused" && netError.kind !== "unreachable") {
          await deps.sleep(backoff, run).catch(() => undefined);
          if (run.aborted) throw new Aborted();
          continue;
        }
        return netError;
      }
      if (n < options.retries && isRetryable(response.status) && !isChallenge(response)) {
        const wait = retryAfterMs(response.header("retry-after"), deps.now(), options.maxRetryAfterMs) ?? backoff;
        await deps.sleep(wait, run).catch(() => undefined);
        if (run.aborted) throw new Aborted();
        continue;
      }
      return response;
    }
  }
}

/** What a run does with a broken link once checked: ask for its archived copy (#28). */
export type AfterBroken = (pool: RequestPool, result: CheckResult) => Promise<CheckResult>;

export async function checkLinks(urls: string[], options: CheckOptions, deps: CheckDeps, signal: AbortSignal, progress: Progress = {}, afterBroken?: AfterBroken): Promise<CheckRun> {
  const pool = new RequestPool(options, deps, signal, progress);
  const queue = interleaveByHost([...new Set(urls)]);
  const total = queue.length;
  const results = new Map<string, CheckResult>();
  const stamp = () => new Date(deps.now()).toISOString();
  // For telling offline from broken (#12): did anything but DNS or routing fail?
  let unreachableOnly = true;

  /** HEAD (then GET when needed), retried on 429, 5xx and passing network errors. */
  const request = (url: string): Promise<HttpResponse | NetworkError> =>
    pool.withRetries(async () => {
      const response = await pool.send(url, "HEAD");
      return needsGet(response.status) ? pool.send(url, "GET") : response;
    });

  const checkOne = async (url: string): Promise<CheckResult> => {
    let current = url;
    const credentials = withoutCredentials(url) !== url;
    let firstPermanent: boolean | undefined;
    const result = (state: CheckState, reason: string, status?: number): CheckResult => {
      const r: CheckResult = { url, state, reason: credentials ? `${reason} (checked without the user name and password in its URL)` : reason, checkedAt: stamp() };
      if (status !== undefined) r.status = status;
      if (current !== url) r.finalUrl = current;
      return r;
    };
    let end;
    try {
      end = await followRedirects(url, {
        send: async (at) => {
          const answer = await request(at);
          if (answer instanceof NetworkError) throw answer;
          return answer;
        },
        maxRedirects: options.maxRedirects,
        onRedirect: (status, to) => {
          firstPermanent ??= status === 301 || status === 308;
          current = to;
        },
      });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      if (error.kind !== "dns" && error.kind !== "unreachable") unreachableOnly = false;
      const { state, reason } = networkState(error);
      return result(state, reason);
    }
    switch (end.kind) {
      case "invalid":
        return result("error", "redirect to an invalid URL", end.response.status);
      case "scheme":
        return result("error", `redirect to a ${end.scheme} URL`, end.response.status);
      case "loop":
        current = end.to;
        return result("error", "redirect loop", end.response.status);
      case "too-many":
        return result("error", `more than ${options.maxRedirects} redirects`, end.response.status);
      case "late":
        // No deadline is given: each request has its own (--timeout), inside request().
        return result("error", "timeout", undefined);
      case "answer": {
        const { state, reason } = responseState(end.response);
        if (state === "ok" && firstPermanent) return result("redirected", `permanent redirect, now ${end.response.status}`, end.response.status);
        return result(state, reason, end.response.status);
      }
    }
  };

  let done = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let url = queue[next++]; url !== undefined; url = queue[next++]) {
      try {
        let r = await checkOne(url);
        if (afterBroken && r.state === "broken") {
          try {
            r = await afterBroken(pool, r);
          } catch (error) {
            // The link's own result stands when the run ends during its archive lookup.
            if (error instanceof Aborted) results.set(url, { ...r, archiveError: "archive: not asked before the run ended" });
            throw error;
          }
        }
        results.set(url, r);
        progress.onResult?.(r, ++done, total);
      } catch (error) {
        if (!(error instanceof Aborted)) throw error;
        return;
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, total)) }, worker));
  } finally {
    pool.close();
  }
  const interrupted = signal.aborted;
  const offline = results.size > 0 && !pool.answered && unreachableOnly && [...results.values()].every((r) => r.status === undefined);
  // Past the run's time limit: every link not finished says so.
  if (!interrupted && pool.timedOut) {
    for (const url of urls) if (!results.has(url)) results.set(url, { url, state: "error", reason: `not checked within the run's limit of ${options.maxTimeMs / 1000} s`, checkedAt: stamp() });
  }
  return { results: inOrder(urls, results), interrupted, offline };
}
