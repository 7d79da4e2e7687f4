// Which URL a command may open or print, and where a site link points (#3, #7). Pure.
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

/** The http(s) URL an entry opens, or a typed error saying why it will not be opened. */
export function targetUrl(entry: Entry, baseUrl: string | undefined): string {
  const raw = entry.url.trim();
  let url: URL;
  if (isRelative(raw)) {
    if (!baseUrl) throw new NoBaseUrlError(entry);
    try {
      url = new URL(raw, baseUrl);
    } catch {
      throw new UnsafeUrlError(entry, `the base URL '${sanitize(baseUrl)}' is not a URL`);
    }
  } else {
    try {
      url = new URL(raw);
    } catch {
      throw new UnsafeUrlError(entry, `'${sanitize(raw).slice(0, 80)}' is not a valid URL`);
    }
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UnsafeUrlError(entry, `it is a ${sanitize(url.protocol).slice(0, 20)} URL`);
  }
  return url.href;
}

/** The base URL for site links: the option, then the environment, then the page's front matter. */
export function chooseBaseUrl(option: string | undefined, env: string | undefined, frontMatter: string | undefined): string | undefined {
  return [option, env, frontMatter].find((v) => v !== undefined && v.trim() !== "")?.trim();
}
