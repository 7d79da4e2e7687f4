// The page cache on disk (src/io/cache/page-cache.ts, keys.ts, store.ts): pages found by their key
// or its note, and every untrustworthy file ignored (#4, #7).
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pack } from "../../../src/cache/format";
import { checksum } from "../../../src/cache/checksum";
import { cacheKey } from "../../../src/io/cache/keys";
import { FileCache, cacheDir } from "../../../src/io/cache/page-cache";
import { MAX_FILES } from "../../../src/io/cache/store";
import { assignIds } from "../../../src/catalog/ids";
import { parsePage } from "../../../src/catalog/parse-page";
import { SEED } from "../../helpers/pages";
import { tempDir } from "../../helpers/temp";

const seedText = readFileSync(SEED, "utf8");
const seed = parsePage(seedText, SEED);

describe("file cache", () => {
  const bytes = new TextEncoder().encode(seedText);

  it("finds a file's page by hashing it in chunks, under the same key as its bytes", () => {
    const dir = tempDir("icp-links-cache-");
    const cache = new FileCache({ dir: join(dir, "c"), build: "b1" });
    const page = join(dir, "page.md");
    // Over two chunks of a megabyte, so that the chunked hash is really chunked.
    const big = `${seedText}\n${"<!-- filler -->\n".repeat(150_000)}`;
    writeFileSync(page, big);
    const bigBytes = new TextEncoder().encode(big);
    expect(bigBytes.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(cache.getFile(page, page, 64 << 20)).toBeUndefined();
    cache.set(bigBytes, parsePage(big, page));
    expect(cache.getFile(page, page, 64 << 20)!.stored!.at(0)!.title).toBe(seed.entries[0]!.title);
    // Too large, missing, or not a regular file: the loader reads it and decides.
    expect(cache.getFile(page, page, 1024)).toBeUndefined();
    expect(cache.getFile(join(dir, "missing.md"), "m", 64 << 20)).toBeUndefined();
    expect(cache.getFile(dir, dir, 64 << 20)).toBeUndefined();
  });

  describe("remembered keys of pages", () => {
    // A page of 1 MB (hashed in chunks), and a clock far enough ahead that it has settled.
    const setup = (now = () => Date.now() + 60_000) => {
      const dir = tempDir("icp-links-cache-");
      const cache = new FileCache({ dir: join(dir, "c"), build: "b1", now });
      const page = join(dir, "page.md");
      const text = (title: string) => `- [${title}](https://a.example)\n${"<!-- filler -->\n".repeat((1 << 20) / 16 + 1)}`;
      const store = (title: string) => {
        writeFileSync(page, text(title));
        cache.set(new TextEncoder().encode(text(title)), parsePage(text(title), page));
      };
      const notes = () => readdirSync(join(dir, "c")).filter((f) => f.endsWith(".key"));
      const title = () => cache.getFile(page, page, 64 << 20)?.stored!.at(0)!.title;
      return { dir, cache, page, store, notes, title };
    };

    it("remembers a settled page's key, and uses the note while the file is unchanged", () => {
      const { dir, page, store, notes, title } = setup();
      store("Alpha");
      expect(title()).toBe("Alpha");
      expect(notes()).toHaveLength(1);
      // The note is what finds the page: pointed at another page's key, it finds that page.
      const other = join(dir, "other.md");
      writeFileSync(other, "- [Other](https://b.example)\n");
      const cache2 = new FileCache({ dir: join(dir, "c"), build: "b1" });
      const otherText = readFileSync(other, "utf8");
      cache2.set(new TextEncoder().encode(otherText), parsePage(otherText, other));
      const noteFile = join(dir, "c", notes()[0]!);
      const note = JSON.parse(readFileSync(noteFile, "utf8")) as { key: string };
      writeFileSync(noteFile, JSON.stringify({ ...note, key: cacheKey("b1", new TextEncoder().encode(otherText)) }));
      expect(title()).toBe("Other");
      // A planted note (writable by others) is not trusted.
      chmodSync(noteFile, 0o666);
      const strict = new FileCache({ dir: join(dir, "c"), build: "b1", uid: process.getuid!(), now: () => Date.now() + 60_000 });
      expect(strict.getFile(page, page, 64 << 20)?.stored!.at(0)!.title).toBe("Alpha");
    });

    it("reads the file again when it changed, even to the same size and modification time", () => {
      const { page, store, notes, title } = setup();
      store("Alpha");
      expect(title()).toBe("Alpha");
      const { mtime, size } = statSync(page);
      store("Gamma");
      utimesSync(page, mtime, mtime);
      expect(statSync(page)).toMatchObject({ size, mtime });
      expect(title()).toBe("Gamma");
      expect(notes()).toHaveLength(1);
    });

    it("does not remember the key of a page written just now", () => {
      const fresh = setup(() => Date.now());
      fresh.store("Alpha");
      expect(fresh.title()).toBe("Alpha");
      expect(fresh.notes()).toEqual([]);
    });

    it("remembers a small page's key too, and uses the note", () => {
      const small = setup();
      const page = join(small.dir, "small.md");
      const text = "- [Small](https://s.example)\n";
      writeFileSync(page, text);
      small.cache.set(new TextEncoder().encode(text), parsePage(text, page));
      expect(small.cache.getFile(page, page, 64 << 20)?.stored!.at(0)!.title).toBe("Small");
      expect(small.notes()).toHaveLength(1);
      // Pointed at another page's key, the note finds that page: it, not a hash, found the page.
      const other = "- [Other](https://o.example)\n";
      small.cache.set(new TextEncoder().encode(other), parsePage(other, page));
      const noteFile = join(small.dir, "c", small.notes()[0]!);
      const note = JSON.parse(readFileSync(noteFile, "utf8")) as { key: string };
      writeFileSync(noteFile, JSON.stringify({ ...note, key: cacheKey("b1", new TextEncoder().encode(other)) }));
      expect(small.cache.getFile(page, page, 64 << 20)?.stored!.at(0)!.title).toBe("Other");
    });
  });

  it("lives under XDG_CACHE_HOME, else ~/.cache", () => {
    expect(cacheDir({ XDG_CACHE_HOME: "/x/cache" }, "/home/u")).toBe("/x/cache/icp-links");
    expect(cacheDir({}, "/home/u")).toBe("/home/u/.cache/icp-links");
    expect(cacheDir({ XDG_CACHE_HOME: "relative" }, "/home/u")).toBe("/home/u/.cache/icp-links");
  });

  it("writes atomically into a 0700 folder and reads back", () => {
    const dir = join(tempDir("icp-links-cache-"), "icp-links");
    const cache = new FileCache({ dir, build: "b", uid: process.getuid?.() });
    expect(cache.get(bytes, SEED)).toBeUndefined();
    const stored = cache.set(bytes, seed);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual([`${cacheKey("b", bytes)}.page`]);
    expect(cache.get(bytes, SEED)!.page.entries).toHaveLength(26);
    // Given back as get() reads it: a cold run catalogs and searches what a warm one does (#26).
    expect(stored!.stored).toBeDefined();
    expect(JSON.stringify(stored!.page)).toBe(JSON.stringify(cache.get(bytes, SEED)!.page));
    expect([...stored!.stored!].map((e) => e.title)).toEqual(seed.entries.map((e) => e.title));
  });

  it("is never fatal: an unwritable folder means no cache", () => {
    const parent = tempDir("icp-links-cache-");
    writeFileSync(join(parent, "file"), "x");
    const errors: string[] = [];
    const cache = new FileCache({ dir: join(parent, "file", "icp-links"), build: "b", onError: (what) => errors.push(what) });
    expect(cache.set(bytes, seed)).toBeUndefined();
    expect(cache.get(bytes, SEED)).toBeUndefined();
    expect(errors[0]).toMatch(/cannot write the cache file/);
  });

  it("ignores a corrupt file and replaces it", () => {
    const dir = join(tempDir("icp-links-cache-"), "icp-links");
    const cache = new FileCache({ dir, build: "b" });
    cache.set(bytes, seed);
    const file = join(dir, `${cacheKey("b", bytes)}.page`);
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 500));
    expect(cache.get(bytes, SEED)).toBeUndefined();
    cache.set(bytes, seed);
    expect(cache.get(bytes, SEED)).toBeDefined();
  });

  it("does not trust a file or folder that someone else owns or may write", () => {
    const dir = join(tempDir("icp-links-cache-"), "icp-links");
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

  it("opens a cache file it reads in part only as a regular file of its own, never through a link or a FIFO (#26)", () => {
    const dir = join(tempDir("icp-links-cache-"), "icp-links");
    const cache = new FileCache({ dir, build: "b" });
    cache.set(bytes, seed);
    const file = join(dir, `${cacheKey("b", bytes)}.page`);
    const good = readFileSync(file);
    const elsewhere = join(dir, "..", "copy.page");
    writeFileSync(elsewhere, good, { mode: 0o600 });
    rmSync(file);
    symlinkSync(elsewhere, file);
    expect(cache.get(bytes, SEED)).toBeUndefined();
    rmSync(file);
    execFileSync("mkfifo", ["-m", "600", file]);
    // Opened without blocking and refused: nothing waits for a writer.
    expect(cache.get(bytes, SEED)).toBeUndefined();
    rmSync(file);
    writeFileSync(file, good, { mode: 0o600 });
    expect(cache.get(bytes, SEED)).toBeDefined();
  });

  it("reads every part of the one file it opened, even when another run replaces the file meanwhile (#26)", () => {
    const dir = join(tempDir("icp-links-cache-"), "icp-links");
    const cache = new FileCache({ dir, build: "b" });
    cache.set(bytes, seed);
    const file = join(dir, `${cacheKey("b", bytes)}.page`);
    const page = cache.get(bytes, SEED)!;
    // The postings are read when a search asks, after the file was replaced (as an atomic write does).
    const replacement = join(dir, "next.tmp");
    writeFileSync(replacement, "not a cache file", { mode: 0o600 });
    renameSync(replacement, file);
    const postings = page.stored!.postings!()!;
    expect(postings).toBeDefined();
    expect(postings.read(0, postings.lists.at(-1)!)).toBeDefined();
  });

  it("reads the package's own read-only folder after its own", () => {
    const seedDir = tempDir("icp-links-cache-");
    new FileCache({ dir: seedDir, build: "b" }).set(bytes, seed);
    const cache = new FileCache({ dir: join(tempDir("icp-links-cache-"), "none"), seeds: [{ page: "/elsewhere/page.md", dir: seedDir }], build: "b" });
    expect(cache.get(bytes, SEED)!.page.entries).toHaveLength(26);
  });

  describe("the package's seed of its bundled page", () => {
    /** A page file and a seed folder made from its bytes, under a key no hash gives. */
    function seeded(build = "b", key = "seed-key") {
      const dir = tempDir("icp-links-cache-");
      const page = join(dir, "inside-icp.md");
      writeFileSync(page, bytes);
      const seedDir = join(dir, "seed");
      mkdirSync(seedDir);
      writeFileSync(join(seedDir, `${key}.md`), bytes);
      writeFileSync(join(seedDir, `${key}.page`), pack(seed, assignIds(seed.entries), build, key, checksum));
      const errors: string[] = [];
      const cache = new FileCache({ dir: join(dir, "own"), seeds: [{ page, dir: seedDir }], build: "b", onError: (what) => errors.push(what) });
      return { page, seedDir, cache, errors };
    }

    it("is read while the page holds the bytes it was made from, without hashing the page", () => {
      const { page, cache } = seeded();
      // The seed's key is no hash of the page: only the byte comparison can have found it.
      expect(cache.getFile(page, page, 64 << 20)!.page.entries).toHaveLength(26);
      expect(cache.get(bytes, page)).toBeUndefined();
    });

    it("is not read once the page was edited, even to the same size", () => {
      const { page, cache } = seeded();
      const edited = Buffer.from(bytes);
      edited[edited.length - 2] = edited[edited.length - 2] === 0x41 ? 0x42 : 0x41;
      writeFileSync(page, edited);
      expect(cache.getFile(page, page, 64 << 20)).toBeUndefined();
      writeFileSync(page, Buffer.concat([bytes, Buffer.from("\n")]));
      expect(cache.getFile(page, page, 64 << 20)).toBeUndefined();
    });

    it("is only for its own page", () => {
      const { cache } = seeded();
      const other = join(tempDir("icp-links-cache-"), "inside-icp.md");
      writeFileSync(other, bytes);
      expect(cache.getFile(other, other, 64 << 20)).toBeUndefined();
    });

    it("is checked as any cache file: another build's, a cut or a changed seed is not read", () => {
      const foreign = seeded("another-build");
      expect(foreign.cache.getFile(foreign.page, foreign.page, 64 << 20)).toBeUndefined();
      const cut = seeded();
      const file = join(cut.seedDir, "seed-key.page");
      writeFileSync(file, readFileSync(file).subarray(0, 300));
      expect(cut.cache.getFile(cut.page, cut.page, 64 << 20)).toBeUndefined();
      // Same structure, one letter of a title changed: only the checksum can tell.
      const changed = seeded();
      const seedFile = join(changed.seedDir, "seed-key.page");
      writeFileSync(seedFile, Buffer.from(readFileSync(seedFile, "latin1").replace("Consensus", "Xonsensus"), "latin1"));
      expect(changed.cache.getFile(changed.page, changed.page, 64 << 20)).toBeUndefined();
    });

    it("is never fatal: a missing seed folder is reported for --debug and the page read as usual", () => {
      const { page, seedDir, cache, errors } = seeded();
      rmSync(seedDir, { recursive: true });
      expect(cache.getFile(page, page, 64 << 20)).toBeUndefined();
      expect(errors[0]).toMatch(/cannot read the seed/);
    });
  });

  it(`keeps at most ${MAX_FILES} files, removing the least recently used`, () => {
    const dir = join(tempDir("icp-links-cache-"), "icp-links");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const cache = new FileCache({ dir, build: "b" });
    const old = new Date(Date.now() - 3600_000);
    for (let i = 0; i < MAX_FILES + 5; i++) {
      const name = join(dir, `${String(i).padStart(40, "0")}.page`);
      writeFileSync(name, "x");
      utimesSync(name, old, new Date(old.getTime() + i * 1000));
    }
    cache.set(bytes, seed);
    // Eviction is once a run, when its loading ends (#26): not after each write.
    expect(readdirSync(dir)).toHaveLength(MAX_FILES + 6);
    cache.finish();
    const files = readdirSync(dir);
    expect(files).toHaveLength(MAX_FILES);
    expect(files).toContain(`${cacheKey("b", bytes)}.page`);
    expect(files).not.toContain(`${"0".repeat(40)}.page`);
  });
});
