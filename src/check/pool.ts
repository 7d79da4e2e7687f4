// The request machinery `check` and `enrich` share (#5, #27): a queue interleaved by host, at
// most `concurrency` links in flight and `perHost` requests to one host with `intervalMs` between
// two starts; a timeout per request and a bound on the whole run; retries with backoff for 429
// (honouring Retry-After), 5xx and passing network errors; redirects followed by hand (loops,
// invalid targets and other schemes refused); credentials in a URL never sent. What each
// command makes of an answer is its own (check/runner.ts, enrich/run.ts). The HTTP client and the
// clock are injected.
import type { CheckDeps, CheckOptions, HttpResponse } from "./types";
import { CHECK_LIMITS, NetworkError } from "./types";
import { redirectTarget } from "../catalog/urls";
import { isChallenge, isRetryable, needsGet, retryAfterMs, withoutCredentials } from "./outcome";

const BACKOFF_MS = 500;

export function hostOf(url: string): string {
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
export function inOrder<R>(urls: string[], results: Map<string, R>): R[] {
  return [...new Set(urls)].flatMap((u) => (results.has(u) ? [results.get(u)!] : []));
}

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

/** A GET as enrich asks it: more body, its own headers, and where to stop reading. */
export interface GetSpec {
  bodyLimit?: number;
  headers?: Record<string, string>;
  stop?: (body: string, header: (name: string) => string | undefined) => boolean;
}

/** Where following a link's redirects ended. `url` is the last address asked (or refused). */
export type Followed = { url: string; firstPermanent: boolean | undefined } & (
  | { answer: HttpResponse }
  | { error: NetworkError }
  /** A redirect not followed: invalid, another scheme, a loop, too many. */
  | { failed: string; status: number }
  /** A redirect to where `stopAt` said not to go (a consent page): `url` is its target. */
  | { stopped: HttpResponse }
);

export interface Pool {
  /**
   * One link's answer, its redirects followed. `get` undefined: HEAD, then GET when needed (check);
   * else a GET as it says. `stopAt(url)` true: a redirect there is not followed.
   */
  follow(url: string, get?: GetSpec, stopAt?: (url: string) => boolean): Promise<Followed>;
  /** Runs `one` over the URLs, interleaved by host, at most `concurrency` at once; stops on abort or the deadline. */
  each<R>(urls: string[], one: (url: string) => Promise<R>, onResult?: (url: string, result: R, done: number, total: number) => void): Promise<Map<string, R>>;
  /** The user stopped the run. */
  readonly interrupted: boolean;
  /** The run's time limit passed. */
  readonly pastDeadline: boolean;
  /** No server answered, and every failure was a name not resolved or a network unreachable (#12). */
  readonly unreachableOnly: boolean;
  readonly answered: boolean;
  close(): void;
}

export function requestPool(options: CheckOptions, deps: CheckDeps, signal: AbortSignal, onRequest?: (host: string) => void): Pool {
  const gate = new HostGate(options, deps);
  const deadline = timeoutSignal(deps, options.maxTimeMs);
  const run = AbortSignal.any([signal, deadline.signal]);
  const onAbort = () => gate.wakeAll();
  run.addEventListener("abort", onAbort);
  // For telling offline from broken (#12): did any server answer, did anything but DNS or routing fail?
  let answered = false;
  let unreachableOnly = true;

  /** One request through the host gate, with its own timeout. */
  const send = async (url: string, method: "HEAD" | "GET", get?: GetSpec): Promise<HttpResponse> => {
    const host = hostOf(url);
    await gate.acquire(host, run);
    onRequest?.(host);
    const timeout = timeoutSignal(deps, options.timeoutMs);
    try {
      // Credentials in a URL are never sent: the link is asked for without them (#12).
      const response = await deps.http({
        url: withoutCredentials(url), method, signal: AbortSignal.any([run, timeout.signal]),
        ...(get?.bodyLimit !== undefined && { bodyLimit: get.bodyLimit }),
        ...(get?.headers && { headers: get.headers }),
        ...(get?.stop && { stop: get.stop }),
      });
      answered = true;
      return response;
    } catch (error) {
      if (run.aborted) throw new Aborted();
      if (timeout.signal.aborted) throw new NetworkError("timeout", `timeout after ${options.timeoutMs / 1000} s`);
      throw error;
    } finally {
      timeout.cancel();
      gate.release(host);
    }
  };

  /** HEAD (then GET when needed), or the GET asked for; retried on 429, 5xx and passing network errors. */
  const request = async (url: string, get?: GetSpec): Promise<HttpResponse | NetworkError> => {
    for (let attempt = 0; ; attempt++) {
      const backoff = Math.min(BACKOFF_MS * 2 ** attempt, CHECK_LIMITS.maxBackoffMs);
      let response: HttpResponse;
      try {
        if (get) response = await send(url, "GET", get);
        else {
          response = await send(url, "HEAD");
          if (needsGet(response.status)) response = await send(url, "GET");
        }
      } catch (error) {
        if (error instanceof Aborted) throw error;
        const netError = error instanceof NetworkError ? error : new NetworkError("other", error instanceof Error ? error.message : String(error));
        if (attempt < options.retries && netError.kind !== "dns" && netError.kind !== "refused" && netError.kind !== "unreachable") {
          await deps.sleep(backoff, run).catch(() => undefined);
          if (run.aborted) throw new Aborted();
          continue;
        }
        return netError;
      }
      if (attempt < options.retries && isRetryable(response.status) && !isChallenge(response)) {
        const wait = retryAfterMs(response.header("retry-after"), deps.now(), options.maxRetryAfterMs) ?? backoff;
        await deps.sleep(wait, run).catch(() => undefined);
        if (run.aborted) throw new Aborted();
        continue;
      }
      return response;
    }
  };

  const follow = async (url: string, get?: GetSpec, stopAt?: (url: string) => boolean): Promise<Followed> => {
    const visited = new Set([url]);
    let current = url;
    let firstPermanent: boolean | undefined;
    for (let hops = 0; ; hops++) {
      const answer = await request(current, get);
      if (answer instanceof NetworkError) {
        if (answer.kind !== "dns" && answer.kind !== "unreachable") unreachableOnly = false;
        return { url: current, firstPermanent, error: answer };
      }
      const location = answer.header("location");
      if (answer.status >= 300 && answer.status < 400 && location) {
        if (hops === 0) firstPermanent = answer.status === 301 || answer.status === 308;
        const next = redirectTarget(location, current);
        const failed = (why: string): Followed => ({ url: current, firstPermanent, failed: why, status: answer.status });
        if ("invalid" in next) return failed("redirect to an invalid URL");
        if ("scheme" in next) return failed(`redirect to a ${next.scheme} URL`);
        if (visited.has(next.url)) {
          current = next.url;
          return failed("redirect loop");
        }
        if (stopAt?.(next.url)) return { url: next.url, firstPermanent, stopped: answer };
        if (hops + 1 > options.maxRedirects) return failed(`more than ${options.maxRedirects} redirects`);
        visited.add(next.url);
        current = next.url;
        continue;
      }
      return { url: current, firstPermanent, answer };
    }
  };

  const each = async <R>(urls: string[], one: (url: string) => Promise<R>, onResult?: (url: string, result: R, done: number, total: number) => void): Promise<Map<string, R>> => {
    const queue = interleaveByHost([...new Set(urls)]);
    const total = queue.length;
    const results = new Map<string, R>();
    let done = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let url = queue[next++]; url !== undefined; url = queue[next++]) {
        try {
          const r = await one(url);
          results.set(url, r);
          onResult?.(url, r, ++done, total);
        } catch (error) {
          if (!(error instanceof Aborted)) throw error;
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, total)) }, worker));
    return results;
  };

  return {
    follow,
    each,
    get interrupted() {
      return signal.aborted;
    },
    get pastDeadline() {
      return deadline.signal.aborted;
    },
    get unreachableOnly() {
      return unreachableOnly;
    },
    get answered() {
      return answered;
    },
    close() {
      deadline.cancel();
      run.removeEventListener("abort", onAbort);
    },
  };
}
