// Entry ids: a slug of the title, stable across edits of the page (#2).
// A slug depends on the title and url alone; collisions are broken by the url, never by order,
// so adding or removing an entry does not renumber the others.
import { fold } from "../text/fold";

export const MAX_SLUG = 32;

/** FNV-1a, 32 bits, as 7 base-36 digits: short, deterministic, and free of crypto imports. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, "0");
}

/**
 * lowercase ASCII words joined by "-", at most 32 characters (cut at a word boundary).
 * A title with no Latin letter gets "u" plus a hash of the url, so an id is never purely digits.
 */
export function slugify(title: string, url: string): string {
  const words = fold(title).split(/[^a-z0-9]+/).filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) {
      if (!slug) slug = word.slice(0, MAX_SLUG);
      break;
    }
    slug = next;
  }
  if (!/[a-z]/.test(slug)) return `u${shortHash(url).slice(-6)}`;
  return slug;
}

/**
 * Unique ids for a list of (slug, url) in catalog order.
 * Within a group of equal slugs, the entry with the smallest url keeps the bare slug and every
 * other one gets "-" plus a hash of its url; exact duplicates (same slug and url) are numbered.
 */
export function assignIds(items: readonly { slug: string; url: string }[]): string[] {
  // Counting first keeps the common case (no collision) free of per-slug arrays.
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.slug, (counts.get(item.slug) ?? 0) + 1);
  const ids = new Array<string>(items.length);
  const taken = new Set<string>();
  const groups = new Map<string, number[]>();
  // Bare slugs first: a suffixed id can never steal the slug another entry owns.
  items.forEach((item, index) => {
    if (counts.get(item.slug) === 1) {
      ids[index] = item.slug;
      taken.add(item.slug);
    } else {
      const group = groups.get(item.slug);
      if (group) group.push(index);
      else groups.set(item.slug, [index]);
    }
  });
  for (const [slug, members] of groups) {
    const byUrl = [...members].sort((a, b) => compare(items[a]!.url, items[b]!.url) || a - b);
    const seen = new Map<string, number>();
    for (const index of byUrl) {
      const url = items[index]!.url;
      const copy = (seen.get(url) ?? 0) + 1;
      seen.set(url, copy);
      let id = slug;
      if (taken.has(id) || index !== byUrl[0]) id = `${slug}-${shortHash(url).slice(-4)}`;
      if (copy > 1) id = `${id}-${copy}`;
      for (let n = 2; taken.has(id); n++) id = `${slug}-${shortHash(`${url}#${n}`).slice(-6)}`;
      ids[index] = id;
      taken.add(id);
    }
  }
  return ids;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
