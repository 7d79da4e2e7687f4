// The catalog unit (#26): the pages of a folder (or several files) cached as one. A warm run
// parses nothing and finds the same entries and the same ranked hits as a run without a cache;
// after one file of the folder is edited, only that file is parsed, and the results are again
// those of a full read. Random folders and random queries.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadPages, type LoadDeps } from "../../../src/load/pages";
import { readFileCapped } from "../../../src/io/read-capped";
import { parsePage } from "../../../src/catalog/parse-page";
import { buildCatalog } from "../../../src/catalog/catalog";
import { FileCache } from "../../../src/io/cache/page-cache";
import { rank } from "../../../src/search/search";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "icp-links-unit-"));
  made.push(dir);
  return dir;
}

/** Loader deps over the real disk, counting the pages parsed. */
function deps(cache: FileCache | undefined, parsed: string[]): LoadDeps {
  return {
    fs: { stat: async (p) => statSync(p), readFile: async (p, limit) => readFileCapped(p, limit), readdir: async (p) => readdirSync(p, { withFileTypes: true }) },
    readStdin: async () => new Uint8Array(),
    maxBytes: 1024 * 1024,
    parse: (text, source) => {
      parsed.push(source);
      return parsePage(text, source);
    },
    ...(cache ? { cache } : {}),
  };
}

const WORDS = ["consensus", "canister", "chain", "key", "rust", "motoko", "ledger", "Ünïcode", "subnet", "talk"];
const word = fc.constantFrom(...WORDS);
const title = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
const line = fc.oneof(
  fc.tuple(title, fc.nat(50)).map(([t, n]) => `- [${t}](https://a.example/${n})`),
  fc.tuple(title, fc.nat(50), title).map(([t, n, d]) => `- [${t} / Ada Lovelace](https://www.youtube.com/watch?v=${n}) - ${d}`),
  fc.tuple(title, fc.nat(5)).map(([t, n]) => `* [${t}](/site/${n})`),
  title.map((t) => `## ${t}`),
  fc.constant(""),
);
// Front matter with a title, and sometimes a permalink that another note's site links point to.
const note = fc.tuple(fc.option(title, { nil: undefined }), fc.option(fc.nat(5), { nil: undefined }), fc.array(line, { maxLength: 12 })).map(
  ([t, permalink, lines]) => `${t === undefined ? "" : `---\ntitle: ${t}\ntags: [x]\n${permalink === undefined ? "" : `permalink: /site/${permalink}\n`}---\n`}${lines.join("\n")}\n`,
);
const query = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join(" ").toLowerCase()),
  fc.constantFrom("consensys", "canistr", "cons", "-rust chain", '"chain key"', "title:ledger", "zzz"),
);

/** What a command shows of a catalog: every entry, and the ranked hits of each query. */
function shown(catalog: ReturnType<typeof buildCatalog>, queries: string[]): unknown {
  // As an entry's JSON would show it: a cached entry also carries its slug, which nothing prints.
  const entries = catalog.entries.map((entry) => {
    const { slug: _, ...e } = entry as typeof entry & { slug?: string };
    return JSON.parse(JSON.stringify(e)) as unknown;
  });
  const hits = queries.map((q) => {
    const r = rank(catalog, q);
    return Array.from(r.indexes, (i, k) => [catalog.at(i)!.id, catalog.at(i)!.source, r.scores[k]]);
  });
  return { entries, hits, pages: catalog.pages.map((p) => [p.source, JSON.parse(JSON.stringify(p.frontMatter)) as unknown, p.headings]) };
}

