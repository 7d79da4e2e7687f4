// The page cache: a round trip that loses nothing, and every untrustworthy file ignored (#4, #7).
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pack, unpack } from "../../src/cache/format";
import { FileCache, MAX_FILES, cacheDir, cacheKey } from "../../src/io/cache";
import { assignIds } from "../../src/catalog/ids";
import { buildCatalog } from "../../src/catalog/build-catalog";
import { parsePage } from "../../src/catalog/parse-page";
import { search } from "../../src/search/search";
import { AWESOME_COPY, SEED } from "../helpers/pages";
import { createHash } from "node:crypto";

const sha1 = (parts: string[]) => parts.reduce((hash, part) => hash.update(part), createHash("sha1")).digest("hex");

const seedText = readFileSync(SEED, "utf8");
const seed = parsePage(seedText, SEED);
const awesome = parsePage(readFileSync(AWESOME_COPY, "utf8"), AWESOME_COPY);

function roundTrip(page = seed, source = page.source) {
  const text = pack(page, assignIds(page.entries), "build-1", "key-1", sha1);
  return { text, back: unpack(text, "build-1", "key-1", source, sha1) };
}

describe("cache format", () => {
  it.each([["the bundled page", seed], ["the awesome page", awesome]])("round-trips %s into the same catalog", (_name, page) => {
    const { back } = roundTrip(page);
    expect(back).toBeDefined();
    const direct = buildCatalog([page]);
    const cached = buildCatalog([back!.page], { lazy: back!.lazy, joined: back!.joined });
    expect(cached.entries.map((e) => ({ ...e }))).toEqual(direct.entries.map((e) => ({ ...e, slug: expect.any(String) })));
    expect(back!.page.frontMatter).toEqual(page.frontMatter);
    expect(back!.page.headings).toEqual(page.headings);
    expect(cached.bySpeaker).toEqual(direct.bySpeaker);
  });

  it("searches the cached entries without building more than the hits", () => {
    const { back } = roundTrip(awesome);
    let built = 0;
    const counted = { length: back!.lazy.length, at: (i: number) => (built++, back!.lazy.at(i)), all: () => back!.lazy.all() };
    const cached = buildCatalog([back!.page], { lazy: counted, joined: back!.joined });
    const direct = buildCatalog([awesome]);
    for (const query of ["motoko", "motoko bootcamp", "ethereum"]) {
      built = 0;
      const hits = search(cached.lazy!, query, { joined: cached.joined! });
      expect(hits.map((h) => [h.entry.id, h.score])).toEqual(search(direct.entries, query).map((h) => [h.entry.id, h.score]));
      expect(hits.length).toBeGreaterThan(0);
      expect(built).toBe(hits.length);
    }
  });

  it("gives the current source, not the one it was stored for", () => {
    expect(roundTrip(seed, "/elsewhere/copy.md").back!.lazy.at(0)!.source).toBe("/elsewhere/copy.md");
  });

  it("keeps related links, tabs and all", () => {
    const page = parsePage("- [A](https://a.example) and [B c](https://b.example) [D](https://d.example)", "p.md");
    expect(roundTrip(page).back!.page.entries[0]!.related).toEqual([{ title: "B c", url: "https://b.example" }, { title: "D", url: "https://d.example" }]);
  });

  it("ignores another build, another key, truncation and corruption", () => {
    const { text } = roundTrip();
    const read = (t: string, build = "build-1", key = "key-1") => unpack(t, build, key, "s", sha1);
    expect(read(text)).toBeDefined();
    expect(read(text, "build-2")).toBeUndefined();
    expect(read(text, "build-1", "key-2")).toBeUndefined();
    for (const cut of [0, 5, 20, Math.floor(text.length / 2), text.length - 1]) expect(read(text.slice(0, cut))).toBeUndefined();
    expect(read(text.replace('"n":26', '"n":25'))).toBeUndefined();
    expect(read(text.replace("consensus-overview", "consensus-overvieW"))).toBeUndefined();
    // Well-formed but changed: only the digest can tell.
    expect(read(text.replace("consensus-overview", "execution---------"))).toBeUndefined();
    expect(read(text.replace("Consensus Overview", "Consensus Overviex"))).toBeUndefined();
    expect(read("not a cache file")).toBeUndefined();
    expect(read(`ICPL2 4\n{}}}\n`)).toBeUndefined();
  });
});

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "icp-links-cache-"));
}

