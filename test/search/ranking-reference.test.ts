// Rules 3 to 5 of the ranking (#24) are computed with shortcuts for speed (a packed sort key,
// a heading skipped when its first word cannot start the query, a url skipped when its host is
// no repository's...). This test checks them against a straightforward reference of the same
// rules, written the plain way, on random pages and queries: the order and the scores must be
// the same. Rules 1 and 2 come from the scans both share (matchTerms).
import { describe, expect, it } from "vitest";
import { FIELDS, RANKING, bareName, fieldText, matchTerms, rank, type SearchOptions } from "../../src/search/search";
import { words } from "../../src/text/fold";
import { catalogFromText } from "../helpers/pages";

/** mulberry32: seeded, so a failure is repeatable. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Few words, so that queries often tie, equal a field or start one; camelCase, kebab-case,
// owner/name and accents, where word starts are subtle.
const WORDS = ["rust", "trust", "gin", "web", "framework", "http", "client", "server", "chain", "key", "cache", "bigCache", "fast-http", "café", "naïve", "logging", "consensus", "go", "gin.nvim", "web.js"];
const OWNERS = ["gin-gonic", "rust-lang", "web", "http", "org1"];

function randomPage(rnd: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const some = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const out = [`# Awesome ${pick(WORDS)}`, ""];
  const links = 5 + Math.floor(rnd() * 40);
  for (let i = 0; i < links; i++) {
    const r = rnd();
    if (r < 0.08) out.push("", `## ${some(1 + Math.floor(rnd() * 2))}`, "");
    else if (r < 0.14) out.push("", `### ${some(1 + Math.floor(rnd() * 2))}`, "");
    // A section's intro line (#24), under half of the headings.
    if (r < 0.14 && rnd() < 0.5) out.push(`*${some(2 + Math.floor(rnd() * 4))}.*`, "");
    const title = rnd() < 0.15 ? `${pick(OWNERS)}/${pick(WORDS)}` : some(1 + Math.floor(rnd() * 3));
    const kind = rnd();
    const url =
      kind < 0.4
        ? `https://github.com/${pick(OWNERS)}/${pick(WORDS).replace(/[^a-z.-]/gi, "")}`
        : kind < 0.5
          ? `http://gitlab.com/${pick(OWNERS)}/${pick(WORDS).replace(/[^a-z.-]/gi, "")}`
          : kind < 0.7
            ? `https://www.youtube.com/watch?v=v${i}`
            : `https://example.org/${some(2).replace(/\W+/g, "-")}/${i}`;
    const indent = i > 0 && rnd() < 0.2 ? "  " : "";
    const speaker = kind >= 0.5 && kind < 0.7 ? ` / ${pick(["Jan Camenisch", "Manu Drijvers", "Ana Web"])}` : "";
    const description = rnd() < 0.6 ? ` - ${some(2 + Math.floor(rnd() * 6))}.` : "";
    if (rnd() < 0.1) out.push(`${indent}- ${url}${description}`);
    else out.push(`${indent}- [${title}${speaker}](${url})${description}`);
  }
  return `${out.join("\n")}\n`;
}

function typo(word: string, rnd: () => number): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(rnd() * (word.length - 1));
  return rnd() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : `${word.slice(0, at)}x${word.slice(at + 1)}`;
}

function randomQuery(rnd: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const n = 1 + Math.floor(rnd() * 3);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) {
    const r = rnd();
    const w = pick(WORDS);
    if (r < 0.1) parts.push(typo(w, rnd));
    else if (r < 0.2) parts.push(w.slice(0, Math.max(2, Math.floor(w.length / 2))));
    else if (r < 0.3) parts.push(`${pick(OWNERS)}/${w}`);
    else if (r < 0.35) parts.push(`"${w} ${pick(WORDS)}"`);
    else if (r < 0.4) parts.push(`section:${w}`);
    else if (r < 0.45 && k > 0) parts.push(`-${w}`);
    else parts.push(w);
  }
  return parts.join(" ");
}

/** Hosts and forms of a repository's url and of a title written owner/name, as search.ts has them. */
const HOSTS = ["https://github.com/", "https://gitlab.com/", "https://codeberg.org/", "https://bitbucket.org/", "https://www.github.com/", "http://github.com/"];
const REPOSITORY = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\/([^/?#\s]+)\/([^/?#\s]+?)(?:\.git)?\/?(?:[?#].*)?$/;
const OWNER_NAME = /^[\p{L}\p{N}_.-]+\/[\p{L}\p{N}_.-]+$/u;
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, k) => w === b[k]);
const escape = (w: string) => w.replace(/[\\^$.*+?()[\]{}|-]/g, "\\$&");

