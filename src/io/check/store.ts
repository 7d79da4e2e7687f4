// Edge: the file system (checks.json in the cache folder); only cli.ts builds it, commands get a CheckStore.
// The results of `check`, kept in the cache folder (checks.json) with their time, so that `list`
// and `show` can mark links the last check found broken or redirected, and `check --max-age`
// can reuse recent results (#5). A missing or unusable file is no results, never an error.
// Kept by io/record-store.ts, as enrich's link facts are, with the trust rules of the page cache (#12):
// - read only if it is a regular file (not a link), yours and writable by you alone, in a folder
//   that is yours and writable by you alone; at most MAX_STORE_BYTES, checked before reading, so
//   that a huge file costs `list` one fstat, not its parsing;
// - written atomically, mode 0600 in a folder of mode 0700, pruned: results older than KEEP_MS
//   go, and the oldest go first past MAX_STORE_BYTES;
// - two `check` runs at once lose neither's results: a save re-reads the file and merges into it
//   under a lock file (checks.json.lock, io/lock-file.ts, the same lock as the state's), the
//   newer result of a URL winning; a save that cannot get the lock in time (record-store.ts) gives up
//   and says so under --debug: results are never worth an error;
// - every text read back is sanitized again: the file is data, not trusted output.
import { fileRecordStore, type RecordKind, type RecordStoreOptions } from "../record-store";
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

export type CheckStoreOptions = RecordStoreOptions;

/** The results of `check` as records of io/record-store.ts (its trust rules, lock and merge): checks.json. */
const CHECK_RECORDS: RecordKind<CheckResult> = {
  name: "checks.json",
  member: "results",
  key: (r) => r.url,
  time: (r) => r.checkedAt,
  valid,
  clean,
  keepMs: KEEP_MS,
  maxBytes: MAX_STORE_BYTES,
};

export function fileCheckStore(dir: string, now: () => number, options: CheckStoreOptions = {}): CheckStore {
  return fileRecordStore(dir, CHECK_RECORDS, now, options);
}
