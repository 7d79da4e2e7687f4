// Edge: the page cache's folder on disk (#4, #7), which anyone with a shell could have prepared:
// - A file of it is read only if both the folder and the file are ours and writable by us alone
//   (io/trust.ts); anything else, or any error, reads as nothing.
// - Written atomically (a temporary file in the same folder, renamed into place), mode 0600, in a
//   folder of mode 0700; an error writing (read-only, full disk) means the file is not kept.
// - Bounded: past MAX_FILES or MAX_BYTES of pages and catalog units, or MAX_KEY_FILES notes of keys, the least
//   recently used files are removed, and temporary files left by a crash too.
// It knows files and folders, not pages: page-cache.ts says what goes in them.
import { closeSync, readdirSync, readFileSync, readSync, statSync, unlinkSync, utimesSync } from "node:fs";
import { join } from "node:path";
import type { ByteSource } from "../../cache/format";
import { writeFileAtomic } from "../atomic-write";
import { openTrustedFile, readTrustedFile, trustedFolder } from "../trust";

/** The cache files opened to be read in part, closed once nothing reads them (or at exit). */
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
});

export const MAX_FILES = 64;
export const MAX_BYTES = 512 * 1024 * 1024;
export const MAX_KEY_FILES = 256;

/** A temporary file older than this is a crashed writer's, not one being written. */
const STALE_TMP_MS = 60_000;

export interface StoreOptions {
  /** Our own folder: made on the first write, checked on every read. */
  dir: string;
  /** Whose files are trusted; undefined on a system without owners. */
  uid?: number;
  /** Called with what went wrong, for --debug; never thrown. */
  onError?: (what: string, error: unknown) => void;
}

export class TrustedStore {
  constructor(private readonly options: StoreOptions) {}

  /** The file `name` of our own folder, if it and the folder are trusted (io/trust.ts). Never throws. */
  read(name: string): Buffer | undefined {
    return this.attempt(`cannot read the cache file ${join(this.options.dir, name)}`, () => readTrustedFile(join(this.options.dir, name), this.options.uid));
  }

  /**
   * The file `name` of our own folder, trusted as read() trusts it, to be read in part (#26): kept
   * open, so that every part read is of the one file opened, even if another run replaces it
   * meanwhile; closed when nothing holds it any more. Never throws; a part that cannot be read
   * is undefined.
   */
  open(name: string): ByteSource | undefined {
    const file = join(this.options.dir, name);
    const opened = this.attempt(`cannot read the cache file ${file}`, () => openTrustedFile(file, this.options.uid));
    if (!opened) return undefined;
    const { fd, stats } = opened;
    const source: ByteSource = {
      size: stats.size,
      read: (offset, length) => {
        if (!(offset >= 0 && length >= 0 && offset + length <= stats.size)) return undefined;
        try {
          // Memory of its own, at a multiple of 8: the format views it as typed arrays.
          const buffer = Buffer.allocUnsafeSlow(length);
          for (let got = 0, n; got < length; got += n) {
            n = readSync(fd, buffer, got, length - got, offset + got);
            if (n === 0) return undefined;
          }
          return buffer;
        } catch (error) {
          this.options.onError?.(`cannot read the cache file ${file}`, error);
          return undefined;
        }
      },
    };
    openFiles.register(source, fd);
    return source;
  }

  /**
   * The file `name` of a read-only folder the package made (a seed), whose owner is whoever
   * installed it: not checked for owner, only, as every cache file, by its checksum. Never throws.
   */
  readPackaged(dir: string, name: string): Buffer | undefined {
    return this.attempt(`cannot read the cache file ${join(dir, name)}`, () => readFileSync(join(dir, name)));
  }

  /** What `read` gives, or undefined, telling onError what went wrong but a missing file. */
  private attempt<T>(what: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.options.onError?.(what, error);
      return undefined;
    }
  }

  /**
   * Writes the file `name` of our own folder atomically, mode 0600, with what `data` makes; false
   * if it could not. Never throws.
   */
  write(name: string, data: () => string | Uint8Array): boolean {
    const file = join(this.options.dir, name);
    try {
      trustedFolder(this.options.dir, this.options.uid);
      writeFileAtomic(file, data(), { mode: 0o600 });
      return true;
    } catch (error) {
      this.options.onError?.(`cannot write the cache file ${file}`, error);
      return false;
    }
  }

  /** Marks the file `name` of our own folder used, for eviction. Never throws. */
  markUsed(name: string): void {
    const file = join(this.options.dir, name);
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch (error) {
      this.options.onError?.(`cannot mark the cache file ${file} used`, error);
    }
  }

  /**
   * Keeps the folder within MAX_FILES and MAX_BYTES of pages and MAX_KEY_FILES notes of keys,
   * removing the least recently used first, and stale temporary files. Never throws.
   */
  evict(): void {
    const { dir } = this.options;
    try {
      this.evictIn(dir);
    } catch (error) {
      this.options.onError?.(`cannot keep the cache folder ${dir} bounded`, error);
    }
  }

  private evictIn(dir: string): void {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(".page") || name.endsWith(".cat") || name.endsWith(".tmp") || name.endsWith(".key"))
      .flatMap((name) => {
        try {
          const stats = statSync(join(dir, name));
          return [{ name, size: stats.size, used: stats.mtimeMs, stale: name.endsWith(".tmp") && Date.now() - stats.mtimeMs > STALE_TMP_MS }];
        } catch {
          return [];
        }
      })
      .sort((a, b) => b.used - a.used);
    let total = 0;
    let count = 0;
    let keys = 0;
    for (const f of files) {
      // A catalog unit (#26) counts as a page.
      const page = f.name.endsWith(".page") || f.name.endsWith(".cat");
      total += f.size;
      if (page) count++;
      const note = f.name.endsWith(".key");
      if (note) keys++;
      if (f.stale || (page && (count > MAX_FILES || total > MAX_BYTES)) || (note && keys > MAX_KEY_FILES)) {
        try {
          unlinkSync(join(dir, f.name));
        } catch {
          // Another process removed it first.
        }
      }
    }
  }
}