describe("file cache", () => {
  const bytes = new TextEncoder().encode(seedText);

  it("lives under XDG_CACHE_HOME, else ~/.cache", () => {
    expect(cacheDir({ XDG_CACHE_HOME: "/x/cache" }, "/home/u")).toBe("/x/cache/icp-links");
    expect(cacheDir({}, "/home/u")).toBe("/home/u/.cache/icp-links");
    expect(cacheDir({ XDG_CACHE_HOME: "relative" }, "/home/u")).toBe("/home/u/.cache/icp-links");
  });

  it("writes atomically into a 0700 folder and reads back", () => {
    const dir = join(tempDir(), "icp-links");
    const cache = new FileCache({ dir, build: "b", uid: process.getuid?.() });
    expect(cache.get(bytes, SEED)).toBeUndefined();
    cache.set(bytes, seed);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual([`${cacheKey("b", bytes)}.page`]);
    expect(cache.get(bytes, SEED)!.page.entries).toHaveLength(26);
  });

  it("is never fatal: an unwritable folder means no cache", () => {
    const parent = tempDir();
    writeFileSync(join(parent, "file"), "x");
    const errors: string[] = [];
    const cache = new FileCache({ dir: join(parent, "file", "icp-links"), build: "b", onError: (what) => errors.push(what) });
    expect(() => cache.set(bytes, seed)).not.toThrow();
    expect(cache.get(bytes, SEED)).toBeUndefined();
    expect(errors[0]).toMatch(/cannot write the cache file/);
  });

  it("ignores a corrupt file and replaces it", () => {
    const dir = join(tempDir(), "icp-links");
    const cache = new FileCache({ dir, build: "b" });
    cache.set(bytes, seed);
    const file = join(dir, `${cacheKey("b", bytes)}.page`);
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 500));
    expect(cache.get(bytes, SEED)).toBeUndefined();
    cache.set(bytes, seed);
    expect(cache.get(bytes, SEED)).toBeDefined();
  });

  it("does not trust a file or folder that someone else owns or may write", () => {
    const dir = join(tempDir(), "icp-links");
    const uid = process.getuid?.() ?? 0;
    const cache = new FileCache({ dir, build: "b", uid });
    cache.set(bytes, seed);
    const file = join(dir, `${cacheKey("b", bytes)}.page`);
    chmodSync(file, 0o666);
    expect(cache.get(bytes, SEED)).toBeUndefined();
    chmodSync(file, 0o600);
    expect(cache.get(bytes, SEED)).toBeDefined();
    if (uid === 0) {
      chownSync(file, 12345, 12345);
      expect(cache.get(bytes, SEED)).toBeUndefined();
    }
    expect(new FileCache({ dir, build: "b", uid: uid + 1 }).get(bytes, SEED)).toBeUndefined();
  });

  it("reads the package's own read-only folder after its own", () => {
    const seedDir = tempDir();
    new FileCache({ dir: seedDir, build: "b" }).set(bytes, seed);
    const cache = new FileCache({ dir: join(tempDir(), "none"), readOnlyDirs: [seedDir], build: "b" });
    expect(cache.get(bytes, SEED)!.page.entries).toHaveLength(26);
  });

  it(`keeps at most ${MAX_FILES} files, removing the least recently used`, () => {
    const dir = join(tempDir(), "icp-links");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const cache = new FileCache({ dir, build: "b" });
    const old = new Date(Date.now() - 3600_000);
    for (let i = 0; i < MAX_FILES + 5; i++) {
      const name = join(dir, `${String(i).padStart(40, "0")}.page`);
      writeFileSync(name, "x");
      utimesSync(name, old, new Date(old.getTime() + i * 1000));
    }
    cache.set(bytes, seed);
    const files = readdirSync(dir);
    expect(files).toHaveLength(MAX_FILES);
    expect(files).toContain(`${cacheKey("b", bytes)}.page`);
    expect(files).not.toContain(`${"0".repeat(40)}.page`);
  });
});
