// The rules of src/io/atomic-write.ts (#12), with the file system a double where the real one
// cannot be made to fail (a full disk, a read-only mount) or must not be touched (/dev).
import * as realFs from "node:fs";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { RefusedTarget, tempName, writeError, writeFileAtomic, writeTarget, type AtomicFs } from "../../src/io/atomic-write";
import { tempDir } from "../helpers/temp";

const fail = (code: string) => () => {
  throw Object.assign(new Error(`${code}: injected`), { code });
};

/** The real file system, with one call failing with `code`; records what was unlinked. */
function failing(call: keyof AtomicFs, code: string): { fs: AtomicFs; unlinked: string[] } {
  const unlinked: string[] = [];
  const fs = {
    ...(realFs as unknown as AtomicFs),
    unlinkSync: (path: string) => {
      unlinked.push(path);
      realFs.unlinkSync(path);
    },
  } as AtomicFs;
  (fs as unknown as Record<string, unknown>)[call] = fail(code);
  return { fs, unlinked };
}

describe("writeError names the real cause", () => {
  it.each([
    ["ENOSPC", "openSync", /^cannot write .*out\.json: no space left on the device$/, /free some space/],
    ["ENOSPC", "writeSync", /no space left on the device$/, /free some space/],
    ["ENOSPC", "fsyncSync", /no space left on the device$/, /free some space/],
    ["EDQUOT", "writeSync", /disk quota is exceeded$/, /free some space/],
    ["EROFS", "openSync", /: its folder is on a read-only file system$/, /write elsewhere/],
    ["EISDIR", "renameSync", /: it is a folder$/, /name a file in it/],
    ["ENAMETOOLONG", "openSync", /: the name is too long for the file system$/, /shorter name/],
    ["EACCES", "openSync", /: permission denied$/, /permissions/],
    ["EIO", "writeSync", /: an input\/output error$/, /check the disk/],
  ] as const)("%s from %s", (code, call, message, hint) => {
    const dir = tempDir("icp-links-aw-");
    const target = join(dir, "out.json");
    writeFileSync(target, "old");
    const { fs, unlinked } = failing(call, code);
    let thrown: unknown;
    try {
      writeFileAtomic(target, "new", { fs });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as NodeJS.ErrnoException).code).toBe(code);
    const error = writeError(target, thrown);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/cannot be read/);
    expect(error.hint).toMatch(hint);
    expect(error.exitCode).toBe(2);
    // Nothing lost, nothing left behind.
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["out.json"]);
    if (call !== "openSync") expect(unlinked).toHaveLength(1);
  });

  it.each([
    ["folder", /is a folder/],
    ["device", /is a device/],
    ["FIFO", /is a FIFO/],
    ["socket", /is a socket/],
    ["process file", /file descriptor/],
    ["link to nothing", /symbolic link to a file that does not exist/],
    ["empty name", /empty file name/],
  ] as const)("a refused %s, never suggesting --force", (kind, message) => {
    const error = writeError("x", new RefusedTarget("x", kind));
    expect(error.message).toMatch(message);
    expect(`${error.message} ${error.hint}`).not.toMatch(/--force/);
    expect(error.hint).toMatch(/-o - for standard output/);
    expect(error.exitCode).toBe(2);
  });

  it("an existing file without --force suggests it", () => {
    expect(writeError("a.json", Object.assign(new Error(), { code: "EEXIST" })).hint).toBe("add --force to replace it");
  });
});

describe("writeTarget (only looks: lstat, readlink, realpath)", () => {
  const kindOf = (path: string) => {
    try {
      writeTarget(realFs as unknown as AtomicFs, path);
      return "written";
    } catch (error) {
      return error instanceof RefusedTarget ? error.kind : String(error);
    }
  };

  it.each([
    ["/dev/null", "device"],
    ["/dev/stdout", "process file"],
    ["/dev/fd/1", "process file"],
    ["/proc/self/fd/1", "process file"],
    ["/proc/self/status", "process file"],
    ["/tmp", "folder"],
    ["", "empty name"],
  ])("refuses %s (%s)", (path, kind) => {
    expect(kindOf(path)).toBe(kind);
  });

  it("accepts a new name and a regular file", () => {
    const dir = tempDir("icp-links-aw-");
    expect(kindOf(join(dir, "new.json"))).toBe("written");
    writeFileSync(join(dir, "old.json"), "x");
    expect(kindOf(join(dir, "old.json"))).toBe("written");
  });

  it("follows a link to a regular file to that file, with its folder's links resolved", () => {
    const dir = realFs.realpathSync(tempDir("icp-links-aw-"));
    writeFileSync(join(dir, "real.json"), "x");
    realFs.symlinkSync("real.json", join(dir, "link.json"));
    expect(writeTarget(realFs as unknown as AtomicFs, join(dir, "link.json")).file).toBe(join(dir, "real.json"));
  });
});

describe("temporary names", () => {
  it.each([
    ["a", 32],
    ["links.json", 32],
    ["x".repeat(40), 40],
    ["a".repeat(251) + ".csv", 255],
    ["é".repeat(125) + ".csv", 254],
    ["😀".repeat(62) + ".md", 251],
  ])("are no longer than the target's name when that is long: %s", (name, most) => {
    for (let i = 0; i < 20; i++) {
      const temp = basename(tempName(join("/some/dir", name)));
      expect(Buffer.byteLength(temp)).toBeLessThanOrEqual(most);
      expect(temp).toMatch(/^\..*\.[0-9a-z]{8}\.tmp$/);
      expect(temp).not.toContain("\ufffd");
    }
  });
});
