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
import type { CheckDeps, CheckOptions, CheckResult, CheckState } from "./types";
import { networkState, responseState, withoutCredentials } from "./outcome";
import { inOrder, requestPool } from "./pool";

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

// The queue, the host gate, retries, time limits and redirects are check/pool.ts's, shared with enrich (#27).
export { inOrder, interleaveByHost, timeoutSignal } from "./pool";

export async function checkLinks(urls: string[], options: CheckOptions, deps: CheckDeps, signal: AbortSignal, progress: Progress = {}): Promise<CheckRun> {
  const pool = requestPool(options, deps, signal, progress.onRequest);
  const stamp = () => new Date(deps.now()).toISOString();

  const checkOne = async (url: string): Promise<CheckResult> => {
    const followed = await pool.follow(url);
    const credentials = withoutCredentials(url) !== url;
    const result = (state: CheckState, reason: string, status?: number): CheckResult => {
      const r: CheckResult = { url, state, reason: credentials ? `${reason} (checked without the user name and password in its URL)` : reason, checkedAt: stamp() };
      if (status !== undefined) r.status = status;
      if (followed.url !== url) r.finalUrl = followed.url;
      return r;
    };
    if ("error" in followed) {
      const { state, reason } = networkState(followed.error);
      return result(state, reason);
    }
    if ("failed" in followed) return result("error", followed.failed, followed.status);
    const answer = "answer" in followed ? followed.answer : followed.stopped;
    const { state, reason } = responseState(answer);
    if (state === "ok" && followed.firstPermanent) return result("redirected", `permanent redirect, now ${answer.status}`, answer.status);
    return result(state, reason, answer.status);
  };

  let results: Map<string, CheckResult>;
  try {
    results = await pool.each(urls, checkOne, (_url, r, done, total) => progress.onResult?.(r, done, total));
  } finally {
    pool.close();
  }
  const interrupted = pool.interrupted;
  const offline = results.size > 0 && !pool.answered && pool.unreachableOnly && [...results.values()].every((r) => r.status === undefined);
  // Past the run's time limit: every link not finished says so.
  if (!interrupted && pool.pastDeadline) {
    for (const url of urls) if (!results.has(url)) results.set(url, { url, state: "error", reason: `not checked within the run's limit of ${options.maxTimeMs / 1000} s`, checkedAt: stamp() });
  }
  return { results: inOrder(urls, results), interrupted, offline };
}
