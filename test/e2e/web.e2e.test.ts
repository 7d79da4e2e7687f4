// Pages from the web, end to end (#18): the built binary against a server on 127.0.0.1, with an
// isolated HOME and cache. No test reaches the internet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { isolatedHome, run } from "../helpers/cli";
import { startPageServer, type PageServer } from "../helpers/page-server";

let server: PageServer;
beforeAll(async () => void (server = await startPageServer()));
afterAll(async () => server.close());

describe("--file <url>", () => {
  it("lists a remote page; the next run asks with If-None-Match and reuses the page on a 304", async () => {
    const home = isolatedHome();
    const first = await run(["--file", `${server.base}/list.md`, "list"], { home });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [`consensus\tConsensus\thttps://talks.example/consensus\tAda Lovelace\tTalks`, `about\tAbout\t/about\t\tTalks`, `guide\tGuide\tdocs/guide.md\t\tTalks`, ""].join("\n"),
    );
    const second = await run(["--file", `${server.base}/list.md`, "list"], { home });
    expect(second.stdout).toBe(first.stdout);
    expect(server.requests.filter((r) => r.path === "/list.md").at(-1)!.headers["if-none-match"]).toBe('"v1"');
    expect(readdirSync(join(home, ".cache/icp-links/web"))).toHaveLength(1);
  });

  it("within --max-age no request is made", async () => {
    const home = isolatedHome();
    await run(["--file", `${server.base}/dated.md`, "list"], { home });
    const before = server.requests.length;
    const again = await run(["--file", `${server.base}/dated.md`, "--max-age", "1h", "list"], { home });
    expect(again.code).toBe(0);
    expect(server.requests.length).toBe(before);
  });

  it("relative links open against the page's address, without --base-url", async () => {
    const r = await run(["--file", `${server.base}/list.md`, "open", "--print", "about", "guide"]);
    expect(r.stdout).toBe(`${server.base}/about\n${server.base}/docs/guide.md\n`);
  });

  it.each([
    ["/page.html", "this is a web page, not markdown"],
    ["/to-file", "redirects to a file: address; only http and https are followed"],
    ["/nothing.md", "was not found (HTTP 404 Not Found)"],
  ])("%s is a one-line error, exit 2", async (path, message) => {
    const r = await run(["--file", `${server.base}${path}`, "list"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("offline: the last copy with a note that gives its age; without one, a clear error", async () => {
    const other = await startPageServer();
    const home = isolatedHome();
    const url = `${other.base}/list.md`;
    const online = await run(["--file", url, "list"], { home });
    await other.close();
    const offline = await run(["--file", url, "list"], { home });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toBe(online.stdout);
    expect(offline.stderr).toMatch(/^icp-links: http:\/\/127\.0\.0\.1:\d+\/list\.md: cannot reach it \(connection refused\); using the copy from less than a minute ago\n$/);
    const none = await run(["--file", url, "list"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/list\.md: cannot be fetched \(connection refused\)/);
    const nocache = await run(["--no-cache", "--file", url, "list"], { home });
    expect(nocache.code).toBe(2);
  });
});

describe("--from <ref>", () => {
  it("runs the command on the page the entry links to", async () => {
    const r = await run(["--file", `${server.base}/lists.md`, "--from", "served", "search", "consensus"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^consensus\tConsensus\thttps:\/\/talks\.example\/consensus/);
  });

  it("refuses an entry that links to a web site, naming it", async () => {
    const r = await run(["--file", `${server.base}/lists.md`, "--from", "elsewhere", "list"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: 'elsewhere' links to www.rust-lang.org, not to a markdown page or a repository (--from follows links to markdown files (.md) and to GitHub repositories)\n");
  });

  it("an unknown ref is exit 1, as for open", async () => {
    const r = await run(["--file", `${server.base}/lists.md`, "--from", "nope", "list"]);
    expect(r.code).toBe(1);
  });
});
