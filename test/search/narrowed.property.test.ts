// The search of the entries a query's words can match (#26, search.ts `narrowed`, columns/postings.ts):
// on random pages and random queries, the same hits, in the same order, with the same scores, as a
// scan of every entry: words and their prefixes, typos, other forms of a word, camelCase parts,
// accented and non-Latin letters, phrases, fields, exclusions, kinds, urls and their schemes.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { pack, packUnit, unpack, unpackPages } from "../../src/cache/format";
import { checksum } from "../../src/cache/checksum";
import { assignIds } from "../../src/catalog/ids";
import { parsePage } from "../../src/catalog/parse-page";
import { buildCatalog } from "../../src/catalog/catalog";
import type { Entries } from "../../src/catalog/entries";
import { rank, type SearchOptions } from "../../src/search/search";
import { buildPostings, prefixRange } from "../../src/columns/postings";
import { columnsOf } from "../../src/columns/build";
import { sectionRows } from "../../src/columns/folded";

const WORDS = ["consensus", "consensys", "canister", "canisters", "chain", "key", "keys", "rust", "motoko", "ledger", "Ünïcode", "unicode", "schedulers", "Scheduling", "BigCache", "XMLParser", "snake_case", "kebab-case", "tokio-rs/tokio", "日本語", "straße", "https", "http", "mailto", "v2", "2024", "a", "ab"];
// Rare words too ("w17x", "Ledger42"), so that most queries select a few entries of a page.
const word = fc.oneof(fc.constantFrom(...WORDS), fc.nat(40).map((n) => `w${n}x`), fc.nat(40).map((n) => `Ledger${n}`));
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
const url = fc.oneof(
  fc.tuple(word, fc.nat(30)).map(([w, n]) => `https://github.com/${w.replace(/[^A-Za-z0-9-]/g, "")}/${w.replace(/[^A-Za-z0-9-]/g, "")}${n}`),
  fc.nat(30).map((n) => `https://www.youtube.com/watch?v=Consensus${n}`),
  fc.tuple(word, fc.nat(30)).map(([w, n]) => `http://${w.replace(/[^A-Za-z0-9]/g, "") || "x"}.example/${n}`),
);
const line = fc.oneof(
  fc.tuple(text, url).map(([t, u]) => `- [${t}](${u})`),
  fc.tuple(text, url, text).map(([t, u, d]) => `- [${t} / Ada Lovelace](${u}) - ${d}`),
  fc.tuple(text, url, text).map(([t, u, d]) => `- [${t}](${u}) — ${d}, see [docs](${u}/docs).`),
  fc.tuple(text, url, text, url).map(([t, u, s, v]) => `- ${t}\n  - [${s}](${v})\n  - [${t}](${u})`),
  fc.tuple(text, url).map(([t, u]) => `- <${u}> ${t}`),
  text.map((t) => `## ${t}`),
  text.map((t) => `### ${t}`),
  fc.constant(""),
);
const page = fc.tuple(fc.option(text, { nil: undefined }), fc.array(line, { minLength: 1, maxLength: 40 })).map(
  ([title, lines]) => `${title === undefined ? "" : `---\ntitle: ${title}\ntags: [rust, ${title.split(" ")[0]}]\n---\n# ${title}\n\n`}${lines.join("\n")}\n`,
);
const prefix = word.chain((w) => fc.nat(w.length).map((k) => w.toLowerCase().slice(0, Math.max(1, k))));
const rare = fc.nat(40).map((n) => `w${n}x`);
const query = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
  rare,
  fc.tuple(rare, word).map(([a, b]) => `${a} ${b}`),
  fc.tuple(rare, rare).map(([a, b]) => `${a} ${b}`),
  fc.nat(40).map((n) => `w${n}y`),
  fc.nat(40).map((n) => `ledgr${n}`),
  prefix,
  fc.tuple(prefix, word).map(([p, w]) => `${p} ${w}`),
  fc.constantFrom("consensu", "canistr", "consnsus", "ledgr", "schedule", "cache", "parser", "tokio", "kebab", "case", "nihon", "日本", "strasse", "com", "github", "youtube", "watch", "h", "ht", "https", "mail", "zzz", "v2", "2024"),
  fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
  // A compound of two words the page may write apart ("chainkey" for "chain key"), and a word typed
  // as two ("cani ster"), which the search joins again.
  fc.tuple(word, word).map(([a, b]) => `${a}${b}`.toLowerCase()),
  word.chain((w) => fc.nat(w.length).map((k) => `${w.slice(0, k)} ${w.slice(k)}`.toLowerCase().trim())),
  fc.tuple(word, word).map(([a, b]) => `${a} -${b}`),
  fc.tuple(rare, word, word).map(([a, b, c]) => `${a} ${b} -${c}`),
  fc.tuple(rare, word).map(([a, b]) => `${a} ${b} kind:talk`),
  word.map((w) => `title:${w}`),
  word.map((w) => `section:${w}`),
  word.map((w) => `speaker:ada ${w}`),
  word.map((w) => `${w} kind:talk`),
  fc.constantFrom("tag:rust", "kind:talk", "-rust", "ada lovelace"),
);

