// Edge: the file system (checks.json in the cache folder); only cli.ts builds it, commands get a CheckStore.
// The results of `check`, kept in the cache folder (checks.json) with their time, so that `list`
// and `show` can mark links the last check found broken or redirected, and `check --max-age`
// can reuse recent results (#5). A missing or unusable file is no results, never an error.
// The same trust rules as the page cache (#12), read and written through io/trust.ts:
// - read only if it is a regular file (not a link), yours and writable by you alone, in a folder
//   that is yours and writable by you alone; at most MAX_STORE_BYTES, checked before reading, so
//   that a huge file costs `list` one fstat, not its parsing;
// - written atomically, mode 0600 in a folder of mode 0700, pruned: results older than KEEP_MS
//   go, and the oldest go first past MAX_STORE_BYTES;
// - two `check` runs at once lose neither's results: a save re-reads the file and merges into it
//   under a lock file (checks.json.lock, io/lock-file.ts, the same lock as the state's), the
//   newer result of a URL winning; a save that cannot get the lock within LOCK_WAIT_MS gives up
//   and says so under --debug: results are never worth an error;
// - every text read back is sanitized again: the file is data, not trusted output.
import { readTrustedFile, trustedFolder } from "../trust";
import { join } from "node:path";
import { writeFileAtomic } from "../atomic-write";
import { lockFile } from "../lock-file";
import { sanitize } from "../../text/sanitize";

// The states a link can end in and a check's result: what this store keeps (check/types.ts names them too).
export const STATES = ["ok", "redirected", "broken", "blocked", "error"] as const;
export type CheckState = (typeof STATES)[number];

export interface CheckResult {
  url: string;
  state: CheckState;
  /** Why: "404 Not Found", "name not resolved", "permanent redirect", "timeout after 10 s", … */
  reason: string;
  /** The last HTTP status seen, if any. */
  status?: number;
  /** Where the redirects ended, when there were any. */
  finalUrl?: string;
  /** ISO time of the check. */
  checkedAt: string;
  /**
   * check --archive, for a broken link (#28): the Wayback Machine's snapshot closest to when
   * the link was added (else the newest), null when it has none; absent when not asked.
   */
  archived?: Snapshot | null;
  /** Why the archive could not be asked (its error, timeout, no answer). */
  archiveError?: string;
}

export interface Snapshot {
  /** The snapshot's address (http(s)). */
  url: string;
  /** When it was taken: the API's 14 digits, YYYYMMDDhhmmss. */
  timestamp: string;
}

/** Results older than this are forgotten when the file is written. */
export const KEEP_MS = 180 * 24 * 3600 * 1000;
/** The largest results file read or written: some 15,000 results; a bigger file is ignored. */
export const MAX_STORE_BYTES = 4 * 1024 * 1024;
/** A lock older than this is left over by a run that died, whatever its pid says: it is taken over. */
const STALE_LOCK_MS = 10_000;
/** How long a save waits for another run's lock (held for the few ms of a read and a write). */
const LOCK_WAIT_MS = 5_000;

export interface CheckStore {
  load(): Map<string, CheckResult>;
  save(results: CheckResult[]): void;
}

/** A store that neither reads nor writes: `--no-cache` and ICP_LINKS_NO_CACHE=1 (#12). */
export function noCheckStore(): CheckStore {
  return { load: () => new Map(), save: () => undefined };
}

function valid(r: unknown): r is CheckResult {
  if (r === null || typeof r !== "object") return false;
  const x = r as Record<string, unknown>;
  return typeof x.url === "string" && STATES.includes(x.state as never) && typeof x.reason === "string" && typeof x.checkedAt === "string" && !Number.isNaN(Date.parse(x.checkedAt)) &&
    (x.finalUrl === undefined || typeof x.finalUrl === "string") && (x.status === undefined || Number.isInteger(x.status)) &&
    (x.archived === undefined || x.archived === null || snapshot(x.archived)) && (x.archiveError === undefined || typeof x.archiveError === "string");
}

