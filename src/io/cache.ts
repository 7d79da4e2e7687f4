// The page cache on disk (#4): $XDG_CACHE_HOME/icp-links (else ~/.cache/icp-links), one file per
// page content, named by a hash of the tool's build and the page's bytes.
// - Written atomically: a temporary file in the same folder, renamed into place; folder mode 0700.
// - Never fatal and never wrong: any error reading (missing, corrupt, truncated, another build,
//   another owner) means a cache miss; any error writing (read-only, full disk) means no cache.
// - Bounded: past MAX_FILES or MAX_BYTES the least recently used files are removed.
// Read-only seed folders (the package's own, made by the build) hold the bundled page's entry.
import { trusted } from "./trust";
import type * as Crypto from "node:crypto";
import { createRequire } from "node:module";
import { closeSync, constants, fstatSync, type BigIntStats, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync, utimesSync } from "node:fs";
import { writeFileAtomic } from "./atomic-write";
import { makeDirectory } from "./mkdir";
import { join, resolve } from "node:path";
import type { Page } from "../catalog/types";
import type { PageCache } from "./load";
import type { LoadedPage } from "../catalog/entries";
import { pack, unpack } from "../cache/format";
import { assignIds } from "../catalog/ids";
import { murmur3 } from "../cache/checksum";

export const MAX_FILES = 64;
export const MAX_BYTES = 512 * 1024 * 1024;

export function cacheDir(env: Record<string, string | undefined>, home: string): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith("/") ? env.XDG_CACHE_HOME : join(home, ".cache");
  return join(base, "icp-links");
}

let crypto: typeof Crypto | undefined;
/**
 * node:crypto, loaded when a page is hashed or a big cache file checked: it brings Node's stream
 * modules with it, 5–7 ms of a start here with the hash (#4). A page known by its seed or by a
 * key note, with a cache file under JS_CHECKSUM_BELOW, does without.
 */
const nodeCrypto = (): typeof Crypto => (crypto ??= createRequire(import.meta.url)("node:crypto") as typeof Crypto);

/**
 * Cache files shorter than this are checked with MurmurHash3 in JavaScript, longer ones with
 * SHA-1. Measured here, each in a fresh process, with loading crypto: 5 KB 0.3 ms against 5.4 ms,
 * 300 KB 3.6 against 5.9, 2 MB 5.9 against 6.5, 13 MB 21 against 16 (V8 checks a file before it
 * has optimised the loop, and the optimised loop is slower than SHA-1 in OpenSSL).
 */
export const JS_CHECKSUM_BELOW = 4 << 20;

/**
 * The cache file's checksum, 32 bits: MurmurHash3 or SHA-1 by the length of what it covers, so
 * that writer and reader choose alike.
 */
export const checksum = (bytes: Uint8Array): number =>
  bytes.length < JS_CHECKSUM_BELOW ? murmur3(bytes) : nodeCrypto().createHash("sha1").update(bytes).digest().readUInt32LE(0);

const keyHash = (build: string) => nodeCrypto().createHash("sha256").update(build).update("\0");
const keyOf = (hash: Crypto.Hash) => hash.digest("hex").slice(0, 40);

/** The page's key: SHA-256 of the build id, a NUL and the page's bytes, as 40 hex digits. */
export function cacheKey(build: string, bytes: Uint8Array): string {
  return keyOf(keyHash(build).update(bytes));
}

/** Chunk size for hashing a page file as it is read. */
const CHUNK = 1 << 20;

/** A file as it is now: any write, rename or replacement changes one of these. */
function identity(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/**
 * The cache key of a regular file, read a megabyte at a time into one buffer: the same key as
 * cacheKey() of its bytes, without holding (and page-faulting in) 13 MB of a page that the cache
 * already has: 20 ms instead of 30 here (#4). With it, the file's identity, if the file did not
 * change while it was read. Undefined for anything but a regular file.
 */
function fileKey(build: string, path: string, maxBytes: number): { key: string; identity?: string } | undefined {
  // The caller saw a regular file; non-blocking, in case it was swapped for a FIFO since.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const before = fstatSync(fd, { bigint: true });
    if (!before.isFile() || before.size > BigInt(maxBytes)) return undefined;
    const hash = keyHash(build);
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(Number(before.size), 1)));
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
    const same = identity(fstatSync(fd, { bigint: true })) === identity(before);
    return same ? { key: keyOf(hash), identity: identity(before) } : { key: keyOf(hash) };
  } finally {
    closeSync(fd);
  }
}

