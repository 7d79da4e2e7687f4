// Edge: the file system (one lock file); io/state/store.ts (state.lock) and io/check/store.ts
// (checks.json.lock) take their lock through it, so that a person's files have one lock, not two.
// - Taken by creating the file O_EXCL and writing its token into it: "pid host time".
// - Stale when it is older than staleMs, whatever its pid says (another host, a reused pid), or
//   when its process is gone (same host, no such pid). An empty lock file is being written by its
//   owner between its creation and its write: it is stale only by age.
// - Broken by renaming it away first: of two breakers only one wins the rename. The winner checks
//   that what it moved is the lock it judged stale (same file, same content) and removes it; a
//   fresh lock taken meanwhile is put back with link(), which fails rather than replace yet
//   another. A breaker killed between rename and unlink leaves `<lock>.stale.*`: litter that the
//   next holder removes.
// - Released only if it still holds our token: a lock broken as stale and taken by another run
//   is not ours to remove.
// - Waits by a blocking sleep between tries: a one-shot command has nothing else to do meanwhile.
// It says what happened and throws only the file system's own errors: each store words its own
// (a UsageError for the state, a --debug note for the check results, which are never fatal).
import { closeSync, constants, fstatSync, linkSync, openSync, readFileSync, readdirSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

export interface LockFileOptions {
  /** A lock older than this is a dead writer's, whatever its pid says. */
  staleMs: number;
  /** How long acquire() tries before it gives up. */
  waitMs: number;
  /** The pause between two tries: a random time from the first to the second, in ms. */
  pauseMs?: readonly [number, number];
  /** The wall clock, compared with the lock file's mtime (default Date.now). */
  now?: () => number;
  /** Waits between two tries (default: blocks the thread). */
  sleep?: (ms: number) => void;
  /** Whether a process of this host exists (default: signal 0). */
  alive?: (pid: number) => boolean;
  /** This host's name (default os.hostname()). */
  host?: string;
  /** This process's id (default process.pid). */
  pid?: number;
}

/** A lock file as seen: its token and which file it was, so that a breaker can tell it from a fresh one. */
export interface LockHolder {
  text: string;
  pid: number;
  host: string;
  ageMs: number;
  ino: number;
  mtimeMs: number;
}

/** The lock, with the token that releases it; or who held it when the wait ended. */
export type Acquired = { token: string } | { token?: undefined; holder: LockHolder | undefined };

export interface LockFile {
  readonly path: string;
  /** Takes the lock, breaking a stale one, waiting up to waitMs. Throws the file system's errors but EEXIST. */
  acquire(): Acquired;
  /** Removes the lock if it still holds `token`; never throws. */
  release(token: string): void;
  /** The lock file as it is now, or undefined when there is none (or it cannot be read). */
  holder(): LockHolder | undefined;
  stale(holder: LockHolder): boolean;
  /** Breaks the lock seen as `seen`; true if this call removed it (false: another breaker did, or it is a fresh one, put back). */
  breakStale(seen: LockHolder): boolean;
  /** Whether a name in the lock's folder is a broken lock left by a breaker killed mid-break. */
  isLeftover(name: string): boolean;
  /** Removes those leftovers (with the lock held, none is anyone's); never throws. */
  removeLeftovers(): void;
}

/** Blocks the thread. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFile(path: string, options: LockFileOptions): LockFile {
  const { staleMs, waitMs } = options;
  const [pauseMin, pauseMax] = options.pauseMs ?? [5, 25];
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepSync;
  const alive = options.alive ?? processAlive;
  const pid = options.pid ?? process.pid;
  let host = options.host;
  // Asked only when a lock is taken or judged: most runs of a command never lock.
  const myHost = () => (host ??= hostname());
  const leftoverPrefix = `${basename(path)}.stale.`;

  /** The file at `at`, read and stat'ed through one descriptor (not through a link). */
  function inspect(at: string): LockHolder | undefined {
    let fd: number;
    try {
      fd = openSync(at, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      return undefined;
    }
    try {
      const stats = fstatSync(fd);
      const text = readFileSync(fd, "utf8");
      const [pidText, hostText] = text.split(" ");
      return { text, pid: Number(pidText), host: hostText ?? "", ageMs: now() - stats.mtimeMs, ino: stats.ino, mtimeMs: stats.mtimeMs };
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  const same = (a: LockHolder, b: LockHolder) => a.text === b.text && a.ino === b.ino && a.mtimeMs === b.mtimeMs;

  const lock: LockFile = {
    path,
    acquire() {
      const token = `${pid} ${myHost()} ${new Date(now()).toISOString()}`;
      const deadline = now() + waitMs;
      for (;;) {
        try {
          const fd = openSync(path, "wx", 0o600);
          try {
            writeSync(fd, token);
          } finally {
            closeSync(fd);
          }
          return { token };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
        const held = lock.holder();
        if (held && lock.stale(held)) {
          lock.breakStale(held);
          continue;
        }
        if (now() > deadline) return { holder: held };
        sleep(pauseMin + Math.random() * (pauseMax - pauseMin));
      }
    },
    release(token) {
      if (inspect(path)?.text !== token) return;
      try {
        unlinkSync(path);
      } catch {
        // Broken by another process as stale: nothing of ours is left.
      }
    },
    holder: () => inspect(path),
    stale(held) {
      if (held.ageMs > staleMs) return true;
      // An empty lock (being written) has no pid nor host: it is stale only by age.
      return held.host === myHost() && Number.isInteger(held.pid) && held.pid > 0 && held.pid !== pid && !alive(held.pid);
    },
    breakStale(seen) {
      const moved = `${path}.stale.${pid}.${Math.random().toString(36).slice(2, 10)}`;
      try {
        renameSync(path, moved);
      } catch {
        return false; // Another process broke it first.
      }
      const found = inspect(moved);
      const ours = found !== undefined && same(found, seen);
      if (!ours) {
        // A fresh lock taken since we looked: put it back (link fails if yet another exists).
        try {
          linkSync(moved, path);
        } catch {
          // Its owner releases by content; nothing more to do.
        }
      }
      try {
        unlinkSync(moved);
      } catch {
        // Already gone.
      }
      return ours;
    },
    isLeftover: (name) => name.startsWith(leftoverPrefix),
    removeLeftovers() {
      try {
        const dir = dirname(path);
        for (const name of readdirSync(dir)) if (lock.isLeftover(name)) unlinkSync(join(dir, name));
      } catch {
        // Not fatal: they are only litter.
      }
    },
  };
  return lock;
}
