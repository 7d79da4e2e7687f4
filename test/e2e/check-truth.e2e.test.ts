// End-to-end: `check` tells the truth (#12), the built binary against a node:http server on
// 127.0.0.1. A machine without a network is simulated by a preload that fails every name lookup.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedHome, run } from "../helpers/cli";
import { ROOT } from "../helpers/pages";
import { startServer, type TestServer } from "../helpers/server";

let server: TestServer;
const OFFLINE = { NODE_OPTIONS: `-r ${join(ROOT, "test/fixtures/preload/offline.cjs")}` };

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const pageIn = (home: string, lines: string[]) => {
  const page = join(home, "links.md");
  writeFileSync(page, `## Links\n\n${lines.join("\n")}\n`);
  return page;
};
const store = (home: string) => join(home, ".cache/icp-links/checks.json");

describe("check tells the truth (#12)", () => {
  it("offline: exit 3, one line on stderr, nothing stored, nothing marked by list", async () => {
    const home = isolatedHome();
    const page = pageIn(home, ["- [a](https://a.example/)", "- [b](https://b.example/x)"]);
    const r = await run(["--file", page, "check"], { home, env: OFFLINE });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^icp-links: offline: no link could be reached \(the host names of all 2 did not resolve\); nothing was reported or stored \(check the connection, then run check again\)\n$/);
    expect(existsSync(store(home))).toBe(false);
    const list = await run(["--file", page, "list"], { home });
    expect(list.stdout).not.toContain("broken");
  });

  it("one unresolvable host among reachable ones is broken", async () => {
    const home = isolatedHome();
    const page = pageIn(home, ["- [gone](https://gone.example/)", `- [here](${server.base}/ok)`]);
    const r = await run(["--file", page, "check", "--json"], { home, env: OFFLINE });
    expect(r.code).toBe(1);
    expect(Object.fromEntries(JSON.parse(r.stdout).map((x: { id: string; state: string }) => [x.id, x.state]))).toEqual({ gone: "broken", here: "ok" });
  });

  it("a URL with credentials is checked without them, with no Node message", async () => {
    const home = isolatedHome();
    const page = pageIn(home, [`- [private](${server.base.replace("//", "//user:secret@")}/auth)`]);
    const r = await run(["--file", page, "check", "--json"], { home });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ state: "ok", reason: "200 OK (checked without the user name and password in its URL)" });
  });

  it.each([
    ["--timeout", "2147484"],
    ["--max-time", "2147484"],
    ["--interval", "2147483648"],
    ["--retries", "40"],
  ])("%s %s is exit 2 in one line, no Node warning", async (option, value) => {
    const home = isolatedHome();
    const page = pageIn(home, [`- [ok](${server.base}/ok)`]);
    const r = await run(["--file", page, "check", option, value], { home, timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: .*at most.*\n$/);
    expect(r.stderr).not.toMatch(/Warning|node:/);
  });

  it("the largest values allowed run without a Node warning", async () => {
    const home = isolatedHome();
    const page = pageIn(home, [`- [ok](${server.base}/ok)`]);
    const r = await run(["--file", page, "check", "--timeout", "300", "--max-time", "86400", "--interval", "60000", "--retries", "10"], { home });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/Warning/);
  });

  it("a hostile reason phrase is stripped in --json, in the store and in show --json", async () => {
    const home = isolatedHome();
    const page = pageIn(home, [`- [hostile](${server.base}/hostile-reason)`]);
    const r = await run(["--file", page, "check", "--json", "--retries", "0"], { home });
    const unsafe = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
    expect(JSON.parse(r.stdout)[0].reason).toMatch(/^404 Gone/);
    expect(JSON.parse(r.stdout)[0].reason).not.toMatch(unsafe);
    expect(JSON.stringify(JSON.parse(readFileSync(store(home), "utf8")))).not.toMatch(/\\u009[bd]|[\x80-\x9f]/);
    const show = await run(["--file", page, "show", "hostile", "--json"], { home });
    expect(JSON.parse(show.stdout).check.reason).not.toMatch(unsafe);
  });

  it("--no-cache and ICP_LINKS_NO_CACHE=1 neither read nor write the store", async () => {
    const home = isolatedHome();
    const page = pageIn(home, [`- [missing](${server.base}/404)`]);
    for (const [args, env] of [[["--no-cache"], {}], [[], { ICP_LINKS_NO_CACHE: "1" }]] as const) {
      const r = await run(["--file", page, ...args, "check", "--retries", "0"], { home, env });
      expect(r.code).toBe(1);
      expect(existsSync(store(home))).toBe(false);
    }
    await run(["--file", page, "check", "--retries", "0"], { home });
    expect(existsSync(store(home))).toBe(true);
    const marked = await run(["--file", page, "list", "--json"], { home });
    expect(JSON.parse(marked.stdout)[0].check).toMatchObject({ state: "broken" });
    const unmarked = await run(["--file", page, "--no-cache", "list", "--json"], { home });
    expect(JSON.parse(unmarked.stdout)[0].check ?? null).toBeNull();
  });

  it("two checks at once of different links: both results are kept", async () => {
    const home = isolatedHome();
    const page = pageIn(home, [`- [first](${server.base}/delay?1)`, `- [second](${server.base}/delay?2)`]);
    const [a, b] = await Promise.all([run(["--file", page, "check", "first"], { home }), run(["--file", page, "check", "second"], { home })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const kept = JSON.parse(readFileSync(store(home), "utf8")).results.map((r: { url: string }) => r.url).sort();
    expect(kept).toEqual([`${server.base}/delay?1`, `${server.base}/delay?2`]);
  });
});