/**
 * A key is remembered only for a file untouched for this long: a write within the same tick of
 * the file system's clock could leave size and times as they were (git's "racily clean" rule).
 */
const SETTLED_MS = 3000;
export const MAX_KEY_FILES = 256;

interface KeyNote {
  build: string;
  path: string;
  identity: string;
  key: string;
}


/**
 * A page's entry made with the package: `dir` holds `<key>.page` and `<key>.md`, the bytes of
 * `page` (an absolute path) that it was made from.
 */
export interface Seed {
  page: string;
  dir: string;
}

export interface FileCacheOptions {
  dir: string;
  /** Read-only entries made by the build, searched after `dir`: the bundled page's. */
  seeds?: Seed[];
  build: string;
  uid?: number;
  /** Called with what went wrong, for --debug; never thrown. */
  onError?: (what: string, error: unknown) => void;
  /** The clock, in ms: when a page file has settled enough for its key to be remembered. */
  now?: () => number;
}

export class FileCache implements PageCache {
  constructor(private readonly options: FileCacheOptions) {}

  /** Keys of page bytes already hashed: a parsed page is looked up, then stored, under one key. */
  private readonly keys = new WeakMap<Uint8Array, string>();

  private keyOfBytes(bytes: Uint8Array): string {
    let key = this.keys.get(bytes);
    if (key === undefined) this.keys.set(bytes, (key = cacheKey(this.options.build, bytes)));
    return key;
  }

  get(bytes: Uint8Array, source: string): LoadedPage | undefined {
    return this.find(this.keyOfBytes(bytes), source);
  }

  /**
   * The page of a file, found by its content's key. The key is remembered with the file's
   * identity (device, inode, size, modification and change times, to the nanosecond), and taken
   * from that note while the file stays as it was: a warm search of a 13 MB page then does not
   * read it at all (hashing it costs 15–20 ms), and one of a small page loads no crypto (5 ms).
   */
  getFile(path: string, source: string, maxBytes: number): LoadedPage | undefined {
    const seeded = this.fromSeed(path, source);
    if (seeded) return seeded;
    let key: string | undefined;
    try {
      const stats = statSync(path, { bigint: true });
      // Looked at before it is opened: opening a FIFO would take its writer's data from the loader.
      if (!stats.isFile()) return undefined;
      const remember = stats.size <= BigInt(maxBytes);
      const now = identity(stats);
      key = remember ? this.rememberedKey(path, now) : undefined;
      if (key === undefined) {
        const read = fileKey(this.options.build, path, maxBytes);
        if (read === undefined) return undefined;
        key = read.key;
        if (remember && read.identity === now && this.settled(stats)) this.rememberKey(path, now, key);
      }
    } catch {
      // Unreadable, gone, a folder: the loader reads it and says what is wrong.
      return undefined;
    }
    return this.find(key, source);
  }

  /**
   * The bundled page, known without hashing it (which would load node:crypto: 4–7 ms of a 50 ms
   * start, #4): while the file holds exactly the bytes its seed was made from, the seed's entry
   * is read, and checked as any cache file (its checksum is MurmurHash3: no crypto either). A
   * page that was edited takes the usual way, by its hash.
   */
  private fromSeed(path: string, source: string): LoadedPage | undefined {
    const seed = this.options.seeds?.find((s) => s.page === resolve(path));
    if (!seed) return undefined;
    try {
      const copy = readdirSync(seed.dir).find((name) => name.endsWith(".md"));
      if (copy === undefined) return undefined;
      const stats = statSync(path);
      // Looked at before it is opened, as in getFile().
      if (!stats.isFile() || stats.size !== statSync(join(seed.dir, copy)).size) return undefined;
      if (!readFileSync(path).equals(readFileSync(join(seed.dir, copy)))) return undefined;
      const key = copy.slice(0, -".md".length);
      return unpack(readFileSync(join(seed.dir, `${key}.page`)), this.options.build, key, source, checksum);
    } catch (error) {
      this.options.onError?.(`cannot read the seed in ${seed.dir}`, error);
      return undefined;
    }
  }

  private settled(stats: BigIntStats): boolean {
    const now = (this.options.now ?? Date.now)();
    return now - Number(stats.mtimeMs) >= SETTLED_MS && now - Number(stats.ctimeMs) >= SETTLED_MS;
  }

  /**
   * The note of a path, named by MurmurHash3 of the build and the path (no crypto to load). Two
   * paths that share a name overwrite each other's note; a note holds its path, so that costs a
   * hash of the page, never a wrong key.
   */
  private keyFile(path: string): string {
    const name = murmur3(new TextEncoder().encode(`${this.options.build}\0${resolve(path)}`)).toString(16).padStart(8, "0");
    return join(this.options.dir, `${name}.key`);
  }

