// --from <ref> (#18): the page an entry links to, as a --file argument. Pure.
// A list of lists links to its lists as repositories (awesome lists: https://github.com/o/r#readme)
// or as markdown files; a link to anything else is refused, not loaded as a page it is not.
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import type { Entry } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import { resolve } from "../catalog/resolve";
import { isRelative } from "../catalog/classify";
import { ValueError } from "../errors";
import { sanitize } from "../text/sanitize";
import type { FollowTarget } from "../io/confine";
import { isPageLink, isRemoteSpec } from "../catalog/address";

const HINT = "--from follows links to markdown files (.md) and to GitHub repositories";

/** The address or path of the page entry `ref` links to. */
export function followSpec(catalog: Catalog, ref: string): FollowTarget {
  const entry = resolve(catalog, ref);
  return followEntry(catalog, entry);
}

/** `new URL(raw, base)`, an invalid base being the entry's page's fault, said as a usage error. */
function against(entry: Entry, raw: string, base: string): string {
  try {
    return new URL(raw, base).href;
  } catch {
    throw new ValueError(`'${entry.id}' is a site link (${sanitize(raw).slice(0, 100)}) and its page's base_url (${sanitize(base).slice(0, 100)}) is not a URL`, "fix base_url in the page's front matter, or give --base-url");
  }
}

export function followEntry(catalog: Catalog, entry: Entry): FollowTarget {
  const raw = entry.url.trim();
  const page = catalog.pages.find((p) => p.source === entry.source);
  let url = raw;
  if (isRelative(raw)) {
    const base = page?.frontMatter.baseUrl;
    if (isRemoteSpec(entry.source) && base) url = against(entry, raw, base);
    else if (!isRemoteSpec(entry.source) && entry.source !== "-" && !raw.startsWith("/")) {
      // A local page's link to a file beside it (or below it): a path, not an address.
      let path: string;
      try {
        path = decodeURIComponent(raw.replace(/[?#].*$/, ""));
      } catch {
        throw new ValueError(`'${entry.id}' links to ${sanitize(raw).slice(0, 100)}, which has a malformed %-escape`, "fix the link in the page: a % is written %25");
      }
      if (!/\.(md|markdown)$/i.test(path)) throw new ValueError(`'${entry.id}' links to ${sanitize(raw).slice(0, 100)}, not to a markdown page`, HINT);
      const within = dirname(entry.source);
      const target = join(within, path);
      const rel = relative(within, target);
      if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new ValueError(`'${entry.id}' links to ${sanitize(raw).slice(0, 100)}, outside the folder of its page`, "--from follows only files in the folder of the page that links them, or below it; name that page with --file");
      return { spec: target, within };
    } else if (base) url = against(entry, raw, base);
    else throw new ValueError(`'${entry.id}' is a site link (${sanitize(raw).slice(0, 100)}) and no base URL is known`, HINT);
  }
  if (!isPageLink(url)) {
    let where: string;
    try {
      where = new URL(url).host || url;
    } catch {
      where = url;
    }
    throw new ValueError(`'${entry.id}' links to ${sanitize(where).slice(0, 100)}, not to a markdown page or a repository`, HINT);
  }
  return { spec: url };
}
