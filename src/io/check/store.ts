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
// The reading, writing, pruning and locking are io/record-store.ts's, shared with enrich's facts (#27).
import { fileRecordStore, type RecordStoreOptions } from "../record-store";
import type { CheckResult } from "../../check/types";
import { STATES } from "../../check/types";
import { sanitize } from "../../text/sanitize";

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
    (x.finalUrl === undefined || typeof x.finalUrl === "string") && (x.status === undefined || Number.isInteger(x.status));
}

/** A result as read back: only known fields, texts sanitized. */
function clean(r: CheckResult): CheckResult {
  const out: CheckResult = { url: r.url, state: r.state, reason: sanitize(r.reason), checkedAt: r.checkedAt };
  if (r.status !== undefined) out.status = r.status;
  if (r.finalUrl !== undefined) out.finalUrl = sanitize(r.finalUrl);
  return out;
}

export type CheckStoreOptions = RecordStoreOptions;

export function fileCheckStore(dir: string, now: () => number, options: CheckStoreOptions = {}): CheckStore {
  return fileRecordStore(dir, { name: "checks.json", member: "results", key: (r) => r.url, time: (r) => r.checkedAt, valid, clean, keepMs: KEEP_MS, maxBytes: MAX_STORE_BYTES }, now, options);
}
