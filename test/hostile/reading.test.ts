// Pages that are read (#12): the size limit holds for every source, its variable is checked,
// and standard input is read only for --file -.
import { spawn, execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedHome, run } from "../helpers/cli";
import { AWESOME_COPY } from "../helpers/pages";
import { formatSize, parseMaxSize } from "../../src/io/load";

const ONE_LINE = /^icp-links: [^\n]+\n$/;

describe("the size limit holds for sources without a size", () => {
  it("--file /dev/zero ends with the size error", async () => {
    const r = await run(["--file", "/dev/zero", "list"], { timeoutMs: 15_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: /dev/zero: is larger than the 64 MB a page may have (set ICP_LINKS_MAX_SIZE (in MB) to allow larger pages)\n");
  });

  it.each([["64"], ["1"]])("a pipe that never ends (as <(yes ...)) ends with the size error, ICP_LINKS_MAX_SIZE=%s", async (mb) => {
    const home = isolatedHome();
    const fifo = join(home, "endless");
    execFileSync("mkfifo", [fifo]);
    const writer = spawn("sh", ["-c", `exec yes -- '- [a](https://a.example/)' > '${fifo}'`], { stdio: "ignore" });
    try {
      const r = await run(["--file", fifo, "list"], { home, env: { ICP_LINKS_MAX_SIZE: mb }, timeoutMs: 15_000 });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`icp-links: ${fifo}: is larger than the ${mb} MB a page may have (set ICP_LINKS_MAX_SIZE (in MB) to allow larger pages)\n`);
    } finally {
      writer.kill();
    }
  });
});

describe("ICP_LINKS_MAX_SIZE", () => {
  it.each([["0"], ["-1"], ["abc"], [""], ["0.0000001"], ["1e3"], ["257"], ["Infinity"]])("%j is a usage error naming it", async (value) => {
    const r = await run(["list"], { env: { ICP_LINKS_MAX_SIZE: value } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).toMatch(/^icp-links: ICP_LINKS_MAX_SIZE is ".*", not a size in MB \(set it to a number of MB above 0 and at most 256/);
  });

  it("a small size prints sensibly", async () => {
    const r = await run(["--file", AWESOME_COPY, "list"], { env: { ICP_LINKS_MAX_SIZE: "0.001" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/: is 52\.5 KB, more than the 1 KB a page may have \(set ICP_LINKS_MAX_SIZE/);
  });

  it.each([
    [undefined, 64 * 1024 * 1024],
    ["1", 1024 * 1024],
    [" 2.5 ", 2.5 * 1024 * 1024],
    [".5", 512 * 1024],
    ["0.001", 1048],
    ["256", 256 * 1024 * 1024],
  ])("%j is %d bytes", (value, bytes) => {
    expect(parseMaxSize(value)).toBe(bytes);
  });

  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [1023, "1023 bytes"],
    [1048, "1 KB"],
    [53_775, "52.5 KB"],
    [1024 * 1024, "1 MB"],
    [64 * 1024 * 1024, "64 MB"],
    [1.5 * 1024 * 1024, "1.5 MB"],
  ])("formatSize(%d) is %s", (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe("ICP_LINKS_FILE", () => {
  it.each([["-"], ["a.md:-"]])("%j is refused: only --file - reads standard input", async (value) => {
    const r = await run(["list"], { env: { ICP_LINKS_FILE: value }, holdStdin: true, timeoutMs: 10_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: ICP_LINKS_FILE names '-', but only --file - reads standard input (use --file - to read a page from standard input, or name files in ICP_LINKS_FILE)\n");
  });

  it("--file - still reads it, and wins over the variable", async () => {
    const r = await run(["--file", "-", "list"], { env: { ICP_LINKS_FILE: "-" }, stdin: "- [From stdin](https://stdin.example)\n" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^from-stdin\tFrom stdin\thttps:\/\/stdin\.example/);
  });
});