describe("a folder cached as one unit", () => {
  it("gives, cold, warm and after editing one note, what a full read without a cache gives", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(note, { minLength: 2, maxLength: 6 }), fc.array(query, { minLength: 1, maxLength: 4 }), fc.nat(), note, async (notes, queries, pick, edited) => {
        const dir = temp();
        const folder = join(dir, "notes");
        const write = (k: number, text: string) => writeFileSync(join(folder, `n${k}.md`), text);
            mkdirSync(folder);
        notes.forEach((text, k) => write(k, text));
        // A clock past the file system's tick (keys.ts, settled): the unit notes every identity.
        const cache = () => new FileCache({ dir: join(dir, "cache"), build: "b", now: () => Date.now() + 60_000 });
        const full = async () => shown(buildCatalog(await loadPages(deps(undefined, []), [folder])), queries);

        const coldParsed: string[] = [];
        const cold = shown(buildCatalog(await loadPages(deps(cache(), coldParsed), [folder])), queries);
        expect(coldParsed).toHaveLength(notes.length);
        expect(cold).toEqual(await full());

        const warmParsed: string[] = [];
        const warm = shown(buildCatalog(await loadPages(deps(cache(), warmParsed), [folder])), queries);
        expect(warmParsed).toEqual([]);
        expect(warm).toEqual(cold);

        // One note edited (its size or times change: ctime always does).
        const k = pick % notes.length;
        write(k, `${edited}\n- [Edited consensus ${k}](https://edited.example/${k})\n`);
        const editParsed: string[] = [];
        const afterEdit = shown(buildCatalog(await loadPages(deps(cache(), editParsed), [folder])), queries);
        expect(editParsed).toEqual([join(folder, `n${k}.md`)]);
        expect(afterEdit).toEqual(await full());
        const againParsed: string[] = [];
        expect(shown(buildCatalog(await loadPages(deps(cache(), againParsed), [folder])), queries)).toEqual(afterEdit);
        expect(againParsed).toEqual([]);

        // A note added and another removed: the folder's unit still, only the new note read.
        rmSync(join(folder, `n${(k + 1) % notes.length}.md`));
        write(notes.length, edited);
        const changedParsed: string[] = [];
        const afterChange = shown(buildCatalog(await loadPages(deps(cache(), changedParsed), [folder])), queries);
        expect(changedParsed).toEqual([join(folder, `n${notes.length}.md`)]);
        expect(afterChange).toEqual(await full());
      }),
      { numRuns: 25 },
    );
  });

  it("reads again a note changed within the file system's clock tick, and a note added or removed", async () => {
    const dir = temp();
    const folder = join(dir, "notes");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.md"), "- [Alpha](https://a.example/)\n");
    writeFileSync(join(folder, "b.md"), "- [Beta](https://b.example/)\n");
    let clock = Date.now();
    const cache = new FileCache({ dir: join(dir, "cache"), build: "b", now: () => clock });
    const load = async () => {
      const parsed: string[] = [];
      const catalog = buildCatalog(await loadPages(deps(cache, parsed), [folder]));
      return { parsed: parsed.map((p) => p.slice(folder.length + 1)), titles: catalog.entries.map((e) => e.title) };
    };
    // Just written: not yet settled, so noted as unknown and read again by the next run.
    expect(await load()).toEqual({ parsed: ["a.md", "b.md"], titles: ["Alpha", "Beta"] });
    expect((await load()).parsed).toEqual(["a.md", "b.md"]);
    clock += 60_000;
    await load();
    expect(await load()).toEqual({ parsed: [], titles: ["Alpha", "Beta"] });
    writeFileSync(join(folder, "c.md"), "- [Gamma](https://c.example/)\n");
    // The folder's unit still: only the note added is read.
    expect(await load()).toEqual({ parsed: ["c.md"], titles: ["Alpha", "Beta", "Gamma"] });
    clock += 60_000;
    expect(await load()).toEqual({ parsed: [], titles: ["Alpha", "Beta", "Gamma"] });
    rmSync(join(folder, "c.md"));
    expect(await load()).toEqual({ parsed: [], titles: ["Alpha", "Beta"] });
    expect(await load()).toEqual({ parsed: [], titles: ["Alpha", "Beta"] });
  });

  it("reads a renamed note again, alone, under its new name, and a note written anew in place of another", async () => {
    const dir = temp();
    const folder = join(dir, "notes");
    mkdirSync(folder);
    for (const name of ["a", "b", "c"]) writeFileSync(join(folder, `${name}.md`), `- [Note ${name}](https://${name}.example/)\n`);
    const cache = new FileCache({ dir: join(dir, "cache"), build: "b", now: () => Date.now() + 60_000 });
    const load = async () => {
      const parsed: string[] = [];
      const catalog = buildCatalog(await loadPages(deps(cache, parsed), [folder]));
      return { parsed: parsed.map((p) => p.slice(folder.length + 1)), entries: catalog.entries.map((e) => [e.title, e.source.slice(folder.length + 1)]) };
    };
    await load();
    renameSync(join(folder, "b.md"), join(folder, "z.md"));
    expect(await load()).toEqual({ parsed: ["z.md"], entries: [["Note a", "a.md"], ["Note c", "c.md"], ["Note b", "z.md"]] });
    expect((await load()).parsed).toEqual([]);
    // c.md replaced by another file of the same size (another inode): read again.
    writeFileSync(join(folder, "c2.md"), "- [Note d](https://d.example/)\n");
    renameSync(join(folder, "c2.md"), join(folder, "c.md"));
    expect(await load()).toEqual({ parsed: ["c.md"], entries: [["Note a", "a.md"], ["Note d", "c.md"], ["Note b", "z.md"]] });
    expect(await load()).toEqual({ parsed: [], entries: [["Note a", "a.md"], ["Note d", "c.md"], ["Note b", "z.md"]] });
  });

  it("writes one unit file, and a warm run writes nothing", async () => {
    const dir = temp();
    const folder = join(dir, "notes");
    mkdirSync(folder);
    for (let k = 0; k < 30; k++) writeFileSync(join(folder, `n${k}.md`), `- [Note ${k}](https://n.example/${k})\n`);
    const cacheDir = join(dir, "cache");
    const later = () => Date.now() + 60_000;
    await loadPages(deps(new FileCache({ dir: cacheDir, build: "b", now: later }), []), [folder]);
    const files = readdirSync(cacheDir);
    expect(files.filter((f) => f.endsWith(".cat"))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith(".page") || f.endsWith(".key"))).toEqual([]);
    const before = statSync(join(cacheDir, files.find((f) => f.endsWith(".cat"))!));
    const parsed: string[] = [];
    await loadPages(deps(new FileCache({ dir: cacheDir, build: "b", now: later }), parsed), [folder]);
    expect(parsed).toEqual([]);
    expect(statSync(join(cacheDir, files.find((f) => f.endsWith(".cat"))!)).ino).toBe(before.ino);
  });

  it("holds pages from the web and files together, a web page known by its bytes", async () => {
    const dir = temp();
    const file = join(dir, "local.md");
    writeFileSync(file, "- [Local](https://l.example/)\n");
    const served: Record<string, string> = { "https://w.example/a.md": "- [Web A](rel/a)\n", "https://w.example/b.md": "- [Web B](https://b.example/)\n" };
    const cache = new FileCache({ dir: join(dir, "cache"), build: "b", now: () => Date.now() + 60_000 });
    const load = async () => {
      const parsed: string[] = [];
      const pages = await loadPages({ ...deps(cache, parsed), remote: async (spec) => ({ source: spec, bytes: new TextEncoder().encode(served[spec]!), base: spec }) }, [file, ...Object.keys(served)]);
      const catalog = buildCatalog(pages);
      return { parsed, entries: catalog.entries.map((e) => [e.title, e.url, e.source, e.position]), base: catalog.pages[1]!.frontMatter.baseUrl };
    };
    const first = await load();
    expect(first.parsed).toHaveLength(3);
    expect(first.base).toBe("https://w.example/a.md");
    const warm = await load();
    expect(warm).toEqual({ ...first, parsed: [] });
    served["https://w.example/b.md"] = "- [Web B, changed](https://b.example/)\n";
    const changed = await load();
    expect(changed.parsed).toEqual(["https://w.example/b.md"]);
    expect(changed.entries.map((e) => e[0])).toEqual(["Local", "Web A", "Web B, changed"]);
  });

  it("reads every note again, with the results of a full read, when any block of the unit is damaged on disk (#26)", async () => {
    const dir = temp();
    const folder = join(dir, "notes");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.md"), "---\ntitle: Alpha notes\ntags: [x]\n---\n# Talks\n\n- [Consensus talk / Ada Lovelace](https://www.youtube.com/watch?v=1) - Chain key\n");
    writeFileSync(join(folder, "b.md"), "## Libraries\n\n- [Canister kit](https://github.com/o/r) - Rust ledger\n* [Site](/site/1)\n");
    const cacheDir = join(dir, "cache");
    const cache = () => new FileCache({ dir: cacheDir, build: "b", now: () => Date.now() + 60_000 });
    const queries = ["consensus", "canistr", "rust ledger"];
    const full = shown(buildCatalog(await loadPages(deps(undefined, []), [folder])), queries);
    await loadPages(deps(cache(), []), [folder]);
    const unit = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith(".cat"))!);
    const good = readFileSync(unit);
    // Where the blocks are: after the header (its length at 12), each at a multiple of 4.
    const headerLength = good.readUInt32LE(12);
    const header = JSON.parse(good.subarray(16, 16 + headerLength).toString("utf8")) as { blocks: number[]; text: Record<string, { bytes: number }>; vocabulary: { bytes: number }; details: { bytes: number }; sections: { runs: number; tables: { bytes: number }[] }; index: { words: number; postings: number; bytes: number } };
    const sections = 4 * (2 * header.sections.runs + 1) + header.sections.tables.reduce((sum, t) => sum + t.bytes, 0);
    const postings = 8 * (header.index.words + 1) + Math.ceil(header.index.bytes / 4) * 4 + 4 * header.index.postings;
    const tail = [...Object.values(header.text).map((t) => t.bytes), header.vocabulary.bytes, header.details.bytes, sections, postings];
    const dataStart = Math.ceil((16 + headerLength) / 8) * 8;
    const firstSize = good.length - dataStart - tail.reduce((sum, b) => sum + Math.ceil(b / 4) * 4, 0);
    let at = dataStart;
    const middles = [16 + (headerLength >> 1)];
    for (const size of [firstSize, ...tail]) {
      if (size > 0) middles.push(at + (size >> 1));
      at += Math.ceil(size / 4) * 4;
    }
    expect(middles.length).toBe(header.blocks.length + 1 - tail.filter((b) => b === 0).length);
    for (const [k, offset] of middles.entries()) {
      const damaged = Buffer.from(good);
      damaged[offset] = damaged[offset]! ^ 0x20;
      writeFileSync(unit, damaged);
      const parsed: string[] = [];
      expect(shown(buildCatalog(await loadPages(deps(cache(), parsed), [folder])), queries), `byte ${offset}`).toEqual(full);
      // The postings, the last block, are checked when a search asks for them: damaged, the search
      // scans every entry and nothing is read again.
      expect(parsed, `byte ${offset}`).toHaveLength(k === middles.length - 1 ? 0 : 2);
    }
  });
});
