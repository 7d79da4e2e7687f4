// --from <ref> (#18): the page an entry links to, as a --file argument. Pure.
// A list of lists links to its lists as repositories (awesome lists: https://github.com/o/r#readme)
// or as markdown files; a link to anything else is refused, not loaded as a page it is not.
import { dirname, join } from "node:path";
import type { Entry } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import { resolve } from "../catalog/resolve";
import { isRelative } from "../catalog/classify";
import { ValueError } from "../errors";
import { sanitize } from "../text/sanitize";
import { isPageLink, isRemoteSpec } from "./address";

const HINT = "--from follows links to markdown files (.md) and to GitHub repositories";

/** The address or path of the page entry `ref` links to. */
export function followSpec(catalog: Catalog, ref: string): string {
  const entry = resolve(catalog, ref);
  return followEntry(catalog, entry);
}

export function followEntry(catalog: Catalog, entry: Entry): string {
  const raw = entry.url.trim();
  const page = catalog.pages.find((p) => p.source === entry.source);
  let url = raw;
  if (isRelative(raw)) {
    const base = page?.frontMatter.baseUrl;
    if (isRemoteSpec(entry.source) && base) url = new URL(raw, base).href;
    else if (!isRemoteSpec(entry.source) && entry.source !== "-" && !raw.startsWith("/")) {
      // A local page's link to a file beside it: a path, not an address.
      const path = decodeURIComponent(raw.replace(/[?#].*$/, ""));
      if (/\.(md|markdown)$/i.test(path)) return join(dirname(entry.source), path);
      throw new ValueError(`'${entry.id}' links to ${sanitize(raw).slice(0, 100)}, not to a markdown page`, HINT);
    } else if (base) url = new URL(raw, base).href;
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
  return url;
}
