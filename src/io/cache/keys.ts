// Edge: the keys the page cache files pages under, and the notes that spare hashing a page (#4).
// A page's key is SHA-256 of the tool's build, a NUL and the page's bytes: another build, or one
// changed byte, is another key. Hashing a 13 MB page costs 15–20 ms and loads node:crypto, so the
// key of a page file is noted in the cache folder (a `.key` file) with the file's identity, and
// taken from that note while the file stays as it was. This file reads page files to hash them;
// the notes go through the trusted store (store.ts).
import type * as Crypto from "node:crypto";
import { closeSync, constants, fstatSync, type BigIntStats, openSync, readSync, type Stats } from "node:fs";
import { resolve } from "node:path";
import { murmur3, nodeCrypto } from "../../cache/checksum";
import type { TrustedStore } from "./store";

const keyHash = (build: string) => nodeCrypto().createHash("sha256").update(build).update("\0");
const keyOf = (hash: Crypto.Hash) => hash.digest("hex").slice(0, 40);

/** The page's key: SHA-256 of the build id, a NUL and the page's bytes, as 40 hex digits. */
export function cacheKey(build: string, bytes: Uint8Array): string {
  return keyOf(keyHash(build).update(bytes));
}

/** Chunk size for hashing a page file as it is read. */
const CHUNK = 1 << 20;

/** A file as it is now: any write, rename or replacement changes one of these. */
export function identity(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/**
 * The cache key of a regular file, read a megabyte at a time into one buffer: the same key as
 * cacheKey() of its bytes, without holding (and page-faulting in) 13 MB of a page that the cache
 * already has: 20 ms instead of 30 here (#4). With it, the file's identity, if the file did not
 * change while it was read. Undefined for anything but a regular file.
 */
export function fileKey(build: string, path: string, maxBytes: number): { key: string; identity?: string } | undefined {
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
export const SETTLED_MS = 3000;

/** Whether a file was last changed long enough before `now` (ms) for its key to be noted. */
export function settled(stats: BigIntStats, now: number): boolean {
  return now - Number(stats.mtimeMs) >= SETTLED_MS && now - Number(stats.ctimeMs) >= SETTLED_MS;
}

/**
 * A file as it is now, as a catalog unit notes it (#26): identity()'s fields from a number Stats,
 * the times in milliseconds with a fraction (a quarter of a microsecond kept, and a write within
 * the clock's tick is settled()'s to catch, not the times').
 */
export function unitIdentity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** settled(), read from a unitIdentity() string: its last two fields are the times, in ms. */
export function settledIdentity(id: string, now: number): boolean {
  const [mtimeMs, ctimeMs] = id.split(":").slice(-2).map(Number);
  return mtimeMs !== undefined && ctimeMs !== undefined && now - mtimeMs >= SETTLED_MS && now - ctimeMs >= SETTLED_MS;
}

interface KeyNote {
  build: string;
  path: string;
  identity: string;
  key: string;
}

/** The `.key` notes of one build in a store: a page file's path and identity -> its key. */
export class KeyNotes {
  constructor(
    private readonly store: TrustedStore,
    private readonly build: string,
  ) {}

  /**
   * The note's name, by MurmurHash3 of the build and the path (no crypto to load). Two paths
   * that share a name overwrite each other's note; a note holds its path, so that costs a hash
   * of the page, never a wrong key.
   */
  private name(path: string): string {
    const name = murmur3(new TextEncoder().encode(`${this.build}\0${resolve(path)}`)).toString(16).padStart(8, "0");
    return `${name}.key`;
  }

  /** The key noted for the file at `path` while it had `identity`; undefined if none fits. */
  get(path: string, identity: string): string | undefined {
    const text = this.store.read(this.name(path));
    if (text === undefined) return undefined;
    try {
      const note = JSON.parse(text.toString("utf8")) as Partial<KeyNote>;
      const ok = note.build === this.build && note.path === resolve(path) && note.identity === identity && typeof note.key === "string" && /^[0-9a-f]{40}$/.test(note.key);
      return ok ? note.key : undefined;
    } catch {
      return undefined;
    }
  }

  /** Notes `key` for the file at `path` as it is now (`identity`). Never throws. */
  set(path: string, identity: string, key: string): void {
    const note: KeyNote = { build: this.build, path: resolve(path), identity, key };
    this.store.write(this.name(path), () => JSON.stringify(note));
  }
}
