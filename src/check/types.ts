// Link checking (#5): the states a link can end in, and the world the checker is given.

export const STATES = ["ok", "redirected", "broken", "blocked", "error"] as const;
export type CheckState = (typeof STATES)[number];

export interface CheckResult {
  url: string;
  state: CheckState;
  /** Why: "404 Not Found", "name not resolved", "permanent redirect", "timeout after 10 s", … */
  reason: string;
  /** The last HTTP status seen, if any. */
  status?: number;
  /** Where the redirects ended, when there were any. */
  finalUrl?: string;
  /** ISO time of the check. */
  checkedAt: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  header(name: string): string | undefined;
  /** The start of the body (GET only): enough to recognise a challenge page. */
  body: string;
}

export interface HttpRequest {
  url: string;
  method: "HEAD" | "GET";
  signal: AbortSignal;
  /** The most of a body to read (default: the client's own, 16 KB); a page's title may be further in (#17). */
  bodyLimit?: number;
  /** Headers to send besides the client's own: enrich's conditional request (If-None-Match, If-Modified-Since; #27). */
  headers?: Record<string, string>;
  /**
   * Called before the body is read and again as it arrives (the text so far): true stops reading
   * there. enrich stops at a page that is not HTML, and at </head> when the head said enough (#27).
   */
  stop?: (body: string, header: (name: string) => string | undefined) => boolean;
}

/** Sends one request without following redirects. Throws a NetworkError when no response came. */
export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * "dns": the name did not resolve; "unreachable": no route to the network or host (ENETUNREACH,
 * EHOSTUNREACH, ENETDOWN, EHOSTDOWN). A run where every link failed with one of these two and no
 * server answered is offline, not broken (#12).
 */
export type NetworkErrorKind = "dns" | "unreachable" | "refused" | "reset" | "timeout" | "tls" | "aborted" | "other";

export class NetworkError extends Error {
  constructor(
    readonly kind: NetworkErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "NetworkError";
  }
}

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
