// A page opened for editing (#17): its lines as written, its entries with the places of their
// list items, and its sections. Pure: the command layer reads the file and hands the text here.
import { parsePage } from "../catalog/parse-page";
import { buildCatalog } from "../catalog/catalog";
import type { Entry, ParsedEntry } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import { readDoc, type Doc } from "./document";
import { sectionsOf, type Section } from "./sections";

export interface EditablePage {
  source: string;
  text: string;
  doc: Doc;
  catalog: Catalog;
  /** The parsed entries, in catalog order, with their places: parsed[i] is catalog.entries[i]. */
  parsed: ParsedEntry[];
  sections: Section[];
}

/** The last page opened: an edit reads its result back, and the command reads it again (ids). */
let last: EditablePage | undefined;

export function openPage(text: string, source: string): EditablePage {
  if (last && last.text === text && last.source === source) return last;
  const page = parsePage(text, source, { places: true });
  const doc = readDoc(text);
  last = { source, text, doc, catalog: buildCatalog([page]), parsed: page.entries, sections: sectionsOf(doc, page.headings) };
  return last;
}

export function parsedOf(page: EditablePage, entry: Entry): ParsedEntry {
  return page.parsed[entry.position - 1]!;
}

/**
 * Entries whose id an edit changed: the id rules give a shared slug's plain form to the smallest
 * URL of its group, so adding or removing an entry can rename one that shares its title (#2).
 * Entries are matched by URL and title, where that pair is unique on both sides.
 */
export function idChanges(before: readonly Entry[], after: readonly Entry[]): { from: string; to: string }[] {
  const unique = (list: readonly Entry[]) => {
    const seen = new Map<string, Entry | null>();
    for (const e of list) seen.set(`${e.url}\n${e.title}`, seen.has(`${e.url}\n${e.title}`) ? null : e);
    return seen;
  };
  const was = unique(before);
  const out: { from: string; to: string }[] = [];
  for (const [key, e] of unique(after)) {
    const old = was.get(key);
    if (e && old && old.id !== e.id) out.push({ from: old.id, to: e.id });
  }
  return out;
}
