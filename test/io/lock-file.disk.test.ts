// The one lock file of a person's files (src/io/lock-file.ts), used by the state and the check
// results: when a lock is taken, waited for, broken as stale, and released. The clock, the
// sleep, the host and which pids live are injected: the sleep moves the clock, so a wait of
// seconds takes none, and no real process needs to die.
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockFile, type LockFileOptions } from "../../src/io/lock-file";
import { tempDir } from "../helpers/temp";

const STALE_MS = 30_000;
const WAIT_MS = 1_000;
const T0 = Date.parse("2026-11-23T12:00:00Z");
const HERE = "here";
const ME = 4242;
const OTHER = 777;

/** A folder, its lock's path, and a world where time moves only when the lock sleeps. */
function world(alive: (pid: number) => boolean = () => true, extra: Partial<LockFileOptions> = {}) {
  const dir = tempDir("icp-links-lock-");
  const path = join(dir, "x.lock");
  let t = T0;
  const slept: number[] = [];
  const options: LockFileOptions = {
    staleMs: STALE_MS,
    waitMs: WAIT_MS,
    now: () => t,
    sleep: (ms) => {
      slept.push(ms);
      t += ms;
    },
    alive,
    host: HERE,
    pid: ME,
    ...extra,
  };
  /** A lock file as another process left it, `ageMs` old by the injected clock. */
  const plant = (text: string, ageMs = 0) => {
    writeFileSync(path, text);
    const at = new Date(T0 - ageMs);
    utimesSync(path, at, at);
  };
  return { dir, path, slept, lock: lockFile(path, options), plant, advance: (ms: number) => (t += ms) };
}

describe("acquire", () => {
  it("takes a free lock at once and writes its token (pid, host, time) into it", () => {
    const w = world();
    const got = w.lock.acquire();
    expect(got.token).toBe(`${ME} ${HERE} 2026-11-23T12:00:00.000Z`);
    expect(readFileSync(w.path, "utf8")).toBe(got.token);
    expect(w.slept).toEqual([]);
  });

  const TAKEN = "taken over";
  const LEFT = "waited for, then left";
  it.each([
    { what: "a live pid of this host, fresh", text: `${OTHER} ${HERE} t`, ageMs: 0, lives: true, outcome: LEFT },
    { what: "a dead pid of this host", text: `${OTHER} ${HERE} t`, ageMs: 0, lives: false, outcome: TAKEN },
    { what: "a live pid, older than the stale age", text: `${OTHER} ${HERE} t`, ageMs: STALE_MS + 1, lives: true, outcome: TAKEN },
    { what: "a live pid of another host, fresh", text: `${OTHER} elsewhere t`, ageMs: 0, lives: true, outcome: LEFT },
    // Another host's pids cannot be asked about: a "dead" one there is only a pid here.
    { what: "a pid of another host that is not one here, fresh", text: `${OTHER} elsewhere t`, ageMs: 0, lives: false, outcome: LEFT },
    { what: "a pid of another host, older than the stale age", text: `${OTHER} elsewhere t`, ageMs: STALE_MS + 1, lives: false, outcome: TAKEN },
    // Being written by its owner between its creation and its write.
    { what: "no text yet, fresh", text: "", ageMs: 0, lives: false, outcome: LEFT },
    { what: "no text yet, older than the stale age", text: "", ageMs: STALE_MS + 1, lives: false, outcome: TAKEN },
    { what: "our own pid (a reused one: ours is alive), fresh", text: `${ME} ${HERE} t`, ageMs: 0, lives: false, outcome: LEFT },
    { what: "no pid, fresh", text: "garbage", ageMs: 0, lives: false, outcome: LEFT },
  ])("a lock of $what: $outcome", ({ text, ageMs, lives, outcome }) => {
    const w = world(() => lives);
    w.plant(text, ageMs);
    const got = w.lock.acquire();
    if (outcome === TAKEN) {
      expect(got.token).toBeDefined();
      expect(readFileSync(w.path, "utf8")).toBe(got.token);
      expect(readdirSync(w.dir)).toEqual(["x.lock"]);
    } else {
      // Waited its time, then gave up, saying who holds it, and left the lock as it was.
      expect(got.token).toBeUndefined();
      expect(got).toMatchObject({ holder: { text } });
      expect(w.slept.length).toBeGreaterThan(1);
      expect(w.slept.reduce((a, b) => a + b, 0)).toBeGreaterThan(WAIT_MS);
      expect(readFileSync(w.path, "utf8")).toBe(text);
    }
  });

  it("takes a fresh lock of a live pid on another host once it has grown stale", () => {
    const w = world(() => true, { waitMs: STALE_MS * 2 });
    w.plant(`${OTHER} elsewhere t`);
    const got = w.lock.acquire();
    expect(got.token).toBeDefined();
    expect(w.slept.reduce((a, b) => a + b, 0)).toBeGreaterThan(STALE_MS);
  });

  it("pauses between tries within pauseMs", () => {
    const w = world(() => true, { pauseMs: [10, 30] });
    w.plant(`${OTHER} ${HERE} t`);
    w.lock.acquire();
    expect(w.slept.every((ms) => ms >= 10 && ms < 30)).toBe(true);
  });

  it("throws the file system's error when the lock cannot be created (not EEXIST)", () => {
    const w = world();
    const lock = lockFile(join(w.dir, "missing", "x.lock"), { staleMs: STALE_MS, waitMs: WAIT_MS });
    expect(() => lock.acquire()).toThrow(expect.objectContaining({ code: "ENOENT" }));
  });
});