/** A stored snapshot (#28): an http(s) URL and 14 digits. */
function snapshot(s: unknown): boolean {
  if (s === null || typeof s !== "object") return false;
  const x = s as Record<string, unknown>;
  return typeof x.url === "string" && /^https?:\/\//i.test(x.url) && typeof x.timestamp === "string" && /^\d{14}$/.test(x.timestamp);
}

/** A result as read back: only known fields, texts sanitized. */
function clean(r: CheckResult): CheckResult {
  const out: CheckResult = { url: r.url, state: r.state, reason: sanitize(r.reason), checkedAt: r.checkedAt };
  if (r.status !== undefined) out.status = r.status;
  if (r.finalUrl !== undefined) out.finalUrl = sanitize(r.finalUrl);
  if (r.archived !== undefined) out.archived = r.archived === null ? null : { url: sanitize(r.archived.url), timestamp: r.archived.timestamp };
  if (r.archiveError !== undefined) out.archiveError = sanitize(r.archiveError);
  return out;
}

export interface CheckStoreOptions {
  /** The owner the folder and file must have; undefined where there are no uids. */
  uid?: number;
  /** Called with what went wrong, for --debug; never thrown. */
  onError?: (what: string, error: unknown) => void;
}

export function fileCheckStore(dir: string, now: () => number, options: CheckStoreOptions = {}): CheckStore {
  const file = join(dir, "checks.json");
  // The lock's clock is the real one, as the age of its file is: `now` may be a test's fixed time.
  const lock = lockFile(`${file}.lock`, { staleMs: STALE_LOCK_MS, waitMs: LOCK_WAIT_MS, pauseMs: [10, 30] });
  const { uid, onError } = options;
  let loaded: Map<string, CheckResult> | undefined;

  /** The results in the file now; empty when it is missing, untrusted, too big or corrupt. */
  const read = (): Map<string, CheckResult> => {
    const results = new Map<string, CheckResult>();
    try {
      const data = JSON.parse(readTrustedFile(file, uid, MAX_STORE_BYTES).toString("utf8")) as { version?: unknown; results?: unknown };
      if (data.version === 1 && Array.isArray(data.results)) for (const r of data.results) if (valid(r)) results.set(r.url, clean(r));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") onError?.(`ignored ${file}`, error);
    }
    return results;
  };

  const store: CheckStore = {
    load() {
      return (loaded ??= read());
    },
    save(results) {
      if (results.length === 0) return;
      try {
        trustedFolder(dir, uid);
        const { token } = lock.acquire();
        if (token === undefined) throw new Error(`another run holds ${lock.path}`);
        try {
          lock.removeLeftovers();
          // Re-read under the lock: another run may have saved since this one loaded.
          const all = read();
          for (const r of results) {
            const old = all.get(r.url);
            if (!old || Date.parse(old.checkedAt) <= Date.parse(r.checkedAt)) all.set(r.url, r);
          }
          const cutoff = now() - KEEP_MS;
          // Newest first, as many as fit the bound; then written in the order they came.
          const fresh = [...all.values()].filter((r) => Date.parse(r.checkedAt) >= cutoff);
          const newest = [...fresh].sort((a, b) => Date.parse(b.checkedAt) - Date.parse(a.checkedAt));
          const keep = new Set<CheckResult>();
          const texts = new Map<CheckResult, string>();
          let size = 32;
          for (const r of newest) {
            const text = JSON.stringify(r);
            const bytes = Buffer.byteLength(text) + 1;
            if (size + bytes > MAX_STORE_BYTES) break;
            size += bytes;
            keep.add(r);
            texts.set(r, text);
          }
          const kept = fresh.filter((r) => keep.has(r));
          writeFileAtomic(file, `{"version":1,"results":[${kept.map((r) => texts.get(r)).join(",")}]}`, { mode: 0o600 });
          loaded = new Map(kept.map((r) => [r.url, r]));
        } finally {
          lock.release(token);
        }
      } catch (error) {
        onError?.(`cannot write ${file}`, error);
      }
    },
  };
  return store;
}
