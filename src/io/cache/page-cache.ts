// Edge: the page cache on disk (#4): $XDG_CACHE_HOME/icp-links (else ~/.cache/icp-links), one
// file per page content, named by a hash of the tool's build and the page's bytes; and, for the
// pages named together (a folder, several files, web pages: #26), one catalog unit, named by a
// hash of the build, the working folder and the sources, holding each file's identity.
// - Never fatal and never wrong: any error reading (missing, corrupt, truncated, another build,
//   another owner) means a cache miss; any error writing (read-only, full disk) means no cache.
// - Read-only seed folders (the package's own, made by the build) hold the bundled page's entry.
// It composes the parts of the cache: the keys and their notes (keys.ts), the folder it trusts,
// writes and bounds (store.ts), the file format and its checksum (pure: src/cache/format.ts, checksum.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "../../catalog/types";
import type { LoadedPage } from "../../catalog/entries";
import { assignIds } from "../../catalog/ids";
import { checksum } from "../../cache/checksum";
import { murmur3 } from "../../cache/checksum";
import { pack, packUnit, unpack, unpackPages, type UnpackedPages } from "../../cache/format";
import { isRemoteSpec } from "../../catalog/address";
import { cacheKey, fileKey, identity, KeyNotes, settled, settledIdentity, unitIdentity } from "./keys";
import { TrustedStore } from "./store";

/** A per-page cache of parsed pages, keyed by content (FileCache below is the one on disk). */
export interface PageCache {
  get(bytes: Uint8Array, source: string): LoadedPage | undefined;
  /**
   * The same as get() of the file's bytes, found without keeping them: for a file the cache is
   * likely to have. Undefined when it cannot tell (not a regular file, unreadable): the loader
   * then reads the file itself.
   */
  getFile?(path: string, source: string, maxBytes: number): LoadedPage | undefined;
  /**
   * Stores the page and gives it back as get() will read it, so that a cold run catalogs and
   * searches what a warm one does, with its stored ids and postings (#26); undefined when it was not stored.
   */
  set(bytes: Uint8Array, page: Page): LoadedPage | undefined;
  /** Called once when a run's pages are loaded: where the cache keeps its folder bounded (#26). */
  finish?(): void;
  /**
   * The catalog unit (#26): the pages named together (a folder, several files, web pages) cached
   * as one, each with its file's identity, so that a warm run stats the files and reads one file.
   */
  fileIdentity?(path: string): string | undefined;
  bytesIdentity?(bytes: Uint8Array, base: string | undefined): string;
  /** The unit last stored for what was named (`specs`: a folder, files, web pages), with the pages it held then. */
  getUnit?(specs: readonly string[]): UnpackedPages | undefined;
  /** Stores the unit and gives its pages back as getUnit() will (identities "" are never equal). */
  setUnit?(specs: readonly string[], pages: readonly { page: Page; identity: string }[]): UnpackedPages;
}