describe("breakStale", () => {
  it("of two breakers of one stale lock, exactly one wins; nothing is left behind", () => {
    const w = world(() => false);
    w.plant(`${OTHER} ${HERE} t`);
    const seen = w.lock.holder()!;
    expect(w.lock.stale(seen)).toBe(true);
    expect([w.lock.breakStale(seen), w.lock.breakStale(seen)]).toEqual([true, false]);
    expect(readdirSync(w.dir)).toEqual([]);
  });

  it.each([
    { what: "another token", stale: `${OTHER} ${HERE} old`, fresh: `${OTHER + 1} ${HERE} new` },
    // The same text: only which file it is tells them apart.
    { what: "the same token", stale: `${OTHER} ${HERE} t`, fresh: `${OTHER} ${HERE} t` },
    { what: "the same empty text (a lock being written)", stale: "", fresh: "" },
  ])("the late breaker puts back a fresh lock taken since it looked: $what", ({ stale, fresh }) => {
    const w = world(() => false);
    w.plant(stale, STALE_MS + 1);
    const seen = w.lock.holder()!;
    expect(w.lock.breakStale(seen)).toBe(true);
    // Another process takes the lock in between.
    writeFileSync(w.path, fresh);
    expect(w.lock.breakStale(seen)).toBe(false);
    expect(readFileSync(w.path, "utf8")).toBe(fresh);
    expect(readdirSync(w.dir)).toEqual(["x.lock"]);
  });
});

describe("release", () => {
  it.each([
    ["removes our own lock", (token: string) => token, false],
    ["leaves another's lock alone", () => `${OTHER} ${HERE} theirs`, true],
  ])("%s", (_what, holding, kept) => {
    const w = world();
    const { token } = w.lock.acquire();
    // Between our acquire and our release, the lock may have been broken and taken by another.
    writeFileSync(w.path, holding(token!));
    w.lock.release(token!);
    expect(existsSync(w.path)).toBe(kept);
  });

  it("does nothing when there is no lock", () => {
    const w = world();
    expect(() => w.lock.release(`${ME} ${HERE} t`)).not.toThrow();
  });
});

describe("leftovers", () => {
  it("knows and removes the broken locks of a breaker killed mid-break, and nothing else", () => {
    const w = world();
    for (const name of ["x.lock.stale.12.abc", "x.lock", "y.lock.stale.12.abc", "x.lockstale"]) writeFileSync(join(w.dir, name), "");
    expect(w.lock.isLeftover("x.lock.stale.12.abc")).toBe(true);
    expect(w.lock.isLeftover("x.lock")).toBe(false);
    w.lock.removeLeftovers();
    expect(readdirSync(w.dir).sort()).toEqual(["x.lock", "x.lockstale", "y.lock.stale.12.abc"]);
  });
});
