// Which --file arguments name a page on the web, and where its markdown is (#18). Pure.
//
// Understood forms:
//   https://host/path/page.md, http://…            the URL itself (any path: the response decides)
//   https://github.com/owner/repo                  the repository's README (also with a trailing
//   https://github.com/owner/repo#readme           slash, ".git", or "#readme" as awesome lists
//   github:owner/repo                              write it; "/tree/<ref>" names another branch)
//   https://github.com/owner/repo/blob/<ref>/x.md  that file, from its raw address
// A README is asked for under the names GitHub shows as one: README.md, readme.md, Readme.md,
// README.markdown, in that order (raw addresses are case-sensitive).
import { ValueError } from "../errors";
import { sanitize } from "../text/sanitize";

/** The hosts a repository address maps to; injected so that tests can point them at 127.0.0.1. */
export interface CodeHosts {
  /** Raw files: `${raw}/owner/repo/ref/path`. */
  githubRaw: string;
  /** Where a repository's files are shown to people: relative links of its README open there. */
  githubWeb: string;
}

export const DEFAULT_HOSTS: CodeHosts = { githubRaw: "https://raw.githubusercontent.com", githubWeb: "https://github.com" };

const README_NAMES = ["README.md", "readme.md", "Readme.md", "README.markdown"];

export interface PageAddress {
  /** What the page is called in messages, JSON and the cache of remote pages. */
  source: string;
  /** The URLs to try in order: the first that is not a 404 is the page. */
  candidates: string[];
  /** What relative links of the page resolve against, given the URL that answered. */
  base(url: string): string;
}

/** True for the arguments that name a page on the web rather than a file. */
export function isRemoteSpec(spec: string): boolean {
  // Most arguments are paths: told by their first character, without a regular expression (a
  // folder of 3,000 notes asks it 3,000 times a run, #26).
  const first = spec.charCodeAt(0) | 32;
  if (first !== 104 && first !== 103) return false;
  return /^https?:\/\//i.test(spec) || /^github:/i.test(spec);
}

// GitHub's owner and repository names: letters, digits, '-', '_' and '.'.
const NAME = "[A-Za-z0-9_.-]+";
const REPO = new RegExp(`^(${NAME})/(${NAME}?)(?:\\.git)?/?$`);

function repository(owner: string, repo: string, ref: string, hosts: CodeHosts): PageAddress {
  const web = `${hosts.githubWeb}/${owner}/${repo}`;
  return {
    source: ref === "HEAD" ? web : `${web}/tree/${ref}`,
    candidates: README_NAMES.map((name) => `${hosts.githubRaw}/${owner}/${repo}/${ref}/${name}`),
    // README links such as docs/x.md open GitHub's page of the file, not its raw text.
    base: () => `${web}/blob/${ref}/`,
  };
}

function invalid(spec: string, why: string): ValueError {
  return new ValueError(`--file ${sanitize(spec).slice(0, 200)}: ${why}`, "give a URL of a markdown file, https://github.com/owner/repo or github:owner/repo");
}

/** Where the page that `spec` names is, or a ValueError saying why that is not an address. */
export function pageAddress(spec: string, hosts: CodeHosts = DEFAULT_HOSTS): PageAddress {
  if (/^github:/i.test(spec)) {
    const m = REPO.exec(spec.slice("github:".length).replace(/#.*$/, ""));
    if (!m || !m[2]) throw invalid(spec, "expected github:owner/repo");
    return repository(m[1]!, m[2], "HEAD", hosts);
  }
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw invalid(spec, "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw invalid(spec, "only http and https pages are read");
  if (url.username || url.password) throw invalid(spec, "a URL with a user name or password is not read (it would be sent to every redirect)");
  if (url.hostname === "github.com" || url.hostname === "www.github.com") {
    const parts = url.pathname.split("/").filter(Boolean);
    const [owner, repo, what, ref, ...path] = parts;
    if (owner && repo && what === undefined) return repository(owner, repo.replace(/\.git$/, ""), "HEAD", hosts);
    if (owner && repo && what === "tree" && ref && path.length === 0) return repository(owner, repo, ref, hosts);
    if (owner && repo && what === "blob" && ref && path.length > 0) {
      const file = path.join("/");
      const folder = path.slice(0, -1).map((p) => `${p}/`).join("");
      return {
        source: url.href.replace(/#.*$/, ""),
        candidates: [`${hosts.githubRaw}/${owner}/${repo}/${ref}/${file}`],
        base: () => `${hosts.githubWeb}/${owner}/${repo}/blob/${ref}/${folder}`,
      };
    }
  }
  const href = url.href.replace(/#.*$/, "");
  return { source: href, candidates: [href], base: (answered) => answered };
}

/** True when a link is worth following as a page: a repository, or a markdown file. */
export function isPageLink(url: string, hosts: CodeHosts = DEFAULT_HOSTS): boolean {
  if (/^github:/i.test(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (/\.(md|markdown)$/i.test(parsed.pathname)) return true;
  const host = parsed.hostname.replace(/^www\./, "");
  const parts = parsed.pathname.split("/").filter(Boolean);
  if (host === "github.com" && (parts.length === 2 || (parts.length === 4 && parts[2] === "tree"))) return true;
  return parsed.origin === new URL(hosts.githubRaw).origin;
}

/**
 * ICP_LINKS_FILE's list: paths separated by ':' (PATH-style), where a URL's own colons do not
 * separate ("a.md:https://x.example/l.md:github:o/r" is three pages).
 */
export function splitPageList(value: string, delimiter = ":"): string[] {
  if (delimiter !== ":") return value.split(delimiter).filter(Boolean);
  const specs: string[] = [];
  // An address's colons do not separate: "http(s)://" then the host, an IPv6 host in brackets
  // whole ("http://[::1]:8080/x.md", #22), a port, and the path up to the next ':'.
  const address = /^(?:https?:\/\/(?:\[[^\]/]*\]|[^/:]*)(?::\d*)?[^:]*|github:[^:]*)/i;
  for (let rest = value; ; ) {
    const found = address.exec(rest);
    const end = found ? found[0].length : rest.indexOf(":") < 0 ? rest.length : rest.indexOf(":");
    specs.push(rest.slice(0, end));
    if (end >= rest.length) break;
    rest = rest.slice(end + 1);
  }
  return specs.filter(Boolean);
}
