// Pages -> Catalog: positions in document order across pages, unique ids, and the indexes
// (by section, kind, speaker, tag) that the commands read. Pure.
import type { Catalog, Entry, Facet, Page } from "./types";
import { KINDS } from "./types";
import { assignIds } from "./ids";
import { isRelative } from "./classify";
import { fold } from "../text/fold";

function permalinkKey(path: string): string {
  return path.replace(/[?#].*$/, "").replace(/\/+$/, "").replace(/^(?!\/)/, "/").toLowerCase();
}

/** Groups positions by a key, keeping the first spelling seen as the facet's name. */
function facet(entries: Entry[], keysOf: (e: Entry) => (string | undefined)[], keyFn: (k: string) => string = fold): Facet[] {
  const byKey = new Map<string, Facet>();
  for (const entry of entries) {
    for (const name of keysOf(entry)) {
      if (name === undefined) continue;
      const key = keyFn(name);
      const f = byKey.get(key);
      if (f) {
        if (f.entries.at(-1) !== entry.position) f.entries.push(entry.position);
      } else byKey.set(key, { name, entries: [entry.position] });
    }
  }
  return [...byKey.values()];
}

export function buildCatalog(pages: Page[]): Catalog {
  const flat = pages.flatMap((page) => page.entries.map((entry) => ({ page, entry })));
  const ids = assignIds(flat.map(({ entry }) => ({ slug: entry.slug, url: entry.url })));
  const permalinks = new Map<string, string>();
  for (const page of pages) if (page.frontMatter.permalink) permalinks.set(permalinkKey(page.frontMatter.permalink), page.source);

  const entries: Entry[] = flat.map(({ page, entry }, index) => {
    const { slug: _slug, ...rest } = entry;
    const out: Entry = { id: ids[index]!, position: index + 1, ...rest, source: page.source };
    if (isRelative(entry.url)) {
      const target = permalinks.get(permalinkKey(entry.url));
      if (target !== undefined) out.target = target;
    }
    return out;
  });

  const bySection = facet(entries, (e) => [e.sectionPath.join(" › ")], (k) => k).map((f) => ({ ...f, name: f.name.split(" › ").at(-1)!, path: f.name.split(" › ") }));
  const byKind = KINDS.map((kind) => ({ name: kind, entries: entries.filter((e) => e.kind === kind).map((e) => e.position) })).filter((f) => f.entries.length > 0);
  return {
    pages,
    entries,
    bySection,
    byKind,
    bySpeaker: facet(entries, (e) => [e.speaker]),
    byTag: facet(entries, (e) => e.tags),
  };
}
