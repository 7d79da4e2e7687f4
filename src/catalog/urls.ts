// Which URL a command may open or print, where a site link points, and the host a person is
// shown for a link (#3, #7, #12). Pure.
//
// One function, resolveLink(), decides both the URL handed to the browser and the host shown in
// `list`, `show`, `open` and `check`: the host a person reads is the host that opens. Both come
// from the WHATWG URL parser, which is what a browser runs, so the forms that parsers treat
// loosely come out as the browser would open them: `https:evil.example` and
// `https:\\evil.example` are https://evil.example/, `http://2130706433/` and `http://0x7f.1/`
// are http://127.0.0.1/, a backslash before "@" ends the host (`https://evil.example\@good.example`
// opens evil.example), tabs and newlines are dropped. An internationalised name is shown in
// its ASCII (punycode) form, as it is opened: a look-alike such as "аpple.com" with a Cyrillic
// "а" shows as xn--pple-43d.com and cannot pass for apple.com.
import type { Entry } from "./types";
import { isRelative } from "./classify";
import { IcpError, ExitCode } from "../errors";
import { sanitize } from "../text/sanitize";

export class UnsafeUrlError extends IcpError {
  constructor(entry: Entry, reason: string) {
    super(`refusing to open '${entry.id}': ${reason}`, "only http: and https: links are opened", ExitCode.usage);
  }
}

export class NoBaseUrlError extends IcpError {
  constructor(entry: Entry) {
    super(
      `'${entry.id}' is a site link (${sanitize(entry.url)}) and no base URL is known`,
      "pass --base-url https://example.org, set ICP_LINKS_BASE_URL, or add base_url to the page's front matter",
      ExitCode.usage,
    );
  }
}

/** What a link opens: the http(s) URL and its host as shown, or why it does not open. */
export type LinkTarget =
  | { ok: true; url: string; host: string }
  | { ok: false; noBase: true }
  | { ok: false; noBase?: undefined; reason: string };

/** The host as shown: the parser's hostname (lower case, punycode, IPv4 in dotted form) without "www.". */
function shown(hostname: string): string {
  return hostname.replace(/^www\./, "");
}

/** The one decision (#12): the URL a link opens and the host shown for it. */
export function resolveLink(raw: string, baseUrl: string | undefined): LinkTarget {
  const written = raw.trim();
  let url: URL;
  if (isRelative(written)) {
    if (!baseUrl) return { ok: false, noBase: true };
    let base: URL;
    try {
      base = new URL(baseUrl);
      url = new URL(written, base);
    } catch {
      return { ok: false, reason: `the base URL '${sanitize(baseUrl)}' is not a URL` };
    }
    // A site link stays on the site: "\\evil.example/x" and "/\evil.example" are, to the parser
    // as to a browser, "//evil.example/x", another host.
    if (url.origin !== base.origin && (base.protocol === "http:" || base.protocol === "https:")) {
      return { ok: false, reason: `'${sanitize(written).slice(0, 80)}' leaves the site for another host` };
    }
  } else {
    try {
      url = new URL(written);
    } catch {
      return { ok: false, reason: `'${sanitize(written).slice(0, 80)}' is not a valid URL` };
    }
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: `it is a ${sanitize(url.protocol).slice(0, 20)} URL` };
  return { ok: true, url: url.href, host: shown(url.hostname) };
}

/**
 * An http(s) URL whose host the parser leaves as written but for its case: letters, digits and
 * hyphens, a last label that starts with a letter (so not a number the parser reads as IPv4), no
 * "xn--" (checked by the parser), no port, user, backslash or percent sign. The common case, read
 * without building a URL object (a list of 100,000 entries on a terminal).
 */
const PLAIN_HOST = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(?=[/?#]|$)/i;

/** The host shown for a link: as resolveLink() gives it; "" for a site link or a link that does not open. */
export function shownHost(raw: string): string {
  const plain = PLAIN_HOST.exec(raw);
  if (plain && !plain[1]!.toLowerCase().includes("xn--")) return shown(plain[1]!.toLowerCase());
  if (isRelative(raw.trim())) return "";
  const target = resolveLink(raw, undefined);
  return target.ok ? target.host : "";
}

/** The http(s) URL an entry opens, or a typed error saying why it will not be opened. */
export function targetUrl(entry: Entry, baseUrl: string | undefined): string {
  const target = resolveLink(entry.url, baseUrl);
  if (target.ok) return target.url;
  if (target.noBase) throw new NoBaseUrlError(entry);
  throw new UnsafeUrlError(entry, target.reason);
}

/**
 * A link that can be opened at all (#12): an http(s) URL, or a path on the site (opened against
 * a base URL). Anything else (mailto:, tel:, javascript:, data:, ftp:, a protocol-relative
 * "//host" or its backslash forms) never opens, and the parser makes no entry of it.
 */
export function canOpen(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme) return /^https?$/i.test(scheme[1]!);
  return !/^[\\/]{2}/.test(url);
}

/** The base URL for site links: the option, then the environment, then the page's front matter. */
export function chooseBaseUrl(option: string | undefined, env: string | undefined, frontMatter: string | undefined): string | undefined {
  return [option, env, frontMatter].find((v) => v !== undefined && v.trim() !== "")?.trim();
}

/**
 * Where a redirect leads (#5, #17, #18): its Location against the URL that answered, when it is an
 * http(s) URL. The rule of the one redirect follower (catalog/redirects.ts).
 */
export type RedirectTarget = { url: string } | { invalid: string } | { scheme: string };

export function redirectTarget(location: string, from: string): RedirectTarget {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return { invalid: location };
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") return { scheme: next.protocol };
  return { url: next.href };
}

/**
 * The URL without its user name and password: fetch() refuses a URL that has them (a raw
 * TypeError), and a checker has no business sending a page's credentials anywhere (#12).
 */
export function withoutCredentials(url: string): string {
  if (!url.includes("@")) return url;
  try {
    const parsed = new URL(url);
    if (parsed.username === "" && parsed.password === "") return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    return url;
  }
}
