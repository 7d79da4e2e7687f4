// Edge: the file system (state.json and its lock); only cli.ts builds it, commands get a StateStore.
// Where a person's own layer is kept (#16): one JSON file, $XDG_STATE_HOME/icp-links/state.json
// (else ~/.local/state/icp-links/state.json), never in the cache folder: clearing the cache must
// never lose a mark.
//
// Kept safe:
// - Readers take no lock: the file is only ever replaced whole (a temporary file in the same
//   folder, fsync, rename), so a reader sees the old state or the new one, and so does a
//   process killed in the middle of a write (its temporary file is removed by the next writer).
// - Writers take a lock file (state.lock, created O_EXCL) and read, change and write the state
//   while they hold it: 20 concurrent `done` on different entries all persist. A lock, not an
//   append-only journal: the journal would still need a lock to be compacted, and readers
//   would replay it at every start; one small file read whole is what `list` can afford (#4).
//   The lock is io/lock-file.ts's, the same as checks.json's: one whose process is gone (same
//   host, no such pid) or older than LOCK_STALE_MS is broken (renamed away, so only one breaker
//   wins, checked to be the stale one, and removed); a writer waits up to LOCK_WAIT_MS, then
//   says which process holds it.
// - A damaged file is never replaced: it is renamed aside (state.json.damaged-<time>) under the
//   lock and the error names that file; the next run starts afresh, the marks are in the file.
// - The same owner rules as the cache: the folder and file must be ours and writable by us
//   alone; the file is a regular file (not a link, FIFO or device); a rewrite keeps its mode.
import { NOT_OURS, readTrustedOpen, trusted } from "../trust";
import { lstatSync, readdirSync, renameSync, statSync, unlinkSync, type Stats } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../atomic-write";
import { makeDirectory } from "../mkdir";
import { lockFile, type Acquired } from "../lock-file";
import { UsageError } from "../../errors";
import { formatSize } from "../../text/size";
import { checkStateLimits, fromJson, MAX_STATE_BYTES, toJson, type StateData } from "../../state/model";

export interface StateStore {
  /** False with --no-state or ICP_LINKS_NO_STATE=1: nothing is read or written. */
  readonly enabled: boolean;
  /** The state file (for messages and `state path`). */
  readonly file: string;
  /** The state as it is now (read once per run; empty when there is none). Throws UsageError. */
  load(): StateData;
  /** Changes the state under the lock, from what is on disk at that moment. Throws UsageError. */
  update(change: (data: StateData) => StateData): StateData;
}

export function stateDir(env: Record<string, string | undefined>, home: string): string {
  // XDG: a relative path is invalid and ignored.
  const base = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith("/") ? env.XDG_STATE_HOME : join(home, ".local", "state");
  return join(base, "icp-links");
}

export function stateDisabled(env: Record<string, string | undefined>, flag: boolean | undefined): boolean {
  return flag === false || env.ICP_LINKS_NO_STATE === "1";
}

/** The store of --no-state: reads nothing; a command that must write says so. */
export function disabledStateStore(file: string): StateStore {
  return {
    enabled: false,
    file,
    load: () => new Map(),
    update: () => {
      throw new UsageError("the state is off (--no-state or ICP_LINKS_NO_STATE=1): nothing was marked", "run without --no-state and with ICP_LINKS_NO_STATE unset");
    },
  };
}

/** A lock older than this is a dead writer's, whatever its pid says (a write takes milliseconds). */
export const LOCK_STALE_MS = 30_000;
/** How long a writer waits for the lock before giving up. */
export const LOCK_WAIT_MS = 15_000;

