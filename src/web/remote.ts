// Reading a page from the web (#18): conditional requests against the last copy, redirects
// followed by hand (http(s) only, at most MAX_REDIRECTS), a size cap, web pages told apart from
// markdown, and the last copy when the network is away. The HTTP client, the store of copies and
// the clock are injected (fetch.ts and store.ts beside it are the real ones), so
// this is tested without a network.
import { PageError } from "../errors";
import { tooLarge } from "../errors";
import { NetworkError } from "../io/http-client";
import { sanitize } from "../text/sanitize";
import { followRedirects, MAX_REDIRECTS } from "../catalog/redirects";
import { DEFAULT_HOSTS, pageAddress, type CodeHosts } from "../catalog/address";

// The hop limit is the one of every redirect followed (catalog/redirects.ts).
export { MAX_REDIRECTS } from "../catalog/redirects";

// The fetcher and the store of copies are edges (io/web/); they say what they are.
export type { PageRequest, PageResponse, PageFetcher } from "../io/web/fetch";
export type { SavedPage, RemoteStore } from "../io/web/store";
import type { PageFetcher, PageResponse } from "../io/web/fetch";
import type { RemoteStore, SavedPage } from "../io/web/store";

export interface RemoteDeps {
  fetch: PageFetcher;
  /** Absent with --no-cache: every run downloads, and there is no copy to fall back on. */
  store?: RemoteStore;
  now(): number;
  maxBytes: number;
  timeoutMs: number;
  /** A copy younger than this is used without asking the server (--max-age). */
  maxAgeMs: number;
  hosts?: CodeHosts;
  /** A line for stderr (the note that an old copy is used). */
  note(text: string): void;
  /** Progress of a download, for a terminal. */
  progress?(source: string): { update(received: number, total: number | undefined): void; stop(): void };
}

export interface RemotePage {
  source: string;
  bytes: Uint8Array;
  /** What the page's relative links resolve against. */
  base: string;
}

