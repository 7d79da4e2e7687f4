// The page cache's file format (src/cache/format.ts): a round trip that loses nothing, and every
// damaged file refused (#4, #7).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAGIC, pack, packUnit, unpack, unpackPages, type ByteSource } from "../../src/cache/format";
import { POSTINGS_CHUNK, prefixRange } from "../../src/columns/postings";
import { checksum } from "../../src/cache/checksum";
import { assignIds } from "../../src/catalog/ids";
import { buildCatalog, sectionDescriptions } from "../../src/catalog/catalog";
import { parsePage } from "../../src/catalog/parse-page";
import { search } from "../../src/search/search";
import { sectionRows } from "../../src/columns/folded";
import { tsvLines } from "../../src/render/entries";
import { AWESOME_COPY, ROOT, SEED } from "../helpers/pages";

const seed = parsePage(readFileSync(SEED, "utf8"), SEED);
const awesome = parsePage(readFileSync(AWESOME_COPY, "utf8"), AWESOME_COPY);

function roundTrip(page = seed, source = page.source) {
  const bytes = pack(page, assignIds(page.entries), "build-1", "key-1", checksum);
  return { bytes, back: unpack(bytes, "build-1", "key-1", source, checksum) };
}

describe("cache format", () => {
  it.each([["the bundled page", seed], ["the awesome page", awesome]])("round-trips %s into the same catalog", (_name, page) => {
    const { back } = roundTrip(page);
    expect(back).toBeDefined();
    const direct = buildCatalog([page]);
    const cached = buildCatalog([back!]);
    expect(cached.entries.map((e) => ({ ...e }))).toEqual(direct.entries.map((e) => ({ ...e, slug: expect.any(String) })));
    expect(back!.page.frontMatter).toEqual(page.frontMatter);
    expect(back!.page.headings).toEqual(page.headings);
    expect(cached.bySpeaker).toEqual(direct.bySpeaker);
  });

  it("iterates a cached catalog in order, building each entry as it comes, and keeps none of them", () => {
    const { back } = roundTrip(awesome);
    let built = 0;
    const counted = { ...back!.stored, at: (i: number) => (built++, back!.stored.at(i)) };
    const cached = buildCatalog([{ page: back!.page, stored: counted }]);
    const ids: string[] = [];
    for (const e of cached) {
      ids.push(e.id);
      expect(built).toBe(ids.length);
    }
    expect(ids).toEqual(buildCatalog([awesome]).entries.map((e) => e.id));
    // Iterating again builds them again: nothing was kept.
    expect([...cached].length).toBe(ids.length);
    expect(built).toBe(2 * ids.length);
  });

  it("searches the cached entries without building more than the hits", () => {
    const { back } = roundTrip(awesome);
    let built = 0;
    const counted = { ...back!.stored, at: (i: number) => (built++, back!.stored.at(i)) };
    const cached = buildCatalog([{ page: back!.page, stored: counted }]);
    const direct = buildCatalog([awesome]);
    for (const query of ["motoko", "motoko bootcamp", "ethereum"]) {
      built = 0;
      const hits = search(cached, query);
      expect(hits.map((h) => [h.entry.id, h.score])).toEqual(search(direct, query).map((h) => [h.entry.id, h.score]));
      expect(hits.length).toBeGreaterThan(0);
      expect(built).toBe(hits.length);
    }
  });

  it("stores the typo vocabulary: typo searches find what they find on the parsed page", () => {
    const tricky = join(ROOT, "test/fixtures/tricky-titles.md");
    const accents = "## Réseau\n\n- [Björn Tackmann: Náive Consensüs / Björn Tackmann](https://a.example/1)\n- [東京 Netzwerk / Jens Groth](https://a.example/2)\n";
    for (const page of [seed, awesome, parsePage(readFileSync(tricky, "utf8"), tricky), parsePage(accents, "accents.md")]) {
      const { back } = roundTrip(page);
      expect(back!.stored.columns().vocabulary!.text.length).toBeGreaterThan(0);
      const cached = buildCatalog([back!]);
      const direct = buildCatalog([page]);
      // Misspelt words of titles, speakers and sections, in ASCII and not.
      for (const query of ["camenish", "consensys", "motokko", "etherium", "bootcmp", "resharng", "nerwork", "bjorm", "tackman", "grooth", "reseu", "netzwerc", "lovelase"]) {
        const typo = search(cached, query).map((h) => [h.entry.id, h.score]);
        expect(typo).toEqual(search(direct, query).map((h) => [h.entry.id, h.score]));
      }
    }
  });

  it("gives each entry's TSV fields without building the entry, the same as the entry has", () => {
    const { back } = roundTrip(awesome);
    const lazy = back!.stored;
    for (let i = 0; i < lazy.size; i++) {
      const e = lazy.at(i)!;
      expect(lazy.summary!(i)).toEqual({ id: e.id, title: e.title, url: e.url, speaker: e.speaker, section: e.section });
    }
    expect(lazy.summary!(lazy.size)).toBeUndefined();
  });

  it("gives the TSV lines of any entries straight from its columns, as tsvLines of their summaries (#26)", () => {
    for (const page of [seed, awesome]) {
      const lazy = roundTrip(page).back!.stored;
      const all = Int32Array.from({ length: lazy.size }, (_, i) => lazy.size - 1 - i);
      const some = Int32Array.from([3, 0, lazy.size - 1, 3]);
      for (const indexes of [all, some, new Int32Array(0)]) {
        expect(lazy.tsv!(indexes)).toBe(tsvLines(Array.from(indexes, (i) => lazy.summary(i)!), true));
      }
      expect(() => lazy.tsv!(Int32Array.from([lazy.size]))).toThrow(RangeError);
    }
    // Not where a printed column holds what sanitize() would change: those lines are checked one by one.
    const page = { ...seed, entries: seed.entries.map((e, i) => (i === 2 ? { ...e, title: "A\x1b]0;owned\x07B" } : e)) };
    expect(unpack(pack(page, assignIds(page.entries), "build-1", "key-1", checksum), "build-1", "key-1", "s", checksum)!.stored.tsv).toBeUndefined();
  });

  it("stores the section trails split as the search makes them from its columns, with the sections' intro lines (#26, #24)", () => {
    const nested = parsePage("# Top\n\n## A\n\n- [Parent item](https://p.example)\n  - [Child](https://c.example)\n    - [Grandchild](https://g.example)\n- [Other](https://o.example)\n\n## B\n\n*Libraries for quick checks.*\n\n- [Beta](https://b.example)\n", "nested.md");
    for (const page of [seed, awesome, nested]) {
      const columns = roundTrip(page).back!.stored.columns();
      expect(columns.sectionRows).toEqual(sectionRows(columns.section, columns.depths, sectionDescriptions([page])));
      if (page === nested) expect(Math.max(...columns.depths!)).toBeGreaterThan(0);
    }
    const pages = [seed, nested, awesome];
    const unit = unpackPages(packUnit(pages.map((page, k) => ({ page, identity: `file:${k}` })), assignIds(pages.flatMap((p) => p.entries)), "build-1", "key-1", checksum), "build-1", "key-1", checksum)!;
    const columns = unit.stored.columns();
    expect(columns.sectionRows).toEqual(sectionRows(columns.section, columns.depths, sectionDescriptions(pages)));
    expect(columns.sectionRows!.intro).toContain("Libraries for quick checks.");
    // And the search finds in them what it finds on the parsed pages.
    for (const query of ["parent", "section:a child", "top", "beta", "parent child", "grandchild top", "quick checks", "libraries"]) {
      const parsed = buildCatalog(pages);
      expect(search(parsed, query).length, query).toBeGreaterThan(0);
      expect(search(buildCatalog(unit.pages.map((page, k) => ({ page, unit: { entries: unit.stored, count: unit.counts[k]! } }))), query).map((h) => [h.entry.id, h.score]), query).toEqual(search(parsed, query).map((h) => [h.entry.id, h.score]));
    }
  });

  it("says its entries are sanitised only when every printed column was found clean on writing", () => {
    expect(roundTrip(awesome).back!.stored.sanitized).toBe(true);
    // The parser never lets this through; a page built by hand can carry it.
    const page = { ...seed, entries: seed.entries.map((e, i) => (i === 2 ? { ...e, title: "A\x1b]0;owned\x07B" } : e)) };
    const bytes = pack(page, assignIds(page.entries), "build-1", "key-1", checksum);
    const back = unpack(bytes, "build-1", "key-1", "s", checksum)!;
    expect(back.stored.sanitized).toBe(false);
    const mark = { ...seed, entries: seed.entries.map((e, i) => (i === 2 ? { ...e, sectionPath: ["Top", "\u202eevil"] } : e)) };
    expect(unpack(pack(mark, assignIds(mark.entries), "build-1", "key-1", checksum), "build-1", "key-1", "s", checksum)!.stored.sanitized).toBe(false);
  });

  it("gives the current source, not the one it was stored for", () => {
    expect(roundTrip(seed, "/elsewhere/copy.md").back!.stored.at(0)!.source).toBe("/elsewhere/copy.md");
  });

  it("keeps related links, tabs and all", () => {
    const page = parsePage("- [A](https://a.example) and [B c](https://b.example) [D](https://d.example)", "p.md");
    expect(roundTrip(page).back!.page.entries[0]!.related).toEqual([{ title: "B c", url: "https://b.example" }, { title: "D", url: "https://d.example" }]);
  });

  it("keeps an author whose name holds ', ' one author ('Doersch, Carl'), and finds the same entries by the name's words", () => {
    const page = parsePage("- [P](https://arxiv.org/abs/1) - x", "p.md");
    const entry = { ...page.entries[0]!, kind: "paper" as const, authors: ["Doersch, Carl", "Gupta, Abhinav", "Efros"] };
    const withAuthors = { ...page, entries: [entry] };
    const { back } = roundTrip(withAuthors);
    expect(back!.page.entries[0]!.authors).toEqual(["Doersch, Carl", "Gupta, Abhinav", "Efros"]);
    const ids = (p: typeof withAuthors) => search(buildCatalog([p]), "carl doersch").map((h) => h.entry.id);
    expect(ids(withAuthors)).toHaveLength(1);
    expect(ids(back!.page as typeof withAuthors)).toEqual(ids(withAuthors));
  });

  it("ignores another build, another key, truncation and corruption", () => {
    const { bytes } = roundTrip();
    const read = (b: Uint8Array, build = "build-1", key = "key-1") => unpack(b, build, key, "s", checksum);
    // Same-length edits, as a byte flip on disk would make them.
    const edit = (b: Uint8Array, from: string, to: string) => {
      const text = Buffer.from(b).toString("latin1");
      expect(text).toContain(from);
      return Buffer.from(text.replace(from, to), "latin1");
    };
    expect(read(bytes)).toBeDefined();
    expect(read(bytes, "build-2")).toBeUndefined();
    expect(read(bytes, "build-1", "key-2")).toBeUndefined();
    for (const cut of [0, 5, 20, Math.floor(bytes.length / 2), bytes.length - 1]) expect(read(bytes.subarray(0, cut))).toBeUndefined();
    // Well-formed but changed: only the checksum can tell.
    expect(read(edit(bytes, "consensus-overview", "execution---------"))).toBeUndefined();
    expect(read(edit(bytes, "Consensus Overview", "Consensus Overviex"))).toBeUndefined();
    expect(read(edit(bytes, "Consensus", "Xonsensus"))).toBeUndefined();
    expect(read(new TextEncoder().encode("not a cache file"))).toBeUndefined();
    expect(read(new TextEncoder().encode(`${MAGIC}\0\0\0\0\x04\0\0\0{}}}`))).toBeUndefined();
    // A copy at an odd place in memory reads the same (typed arrays need aligned data).
    const odd = new Uint8Array(bytes.length + 1).subarray(1);
    odd.set(bytes);
    expect(read(odd)!.stored.at(3)).toEqual(read(bytes)!.stored.at(3));
  });

  it("reads a file in part: the postings only when a search asks, and of them only the chunks it looks up (#26)", () => {
    // A page of more postings than two chunks hold: many links, each of several words.
    const lines = Array.from({ length: 6000 }, (_, k) => `- [Word${k % 700} consensus ${k % 3 === 0 ? "canister" : "ledger"} ${k}](https://e.example/${k}) - chain key ${k % 11}`);
    const page = parsePage(`# Links\n\n${lines.join("\n")}\n`, "big.md");
    const bytes = pack(page, assignIds(page.entries), "build-1", "key-1", checksum);
    const reads: [number, number][] = [];
    const file: ByteSource = { size: bytes.length, read: (offset, length) => (reads.push([offset, length]), Uint8Array.from(bytes.subarray(offset, offset + length))) };
    const read = () => reads.reduce((sum, [, length]) => sum + length, 0);
    const back = unpack(file, "build-1", "key-1", "big.md", checksum)!;
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
    const header = JSON.parse(Buffer.from(bytes.subarray(16, 16 + headerLength)).toString("utf8")) as { index: { postings: number } };
    expect(header.index.postings).toBeGreaterThan(2 * POSTINGS_CHUNK);
    // Nothing of the index yet: no read reaches its postings, the last quarter of this file.
    expect(Math.max(...reads.map(([offset, length]) => offset + length))).toBeLessThan(bytes.length - 4 * header.index.postings);
    const postings = back.stored.postings!()!;
    const before = read();
    const [from, to] = prefixRange(postings, "word699");
    expect(to - from).toBeGreaterThan(0);
    expect(Array.from(postings.read(from, to)!)).toEqual(Array.from({ length: to - from }, (_, k) => 699 + 700 * k));
    // One chunk at most, or two where the word's postings cross a chunk's end.
    expect(read() - before).toBeLessThanOrEqual(2 * 4 * POSTINGS_CHUNK);
    // A range across chunks reads as the in-memory file reads it.
    const all = unpack(bytes, "build-1", "key-1", "big.md", checksum)!.stored.postings!()!;
    expect(postings.read(POSTINGS_CHUNK - 5, 2 * POSTINGS_CHUNK + 5)).toEqual(all.read(POSTINGS_CHUNK - 5, 2 * POSTINGS_CHUNK + 5));
    expect(postings.read(0, header.index.postings)).toEqual(all.read(0, header.index.postings));
    // A chunk that cannot be read, or reads damaged: no postings of it, and the search scans.
    const damaged: ByteSource = { size: bytes.length, read: (offset, length) => {
      const copy = Uint8Array.from(bytes.subarray(offset, offset + length));
      if (offset + length === bytes.length && length === 4 * (header.index.postings % POSTINGS_CHUNK)) copy[0] = copy[0]! ^ 1;
      return copy;
    } };
    const broken = unpack(damaged, "build-1", "key-1", "big.md", checksum)!.stored.postings!()!;
    expect(broken.read(0, 10)).toEqual(all.read(0, 10));
    expect(broken.read(header.index.postings - 1, header.index.postings)).toBeUndefined();
    expect(unpack({ size: bytes.length, read: () => undefined }, "build-1", "key-1", "big.md", checksum)).toBeUndefined();
  });

  it("checks the file's structure too, not only its checksum", () => {
    // With a checksum that accepts everything, what is left is the structure: every part where
    // the header says, filling the file exactly, every index within its table.
    const anything = () => 0;
    const bytes = pack(seed, assignIds(seed.entries), "build-1", "key-1", anything);
    const read = (b: Uint8Array) => unpack(b, "build-1", "key-1", "s", anything);
    const edit = (from: string, to: string) => Buffer.from(Buffer.from(bytes).toString("latin1").replace(from, to), "latin1");
    expect(read(bytes)).toBeDefined();
    expect(read(edit('"n":26', '"n":25'))).toBeUndefined();
    expect(read(edit('"n":26', '"n":27'))).toBeUndefined();
    expect(read(edit('"endian":"LE"', '"endian":"BE"'))).toBeUndefined();
    expect(read(edit('"build":"build-1"', '"build":"build-2"'))).toBeUndefined();
    for (const cut of [10, 100, bytes.length - 1]) expect(read(bytes.subarray(0, cut))).toBeUndefined();
    const grown = new Uint8Array(bytes.length + 4);
    grown.set(bytes);
    expect(read(grown)).toBeUndefined();
    // Where the parts are: lines (n), section runs, tag runs (rows, then starts), text starts.
    // Magic (8 bytes), checksum, header length, header.
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
    const header = JSON.parse(Buffer.from(bytes.subarray(16, 16 + headerLength)).toString("utf8")) as { runs: { path: number; tags: number } };
    const dataStart = Math.ceil((16 + headerLength) / 8) * 8;
    const n = 26;
    // Lines, years, durations and nesting depths (#13): four Int32 per entry.
    const sectionRows = dataStart + 4 * 4 * n;
    const sectionStarts = sectionRows + 4 * header.runs.path;
    const titleStarts = sectionStarts + 4 * (header.runs.path + 1) + 4 * (2 * header.runs.tags + 1);
    const changed = (offset: number, value: number) => {
      const copy = Uint8Array.from(bytes);
      new DataView(copy.buffer).setInt32(offset, value, true);
      return copy;
    };
    expect(read(changed(sectionRows, 0))).toBeDefined();
    // A section row past the end of the table; runs out of order; a column ending past its text.
    expect(read(changed(sectionRows, 9999))).toBeUndefined();
    expect(read(changed(sectionStarts + 4, 0))).toBeUndefined();
    expect(read(changed(sectionStarts + 4 * header.runs.path, n + 1))).toBeUndefined();
    expect(read(changed(titleStarts + 4 * n, 1 << 20))).toBeUndefined();
  });

  it("builds a new entry object per read until all entries are built, then hands those out", () => {
    const { back } = roundTrip();
    const first = back!.stored.at(2)!;
    expect(back!.stored.at(2)).not.toBe(first);
    expect(back!.stored.at(2)).toEqual(first);
    const all = back!.stored.all();
    expect(back!.stored.at(2)).toBe(all[2]);
    expect(back!.page.entries[2]).toBe(all[2]);
  });

  it("checks every block by its own checksum: a byte changed in any block, or in the header, is refused (#26)", () => {
    const pages = [seed, parsePage("---\ntitle: Notes\n---\n# Notes\n\n- [Zeta talk](https://z.example) - Ada Lovelace\n", "notes.md")];
    const unit = packUnit(pages.map((page, k) => ({ page, identity: `file:${k}` })), assignIds(pages.flatMap((p) => p.entries)), "build-1", "key-1", checksum);
    const page = pack(seed, assignIds(seed.entries), "build-1", "key-1", checksum);
    for (const [what, bytes] of [["a unit", unit], ["a page file", page]] as const) {
      const read = (b: Uint8Array) => unpackPages(b, "build-1", "key-1", checksum, what === "a unit" ? undefined : "s");
      expect(read(bytes), what).toBeDefined();
      const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
      const header = JSON.parse(Buffer.from(bytes.subarray(16, 16 + headerLength)).toString("utf8")) as { n: number; blocks: number[]; runs: { path: number; tags: number }; text: Record<string, { bytes: number }>; vocabulary: { bytes: number }; details?: { bytes: number }; sections: { runs: number; tables: { bytes: number }[] }; index: { words: number; postings: number; bytes: number } };
      const n = header.n;
      // The integers and kinds; each text column; the vocabulary; a unit's details; the split section trails; the postings.
      const columns = Object.values(header.text).map((t) => t.bytes);
      const sections = 4 * (2 * header.sections.runs + 1) + header.sections.tables.reduce((sum, t) => sum + t.bytes, 0);
      const sizes = [4 * 4 * n + 4 * (2 * header.runs.path + 1 + 2 * header.runs.tags + 1) + columns.length * 4 * (n + 1) + n, ...columns, header.vocabulary.bytes, ...(header.details ? [header.details.bytes] : []), sections, 8 * (header.index.words + 1) + Math.ceil(header.index.bytes / 4) * 4 + 4 * header.index.postings];
      expect(sizes.length, what).toBe(header.blocks.length);
      let at = Math.ceil((16 + headerLength) / 8) * 8;
      const flipped = (offset: number) => {
        const copy = Uint8Array.from(bytes);
        copy[offset] = copy[offset]! ^ 0x01;
        return copy;
      };
      expect(read(flipped(16 + Math.floor(headerLength / 2))), `${what}: the header`).toBeUndefined();
      for (const [k, size] of sizes.entries()) {
        if (size > 0 && k === sizes.length - 1) {
          // The postings are checked when a search first asks for them: damaged, there are none
          // (and the search scans every entry), but the page is read.
          for (const offset of [at + Math.floor(size / 2), at + size - 1]) {
            const back = read(flipped(offset));
            expect(back, `${what}: the postings`).toBeDefined();
            const postings = back!.stored.postings!();
            if (postings) expect(postings.read(0, postings.lists.at(-1)!), `${what}: the postings`).toBeUndefined();
          }
          expect(read(bytes)!.stored.postings!(), what).toBeDefined();
        } else if (size > 0) {
          expect(read(flipped(at + Math.floor(size / 2))), `${what}: block ${k}`).toBeUndefined();
          expect(read(flipped(at + size - 1)), `${what}: block ${k}'s last byte`).toBeUndefined();
        }
        at += Math.ceil(size / 4) * 4;
      }
      expect(at, what).toBe(bytes.length);
    }
  });
});
