// Pages that are read (#12): the size limit holds for every source, its variable is checked,
// and standard input is read only for --file -.
import { spawn, execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedHome, run } from "../helpers/cli";
import { AWESOME_COPY } from "../helpers/pages";
import { loadPages, MAX_ENTRIES, parseMaxSize, type LoadDeps } from "../../src/load/pages";
import { formatSize } from "../../src/text/size";
import { MAX_ELEMENTS, TooManyElements, walk } from "../../src/catalog/markdown";

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

describe("the bounds that keep a page in memory", () => {
  const fakeFs = (size: number): LoadDeps["fs"] => ({
    stat: async () => ({ isDirectory: () => false, isFile: () => true, size }) as never,
    readdir: async () => [],
    readFile: async () => new Uint8Array(size).fill(97),
  });
  /** A loader whose "parser" makes a page of `n` entries without parsing anything. */
  const withEntries = (n: number): LoadDeps => ({
    fs: fakeFs(10),
    readStdin: async () => new Uint8Array(),
    maxBytes: 1000,
    parse: (_text, source) => ({ source, frontMatter: { tags: [], meta: {} }, headings: [], entries: { length: n } as never }),
  });

  it("a page of exactly MAX_ENTRIES entries is read; one more is a one-line error", async () => {
    expect(MAX_ENTRIES).toBe(5_000_000);
    await expect(loadPages(withEntries(MAX_ENTRIES), ["a.md"])).resolves.toHaveLength(1);
    await expect(loadPages(withEntries(MAX_ENTRIES + 1), ["a.md"])).rejects.toThrow(/^a\.md: has more than 5,000,000 entries, the most icp-links reads at once$/);
  });

  it("the bound holds for all pages together", async () => {
    const deps = withEntries(MAX_ENTRIES / 2 + 1);
    await expect(loadPages(deps, ["a.md", "b.md"])).rejects.toThrow(/^b\.md: brings the pages read to more than 5,000,000 entries/);
  });

  it("pages from the web count towards the bound, alone and with other pages (#22)", async () => {
    const remote = (n: number): LoadDeps => ({ ...withEntries(n), remote: async (spec) => ({ source: spec, bytes: new Uint8Array(10).fill(97), base: spec }) });
    await expect(loadPages(remote(MAX_ENTRIES), ["https://w.example/a.md"])).resolves.toHaveLength(1);
    await expect(loadPages(remote(MAX_ENTRIES + 1), ["https://w.example/a.md"])).rejects.toThrow(/^https:\/\/w\.example\/a\.md: has more than 5,000,000 entries/);
    await expect(loadPages(remote(MAX_ENTRIES / 2 + 1), ["https://w.example/a.md", "github:o/r"])).rejects.toThrow(/^github:o\/r: brings the pages read to more than 5,000,000 entries/);
    await expect(loadPages(remote(MAX_ENTRIES / 2 + 1), ["a.md", "https://w.example/a.md"])).rejects.toThrow(/^https:\/\/w\.example\/a\.md: brings the pages read to/);
  });

  it("markdown elements are counted as they are made: exactly at the bound is read, one more stops", () => {
    const page = (n: number) => Array.from({ length: n }, (_, i) => `- [${i}](/${i})`).join("\n");
    // As markdown-it makes them: a list of one item of one link is 9 elements, each further
    // item 7 more (list_item_open, paragraph_open, inline, link_open, link_close, paragraph_close,
    // list_item_close; the text is pushed without push()).
    expect(walk(page(1), 0, 64 * 1024, 9)).toHaveLength(1);
    expect(() => walk(page(1), 0, 64 * 1024, 8)).toThrow(TooManyElements);
    expect(walk(page(1000), 0, 64 * 1024, 7002)).toHaveLength(1000);
    expect(() => walk(page(1000), 0, 64 * 1024, 7001)).toThrow(TooManyElements);
    // A paragraph of many links, where no entry count would see it.
    expect(walk("[a](/a) ".repeat(1000), 0, 64 * 1024, 2003)).toHaveLength(1);
    expect(() => walk("[a](/a) ".repeat(1000), 0, 64 * 1024, 2002)).toThrow(TooManyElements);
    // The count starts again for the next page, and a refused walk leaves no bound behind.
    expect(walk(page(1000), 0)).toHaveLength(1000);
  });

  it("the worst shape (a paragraph of one-character links past the bound, which cannot be cut) is a one-line error, not a crash", async () => {
    const home = isolatedHome();
    const page = join(home, "tiny.md");
    // One paragraph of 1,100,000 links: 2,200,003 elements in one piece, past MAX_ELEMENTS.
    writeFileSync(page, "[a](/a) ".repeat(1_100_000));
    const r = await run(["--file", page, "list"], { home, timeoutMs: 120_000 });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`icp-links: ${page}: has more than 2,000,000 markdown elements (list items, paragraphs, links…) in one piece that cannot be cut (a long paragraph, a page with reference definitions or HTML blocks) (split it into smaller pages)\n`);
    expect(MAX_ELEMENTS).toBe(2_000_000);
  }, 130_000);

  it("a page of list items is read piece by piece: the element bound holds for each piece, not for the page (#26)", async () => {
    const home = isolatedHome();
    const page = join(home, "items.md");
    // 290,000 list items of one link: 2,030,002 elements in all, but each piece of 64 KB far fewer.
    writeFileSync(page, Array.from({ length: 290_000 }, (_, i) => `- [${i % 10}](/${i})`).join("\n"));
    const r = await run(["--no-cache", "--file", page, "list"], { home, timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(290_000);
  }, 130_000);
});
