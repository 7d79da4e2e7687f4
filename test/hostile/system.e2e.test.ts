// Files, disk, output and signals (#7): the real binary, an isolated HOME, hostile surroundings.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, interrupted, isolatedHome, run } from "../helpers/cli";
import { AWESOME_COPY, ROOT } from "../helpers/pages";
import { loadPages, type LoadDeps } from "../../src/load/pages";
import { parsePage } from "../../src/catalog/parse-page";
import { MAGIC } from "../../src/cache/format";

const ONE_LINE = /^icp-links: [^\n]+\n$/;
const SITE = join(ROOT, "test/fixtures/site.md");

describe("files", () => {
  it("reads a FIFO that someone writes to (process substitution)", async () => {
    const home = isolatedHome();
    const fifo = join(home, "page.fifo");
    execFileSync("mkfifo", [fifo]);
    const writer = spawn("sh", ["-c", `printf -- '- [From a pipe](https://fifo.example)\\n' > ${fifo}`]);
    const r = await run(["--file", fifo, "list"], { home });
    writer.kill();
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("from-a-pipe\tFrom a pipe\thttps://fifo.example\t\tpage.fifo\n");
  });

  it("refuses a loop of symbolic links in one line", async () => {
    const home = isolatedHome();
    symlinkSync(join(home, "b.md"), join(home, "a.md"));
    symlinkSync(join(home, "a.md"), join(home, "b.md"));
    const r = await run(["--file", join(home, "a.md"), "list"], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).toMatch(/a\.md: is a loop of symbolic links/);
  });

  /** A file system double: a folder holding one page, or a single page, whose reading fails with `code`. */
  const failingRead = (folder: boolean, code: string): LoadDeps => ({
    fs: {
      stat: async () => ({ isDirectory: () => folder, isFile: () => !folder, size: 10 }) as never,
      readdir: async () => [{ name: "gone.md", isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false }],
      readFile: async () => {
        throw Object.assign(new Error(code), { code });
      },
    },
    readStdin: async () => new Uint8Array(),
    maxBytes: 1000,
    parse: parsePage,
  });

  it("reports a file deleted between listing the folder and reading it", async () => {
    await expect(loadPages(failingRead(true, "ENOENT"), ["dir"])).rejects.toThrow(/no page could be read \(the last: .*gone\.md: no such file or folder/);
  });

  it("reports an unreadable file (root reads any file, so the file system is a double here)", async () => {
    await expect(loadPages(failingRead(false, "EACCES"), ["secret.md"])).rejects.toThrow("secret.md: permission denied");
  });

  it("refuses a page larger than the limit, from a file or standard input, and the limit can be raised", async () => {
    const small = await run(["--file", AWESOME_COPY, "list"], { env: { ICP_LINKS_MAX_SIZE: "0.01" } });
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/is 52\.5 KB, more than the 10\.2 KB a page may have \(set ICP_LINKS_MAX_SIZE/);
    const stdin = await run(["--file", "-", "list"], { env: { ICP_LINKS_MAX_SIZE: "0.01" }, stdin: "x".repeat(20_000) });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/^icp-links: -: is /);
    const raised = await run(["--file", AWESOME_COPY, "list"], { env: { ICP_LINKS_MAX_SIZE: "1" } });
    expect(raised.code).toBe(0);
  });
});

describe("the cache", () => {
  const expected = async () => (await run(["--no-cache", "--file", AWESOME_COPY, "list"])).stdout;

  it.each([
    ["a folder under /proc (where Node's recursive mkdir never returns)", "/proc/icp-links-test/cache"],
    ["a regular file", "FILE"],
    ["/dev/full", "/dev/full"],
  ])("works without a cache when XDG_CACHE_HOME is %s", async (_name, where) => {
    const home = isolatedHome();
    const dir = where === "FILE" ? join(home, "file") : where;
    if (where === "FILE") writeFileSync(dir, "x");
    const r = await run(["--file", SITE, "list"], { home, env: { XDG_CACHE_HOME: dir }, timeoutMs: 15_000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toMatch(/^about\t/);
  });

  it("ignores a truncated, corrupt or planted cache file and gives the right answer", async () => {
    const want = await expected();
    const home = isolatedHome();
    const cache = join(home, ".cache/icp-links");
    expect((await run(["--file", AWESOME_COPY, "list"], { home })).stdout).toBe(want);
    const [file] = readdirSync(cache).filter((f) => f.endsWith(".page"));
    const path = join(cache, file!);
    const good = readFileSync(path);

    truncateSync(path, Math.floor(good.length / 2));
    expect((await run(["--file", AWESOME_COPY, "list"], { home })).stdout).toBe(want);

    writeFileSync(path, Buffer.from(good.toString("latin1").replace("agent-rs", "agent-xx"), "latin1"));
    expect((await run(["--file", AWESOME_COPY, "list"], { home })).stdout).toBe(want);

    // Another page's valid cache file, planted under this page's name.
    await run(["--file", SITE, "list"], { home });
    const other = readdirSync(cache).find((f) => f.endsWith(".page") && f !== file)!;
    copyFileSync(join(cache, other), path);
    expect((await run(["--file", AWESOME_COPY, "list"], { home })).stdout).toBe(want);
  });

  it("survives four processes filling it at once: no torn file, right answers", async () => {
    const want = await expected();
    const home = isolatedHome();
    const runs = await Promise.all([1, 2, 3, 4].map(() => run(["--file", AWESOME_COPY, "list"], { home })));
    for (const r of runs) expect(r.stdout).toBe(want);
    const files = readdirSync(join(home, ".cache/icp-links"));
    expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".page"))).toHaveLength(1);
    expect((await run(["--file", AWESOME_COPY, "list"], { home })).stdout).toBe(want);
  });
});

describe("output and signals", () => {
  it("says so when standard output is a full disk", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" list > /dev/full`], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: cannot write to standard output: .*no space left on device/i);
  });

  it("stops a long search at once on SIGINT, leaving no partial cache file", async () => {
    const home = isolatedHome();
    const page = join(home, "big.md");
    writeFileSync(page, Array.from({ length: 60_000 }, (_, i) => `- [Entry ${i} about consensus](https://big.example/${i}) - words ${i}`).join("\n"));
    const r = await interrupted(["--file", page, "search", "consensus"], home, "SIGINT", 400);
    expect(r.msAfterSignal).toBeLessThan(2000);
    const cache = join(home, ".cache/icp-links");
    // The cache holds whole files only: a stopped write leaves at most a hidden temporary file,
    // which the next write removes once it is a minute old.
    if (existsSync(cache)) {
      for (const f of readdirSync(cache).filter((n) => n.endsWith(".page"))) expect(readFileSync(join(cache, f), "latin1").startsWith(MAGIC)).toBe(true);
    }
  });
});