/** Rules 3 to 5 the plain way: every field of every candidate, every heading, one comparator sort. */
function reference(entries: Parameters<typeof rank>[0], query: string, options: SearchOptions) {
  const m = matchTerms(entries, query, options);
  if (!m) return { indexes: [] as number[], scores: [] as number[], partial: undefined };
  const { index, tally, candidates, sequence, terms, all, single } = m;
  const held = (f: (typeof FIELDS)[number], i: number) => tally.fields[FIELDS.indexOf(f)]?.[i] ?? 0;
  const bitOf = new Map<string, number>();
  terms.forEach((t, k) => t.words.forEach((w) => bitOf.set(w, (bitOf.get(w) ?? 0) | 2 ** (terms.length - 1 - k))));
  const bare = terms.every((t) => !t.phrase && t.field === undefined);
  const nameCode = RANKING.exactness.equal * 16 + RANKING.field.name;
  const exact = Array.from(tally.exact);
  const names = (i: number, own: readonly string[], want: number) => {
    const url = fieldText(index, "url", i);
    const m = held("url", i) === want && HOSTS.some((h) => url.startsWith(h)) ? REPOSITORY.exec(url) : null;
    if (m && (same(words(m[2]!), own) || same(words(`${m[1]} ${m[2]}`), own) || same(words(bareName(m[2]!)), own))) return true;
    const title = fieldText(index, "title", i);
    const name = title.slice(title.indexOf("/") + 1);
    return held("title", i) === want && OWNER_NAME.test(title) && (same(words(name), own) || same(words(bareName(name)), own));
  };
  const proximity = new Map<number, number>();
  for (const i of candidates) {
    const want = tally.terms[i]!;
    const own = want === all ? sequence : sequence.filter((w) => ((bitOf.get(w) ?? 0) & want) !== 0);
    if (!single) {
      let best = exact[i]!;
      FIELDS.forEach((f, fi) => {
        if (held(f, i) !== want) return;
        let level: number = (tally.wholeFields[fi]?.[i] ?? 0) === want ? RANKING.exactness.words : RANKING.exactness.wordStarts;
        for (const heading of fieldText(index, f, i).split("\t")) {
          const ws = words(heading);
          const last = own.length - 1;
          if (same(ws, own)) level = RANKING.exactness.equal;
          else if (level < RANKING.exactness.starts && last >= 0 && ws.length >= own.length && same(ws.slice(0, last), own.slice(0, last)) && ws[last]!.startsWith(own[last]!)) level = RANKING.exactness.starts;
        }
        // A description or a url holds the query's words, never equals or starts with it.
        if ((RANKING.prose as readonly string[]).includes(f)) level = Math.min(level, RANKING.exactness.words);
        best = Math.max(best, level * 16 + RANKING.field[f]);
      });
      // The heading above the section and the section, read as one ("Web" › "Frameworks").
      const s = held("section", i);
      const h = held("heading", i);
      if (s !== 0 && h !== 0 && (s | h) === want) {
        const trail = [...words(fieldText(index, "heading", i).split("\t").at(-1)!), ...words(fieldText(index, "section", i))];
        const last = own.length - 1;
        const level = same(trail, own) ? RANKING.exactness.equal : last >= 0 && trail.length >= own.length && same(trail.slice(0, last), own.slice(0, last)) && trail[last]!.startsWith(own[last]!) ? RANKING.exactness.starts : 0;
        if (level > 0) best = Math.max(best, level * 16 + RANKING.field.section);
      }
      exact[i] = best;
    }
    if (bare && exact[i]! < nameCode && names(i, own, want)) exact[i] = nameCode;
    // A bare link's title (its url's host and path): ranked as the url, unless it is the query.
    const hostAndPath = fieldText(index, "url", i).replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^www\./, "");
    const title = fieldText(index, "title", i);
    if (exact[i]! % 16 === RANKING.field.title && exact[i]! < RANKING.exactness.equal * 16 && title !== "" && hostAndPath.startsWith(title)) {
      exact[i] = Math.min(Math.floor(exact[i]! / 16), RANKING.exactness.words) * 16 + RANKING.field.url;
    }
    let near = 0;
    if (sequence.length > 1) {
      for (const f of FIELDS) {
        let count = 0;
        for (let k = 0; k + 1 < sequence.length; k++) {
          const [a, b] = [sequence[k]!, sequence[k + 1]!];
          const bits = (bitOf.get(a) ?? 0) | (bitOf.get(b) ?? 0);
          if (a === b || (held(f, i) & bits) !== bits) continue;
          if (new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}[^\\p{L}\\p{N}\\n\\t]+${escape(b)}(?![\\p{L}\\p{N}])`, "u").test(fieldText(index, f, i))) count++;
        }
        near = Math.max(near, count);
      }
    }
    proximity.set(i, Math.min(99, near));
  }
  // Rule 1: more words first; then (of up to 12 terms) the words at the start of the query.
  const score = (i: number) => {
    const count = tally.terms[i]!.toString(2).replace(/0/g, "").length;
    const value = terms.length <= 12 ? count * (all + 1) + tally.terms[i]! : count;
    // Then, within rule 3: the section's intro line holds the words the entry holds.
    const intro = held("intro", i) === tally.terms[i] ? 1 : 0;
    return ((((value * 10 + (9 - tally.typos[i]!)) * 100 + exact[i]!) * 1000 + tally.quality[i]!) * 2 + intro) * 100 + proximity.get(i)!;
  };
  const indexes = Array.from(candidates).sort((a, b) => score(b) - score(a) || a - b);
  return { indexes, scores: indexes.map(score), partial: m.partial };
}

describe("the ranking's rules 3 to 5 against a plain reference (#24)", () => {
  it("gives the same order and scores on random pages and queries", () => {
    const rnd = random(24);
    let compared = 0;
    let ranked = 0;
    for (let p = 0; p < 40; p++) {
      const page = catalogFromText(randomPage(rnd));
      for (let k = 0; k < 12; k++) {
        const query = randomQuery(rnd);
        const options: SearchOptions = { partial: rnd() < 0.5 };
        let got;
        try {
          got = rank(page, query, options);
        } catch {
          continue; // a query the language refuses: nothing to compare
        }
        const want = reference(page, query, options);
        expect({ query, indexes: Array.from(got.indexes), scores: Array.from(got.scores), partial: got.partial }).toEqual({ query, ...want });
        compared++;
        if (got.indexes.length > 1) ranked++;
      }
    }
    // The comparison must have seen real rankings, not only empty answers.
    expect(compared).toBeGreaterThan(300);
    expect(ranked).toBeGreaterThan(100);
  });
});
