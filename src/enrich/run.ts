// Reading the facts of links (#27): each http(s) link's page is asked for through check's request
// machinery (check/runner.ts's RequestPool: per-host limits, retries, Retry-After, timeouts, the
// run's deadline, credentials never sent; catalog/redirects.ts's one redirect follower), HTML only and at most PAGE_LIMIT of it, reading stopping at
// </head> when the head said enough. A consent redirect or a bot wall is "blocked", and the
// host's oEmbed endpoint is asked instead where it has one. The HTTP client and clock are
// injected; what is stored is the caller's.
import type { CheckDeps, CheckOptions, HttpRequest, HttpResponse } from "../check/types";
import { NetworkError } from "../check/types";
import { Aborted, interleaveByHost, RequestPool } from "../check/runner";
import { followRedirects } from "../catalog/redirects";
import { redirectTarget } from "../catalog/urls";
import { isChallenge, networkState, statusText } from "../check/outcome";
import { headSaysEnough, readOembed, readPage } from "./extract";
import { hasFacts, keptValidator, type FactsRecord, type LinkFacts } from "../catalog/link-facts";


/** The most of a page read (#27). */
export const PAGE_LIMIT = 512 * 1024;
/** The most of an oEmbed answer read. */
const OEMBED_LIMIT = 64 * 1024;

export type EnrichState = "enriched" | "unchanged" | "blocked" | "failed";
export const ENRICH_STATES: readonly EnrichState[] = ["enriched", "unchanged", "blocked", "failed"];

export interface EnrichResult {
  url: string;
  state: EnrichState;
  /** Why: "read", "not modified (304)", "a consent page", "404 Not Found", "not HTML (application/pdf)". */
  reason: string;
  /** The facts known of the link after this run (new, or kept). */
  facts?: LinkFacts;
  /** What to store, when anything. */
  record?: FactsRecord;
}

export interface EnrichRun {
  results: EnrichResult[];
  interrupted: boolean;
  /** No server answered and every failure was DNS or routing: nothing is known (#12). */
  offline: boolean;
}

/** Hosts whose walls send a browser to a consent page. */
const CONSENT_HOSTS = /^consent\.(?:youtube|google)\.[a-z.]+$/i;

