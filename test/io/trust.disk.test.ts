// The tool's own files (io/trust.ts): read only when folder and file are ours alone, without
// following a link or blocking on a FIFO, and within a size given; written into a folder of ours.
import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTrustedFile, trustedFolder } from "../../src/io/trust";
import { tempDir } from "../helpers/temp";

const uid = process.getuid?.();

function folder(mode = 0o700): string {
  const dir = tempDir("icp-links-trust-");
  chmodSync(dir, mode);
  return dir;
}

describe.skipIf(uid === undefined)("readTrustedFile", () => {
  it("reads a file of ours, in a folder of ours", () => {
    const dir = folder();
    writeFileSync(join(dir, "f"), "data", { mode: 0o600 });
    expect(readTrustedFile(join(dir, "f"), uid).toString()).toBe("data");
  });

  it.each([
    ["a missing file", (dir: string) => dir, /ENOENT/],
    ["a file others may write to", (dir: string) => (writeFileSync(join(dir, "f"), "x"), chmodSync(join(dir, "f"), 0o666), dir), /^not yours, or others may write to it$/],
    ["a file in a folder others may write to", (dir: string) => (writeFileSync(join(dir, "f"), "x", { mode: 0o600 }), chmodSync(dir, 0o777), dir), /^its folder is not yours, or others may write to it$/],
    ["a link, even to a file of ours", (dir: string) => (writeFileSync(join(dir, "real"), "x", { mode: 0o600 }), symlinkSync(join(dir, "real"), join(dir, "f")), dir), /ELOOP/],
    ["a FIFO (without waiting for a writer)", (dir: string) => (execFileSync("mkfifo", [join(dir, "f")]), chmodSync(join(dir, "f"), 0o600), dir), /^not a regular file$/],
    ["a folder", (dir: string) => (mkdirSync(join(dir, "f"), { mode: 0o700 }), dir), /^not a regular file$/],
    ["a file over the size given, before reading it", (dir: string) => (writeFileSync(join(dir, "f"), "x".repeat(2048), { mode: 0o600 }), dir), /^larger than 1 KB$/],
  ])("refuses %s", (_what, make, error) => {
    const dir = make(folder());
    expect(() => readTrustedFile(join(dir, "f"), uid, 1024)).toThrow(error);
  });
});

describe.skipIf(uid === undefined)("trustedFolder", () => {
  it("makes a missing folder with mode 0700", () => {
    const dir = join(folder(), "new", "deeper");
    trustedFolder(dir, uid);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("refuses a folder others may write to", () => {
    expect(() => trustedFolder(folder(0o777), uid)).toThrow(/^its folder is not yours, or others may write to it$/);
  });
});
