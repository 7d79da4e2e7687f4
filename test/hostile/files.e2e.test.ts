// Files that export -o writes (#12): the real binary, in a temporary folder. Nothing here can
// harm the machine even if the rules regress: /dev/null and /proc are reached only through
// links inside the temporary folder, so a regression replaces the link, not the device.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedHome, run } from "../helpers/cli";

const ONE_LINE = /^icp-links: [^\n]+\n$/;
const isRoot = process.getuid?.() === 0;

const exportTo = (home: string, out: string, ...more: string[]) => run(["export", "--format", "json", "-o", out, ...more], { home });
const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("export -o refuses what is not a regular file, even with --force", () => {
  const cases: [string, (home: string) => string, RegExp, (home: string, path: string) => void][] = [
    [
      "a FIFO",
      (home) => {
        const fifo = join(home, "pipe");
        execFileSync("mkfifo", [fifo]);
        return fifo;
      },
      /is a FIFO/,
      (_home, path) => expect(lstatSync(path).isFIFO()).toBe(true),
    ],
    [
      "a link to a FIFO",
      (home) => {
        execFileSync("mkfifo", [join(home, "pipe")]);
        symlinkSync(join(home, "pipe"), join(home, "link"));
        return join(home, "link");
      },
      /is a FIFO/,
      (home, path) => {
        expect(lstatSync(path).isSymbolicLink()).toBe(true);
        expect(lstatSync(join(home, "pipe")).isFIFO()).toBe(true);
      },
    ],
    [
      "a link to /dev/null",
      (home) => {
        symlinkSync("/dev/null", join(home, "null"));
        return join(home, "null");
      },
      /is a device/,
      (_home, path) => {
        expect(readlinkSync(path)).toBe("/dev/null");
        expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
      },
    ],
    [
      "a link to /proc/self/fd/1 (standard output)",
      (home) => {
        symlinkSync("/proc/self/fd/1", join(home, "stdout"));
        return join(home, "stdout");
      },
      /file descriptor/,
      (_home, path) => expect(readlinkSync(path)).toBe("/proc/self/fd/1"),
    ],
    [
      "a folder",
      (home) => {
        mkdirSync(join(home, "dir"));
        writeFileSync(join(home, "dir", "keep"), "x");
        return join(home, "dir");
      },
      /is a folder/,
      (home, path) => expect(readFileSync(join(path, "keep"), "utf8")).toBe("x"),
    ],
    [
      "a link to nothing",
      (home) => {
        symlinkSync(join(home, "nowhere"), join(home, "dangling"));
        return join(home, "dangling");
      },
      /symbolic link to a file that does not exist/,
      (home, path) => expect(readlinkSync(path)).toBe(join(home, "nowhere")),
    ],
  ];

  it.each(cases)("%s", async (_name, make, message, unchanged) => {
    const home = isolatedHome();
    const path = make(home);
    for (const force of [[], ["--force"]]) {
      const r = await exportTo(home, path, ...force);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(ONE_LINE);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/--force/);
      unchanged(home, path);
      expect(temps(home)).toEqual([]);
    }
  });

  it("an empty name is named as such", async () => {
    const home = isolatedHome();
    const r = await exportTo(home, "", "--force");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: cannot write '': it is an empty file name \(name a file, or use -o - for standard output\)\n$/);
    expect(temps(home)).toEqual([]);
  });

  it("-o - is standard output", async () => {
    const home = isolatedHome();
    const r = await exportTo(home, "-");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).entries).toHaveLength(26);
    expect(readdirSync(home).filter((f) => f === "-")).toEqual([]);
  });
});

describe("export -o --force replaces a regular file as it was", () => {
  it("keeps its mode (0600 stays 0600) and, as root, its owner and group", async () => {
    const home = isolatedHome();
    const out = join(home, "secret.json");
    writeFileSync(out, "old");
    chmodSync(out, 0o600);
    if (isRoot) chownSync(out, 4242, 4343);
    const r = await exportTo(home, out, "--force");
    expect(r.code).toBe(0);
    const stats = statSync(out);
    expect(stats.mode & 0o7777).toBe(0o600);
    if (isRoot) expect([stats.uid, stats.gid]).toEqual([4242, 4343]);
    expect(JSON.parse(readFileSync(out, "utf8")).entries).toHaveLength(26);
  });

  it("a new file is 0644 less the umask", async () => {
    const home = isolatedHome();
    const r = await exportTo(home, join(home, "new.json"));
    expect(r.code).toBe(0);
    expect(statSync(join(home, "new.json")).mode & 0o7777).toBe(0o644 & ~process.umask());
  });

  it("through a link to a regular file: the target is replaced and the link stays", async () => {
    const home = isolatedHome();
    mkdirSync(join(home, "real"));
    writeFileSync(join(home, "real", "links.json"), "old");
    chmodSync(join(home, "real", "links.json"), 0o640);
    symlinkSync("real/links.json", join(home, "links.json"));
    const refused = await exportTo(home, join(home, "links.json"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists \(add --force to replace it\)/);
    const r = await exportTo(home, join(home, "links.json"), "--force");
    expect(r.code).toBe(0);
    expect(readlinkSync(join(home, "links.json"))).toBe("real/links.json");
    expect(JSON.parse(readFileSync(join(home, "real", "links.json"), "utf8")).entries).toHaveLength(26);
    expect(statSync(join(home, "real", "links.json")).mode & 0o777).toBe(0o640);
    expect(temps(home)).toEqual([]);
    expect(temps(join(home, "real"))).toEqual([]);
  });

  it.each([
    ["ASCII", "a".repeat(250) + ".json"],
    ["two-byte characters", "é".repeat(125) + ".json"],
  ])("writes a name of 254-255 bytes, the most the file system allows (%s)", async (_name, name) => {
    const home = isolatedHome();
    const out = join(home, name);
    expect(Buffer.byteLength(name)).toBeGreaterThanOrEqual(254);
    const r = await exportTo(home, out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const again = await exportTo(home, out, "--force");
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).entries).toHaveLength(26);
    expect(temps(home)).toEqual([]);
  });

  it("a name longer than the file system allows is said to be too long", async () => {
    const home = isolatedHome();
    const r = await exportTo(home, join(home, "a".repeat(256)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/: the name is too long for the file system \(choose a shorter name\)\n$/);
  });
});
