// enrich end to end (#27): the built binary against a local server that mirrors the bundled page's
// talks (YouTube-like watch pages, test/helpers/link-pages.ts); the bundled page copied with its
// links pointed there, so that nothing leaves the machine. Then `sections` and `next` show what
// the course takes; no other command asks the server anything; only enrich loads the HTML parser.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, isolatedHome, run } from "../helpers/cli";
import { ROOT, SEED } from "../helpers/pages";
import { startLinkPages, type LinkPagesServer } from "../helpers/link-pages";

let server: LinkPagesServer;
let home: string;
let page: string;
beforeAll(async () => {
  server = await startLinkPages();
  home = isolatedHome();
  page = join(home, "inside-icp.md");
  // The YouTube links to the mirror; every other link to a path of it that answers 404.
  const text = readFileSync(SEED, "utf8").replaceAll("https://www.youtube.com/watch", `${server.base}/watch`).replace(/https?:\/\/(?!127\.0\.0\.1)/g, `${server.base}/elsewhere/`);
  writeFileSync(page, text);
});
// The home folder is tempDir's (test/helpers/cli.ts): removed when the file is done.
afterAll(() => server.close());

const cli = (args: string[]) => run(["--file", page, ...args], { home });

describe("enrich, then sections and next, on the bundled page's talks", () => {
  it("reads the 16 video pages; the other links fail, the site links are not asked", async () => {
    const r = await cli(["enrich", "--interval", "0", "--retries", "0"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").at(-2)).toBe("22 links: 16 enriched, 0 unchanged, 0 blocked, 6 failed");
    expect(r.stdout).toContain("enriched  execution  28:14 · 2021-06-02 · DFINITY\n");
    expect(r.stdout).toContain("enriched  consensus-overview  24:35 · 2021-09-08 · DFINITY\n");
  });

  it("sections: done of total, the time left in seconds, the entries of unknown length", async () => {
    const tsv = await cli(["sections"]);
    expect(tsv.stdout).toBe([
      "Medium\t3\tMedium\t0\t0\t3",
      "How ICP Works\t1\tHow ICP Works\t0\t0\t1",
      "Community Conversations\t2\tCommunity Conversations\t0\t3310\t1",
      "Dev Forum\t1\tDev Forum\t0\t0\t1",
      "YouTube\t15\tYouTube\t0\t25117\t0",
      "In-site Pages\t4\tYouTube › In-site Pages\t0\t0\t4",
      "",
    ].join("\n"));
    const json = JSON.parse((await cli(["sections", "--json"])).stdout);
    expect(json[4]).toEqual({ name: "YouTube", path: ["YouTube"], count: 15, entries: 15, done: 0, timeLeft: 25117, unknownLength: 0 });
  });

  it("next shows the next talk's length and year, from the link; --fit the first that fits", async () => {
    const next = await cli(["next", "--section", "youtube", "--json"]);
    expect(JSON.parse(next.stdout)).toMatchObject({ id: "execution", duration: 1694, year: 2021, channel: "DFINITY", from: { duration: "link", year: "link" } });
    const fit = await cli(["next", "--section", "youtube", "--fit", "20m", "--json"]);
    expect(JSON.parse(fit.stdout)).toMatchObject({ id: "ingress-message-lifecycle", duration: 1187 });
    const done = await cli(["done", "ingress-message-lifecycle"]);
    expect(done.code).toBe(0);
    const after = await cli(["next", "--section", "youtube", "--fit", "20m", "--json"]);
    expect(JSON.parse(after.stdout)).toMatchObject({ id: "resumption", duration: 1083 });
    const sections = await cli(["sections", "--json"]);
    expect(JSON.parse(sections.stdout)[4]).toMatchObject({ done: 1, timeLeft: 25117 - 1187, unknownLength: 0 });
    await cli(["undone", "ingress-message-lifecycle"]);
  });

  it("no command but enrich and check asks the server anything", async () => {
    const before = server.requests.length;
    for (const args of [["list"], ["list", "--sort", "length"], ["search", "consensus"], ["show", "execution"], ["sections"], ["years"], ["next"], ["next", "--fit", "30m"], ["random"], ["export", "--format", "csv"], ["list", "--json", "--max-length", "25m"]]) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(0);
    }
    expect(server.requests.length).toBe(before);
  });

  it("--no-cache shows the page alone", async () => {
    const r = await cli(["--no-cache", "sections", "--json"]);
    expect(JSON.parse(r.stdout)[4]).toMatchObject({ timeLeft: 0, unknownLength: 15 });
  });

  it("only enrich loads the HTML parser: a warm list or search with stored facts does not", () => {
    const preload = join(ROOT, "test/fixtures/preload/loaded-modules.cjs");
    const files = (args: string[]) => {
      const r = spawnSync(process.execPath, ["-r", preload, BIN, "--file", page, ...args], {
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, XDG_CACHE_HOME: join(home, ".cache"), XDG_STATE_HOME: join(home, ".local/state"), LANG: "C.UTF-8" },
        encoding: "utf8",
      });
      expect(r.status).toBe(0);
      return (JSON.parse(r.stderr.trim().split("\n").at(-1)!) as { files: string[] }).files;
    };
    // Warm: the page is in the cache since the runs above; the facts file is there too.
    for (const args of [["list"], ["search", "consensus"]]) expect(files(args).filter((f) => f.includes("/vendor/"))).toEqual([]);
    expect(files(["enrich", "--max-age", "1d", "execution"]).some((f) => f.endsWith("/vendor/htmlparser2.cjs"))).toBe(true);
  });
});
