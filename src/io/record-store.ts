// Edge: the file system. A file of records in the cache folder, one per URL with its time: the
// results of `check` (checks.json, #5) and the facts of `enrich` (link-facts.json, #27). A
// missing or unusable file is no records, never an error. The trust rules of the page cache
// (#12), read and written through io/trust.ts:
// - read only if it is a regular file (not a link), yours and writable by you alone, in a folder
//   that is yours and writable by you alone; at most `maxBytes`, checked before reading, so that
//   a huge file costs a run one fstat, not its parsing;
// - written atomically, mode 0600 in a folder of mode 0700, pruned: records older than `keepMs`
//   go, and the oldest go first past `maxBytes`;
// - two runs at once lose neither's records: a save re-reads the file and merges into it under a
//   lock file (<file>.lock, io/lock-file.ts, the same lock as the state's), the newer record of a
//   URL winning; a save that cannot get the lock within LOCK_WAIT_MS gives up and says so under
//   --debug: records are never worth an error;
// - every record read back is checked and cleaned again (`valid`, `clean`): the file is data.
import { join } from "node:path";
import { readTrustedFile, trustedFolder } from "./trust";
import { writeFileAtomic } from "./atomic-write";
import { lockFile } from "./lock-file";

/** A lock older than this is left over by a run that died, whatever its pid says: it is taken over. */
const STALE_LOCK_MS = 10_000;
/** How long a save waits for another run's lock (held for the few ms of a read and a write). */
const LOCK_WAIT_MS = 5_000;

export interface RecordStore<R> {
  load(): Map<string, R>;
  save(records: R[]): void;
}

export interface RecordKind<R> {
  /** The file's name in the cache folder. */
  name: string;
  /** The member of the file's JSON object that holds the records. */
  member: string;
  key(r: R): string;
  /** ISO time of the record: the newer wins a merge, the older go first. */
  time(r: R): string;
  valid(r: unknown): r is R;
  /** The record as kept: known fields only, texts sanitized. */
  clean(r: R): R;
  keepMs: number;
  maxBytes: number;
}

export interface RecordStoreOptions {
  /** The owner the folder and file must have; undefined where there are no uids. */
  uid?: number;
  /** Called with what went wrong, for --debug; never thrown. */
  onError?: (what: string, error: unknown) => void;
}

/** A store that neither reads nor writes: `--no-cache` and ICP_LINKS_NO_CACHE=1 (#12). */
export function noRecordStore<R>(): RecordStore<R> {
  return { load: () => new Map(), save: () => undefined };
}

export function fileRecordStore<R>(dir: string, kind: RecordKind<R>, now: () => number, options: RecordStoreOptions = {}): RecordStore<R> {
  const file = join(dir, kind.name);
  // The lock's clock is the real one, as the age of its file is: `now` may be a test's fixed time.
  const lock = lockFile(`${file}.lock`, { staleMs: STALE_LOCK_MS, waitMs: LOCK_WAIT_MS, pauseMs: [10, 30] });
  const { uid, onError } = options;
  let loaded: Map<string, R> | undefined;
  const at = (r: R) => Date.parse(kind.time(r));

  /** The records in the file now; empty when it is missing, untrusted, too big or corrupt. */
  const read = (): Map<string, R> => {
    const records = new Map<string, R>();
    try {
      const data = JSON.parse(readTrustedFile(file, uid, kind.maxBytes).toString("utf8")) as Record<string, unknown>;
      const list = data[kind.member];
      if (data.version === 1 && Array.isArray(list)) for (const r of list) if (kind.valid(r)) records.set(kind.key(r), kind.clean(r));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") onError?.(`ignored ${file}`, error);
    }
    return records;
  };

  return {
    load() {
      return (loaded ??= read());
    },
    save(records) {
      if (records.length === 0) return;
      try {
        trustedFolder(dir, uid);
        const { token } = lock.acquire();
        if (token === undefined) throw new Error(`another run holds ${lock.path}`);
        try {
          lock.removeLeftovers();
          // Re-read under the lock: another run may have saved since this one loaded.
          const all = read();
          for (const r of records) {
            const old = all.get(kind.key(r));
            if (!old || at(old) <= at(r)) all.set(kind.key(r), r);
          }
          const cutoff = now() - kind.keepMs;
          // Newest first, as many as fit the bound; then written in the order they came.
          const fresh = [...all.values()].filter((r) => at(r) >= cutoff);
          const newest = [...fresh].sort((a, b) => at(b) - at(a));
          const keep = new Set<R>();
          const texts = new Map<R, string>();
          let size = 32 + kind.member.length;
          for (const r of newest) {
            const text = JSON.stringify(r);
            const bytes = Buffer.byteLength(text) + 1;
            if (size + bytes > kind.maxBytes) break;
            size += bytes;
            keep.add(r);
            texts.set(r, text);
          }
          const kept = fresh.filter((r) => keep.has(r));
          writeFileAtomic(file, `{"version":1,${JSON.stringify(kind.member)}:[${kept.map((r) => texts.get(r)).join(",")}]}`, { mode: 0o600 });
          loaded = new Map(kept.map((r) => [kind.key(r), r]));
        } finally {
          lock.release(token);
        }
      } catch (error) {
        onError?.(`cannot write ${file}`, error);
      }
    },
  };
}