/** "5 minutes ago", "3 days ago". */
export function ageText(ms: number): string {
  const units: [number, string][] = [[86_400_000, "day"], [3_600_000, "hour"], [60_000, "minute"]];
  for (const [size, name] of units) {
    const n = Math.floor(ms / size);
    if (n >= 1) return `${n} ${name}${n === 1 ? "" : "s"} ago`;
  }
  return "less than a minute ago";
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A web page sent where markdown was asked for: by its type, or by how it starts. */
export function isWebPage(contentType: string | undefined, body: Uint8Array): boolean {
  if (contentType && /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) return true;
  // What may come before the first tag (#22): a BOM, white space, comments, an XML declaration.
  let start = Buffer.from(body.subarray(0, 4096)).toString("latin1").replace(/^\xEF\xBB\xBF/, "").toLowerCase();
  for (let before = ""; before !== start; ) {
    before = start;
    start = start.trimStart().replace(/^<!--[\s\S]*?-->/, "").replace(/^<\?xml\b[^>]*\?>/, "");
  }
  return /^<(?:!doctype\s+html|html|head|body)\b/.test(start);
}

/** A header value HTTP can carry: visible bytes, spaces and tabs, no line break, nothing past U+00FF. */
function sendable(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && value.trim() !== "";
}

class Fallback extends Error {
  constructor(
    readonly why: string,
    readonly error: PageError,
  ) {
    super(why);
  }
}

/** Loads the page `spec` names: from the server, or from the last copy when it is recent, unchanged or unreachable. */
export async function loadRemote(spec: string, deps: RemoteDeps): Promise<RemotePage> {
  const address = pageAddress(spec, deps.hosts ?? DEFAULT_HOSTS);
  const source = address.source;
  const saved = deps.store?.get(source);
  const now = deps.now();
  const fromCopy = (copy: SavedPage): RemotePage => ({ source, bytes: copy.bytes, base: address.base(copy.url) });
  if (saved && now - saved.fetchedAt < deps.maxAgeMs) return fromCopy(saved);

  // A validator is sent back as it came, byte for byte (a header's bytes are Latin-1 code units);
  // one that no header can carry is left out, or every request would fail before it is sent and
  // the copy would be used for ever (#22).
  const conditional: Record<string, string> = {};
  if (saved?.etag && sendable(saved.etag)) conditional["if-none-match"] = saved.etag;
  if (saved?.lastModified && sendable(saved.lastModified)) conditional["if-modified-since"] = saved.lastModified;

  // One time limit for the whole read: every redirect and every README name tried (#22).
  const deadline = now + deps.timeoutMs;
  try {
    let lastStatus: PageResponse | undefined;
    for (const candidate of address.candidates) {
      const { response, url } = await follow(candidate, source, conditional, deps, deadline);
      if (response.status === 404 || response.status === 410) {
        lastStatus = response;
        continue;
      }
      if (response.status === 304 && saved) {
        deps.store?.set({ ...saved, fetchedAt: now });
        return fromCopy(saved);
      }
      if (response.status < 200 || response.status > 299) {
        throw new Fallback(
          `the server answered ${statusText(response)}`,
          new PageError(source, `cannot be read: the server answered ${statusText(response)}`, "check the address, or try again later"),
        );
      }
      if (response.body.length > deps.maxBytes) {
        // The body was cut at the limit: its full size is not known, as for a pipe.
        throw tooLarge(source, undefined, deps.maxBytes);
      }
      if (isWebPage(response.header("content-type"), response.body)) {
        throw new PageError(source, "this is a web page, not markdown", "give the address of the markdown file itself (for GitHub: https://github.com/owner/repo or github:owner/repo)");
      }
      const copy: SavedPage = { source, url, fetchedAt: now, bytes: response.body };
      const etag = response.header("etag");
      const lastModified = response.header("last-modified");
      if (etag) copy.etag = etag;
      if (lastModified) copy.lastModified = lastModified;
      deps.store?.set(copy);
      return { source, bytes: response.body, base: address.base(url) };
    }
    throw new PageError(source, `was not found (${lastStatus ? statusText(lastStatus) : "no address to try"})`, "check the address; for a repository, that it has a README");
  } catch (error) {
    let why: string;
    let failure: PageError;
    if (error instanceof Fallback) {
      why = error.why;
      failure = error.error;
    } else if (error instanceof NetworkError) {
      why = `cannot reach it (${error.message})`;
      failure = new PageError(source, `cannot be fetched (${error.message})`, "check the network and the address; a page read once is kept for when the network is away");
    } else throw error;
    if (!saved) throw failure;
    deps.note(`icp-links: ${sanitize(source)}: ${sanitize(why)}; using the copy from ${ageText(now - saved.fetchedAt)}\n`);
    return fromCopy(saved);
  }
}

function statusText(response: PageResponse): string {
  const text = sanitize(response.statusText).slice(0, 80);
  return `HTTP ${response.status}${text ? ` ${text}` : ""}`;
}

/** One address, its redirects followed (catalog/redirects.ts): http(s) only, at most MAX_REDIRECTS, within the page's deadline. */
async function follow(start: string, source: string, headers: Record<string, string>, deps: RemoteDeps, deadline: number): Promise<{ response: PageResponse; url: string }> {
  // The page's limit, not what was left of it for the last request.
  const late = () => new NetworkError("timeout", `timed out after ${+(deps.timeoutMs / 1000).toFixed(1)} s`);
  const end = await followRedirects<PageResponse>(start, {
    deadline,
    now: deps.now,
    follows: (response) => REDIRECTS.has(response.status) && response.header("location") !== undefined,
    // Each request gets what is left of the page's time limit, not a limit of its own.
    send: async (url, left) => {
      const progress = deps.progress?.(source);
      try {
        return await deps.fetch({
          url,
          headers,
          maxBytes: deps.maxBytes,
          timeoutMs: left,
          ...(progress ? { onProgress: (received: number, total: number | undefined) => progress.update(received, total) } : {}),
        });
      } catch (error) {
        if (error instanceof NetworkError && error.kind === "timeout") throw late();
        throw error;
      } finally {
        progress?.stop();
      }
    },
  });
  switch (end.kind) {
    case "answer":
      return { response: end.response, url: end.url };
    case "late":
      throw late();
    case "too-many":
      throw new PageError(source, `redirects more than ${MAX_REDIRECTS} times`, "check the address");
    case "loop":
      throw new PageError(source, `redirects in a loop (back to ${sanitize(end.to).slice(0, 100)})`, "check the address");
    case "invalid":
      throw new PageError(source, `redirects to an invalid address (${sanitize(end.location).slice(0, 100)})`, "check the address");
    case "scheme":
      throw new PageError(source, `redirects to a ${sanitize(end.scheme).slice(0, 20)} address; only http and https are followed`, "check the address");
  }
}