/** The same entries without their postings: a search of them scans every entry. */
const scanned = (entries: Entries): Entries => ({ ...entries, postings: undefined });

function same(entries: Entries, q: string, options: SearchOptions): void {
  let expected: ReturnType<typeof rank> | string;
  try {
    expected = rank(scanned(entries), q, options);
  } catch (error) {
    expected = String(error);
  }
  let got: ReturnType<typeof rank> | string;
  try {
    got = rank(entries, q, options);
  } catch (error) {
    got = String(error);
  }
  expect(got, q).toEqual(expected);
}

const OPTIONS: SearchOptions[] = [{}, { partial: true }, { typos: false }];

/** On random pages, as the cache stores them, every query with every option ranks alike through the postings and by a scan. */
function sameOnStoredPages(pages: fc.Arbitrary<string>, queries: fc.Arbitrary<string[]>, numRuns: number): void {
  fc.assert(
    fc.property(pages, queries, (markdown, qs) => {
      const parsed = parsePage(markdown, "page.md");
      const stored = unpack(pack(parsed, assignIds(parsed.entries), "b", "k", checksum), "b", "k", "page.md", checksum)!.stored;
      for (const q of qs) for (const options of OPTIONS) same(stored, q, options);
    }),
    { numRuns },
  );
}

describe("a search through the postings", () => {
  it("finds what a scan of every entry finds, ranked alike, on random pages and queries", () => {
    fc.assert(
      fc.property(page, fc.array(query, { minLength: 1, maxLength: 6 }), (markdown, queries) => {
        const parsed = parsePage(markdown, "page.md");
        const bytes = pack(parsed, assignIds(parsed.entries), "b", "k", checksum);
        const stored = unpack(bytes, "b", "k", "page.md", checksum)!.stored;
        expect(stored.postings?.()).toBeDefined();
        const catalog = buildCatalog([{ page: parsed, stored }]);
        // The page as parsed, with no cache: its typos found in its fields, not the stored vocabulary.
        const uncached = buildCatalog([parsed]);
        for (const q of queries) for (const options of OPTIONS) {
          same(stored, q, options);
          same(catalog, q, options);
          expect(rank(uncached, q, options), q).toEqual(rank(stored, q, options));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("finds what a scan finds on longer pages, where a word is on more entries than rule 2's fill and fewer than a quarter", () => {
    const long = fc.array(fc.tuple(text, url, text), { minLength: 60, maxLength: 160 }).map((items) => items.map(([t, u, d], k) => `${k % 20 === 0 ? `## ${d}\n` : ""}- [${t}](${u}) - ${d}`).join("\n"));
    sameOnStoredPages(long, fc.array(query, { minLength: 1, maxLength: 8 }), 40);
  });

  it("ranks, of several words each on many entries, those that may hold every word as a scan ranks them", () => {
    // A dozen common words: each on about a third of the entries, two of them together on a tenth,
    // so that the entries holding every word are a screenful or more, and those holding either most.
    const common = ["Consensus", "canister", "canisters", "chain", "key", "keys", "ledger", "motoko", "rust", "subnet", "BigCache", "straße"];
    const some = fc.array(fc.constantFrom(...common), { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
    const long = fc.array(fc.tuple(some, fc.nat(30), some, fc.boolean()), { minLength: 150, maxLength: 300 }).map((items) =>
      items.map(([t, u, d, talk], k) => `${k % 40 === 0 ? `## ${d}\n` : ""}- [${t}${talk ? " / Ada Lovelace" : ""}](https://e.example/${k}/${u}) - ${d}`).join("\n"),
    );
    const pair = fc.tuple(fc.constantFrom(...common, "conse", "canis", "led"), fc.constantFrom(...common, "consensu", "canistr", "ledgr", "chian", "ada", "chainkey", "keyledger", "nsus", "ter", "ger"));
    const several = fc.oneof(
      pair.map(([a, b]) => `${a} ${b}`),
      fc.tuple(pair, fc.constantFrom(...common)).map(([[a, b], c]) => `${a} ${b} ${c}`),
      pair.map(([a, b]) => `${a} ${b} -${a === "key" ? "rust" : "key"}`),
      pair.map(([a, b]) => `${a} ${b} kind:talk`),
      pair.map(([a, b]) => `title:${a} ${b}`),
      pair.map(([a, b]) => `"${a} ${b}"`),
    );
    sameOnStoredPages(long, fc.array(several, { minLength: 1, maxLength: 6 }), 30);
  });

  it("finds, through a unit of several pages, what a scan finds", () => {
    fc.assert(
      fc.property(fc.array(page, { minLength: 2, maxLength: 4 }), fc.array(query, { minLength: 1, maxLength: 6 }), (markdowns, queries) => {
        const pages = markdowns.map((m, k) => parsePage(m, `note-${k}.md`));
        const bytes = packUnit(pages.map((p, k) => ({ page: p, identity: `f:${k}` })), assignIds(pages.flatMap((p) => p.entries)), "b", "k", checksum);
        const stored = unpackPages(bytes, "b", "k", checksum)!.stored;
        for (const q of queries) for (const options of OPTIONS) same(stored, q, options);
      }),
      { numRuns: 60 },
    );
  });

  it("shows, when what holds every word is left out, the entries with the most words, as a scan does", () => {
    // Words on more entries than rule 2's fill (no typos): the postings of every word are ranked.
    const items = (text: string, count: number) => Array.from({ length: count }, (_, k) => `- [${text} ${k}](https://f.example/${text.replace(/ /g, "-")}/${k})`);
    const parsed = parsePage(`${[...items("Quorum alpha", 12), ...items("Quorum beta", 12), ...items("Filler", 80)].join("\n")}\n`, "page.md");
    const stored = unpack(pack(parsed, assignIds(parsed.entries), "b", "k", checksum), "b", "k", "page.md", checksum)!.stored;
    for (const q of ["quorum alpha -alpha", "quorum alpha kind:talk", "quorum alpha"]) {
      const r = rank(stored, q, { partial: true });
      expect(r, q).toEqual(rank(scanned(stored), q, { partial: true }));
    }
    expect(rank(stored, "quorum alpha -alpha", { partial: true }).indexes).toEqual(Int32Array.from({ length: 12 }, (_, k) => 12 + k));
  });

  it("counts, of two words typed for one, the entries the word they make holds as holding both, as a scan does", () => {
    // "chose nim": 15 entries hold both words, 12 more are Choosenim (a typo of "chosenim"; no camelCase part), the rest one word or none.
    const items = [
      ...Array.from({ length: 15 }, (_, k) => `- [Chose Nim ${k}](https://a.example/${k})`),
      ...Array.from({ length: 12 }, (_, k) => `- [Choosenim ${k}](https://b.example/${k}) - The installer`),
      ...Array.from({ length: 40 }, (_, k) => `- [Chose ${k}](https://c.example/${k})`),
      ...Array.from({ length: 40 }, (_, k) => `- [Nim ${k}](https://d.example/${k})`),
      ...Array.from({ length: 400 }, (_, k) => `- [Filler ${k}](https://e.example/${k})`),
    ];
    const parsed = parsePage(`${items.join("\n")}\n`, "page.md");
    const stored = unpack(pack(parsed, assignIds(parsed.entries), "b", "k", checksum), "b", "k", "page.md", checksum)!.stored;
    const r = rank(stored, "chose nim");
    expect(r).toEqual(rank(scanned(stored), "chose nim"));
    expect(r.indexes.length).toBe(27);
  });

  it("searches the entries it selects as their whole column is searched: one 'ß' leaves no title cased, so 'xml' is no camelCase part", () => {
    const items = Array.from({ length: 40 }, (_, k) => `- [Filler ${k}](https://f.example/${k})`);
    const parsed = parsePage(`- [XMLParser](https://x.example/1)\n- [Straße](https://s.example/1)\n${items.join("\n")}\n`, "page.md");
    const stored = unpack(pack(parsed, assignIds(parsed.entries), "b", "k", checksum), "b", "k", "page.md", checksum)!.stored;
    for (const q of ["xml", "parser", "xml w"]) expect(rank(stored, q), q).toEqual(rank(scanned(stored), q));
  });

  it("lists, for a word's prefix, exactly the entries that hold a word starting with it at a word's start", () => {
    fc.assert(
      fc.property(page, prefix, (markdown, p) => {
        const entries = parsePage(markdown, "page.md").entries.map((e, i) => ({ ...e, id: String(i), position: i + 1, source: "page.md" }));
        const columns = columnsOf(entries);
        const postings = buildPostings({ ...columns, sectionRows: sectionRows(columns.section, columns.depths) });
        const [from, to] = prefixRange(postings, p);
        const listed = new Set(postings.postings.subarray(from, to));
        // A word start (here: not after a letter or digit; camelCase parts are the search's test's).
        const starts = new RegExp(`(?:^|[^\\p{L}\\p{N}])${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "iu");
        for (const [i, e] of entries.entries()) {
          const fields = [e.title, e.speaker ?? "", e.authors.join(", "), e.event ?? "", e.description ?? "", e.url, ...e.sectionPath, ...e.tags];
          if (fields.some((f) => starts.test(f) && /^[a-z0-9]+$/.test(p))) expect(listed.has(i), `${p} in entry ${i}`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
