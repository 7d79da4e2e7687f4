// The results of `check`, kept in the cache folder (checks.json) with their time, so that `list`
// and `show` can mark links the last check found broken or redirected, and `check --max-age`
// can reuse recent results (#5). Written atomically; a missing or unreadable file is no results.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write";
import { makeDirectory } from "./mkdir";
import type { CheckResult } from "../check/types";
import { STATES } from "../check/types";

/** Results older than this are forgotten when the file is written. */
const KEEP_MS = 180 * 24 * 3600 * 1000;

export interface CheckStore {
  load(): Map<string, CheckResult>;
  save(results: CheckResult[]): void;
}

function valid(r: unknown): r is CheckResult {
  if (r === null || typeof r !== "object") return false;
  const x = r as Record<string, unknown>;
  return typeof x.url === "string" && STATES.includes(x.state as never) && typeof x.reason === "string" && typeof x.checkedAt === "string" && !Number.isNaN(Date.parse(x.checkedAt)) &&
    (x.finalUrl === undefined || typeof x.finalUrl === "string") && (x.status === undefined || Number.isInteger(x.status));
}

export function fileCheckStore(dir: string, now: () => number, onError?: (what: string, error: unknown) => void): CheckStore {
  const file = join(dir, "checks.json");
  let loaded: Map<string, CheckResult> | undefined;
  const store: CheckStore = {
    load() {
      if (loaded) return loaded;
      loaded = new Map();
      try {
        const data = JSON.parse(readFileSync(file, "utf8")) as { version?: unknown; results?: unknown };
        if (data.version === 1 && Array.isArray(data.results)) for (const r of data.results) if (valid(r)) loaded.set(r.url, r);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") onError?.(`cannot read ${file}`, error);
      }
      return loaded;
    },
    save(results) {
      const all = new Map(store.load());
      for (const r of results) all.set(r.url, r);
      const cutoff = now() - KEEP_MS;
      const kept = [...all.values()].filter((r) => Date.parse(r.checkedAt) >= cutoff);
      try {
        makeDirectory(dir, 0o700);
        writeFileAtomic(file, JSON.stringify({ version: 1, results: kept }), { mode: 0o600 });
        loaded = new Map(kept.map((r) => [r.url, r]));
      } catch (error) {
        onError?.(`cannot write ${file}`, error);
      }
    },
  };
  return store;
}