export interface FileStateOptions {
  dir: string;
  uid?: number;
  now?: () => number;
  /** How long a writer waits for the lock (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
  /** Called between the write of the temporary file and its rename (tests kill the writer there). */
  beforeRename?: () => void;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

export function fileStateStore(options: FileStateOptions): StateStore {
  const { dir, uid } = options;
  const now = options.now ?? Date.now;
  const file = join(dir, "state.json");
  const stateLock = lockFile(join(dir, "state.lock"), { staleMs: LOCK_STALE_MS, waitMs: options.lockWaitMs ?? LOCK_WAIT_MS, now });
  let cached: StateData | undefined;

  /** The file's bytes and mode, or undefined when there is none. Throws UsageError. */
  function readRaw(): { bytes: Buffer; mode: number } | undefined {
    let dirStats: Stats;
    try {
      dirStats = statSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new UsageError(`cannot read the state folder ${dir}: ${(error as Error).message}`, "check its permissions, or run with --no-state");
    }
    if (!dirStats.isDirectory()) throw new UsageError(`the state folder ${dir} is not a folder`, "move it away, or set XDG_STATE_HOME");
    if (!trusted(dirStats, uid)) throw new UsageError(`the state folder ${dir} is not yours alone (owner or write permission)`, "chmod go-w it, or set XDG_STATE_HOME");
    try {
      // No link followed, no FIFO waited on, no byte read past the cap: checked once opened.
      return readTrustedOpen(file, uid, MAX_STATE_BYTES);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return undefined;
      if (code === "ELOOP") throw new UsageError(`the state file ${file} is a symbolic link`, "icp-links keeps its state in a regular file: move the link away");
      if (code !== undefined) throw new UsageError(`cannot read the state file ${file}: ${(error as Error).message}`, "check its permissions, or run with --no-state");
      // readTrustedOpen's own refusals: not a regular file, not ours, too large.
      if ((error as Error).message === NOT_OURS) throw new UsageError(`the state file ${file} is not yours alone (owner or write permission)`, "chmod go-w it");
      throw new UsageError(`the state file ${file} is ${(error as Error).message}`, /larger/.test((error as Error).message) ? "move it away; 'icp-links state import' takes back what fits" : "move it away");
    }
  }

  function parse(bytes: Buffer): StateData {
    return fromJson(JSON.parse(bytes.toString("utf8")));
  }

  /** Renames a damaged file aside (under the lock) and throws the error that names it. */
  function setAside(reason: string): never {
    let aside = `${file}.damaged-${stamp(now())}`;
    for (let n = 2; exists(aside); n++) aside = `${file}.damaged-${stamp(now())}-${n}`;
    renameSync(file, aside);
    throw new UsageError(`the state file ${file} was damaged (${reason}); it is kept as ${aside}, and a new state starts`, "your marks are in that file: fix it and run 'icp-links state import' on it");
  }

  function readLocked(): { data: StateData; mode: number | undefined } {
    const raw = readRaw();
    if (!raw) return { data: new Map(), mode: undefined };
    try {
      return { data: parse(raw.bytes), mode: raw.mode };
    } catch (error) {
      return setAside((error as Error).message);
    }
  }

  /** Takes the lock (io/lock-file.ts), in the state's own words when it cannot. */
  function lock(): string {
    let got: Acquired;
    try {
      got = stateLock.acquire();
    } catch (error) {
      throw new UsageError(`cannot lock the state in ${dir}: ${(error as Error).message}`, "check the folder's permissions, or run with --no-state");
    }
    if (got.token !== undefined) return got.token;
    throw new UsageError(`the state is locked by process ${got.holder?.pid || "?"} (${stateLock.path})`, "wait for that icp-links to end; if none runs, remove the lock file");
  }

  /** Temporary files of writers killed mid-write: with the lock held, none is anyone's now. */
  function removeLeftovers(): void {
    try {
      for (const name of readdirSync(dir)) {
        if ((name.startsWith(".state.json.") && name.endsWith(".tmp")) || stateLock.isLeftover(name)) unlinkSync(join(dir, name));
      }
    } catch {
      // Not fatal: they are only litter.
    }
  }

  return {
    enabled: true,
    file,
    load() {
      if (cached) return cached;
      const raw = readRaw();
      if (!raw) return (cached = new Map());
      try {
        return (cached = parse(raw.bytes));
      } catch {
        // Damage is handled under the lock: set aside once, by one process, and named.
        const mine = lock();
        try {
          return (cached = readLocked().data);
        } finally {
          stateLock.release(mine);
        }
      }
    },
    update(change) {
      try {
        makeDirectory(dir, 0o700);
      } catch (error) {
        throw new UsageError(`cannot create the state folder ${dir}: ${(error as Error).message}`, "set XDG_STATE_HOME to a writable folder, or run with --no-state");
      }
      if (!trusted(statSync(dir), uid)) throw new UsageError(`the state folder ${dir} is not yours alone (owner or write permission)`, "chmod go-w it, or set XDG_STATE_HOME");
      const mine = lock();
      try {
        const { data, mode } = readLocked();
        const next = change(data);
        // Never a file the next run will not read (model.ts's limits).
        try {
          checkStateLimits(next);
        } catch (error) {
          throw new UsageError(`the state would hold ${(error as Error).message}`, "nothing was changed; 'icp-links state path' names the file: move it aside and 'state import' the part you need");
        }
        const text = `${JSON.stringify(toJson(next), null, 1)}\n`;
        if (Buffer.byteLength(text) > MAX_STATE_BYTES) throw new UsageError(`the state would be larger than ${formatSize(MAX_STATE_BYTES)}, the most icp-links keeps`, "nothing was changed; shorten or clear some notes");
        removeLeftovers();
        try {
          writeFileAtomic(file, text, { mode: mode ?? 0o600, ...(options.beforeRename && { beforeRename: options.beforeRename }) });
        } catch (error) {
          throw new UsageError(`cannot write the state file ${file}: ${(error as Error).message}`, "check the disk and the folder's permissions; the state is as it was");
        }
        return (cached = next);
      } finally {
        stateLock.release(mine);
      }
    },
  };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