export function cacheDir(env: Record<string, string | undefined>, home: string): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith("/") ? env.XDG_CACHE_HOME : join(home, ".cache");
  return join(base, "icp-links");
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
  private readonly store: TrustedStore;
  private readonly notes: KeyNotes;

  constructor(private readonly options: FileCacheOptions) {
    this.store = new TrustedStore({ dir: options.dir, uid: options.uid, onError: options.onError });
    this.notes = new KeyNotes(this.store, options.build);
  }

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
      key = remember ? this.notes.get(path, now) : undefined;
      if (key === undefined) {
        const read = fileKey(this.options.build, path, maxBytes);
        if (read === undefined) return undefined;
        key = read.key;
        if (remember && read.identity === now && settled(stats, (this.options.now ?? Date.now)())) this.notes.set(path, now, key);
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

  private find(key: string, source: string): LoadedPage | undefined {
    const own = this.read(undefined, key, source);
    if (own) return own;
    for (const seed of this.options.seeds ?? []) {
      const page = this.read(seed.dir, key, source);
      if (page) return page;
    }
    return undefined;
  }

  /** The page under `key` in our own folder (`dir` undefined), else in a seed folder. */
  private read(dir: string | undefined, key: string, source: string): LoadedPage | undefined {
    const name = `${key}.page`;
    // Our own files read in part, as a unit is (getUnit); a seed, the small bundled page's, whole.
    const bytes = dir === undefined ? this.store.open(name) : this.store.readPackaged(dir, name);
    const page = bytes && unpack(bytes, this.options.build, key, source, checksum);
    // Mark it used, for eviction (least recently used goes first).
    if (page && dir === undefined) this.store.markUsed(name);
    return page;
  }

  /** Whether this run wrote a file: finish() then keeps the folder bounded, once. */
  private wrote = false;

  set(bytes: Uint8Array, page: Page): LoadedPage | undefined {
    const { build } = this.options;
    const key = this.keyOfBytes(bytes);
    let packed: Uint8Array | undefined;
    if (this.store.write(`${key}.page`, () => (packed = pack(page, assignIds(page.entries), build, key, checksum)))) this.wrote = true;
    return packed && unpack(packed, build, key, page.source, checksum);
  }

  /**
   * The end of a run's loading: if it wrote anything, the least recently used files go, once
   * (a directory listing and a stat of each of the folder's few hundred files at most); a warm
   * run, which writes nothing, does no eviction work at all (#26).
   */
  finish(): void {
    if (this.wrote) this.store.evict();
    this.wrote = false;
  }

  /**
   * A file as it is now, as the catalog unit notes it (device, inode, size, modification and
   * change times: keys.ts); undefined for anything but a regular file, or one that cannot be seen.
   */
  fileIdentity(path: string): string | undefined {
    try {
      // Number stats, not bigint: a folder of 3,000 notes is 3,000 stats a run, and a bigint one
      // costs twice as much (22 ms against 11 here, #26). The times keep a quarter of a microsecond.
      const stats = statSync(path);
      return stats.isFile() ? unitIdentity(stats) : undefined;
    } catch {
      return undefined;
    }
  }

  /** A page from the web is known by its bytes (and the address it was read from), not by a file. */
  bytesIdentity(bytes: Uint8Array, base: string | undefined): string {
    return `web:${this.keyOfBytes(bytes)}:${base ?? ""}`;
  }

  /**
   * The unit's key: the build, what was named (`--file` arguments: a folder, files, web pages) and,
   * when one of them is not an absolute path or an address, the working folder they are named
   * from. Not the files a folder holds: a note added, removed or renamed is the same unit, of
   * which only that note is read (#26).
   */
  private unitKey(specs: readonly string[]): { name: string; key: string } {
    const key = [this.options.build, specs.every((s) => s.startsWith("/") || isRemoteSpec(s)) ? "" : process.cwd(), ...specs].join("\0");
    // Two lists that share a name overwrite each other's unit; the header holds the whole key.
    const name = murmur3(new TextEncoder().encode(key)).toString(16).padStart(8, "0");
    return { name: `${name}.cat`, key };
  }

  /** The catalog unit of what was named, as last stored (the caller compares the pages and their identities). */
  getUnit(specs: readonly string[]): UnpackedPages | undefined {
    const { name, key } = this.unitKey(specs);
    // Read in part: a search of the unit's notes reads of its postings only the words it looks up (#26).
    const file = this.store.open(name);
    const unit = file && unpackPages(file, this.options.build, key, checksum);
    if (!unit) return undefined;
    this.store.markUsed(name);
    return unit;
  }

  /**
   * Stores the pages of what was named (`specs`) as one unit, each with its identity, and gives them back as a
   * warm run will read them (so that a cold and a warm run show the same). A file changed within
   * the file system's clock tick (keys.ts, settled) is stored without its identity: the next run
   * reads it again. Never throws; a unit that cannot be written is still returned.
   */
  setUnit(specs: readonly string[], pages: readonly { page: Page; identity: string }[]): UnpackedPages {
    const { name, key } = this.unitKey(specs);
    const now = (this.options.now ?? Date.now)();
    const noted = pages.map(({ page, identity: id }) => ({ page, identity: id.startsWith("web:") || settledIdentity(id, now) ? id : "" }));
    const ids = assignIds(pages.flatMap(({ page }) => page.entries));
    const bytes = packUnit(noted, ids, this.options.build, key, checksum);
    if (this.store.write(name, () => bytes)) this.wrote = true;
    return unpackPages(bytes, this.options.build, key, checksum)!;
  }
}
