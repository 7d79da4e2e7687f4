// The facts of links, merged into a catalog's entries when it is read (#27). The page's own
// facts always win: a link's fill only the gaps (its length, year and date, authors or channel,
// a description the page has none of, and the title of a bare link, which the page titled by
// host and path), and each fact taken is named in `from`. Pure, and small: it loads on every
// run that has stored facts, without the HTML parser.
import type { Entry } from "./types";
import { yearOf, type LinkFacts } from "./link-facts";

/** The title the parser gives a bare URL: host and path, no scheme, "www." or trailing slash. */
function hostAndPath(url: string): string {
  const text = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^www\./i, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The entry with what its link's page says filling its gaps; the same entry when nothing fills one. */
export function withFacts(e: Entry, f: LinkFacts | undefined): Entry {
  if (f === undefined) return e;
  const out: Entry = { ...e };
  const from: NonNullable<Entry["from"]> = {};
  if (f.title !== undefined && e.title === hostAndPath(e.url)) {
    out.title = f.title;
    from.title = "link";
  }
  if (f.description !== undefined && e.description === undefined) {
    out.description = f.description;
    from.description = "link";
  }
  if (f.duration !== undefined && e.duration === undefined) {
    out.duration = f.duration;
    from.duration = "link";
  }
  if (f.published !== undefined && e.published === undefined) {
    out.published = f.published;
    from.published = "link";
    if (e.year === undefined) {
      out.year = yearOf(f.published)!;
      from.year = "link";
    }
  }
  // A talk's speakers are the page's: a page that names them is not overruled by a byline.
  if (f.authors !== undefined && (e.authors?.length ?? 0) === 0 && e.speakers.length === 0) {
    out.authors = f.authors;
    from.authors = "link";
  }
  if (f.channel !== undefined && e.channel === undefined) {
    out.channel = f.channel;
    from.channel = "link";
  }
  if (Object.keys(from).length === 0) return e;
  out.from = { ...e.from, ...from };
  return out;
}

/** Entries with their links' facts; undefined when no entry has any (the catalog stays as it was). */
export function mergeFacts(entries: readonly Entry[], facts: ReadonlyMap<string, { facts: LinkFacts }>): Entry[] | undefined {
  if (facts.size === 0) return undefined;
  let changed = false;
  const out = entries.map((e) => {
    const merged = withFacts(e, facts.get(e.url)?.facts);
    if (merged !== e) changed = true;
    return merged;
  });
  return changed ? out : undefined;
}
