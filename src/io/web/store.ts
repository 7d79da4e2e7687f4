// Edge: the file system (the copies in the cache folder); only cli.ts builds it, web/remote.ts gets a RemoteStore.
// The last copies of remote pages (#18), in the cache folder: $XDG_CACHE_HOME/icp-links/web.
// One file per page address: a JSON line (address, URL that answered, ETag, Last-Modified, when)
// and then the page's bytes. Read and written through io/trust.ts, as the page cache: our own folder
// and files only (owner, not writable by others), written atomically with mode 0600, bounded, and never
// fatal: a copy that cannot be read is no copy, one that cannot be written is not kept.
import { readdirSync, statSync, unlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type * as Crypto from "node:crypto";
import { writeFileAtomic } from "../atomic-write";
import { readTrustedFile, trustedFolder } from "../trust";

/** The last copy of a remote page, with what a conditional request needs. */
export interface SavedPage {
  source: string;
  /** The URL that answered (after redirects). */
  url: string;
  etag?: string;
  lastModified?: string;
  /** When it was last fetched or confirmed (304), in ms since the epoch. */
  fetchedAt: number;
  bytes: Uint8Array;
}

export interface RemoteStore {
  get(source: string): SavedPage | undefined;
  set(page: SavedPage): void;
}

/** Copies kept at most; the least recently fetched go first. */
export const MAX_COPIES = 32;
const HEADER_LIMIT = 64 * 1024;

interface Header {
  v: 1;
  source: string;
  url: string;
  etag?: string;
  lastModified?: string;
  fetchedAt: number;
  size: number;
}

export interface WebStoreOptions {
  dir: string;
  uid: number | undefined;
  /** Largest page accepted: a larger copy is not read. */
  maxBytes: number;
  onError?: (what: string, error: unknown) => void;
}

function fileName(source: string): string {
  const crypto = createRequire(import.meta.url)("node:crypto") as typeof Crypto;
  return `${crypto.createHash("sha256").update(source).digest("hex").slice(0, 40)}.copy`;
}

export function webStore(options: WebStoreOptions): RemoteStore {
  const { dir, uid } = options;
  return {
    get(source) {
      try {
        const data = readTrustedFile(join(dir, fileName(source)), uid, options.maxBytes + HEADER_LIMIT);
        const end = data.indexOf(10);
        if (end < 0 || end > HEADER_LIMIT) return undefined;
        const header = JSON.parse(data.subarray(0, end).toString("utf8")) as Header;
        const bytes = data.subarray(end + 1);
        // A copy of another address (a hash collision) or a cut file is no copy.
        if (header.v !== 1 || header.source !== source || header.size !== bytes.length || typeof header.fetchedAt !== "number" || typeof header.url !== "string") return undefined;
        const saved: SavedPage = { source, url: header.url, fetchedAt: header.fetchedAt, bytes };
        if (typeof header.etag === "string") saved.etag = header.etag;
        if (typeof header.lastModified === "string") saved.lastModified = header.lastModified;
        return saved;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") options.onError?.(`cannot read the copy of ${source}`, error);
        return undefined;
      }
    },
    set(page) {
      try {
        trustedFolder(dir, uid);
        const header: Header = { v: 1, source: page.source, url: page.url, fetchedAt: page.fetchedAt, size: page.bytes.length };
        if (page.etag) header.etag = page.etag;
        if (page.lastModified) header.lastModified = page.lastModified;
        writeFileAtomic(join(dir, fileName(page.source)), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), page.bytes]), { mode: 0o600 });
        evict(dir);
      } catch (error) {
        options.onError?.(`cannot keep a copy of ${page.source}`, error);
      }
    },
  };
}

function evict(dir: string): void {
  const copies = readdirSync(dir)
    .filter((name) => name.endsWith(".copy"))
    .flatMap((name) => {
      try {
        return [{ name, used: statSync(join(dir, name)).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.used - a.used);
  for (const old of copies.slice(MAX_COPIES)) {
    try {
      unlinkSync(join(dir, old.name));
    } catch {
      // Removed by another process first.
    }
  }
}
