// The state file on disk (#16): atomic, locked, owned, and never silently replaced.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { disabledStateStore, fileStateStore, stateDir, stateDisabled } from "../../../src/io/state/store";
import { isDone, markDone, setNote } from "../../../src/state/model";
import { tempDir } from "../../helpers/temp";

const T = "2026-11-23T12:00:00.000Z";
const uid = process.getuid?.();

function folder(): string {
  return join(tempDir("icp-links-state-"), "icp-links");
}

describe("where the state lives", () => {
  it("is $XDG_STATE_HOME/icp-links, else ~/.local/state/icp-links; a relative XDG_STATE_HOME is ignored", () => {
    expect(stateDir({ XDG_STATE_HOME: "/x/state" }, "/home/u")).toBe("/x/state/icp-links");
    expect(stateDir({}, "/home/u")).toBe("/home/u/.local/state/icp-links");
    expect(stateDir({ XDG_STATE_HOME: "rel" }, "/home/u")).toBe("/home/u/.local/state/icp-links");
  });

  it("is off with --no-state or ICP_LINKS_NO_STATE=1", () => {
    expect(stateDisabled({}, false)).toBe(true);
    expect(stateDisabled({ ICP_LINKS_NO_STATE: "1" }, undefined)).toBe(true);
    expect(stateDisabled({}, undefined)).toBe(false);
    const off = disabledStateStore("/nowhere/state.json");
    expect(off.load().size).toBe(0);
    expect(() => off.update((d) => d)).toThrow("the state is off");
  });
});

describe("fileStateStore", () => {
  it("starts empty without creating anything, and keeps what is written (folder 0700, file 0600)", () => {
    const dir = folder();
    expect(fileStateStore({ dir, uid }).load().size).toBe(0);
    expect(existsSync(dir)).toBe(false);
    fileStateStore({ dir, uid }).update((d) => d.set("https://a.org/", markDone({}, T)));
    const again = fileStateStore({ dir, uid }).load();
    expect(isDone(again.get("https://a.org/"))).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, "state.json")).mode & 0o777).toBe(0o600);
  });

  it("keeps the file's mode when it rewrites it", () => {
    const dir = folder();
    const store = fileStateStore({ dir, uid });
    store.update((d) => d.set("https://a.org/", markDone({}, T)));
    chmodSync(join(dir, "state.json"), 0o640);
    fileStateStore({ dir, uid }).update((d) => d.set("https://b.org/", markDone({}, T)));
    expect(statSync(join(dir, "state.json")).mode & 0o777).toBe(0o640);
  });

  it("sets a damaged file aside, names it in the error, and starts afresh", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, "state.json"), '{"version":1,"entries":{"https://a.org/":{"done":', { mode: 0o600 });
    let message = "";
    try {
      fileStateStore({ dir, uid }).load();
    } catch (error) {
      message = (error as Error).message;
    }
    const aside = readdirSync(dir).find((n) => n.startsWith("state.json.damaged-"));
    expect(aside).toBeDefined();
    expect(message).toContain(join(dir, aside!));
    expect(message).toContain("damaged");
    // The marks are in the file set aside, byte for byte.
    expect(readFileSync(join(dir, aside!), "utf8")).toBe('{"version":1,"entries":{"https://a.org/":{"done":');
    expect(existsSync(join(dir, "state.json"))).toBe(false);
    expect(fileStateStore({ dir, uid }).load().size).toBe(0);
  });

  it("a write over a damaged file sets it aside first and does not write", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, "state.json"), '{"version":7}', { mode: 0o600 });
    expect(() => fileStateStore({ dir, uid }).update((d) => d.set("https://a.org/", markDone({}, T)))).toThrow(/damaged \(unknown version 7\); it is kept as/);
    expect(readdirSync(dir).filter((n) => n.startsWith("state.json.damaged-"))).toHaveLength(1);
    expect(existsSync(join(dir, "state.json"))).toBe(false);
  });

  it("refuses a state file that is a link, a FIFO, or not ours alone", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const target = join(dir, "..", "elsewhere.json");
    writeFileSync(target, '{"version":1,"entries":{}}');
    symlinkSync(target, join(dir, "state.json"));
    expect(() => fileStateStore({ dir, uid }).load()).toThrow("is a symbolic link");
    expect(() => fileStateStore({ dir, uid }).update((d) => d)).toThrow("is a symbolic link");
    expect(readFileSync(target, "utf8")).toBe('{"version":1,"entries":{}}');

    const fifoDir = folder();
    mkdirSync(fifoDir, { recursive: true, mode: 0o700 });
    execFileSync("mkfifo", [join(fifoDir, "state.json")]);
    expect(() => fileStateStore({ dir: fifoDir, uid }).load()).toThrow("not a regular file");

    const open = folder();
    mkdirSync(open, { recursive: true, mode: 0o700 });
    writeFileSync(join(open, "state.json"), '{"version":1,"entries":{}}', { mode: 0o666 });
    chmodSync(join(open, "state.json"), 0o666);
    expect(() => fileStateStore({ dir: open, uid }).load()).toThrow("not yours alone");
    chmodSync(open, 0o777);
    expect(() => fileStateStore({ dir: open, uid }).load()).toThrow(`the state folder ${open} is not yours alone`);
  });

  it("breaks the lock of a process that is gone, and removes a dead writer's temporary file", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A pid that existed and is gone: a child that has ended.
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    writeFileSync(join(dir, "state.lock"), `${gone} ${hostname()} ${T}`);
    writeFileSync(join(dir, ".state.json.12345.abcdef.tmp"), "half a sta");
    fileStateStore({ dir, uid, lockWaitMs: 2000 }).update((d) => d.set("https://a.org/", markDone({}, T)));
    expect(readdirSync(dir).sort()).toEqual(["state.json"]);
  });

  it("waits for a live lock, then says who holds it", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, "state.lock"), `${process.ppid} ${hostname()} ${T}`);
    expect(() => fileStateStore({ dir, uid, lockWaitMs: 100 }).update((d) => d)).toThrow(`the state is locked by process ${process.ppid}`);
    // Nothing of the holder's was touched.
    expect(readFileSync(join(dir, "state.lock"), "utf8")).toContain(String(process.ppid));
  });

  it("breaks a lock older than its limit, whoever holds it", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, "state.lock"), `${process.ppid} ${hostname()} ${T}`);
    const later = Date.now() + 31_000;
    fileStateStore({ dir, uid, lockWaitMs: 1000, now: () => later }).update((d) => d.set("https://a.org/", setNote({}, "n", T)));
    expect(existsSync(join(dir, "state.lock"))).toBe(false);
  });

  it("a failed write leaves the state as it was", () => {
    const dir = folder();
    const store = fileStateStore({ dir, uid });
    store.update((d) => d.set("https://a.org/", markDone({}, T)));
    const before = readFileSync(join(dir, "state.json"), "utf8");
    expect(() => fileStateStore({ dir, uid, beforeRename: () => { throw new Error("disk full"); } }).update((d) => d.set("https://b.org/", markDone({}, T)))).toThrow("cannot write the state file");
    expect(readFileSync(join(dir, "state.json"), "utf8")).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["state.json"]);
  });
});
