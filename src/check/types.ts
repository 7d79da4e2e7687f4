// Link checking (#5): the states a link can end in, and the world the checker is given.
import type { HttpClient } from "../io/http-client";

// The results are what the check store keeps (io/check/store.ts owns them) and the HTTP client is
// an edge's (io/http-client.ts); they are named here too, for the checker's code.
export { STATES, type CheckState, type CheckResult, type Snapshot } from "../io/check/store";
export { NetworkError, type NetworkErrorKind, type HttpClient, type HttpRequest, type HttpResponse } from "../io/http-client";

export interface CheckOptions {
  /** Requests in flight at once, over all hosts. */
  concurrency: number;
  /** Requests in flight at once to one host. */
  perHost: number;
  /** Least time between two requests to one host, in ms. */
  intervalMs: number;
  /** Time limit of one request, in ms. */
  timeoutMs: number;
  /** Retries after a 429, a 5xx or a network error. */
  retries: number;
  /** Longest wait honoured from a Retry-After header, in ms. */
  maxRetryAfterMs: number;
  /** Time limit of the whole run, in ms. */
  maxTimeMs: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
}

/**
 * Upper bounds of the options that become timers: Node's timers hold at most 2^31-1 ms (24.8
 * days) and warn (TimeoutOverflowWarning) beyond; these bounds keep every timer far below (#12).
 */
export const CHECK_LIMITS = {
  /** --timeout, in seconds: 5 minutes. */
  timeoutS: 300,
  /** --max-time, in seconds: 24 hours. */
  maxTimeS: 86_400,
  /** --interval, in ms: 1 minute. */
  intervalMs: 60_000,
  /** --retries. */
  retries: 10,
  /** The longest backoff between two attempts, in ms. */
  maxBackoffMs: 30_000,
} as const;

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  concurrency: 8,
  perHost: 2,
  intervalMs: 250,
  timeoutMs: 10_000,
  retries: 2,
  maxRetryAfterMs: 30_000,
  maxTimeMs: 600_000,
  maxRedirects: 10,
};

/**
 * What a check needs from the world: an HTTP client and a clock. now(), sleep() and after() are
 * one clock: the real one in cli.ts; in tests a fake one, whose time passes only when the test
 * says, so that a request that never answers meets its --timeout, and a run its --max-time,
 * without a test waiting for them.
 */
export interface CheckDeps {
  http: HttpClient;
  now(): number;
  /** Waits, or rejects when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Calls `fire` once, `ms` from now; the function returned cancels it. */
  after(ms: number, fire: () => void): () => void;
}