  private rememberedKey(path: string, now: string): string | undefined {
    const text = this.readFile(this.options.dir, this.keyFile(path), true);
    if (text === undefined) return undefined;
    try {
      const note = JSON.parse(text.toString("utf8")) as Partial<KeyNote>;
      const ok = note.build === this.options.build && note.path === resolve(path) && note.identity === now && typeof note.key === "string" && /^[0-9a-f]{40}$/.test(note.key);
      return ok ? note.key : undefined;
    } catch {
      return undefined;
    }
  }

  private rememberKey(path: string, now: string, key: string): void {
    const note: KeyNote = { build: this.options.build, path: resolve(path), identity: now, key };
    this.writeFile(this.keyFile(path), () => JSON.stringify(note));
  }

  /**
   * A file of the cache, if it can be read and, in our own folder (`checkOwner`), both the folder
   * and the file are ours and writable by us alone. Never throws.
   */
  private readFile(dir: string, file: string, checkOwner: boolean): Buffer | undefined {
    let fd: number | undefined;
    try {
      if (checkOwner && !trusted(statSync(dir), this.options.uid)) return undefined;
      fd = openSync(file, "r");
      if (checkOwner && !trusted(fstatSync(fd), this.options.uid)) return undefined;
      return readFileSync(fd);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.options.onError?.(`cannot read the cache file ${file}`, error);
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /**
   * Writes a file of our own folder atomically, mode 0600, with what `data` makes; false if it
   * could not. Never throws.
   */
  private writeFile(file: string, data: () => string | Uint8Array): boolean {
    try {
      makeDirectory(this.options.dir, 0o700);
      if (!trusted(statSync(this.options.dir), this.options.uid)) return false;
      writeFileAtomic(file, data(), { mode: 0o600 });
      return true;
    } catch (error) {
      this.options.onError?.(`cannot write the cache file ${file}`, error);
      return false;
    }
  }

  private find(key: string, source: string): LoadedPage | undefined {
    const own = this.read(this.options.dir, key, source, true);
    if (own) return own;
    for (const seed of this.options.seeds ?? []) {
      const page = this.read(seed.dir, key, source, false);
      if (page) return page;
    }
    return undefined;
  }

  private read(dir: string, key: string, source: string, checkOwner: boolean): LoadedPage | undefined {
    const file = join(dir, `${key}.page`);
    const bytes = this.readFile(dir, file, checkOwner);
    const page = bytes && unpack(bytes, this.options.build, key, source, checksum);
    if (page && checkOwner) {
      try {
        // Mark it used, for eviction (least recently used goes first).
        const now = new Date();
        utimesSync(file, now, now);
      } catch (error) {
        this.options.onError?.(`cannot mark the cache file ${file} used`, error);
      }
    }
    return page;
  }

  set(bytes: Uint8Array, page: Page): void {
    const { dir, build } = this.options;
    const key = this.keyOfBytes(bytes);
    if (!this.writeFile(join(dir, `${key}.page`), () => pack(page, assignIds(page.entries), build, key, checksum))) return;
    try {
      this.evict();
    } catch (error) {
      this.options.onError?.(`cannot keep the cache folder ${dir} bounded`, error);
    }
  }

  /**
   * Keeps the folder within MAX_FILES and MAX_BYTES of pages and MAX_KEY_FILES notes of keys,
   * removing the least recently used first.
   */
  private evict(): void {
    const { dir } = this.options;
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(".page") || name.endsWith(".tmp") || name.endsWith(".key"))
      .flatMap((name) => {
        try {
          const stats = statSync(join(dir, name));
          return [{ name, size: stats.size, used: stats.mtimeMs, stale: name.endsWith(".tmp") && Date.now() - stats.mtimeMs > 60_000 }];
        } catch {
          return [];
        }
      })
      .sort((a, b) => b.used - a.used);
    let total = 0;
    let count = 0;
    let keys = 0;
    for (const f of files) {
      const json = f.name.endsWith(".page");
      total += f.size;
      if (json) count++;
      const note = f.name.endsWith(".key");
      if (note) keys++;
      if (f.stale || (json && (count > MAX_FILES || total > MAX_BYTES)) || (note && keys > MAX_KEY_FILES)) {
        try {
          unlinkSync(join(dir, f.name));
        } catch {
          // Another process removed it first.
        }
      }
    }
  }
}
