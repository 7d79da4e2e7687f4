// End-to-end: `icp-links check` against a real HTTP server on 127.0.0.1, never the internet (#5).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interrupted, isolatedHome, run } from "../helpers/cli";
import { closedPort, startServer, type TestServer } from "../helpers/server";

let server: TestServer;
let page: string;
let home: string;

const CASES: [string, string, string][] = [
  // id, path, expected state
  ["ok", "/ok", "ok"],
  ["perm", "/perm", "redirected"],
  ["temp", "/temp", "ok"],
  ["loop", "/loop", "error"],
  ["missing", "/404", "broken"],
  ["gone", "/410", "broken"],
  ["flaky", "/flaky", "ok"],
  ["down", "/down", "error"],
  ["ratelimited", "/ratelimited", "ok"],
  ["nohead", "/nohead", "ok"],
  ["challenge", "/challenge", "blocked"],
  ["slow", "/slow", "error"],
  ["reset", "/reset", "error"],
  ["huge", "/huge", "ok"],
];

beforeAll(async () => {
  server = await startServer();
  home = isolatedHome();
  page = join(home, "links.md");
  const closed = await closedPort();
  const lines = CASES.map(([id, path]) => `- [${id}](${server.base}${path})`);
  lines.push(`- [closed](http://127.0.0.1:${closed}/)`, "- [site](/relative-page)");
  writeFileSync(page, `## Links\n\n${lines.join("\n")}\n`);
});

afterAll(() => server.close());

describe("check", () => {
  let result: Awaited<ReturnType<typeof run>>;
  let byId: Record<string, { state: string; reason: string; finalUrl: string | null; status: number | null }>;

  beforeAll(async () => {
    const started = Date.now();
    result = await run(["--file", page, "check", "--json", "--timeout", "1", "--retries", "2", "--interval", "0"], { home, timeoutMs: 60_000 });
    byId = Object.fromEntries(JSON.parse(result.stdout).map((r: { id: string }) => [r.id, r]));
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it.each(CASES)("%s (%s) is %s", (id, _path, state) => {
    expect(byId[id]!.state).toBe(state);
  });

  it("tells why, and where redirects end", () => {
    expect(byId.perm).toMatchObject({ finalUrl: `${server.base}/ok`, status: 200 });
    expect(byId.temp!.finalUrl).toBe(`${server.base}/ok`);
    expect(byId.loop!.reason).toBe("redirect loop");
    expect(byId.missing!.reason).toMatch(/^404/);
    expect(byId.down!.reason).toMatch(/^503/);
    expect(byId.slow!.reason).toBe("timeout after 1 s");
    expect(byId.reset!.reason).toMatch(/reset|network error/);
    expect(byId.closed).toMatchObject({ state: "broken", reason: "connection refused" });
    expect(byId.challenge!.reason).toMatch(/challenge/);
  });

  it("retries: 500 then 200, 503 three times, 429 after its Retry-After", () => {
    expect(server.hits.get("/flaky")!.length).toBe(2);
    expect(server.hits.get("/down")!).toHaveLength(3);
    const limited = server.hits.get("/ratelimited")!;
    expect(limited.length).toBe(2);
    expect(limited[1]!.at - limited[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("uses GET only when HEAD is refused, and reads little of a huge body", () => {
    // /ok itself, and the end of /temp's and /perm's redirects.
    expect(server.hits.get("/ok")!.map((h) => h.method)).toEqual(["HEAD", "HEAD", "HEAD"]);
    expect(server.hits.get("/nohead")!.map((h) => h.method)).toEqual(["HEAD", "GET"]);
    expect(server.hugeBytesSent).toBeLessThan(64 * 1024 * 1024);
  });

  it("keeps to two requests at once per host", () => {
    expect(server.maxInFlight).toBeGreaterThan(1);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });

  it("exits 1 for a broken link, skips a site link without base URL, and shows no progress bar in a pipe", () => {
    expect(result.code).toBe(1);
    expect(byId.site).toBeUndefined();
    expect(result.stderr).toContain("icp-links: not checked: site: ");
    expect(result.stderr).not.toMatch(/[\u2588\u2591]/);
  });

  it("keeps the results, and list and show mark the broken ones", async () => {
    const list = await run(["--file", page, "list", "--json"], { home });
    const missing = JSON.parse(list.stdout).find((e: { id: string }) => e.id === "missing");
    expect(missing.check).toMatchObject({ state: "broken" });
    const show = await run(["--file", page, "show", "perm"], { home });
    expect(show.stdout).toMatch(/^check\tredirected: permanent redirect, now 200 → http:\/\/127\.0\.0\.1:\d+\/ok \(\d{4}-\d{2}-\d{2}\)$/m);
  });

  it("reuses recent results with --max-age, and exits 0 when nothing is broken", async () => {
    const before = server.hits.get("/ok")!.length;
    const again = await run(["--file", page, "check", "ok", "--max-age", "1h", "--json"], { home });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ id: "ok", state: "ok", reused: true });
    expect(server.hits.get("/ok")!.length).toBe(before);
  });

  it("fails on blocked links with --strict", async () => {
    const strict = await run(["--file", page, "check", "challenge", "--strict", "--retries", "0"], { home });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^challenge\tblocked\t403/);
    const lenient = await run(["--file", page, "check", "challenge", "--retries", "0"], { home });
    expect(lenient.code).toBe(0);
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("stops promptly on %s, with the partial summary and exit %i", async (signal, exitCode) => {
    const slowPage = join(home, "slow.md");
    writeFileSync(slowPage, Array.from({ length: 6 }, (_, i) => `- [slow ${i}](${server.base}/slow?${i})`).join("\n"));
    // The signal comes once the run has asked for a slow link: then it is under way, its handlers set.
    const asked = server.hits.get("/slow")?.length ?? 0;
    const r = await interrupted(["--file", slowPage, "check", "--json", "--timeout", "10"], home, signal, () => (server.hits.get("/slow")?.length ?? 0) > asked);
    // Promptly: well before the 10 s the slow links would take to time out.
    expect(r.msAfterSignal).toBeLessThan(8000);
    expect(r.code).toBe(exitCode);
    expect(JSON.parse(r.stdout)).toEqual([]);
    // The store (written by the first run of this file) is whole, and holds no result of a link
    // the interrupted run did not finish.
    const stored = JSON.parse(readFileSync(join(home, ".cache/icp-links/checks.json"), "utf8")) as { version: number; results: { url: string }[] };
    expect(stored.version).toBe(1);
    expect(stored.results.map((x) => x.url)).toContain(`${server.base}/ok`);
    expect(stored.results.map((x) => x.url).filter((u) => u.includes("/slow?"))).toEqual([]);
  });
});
