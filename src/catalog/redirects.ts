// The one redirect follower (#25): check, check --fix, add's title and a page read from the web
// all follow redirects by hand, to see each hop and to refuse what a browser would not follow.
// One rule for where a Location leads (redirectTarget), one hop limit, loops told apart, and one
// deadline for the whole walk when the caller has one. The request is the caller's: HEAD or GET,
// retries, its body limit; each caller words the ends in its own terms. Pure: the sending and the
// clock are given.
import { redirectTarget } from "./urls";

/** Redirects followed at most, by every caller: the next one ends the walk ("too-many"). */
export const MAX_REDIRECTS = 10;

/** What the follower needs of an answer. */
export interface Answer {
  status: number;
  header(name: string): string | undefined;
}

/** How a walk ended; `response` is the last answer, `url` the URL that gave it. */
export type FollowEnd<R> =
  | { kind: "answer"; response: R; url: string; redirects: number }
  /** A Location that is no URL. */
  | { kind: "invalid"; response: R; url: string; location: string }
  /** A Location to another scheme than http(s) (`scheme` as "ftp:"). */
  | { kind: "scheme"; response: R; url: string; scheme: string }
  /** A Location to a URL already visited (`to`). */
  | { kind: "loop"; response: R; url: string; to: string }
  /** One redirect more than `maxRedirects`. */
  | { kind: "too-many"; response: R; url: string }
  /** The deadline passed before the next request. */
  | { kind: "late"; url: string };

export interface FollowOptions<R extends Answer> {
  /** Sends one request to `url`; `leftMs` is the time left before the deadline (Infinity without one). */
  send(url: string, leftMs: number): Promise<R>;
  /** Whether an answer is a redirect to follow (default: a 3xx with a Location). */
  follows?(response: R): boolean;
  /** Default MAX_REDIRECTS: tests and `check --max-redirects`-like options may lower it. */
  maxRedirects?: number;
  /** The walk's deadline by `now()`, when it has one. */
  deadline?: number;
  now?(): number;
  /** Called after each redirect followed: the status that led on, and where it led. */
  onRedirect?(status: number, to: string): void;
}

const isRedirect = (r: Answer) => r.status >= 300 && r.status < 400 && r.header("location") !== undefined && r.header("location") !== "";

/** Follows the redirects from `start`; errors of `send` pass through. */
export async function followRedirects<R extends Answer>(start: string, options: FollowOptions<R>): Promise<FollowEnd<R>> {
  const max = options.maxRedirects ?? MAX_REDIRECTS;
  const follows = options.follows ?? isRedirect;
  const visited = new Set([start]);
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const left = options.deadline === undefined || !options.now ? Infinity : options.deadline - options.now();
    if (left <= 0) return { kind: "late", url };
    const response = await options.send(url, left);
    const location = response.header("location");
    if (!follows(response) || location === undefined) return { kind: "answer", response, url, redirects };
    const next = redirectTarget(location, url);
    if ("invalid" in next) return { kind: "invalid", response, url, location };
    if ("scheme" in next) return { kind: "scheme", response, url, scheme: next.scheme };
    if (visited.has(next.url)) return { kind: "loop", response, url, to: next.url };
    if (redirects + 1 > max) return { kind: "too-many", response, url };
    visited.add(next.url);
    options.onRedirect?.(response.status, next.url);
    url = next.url;
  }
}