export function isConsentPage(url: string): boolean {
  try {
    return CONSENT_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The oEmbed endpoint of a link's host, where the host has one: YouTube's and Vimeo's. */
export function hostOembed(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = u.hostname.toLowerCase();
  if (/^(?:www\.|m\.|music\.)?youtube\.com$|^youtu\.be$/.test(host)) return `https://www.youtube.com/oembed?format=json&url=${encodeURIComponent(url)}`;
  if (/^(?:www\.|player\.)?vimeo\.com$/.test(host)) return `https://vimeo.com/api/oembed.json?url=${encodeURIComponent(url)}`;
  return undefined;
}

function isHtml(contentType: string | undefined): boolean {
  return contentType === undefined || /html|xml/i.test(contentType);
}

function sameFacts(a: LinkFacts | undefined, b: LinkFacts): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** A GET as enrich asks it: more body, its own headers, and where to stop reading. */
interface GetSpec {
  bodyLimit: number;
  headers?: Record<string, string>;
  stop?: HttpRequest["stop"];
}

/** Where following a link's redirects ended; `url` is the last address asked (or, stopped, refused). */
type Followed = { url: string } & ({ answer: HttpResponse } | { error: NetworkError } | { failed: string } | { stopped: HttpResponse });

export interface EnrichDeps extends CheckDeps {
  /** The oEmbed endpoint to try for a link behind a wall (default: hostOembed). */
  oembedFor?: (url: string) => string | undefined;
}

export async function enrichLinks(urls: string[], previous: Map<string, FactsRecord>, options: CheckOptions, deps: EnrichDeps, signal: AbortSignal, onRequest?: (host: string) => void, onResult?: (r: EnrichResult, done: number, total: number) => void): Promise<EnrichRun> {
  const pool = new RequestPool(options, deps, signal, onRequest ? { onRequest } : {});
  // For telling offline from broken (#12): did anything but DNS or routing fail?
  let unreachableOnly = true;

  /**
   * A GET of `url`, its redirects followed, retried as check retries; a redirect to where
   * `stopAt` says not to go ends the walk there ("stopped", `url` its target).
   */
  const follow = async (url: string, get: GetSpec, stopAt?: (url: string) => boolean): Promise<Followed> => {
    let stoppedAt: string | undefined;
    try {
      const end = await followRedirects<HttpResponse>(url, {
        send: async (at) => {
          const answer = await pool.withRetries(() => pool.send(at, "GET", get.bodyLimit, { ...(get.headers && { headers: get.headers }), ...(get.stop && { stop: get.stop }) }));
          if (answer instanceof NetworkError) throw answer;
          return answer;
        },
        follows: (r) => {
          const location = r.header("location");
          if (r.status < 300 || r.status >= 400 || !location) return false;
          const next = redirectTarget(location, url);
          if ("url" in next && stopAt?.(next.url)) {
            stoppedAt = next.url;
            return false;
          }
          return true;
        },
        maxRedirects: options.maxRedirects,
      });
      if (end.kind === "answer") return stoppedAt !== undefined && end.response.status >= 300 && end.response.status < 400 ? { url: stoppedAt, stopped: end.response } : { url: end.url, answer: end.response };
      if (end.kind === "invalid") return { url: end.url, failed: "redirect to an invalid URL" };
      if (end.kind === "scheme") return { url: end.url, failed: `redirect to a ${end.scheme} URL` };
      if (end.kind === "loop") return { url: end.to, failed: "redirect loop" };
      if (end.kind === "too-many") return { url: end.url, failed: `more than ${options.maxRedirects} redirects` };
      return { url: end.url, failed: "timeout" };
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      if (error.kind !== "dns" && error.kind !== "unreachable") unreachableOnly = false;
      return { url, error };
    }
  };
  const stamp = () => new Date(deps.now()).toISOString();
  const oembedFor = deps.oembedFor ?? hostOembed;

  const pageGet = (url: string, old: FactsRecord | undefined): GetSpec => {
    let headRead = false;
    const headers: Record<string, string> = {};
    // A conditional request only when the stored facts came from the page itself.
    if (old?.state === "ok" && old.etag) headers["if-none-match"] = old.etag;
    if (old?.state === "ok" && old.lastModified) headers["if-modified-since"] = old.lastModified;
    return {
      bodyLimit: PAGE_LIMIT,
      headers,
      stop: (body, header) => {
        if (body === "") return !isHtml(header("content-type"));
        if (headRead) return false;
        const at = body.search(/<\/head\s*>/i);
        if (at < 0) return false;
        headRead = true;
        return headSaysEnough(readPage(body.slice(0, at), url).facts);
      },
    };
  };

  const oembed = async (address: string): Promise<LinkFacts> => {
    const followed = await follow(address, { bodyLimit: OEMBED_LIMIT });
    if (!("answer" in followed) || followed.answer.status !== 200) return {};
    return readOembed(followed.answer.body);
  };

  const enrichOne = async (url: string): Promise<EnrichResult> => {
    const old = previous.get(url);
    const followed: Followed = await follow(url, pageGet(url, old), isConsentPage);
    const now = stamp();
    const failed = (reason: string): EnrichResult => ({ url, state: "failed", reason, ...(old && { facts: old.facts }) });
    /** A wall: the host's oEmbed, where it has one, says what it can. */
    const blocked = async (reason: string): Promise<EnrichResult> => {
      const endpoint = oembedFor(url);
      const facts = endpoint === undefined ? {} : await oembed(endpoint);
      if (!hasFacts(facts)) return { url, state: "blocked", reason, ...(old && { facts: old.facts }) };
      // Facts read from the page before are worth more than the oEmbed's few.
      if (old?.state === "ok") return { url, state: "blocked", reason: `${reason}; kept what the page said before`, facts: old.facts };
      return { url, state: "blocked", reason: `${reason}; read its oEmbed`, facts, record: { url, readAt: now, state: "blocked", facts } };
    };
    if ("error" in followed) return failed(networkState(followed.error).reason);
    if ("failed" in followed) return failed(followed.failed);
    if ("stopped" in followed) return blocked("a consent page");
    const answer: HttpResponse = followed.answer;
    if (answer.status === 304 && old) {
      return { url, state: "unchanged", reason: "not modified (304)", facts: old.facts, record: { ...old, readAt: now } };
    }
    if (isChallenge(answer)) return blocked(`${statusText(answer)}: a bot-protection challenge`);
    if ([401, 403, 429, 999].includes(answer.status)) return blocked(`${statusText(answer)}: refuses scripts`);
    if (answer.status < 200 || answer.status >= 300) return failed(statusText(answer));
    const type = answer.header("content-type");
    if (!isHtml(type)) return failed(`not a web page (${(type ?? "").split(";")[0]!.trim().slice(0, 60)})`);
    const reading = readPage(answer.body, followed.url);
    let facts = reading.facts;
    // The page's oEmbed fills what the page left out (Vimeo's gives the length).
    if (reading.oembed !== undefined && (facts.duration === undefined || facts.title === undefined)) facts = { ...(await oembed(reading.oembed)), ...facts };
    const record: FactsRecord = { url, readAt: now, state: "ok", facts };
    const etag = keptValidator(answer.header("etag"));
    const lastModified = keptValidator(answer.header("last-modified"));
    if (etag) record.etag = etag;
    if (lastModified) record.lastModified = lastModified;
    if (!hasFacts(facts)) return { url, state: "failed", reason: "the page says nothing of itself", record };
    return { url, state: sameFacts(old?.facts, facts) ? "unchanged" : "enriched", reason: "read", facts, record };
  };

  const queue = interleaveByHost([...new Set(urls)]);
  const results = new Map<string, EnrichResult>();
  let done = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let url = queue[next++]; url !== undefined; url = queue[next++]) {
      try {
        const r = await enrichOne(url);
        results.set(url, r);
        onResult?.(r, ++done, queue.length);
      } catch (error) {
        if (!(error instanceof Aborted)) throw error;
        return;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, worker));
  } finally {
    pool.close();
  }
  const interrupted = signal.aborted;
  const offline = results.size > 0 && !pool.answered && unreachableOnly;
  if (!interrupted && pool.timedOut) {
    for (const url of urls) if (!results.has(url)) results.set(url, { url, state: "failed", reason: `not read within the run's limit of ${options.maxTimeMs / 1000} s` });
  }
  return { results: [...new Set(urls)].flatMap((u) => (results.has(u) ? [results.get(u)!] : [])), interrupted, offline };
}
