// Reading a page from the web (#18): conditional requests against the last copy, redirects
// followed by hand (http(s) only, at most MAX_REDIRECTS), a size cap, web pages told apart from
// markdown, and the last copy when the network is away. The HTTP client, the store of copies and
// the clock are injected (fetch.ts and store.ts beside it are the real ones), so
// this is tested without a network.
import { PageError } from "../errors";
import { tooLarge } from "../load/pages";
import { NetworkError } from "../check/types";
import { sanitize } from "../text/sanitize";
import { redirectTarget } from "../catalog/urls";
import { DEFAULT_HOSTS, pageAddress, type CodeHosts } from "../catalog/address";

export const MAX_REDIRECTS = 10;

export interface PageRequest {
  url: string;
  headers: Record<string, string>;
  /** Read at most this many bytes of the body, and one more to tell that there was more. */
  maxBytes: number;
  /** The whole request, body included, must end within this. */
  timeoutMs: number;
  /** Bytes received so far, and the announced length when there is one. */
  onProgress?(received: number, total: number | undefined): void;
}

export interface PageResponse {
  status: number;
  statusText: string;
  header(name: string): string | undefined;
  /** The body, cut at maxBytes + 1 bytes. */
  body: Uint8Array;
}

/** Sends one request, redirects not followed. Throws a NetworkError when no response came. */
export type PageFetcher = (request: PageRequest) => Promise<PageResponse>;

/** The last copy of a remote page, with what a conditional request needs. */
export interface SavedPage {
  source: string;
  /** The URL that answered (after redirects). */
  url: string;
  etag?: string;
  lastModified?: string;
  /** When it was last fetched or confirmed (304), in ms since the epoch. */
  fetchedAt: number;
  bytes: Uint8Array;
}

export interface RemoteStore {
  get(source: string): SavedPage | undefined;
  set(page: SavedPage): void;
}

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

/** One address, its redirects followed: http(s) only, at most MAX_REDIRECTS. */
async function follow(start: string, source: string, headers: Record<string, string>, deps: RemoteDeps, deadline: number): Promise<{ response: PageResponse; url: string }> {
  let url = start;
  // The page's limit, not what was left of it for the last request.
  const late = () => new NetworkError("timeout", `timed out after ${+(deps.timeoutMs / 1000).toFixed(1)} s`);
  for (let hops = 0; ; hops++) {
    // Each request gets what is left of the page's time limit, not a limit of its own.
    const left = deadline - deps.now();
    if (left <= 0) throw late();
    const progress = deps.progress?.(source);
    let response: PageResponse;
    try {
      response = await deps.fetch({
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
    const location = response.header("location");
    if (!REDIRECTS.has(response.status) || location === undefined) return { response, url };
    if (hops >= MAX_REDIRECTS) throw new PageError(source, `redirects more than ${MAX_REDIRECTS} times`, "check the address");
    const next = redirectTarget(location, url);
    if ("invalid" in next) throw new PageError(source, `redirects to an invalid address (${sanitize(location).slice(0, 100)})`, "check the address");
    if ("scheme" in next) throw new PageError(source, `redirects to a ${sanitize(next.scheme).slice(0, 20)} address; only http and https are followed`, "check the address");
    url = next.url;
  }
}
