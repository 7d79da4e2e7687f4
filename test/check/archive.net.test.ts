// check --archive (#28) against a local server (127.0.0.1) that serves the links and answers as
// the Wayback Machine's availability API does: a snapshot, none, an error, too slowly.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { tempDir } from "../helpers/temp";
import { fetchClient } from "../../src/io/http";
import { archiveBase, archiveQuery, readAnswer } from "../../src/check/archive";
import { parsePage } from "../../src/catalog/parse-page";

let server: Server;
let base = "";
/** The archive's queries: url and timestamp parameters, in order. */
const asked: { url: string | null; timestamp: string | null }[] = [];
let archiveHits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://127.0.0.1");
    if (u.pathname === "/wayback/available") {
      archiveHits++;
      const url = u.searchParams.get("url") ?? "";
      asked.push({ url, timestamp: u.searchParams.get("timestamp") });
      const json = (body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (url.includes("snapshot")) {
        return json({ url, archived_snapshots: { closest: { status: "200", available: true, url: `http://web.archive.org/web/20130919044612/${url}`, timestamp: "20130919044612" } } });
      }
      if (url.includes("hostile")) {
        return json({ archived_snapshots: { closest: { status: "200", available: true, url: "javascript:alert(1)", timestamp: "20130919044612" } } });
      }
      if (url.includes("escapes")) {
        return json({ archived_snapshots: { closest: { status: "200", available: true, url: "https://web.archive.org/web/1/\u001b[2Jx\u202e", timestamp: "20130919044612" } } });
      }
      if (url.includes("error")) return res.writeHead(500).end("oops");
      if (url.includes("slow")) {
        const t = setTimeout(() => json({ archived_snapshots: {} }), 5000);
        return res.on("close", () => clearTimeout(t));
      }
      return json({ url, archived_snapshots: {} });
    }
    if (u.pathname.startsWith("/dead")) return res.writeHead(404).end("not found");
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

afterEach(() => {
  asked.length = 0;
  archiveHits = 0;
});

const http = fetchClient("icp-links-test");
const env = () => ({ ICP_LINKS_ARCHIVE_URL: `${base}/wayback/available` });
const page = () => `# Links

- [Dead with snapshot](${base}/dead-snapshot) · added 2013-09-01
- [Dead, none](${base}/dead-none)
- [Alive](${base}/alive)
`;
const FAST = ["--interval", "0", "--retries", "0"];

describe("check --archive", () => {
  it("asks for the snapshot of each broken link only, dated by its added date, and shows it (--json)", async () => {
    const r = await runInProcess(["check", "--archive", "--json", ...FAST], page(), { http, env: env() });
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { url: string; state: string; archived: unknown; archiveError: unknown }[];
    expect(rows.map((x) => [x.url.replace(base, ""), x.state, x.archived, x.archiveError])).toEqual([
      ["/dead-snapshot", "broken", { url: `https://web.archive.org/web/20130919044612/${base}/dead-snapshot`, timestamp: "20130919044612" }, null],
      ["/dead-none", "broken", null, null],
      ["/alive", "ok", null, null],
    ]);
    expect(asked).toEqual([
      { url: `${base}/dead-snapshot`, timestamp: "20130901" },
      { url: `${base}/dead-none`, timestamp: null },
    ]);
  });

  it("adds a column to the table and to the TSV", async () => {
    const tty = await runInProcess(["check", "--archive", ...FAST], page(), { http, env: env(), tty: true });
    // Cut to the width of the terminal (80 here); the TSV and --json give it whole.
    expect(tty.stdout).toMatch(/dead-with-snapshot .* broken .* https:\/\/web\.archive\.org\/web\/2013/);
    expect(tty.stdout).toContain("no snapshot");
    const tsv = await runInProcess(["check", "--archive", ...FAST], page(), { http, env: env() });
    expect(tsv.stdout.split("\n").filter(Boolean).map((l) => l.split("\t").length)).toEqual([6, 6]);
    expect(tsv.stdout.split("\n")[0]!.split("\t")[5]).toBe(`https://web.archive.org/web/20130919044612/${base}/dead-snapshot`);
    // Without --archive: the TSV as before, and no question asked of the archive.
    const plain = await runInProcess(["check", ...FAST], page(), { http, env: env() });
    expect(plain.stdout.split("\n").filter(Boolean).map((l) => l.split("\t").length)).toEqual([5, 5]);
    expect(archiveHits).toBe(2 * 2);
  });

  it("says why when the archive answers an error, too slowly, or with what is no snapshot", async () => {
    const text = `- [E](${base}/dead-error)\n- [S](${base}/dead-slow)\n- [H](${base}/dead-hostile)\n- [X](${base}/dead-escapes)\n`;
    const r = await runInProcess(["check", "--archive", "--json", "--timeout", "1", ...FAST], text, { http, env: env() });
    const rows = JSON.parse(r.stdout) as { archived: { url: string } | null; archiveError: string | null }[];
    // A snapshot URL with controls or bidi characters is refused, not cleaned into another address.
    expect(rows.map((x) => x.archiveError)).toEqual(["archive: 500 Internal Server Error", "archive: timeout after 1 s", "archive: not an answer of the availability API", "archive: not an answer of the availability API"]);
    expect(r.stdout).not.toMatch(/\u001b|\u202e/);
  });

  it("stores the answers with the check results, and --max-age reuses them", async () => {
    const checks = new Map();
    await runInProcess(["check", "--archive", ...FAST], page(), { http, env: env(), checks });
    expect(checks.get(`${base}/dead-snapshot`)).toMatchObject({ state: "broken", archived: { timestamp: "20130919044612" } });
    expect(checks.get(`${base}/dead-none`)).toMatchObject({ state: "broken", archived: null });
    archiveHits = 0;
    const again = await runInProcess(["--max-age", "1d", "check", "--archive", "--json", ...FAST], page(), { http, env: env(), checks });
    expect(archiveHits).toBe(0);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ reused: true, archived: { timestamp: "20130919044612" } });
  });

  it("is offline (exit 3) when no link can be reached, and asks the archive nothing", async () => {
    const r = await runInProcess(["check", "--archive", ...FAST], "- [x](https://no-such-host.invalid/dead)\n", {
      http: async () => {
        const { NetworkError } = await import("../../src/check/types");
        throw new NetworkError("dns", "getaddrinfo ENOTFOUND");
      },
      env: env(),
    });
    expect(r.code).toBe(3);
    expect(archiveHits).toBe(0);
  });

  it("refuses an ICP_LINKS_ARCHIVE_URL that is no http(s) URL, and --replace without --fix --archive", async () => {
    const bad = await runInProcess(["check", "--archive"], page(), { http, env: { ICP_LINKS_ARCHIVE_URL: "file:///etc/passwd" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^icp-links: ICP_LINKS_ARCHIVE_URL is "file:\/\/\/etc\/passwd", not an http\(s\) URL/);
    const replace = await runInProcess(["check", "--archive", "--replace"], page(), { http, env: env() });
    expect(replace.code).toBe(2);
    expect(replace.stderr).toMatch(/--replace goes with --fix --archive/);
  });
});

describe("check --fix --archive", () => {
  function pageFile(text: string): string {
    const dir = tempDir("icp-links-archive-");
    const file = join(dir, "links.md");
    writeFileSync(file, text);
    return file;
  }

  it("adds the snapshot after the dead link, in the page's style, asking first", async () => {
    const text = page();
    const file = pageFile(text);
    const questions: string[] = [];
    const r = await runInProcess(["--file", file, "check", "--fix", "--archive", ...FAST], text, { http, env: env(), confirm: async (q) => (questions.push(q), true) });
    expect(r.code).toBe(1);
    expect(questions).toEqual([`Write 1 fixed link to ${file}?`]);
    const snapshot = `https://web.archive.org/web/20130919044612/${base}/dead-snapshot`;
    expect(r.stdout).toContain(`+- [Dead with snapshot](${base}/dead-snapshot) ([archived](${snapshot})) · added 2013-09-01`);
    const after = readFileSync(file, "utf8");
    expect(after).toBe(text.replace(`(${base}/dead-snapshot)`, `(${base}/dead-snapshot) ([archived](${snapshot}))`));
    const entry = parsePage(after, file).entries[0]!;
    expect(entry).toMatchObject({ url: `${base}/dead-snapshot`, related: [{ title: "archived", url: snapshot }], added: "2013-09-01" });
    // Again: the page has it already.
    const again = await runInProcess(["--file", file, "check", "--fix", "--archive", "--yes", ...FAST], after, { http, env: env() });
    expect(again.stderr).toMatch(/no link to fix/);
    expect(readFileSync(file, "utf8")).toBe(after);
  });

  it("with --replace, replaces the dead link by its snapshot (--yes)", async () => {
    const text = page();
    const file = pageFile(text);
    const r = await runInProcess(["--file", file, "check", "--fix", "--archive", "--replace", "--yes", ...FAST], text, { http, env: env() });
    expect(r.stderr).toMatch(/fixed 1 link in/);
    const snapshot = `https://web.archive.org/web/20130919044612/${base}/dead-snapshot`;
    expect(readFileSync(file, "utf8")).toBe(text.replace(`(${base}/dead-snapshot)`, `(${snapshot})`));
  });

  it("with --replace after an earlier --fix --archive, takes out the archived link it makes redundant", async () => {
    const text = page();
    const file = pageFile(text);
    await runInProcess(["--file", file, "check", "--fix", "--archive", "--yes", ...FAST], text, { http, env: env() });
    const marked = readFileSync(file, "utf8");
    const snapshot = `https://web.archive.org/web/20130919044612/${base}/dead-snapshot`;
    expect(marked).toContain(`([archived](${snapshot}))`);
    const r = await runInProcess(["--file", file, "check", "--fix", "--archive", "--replace", "--yes", ...FAST], marked, { http, env: env() });
    expect(r.stderr).toMatch(/fixed 1 link in/);
    expect(readFileSync(file, "utf8")).toBe(text.replace(`(${base}/dead-snapshot)`, `(${snapshot})`));
  });

  it("--dry-run shows the diff and writes nothing", async () => {
    const text = page();
    const file = pageFile(text);
    const r = await runInProcess(["--file", file, "check", "--fix", "--archive", "--dry-run", ...FAST], text, { http, env: env() });
    expect(r.stdout).toContain("[archived](");
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});

describe("the availability API", () => {
  it.each([
    ['{"archived_snapshots":{"closest":{"available":true,"url":"http://web.archive.org/web/2013/x","timestamp":"20130919044612","status":"200"}}}', { url: "https://web.archive.org/web/2013/x", timestamp: "20130919044612" }],
    ['{"archived_snapshots":{}}', null],
    ['{"archived_snapshots":{"closest":{"available":false}}}', null],
    ['{"archived_snapshots":{"closest":{"available":true,"url":"http://web.archive.org/web/2013/x","timestamp":"20130919044612","status":"404"}}}', null],
    ['{"archived_snapshots":{"closest":{"available":true,"url":"data:,x","timestamp":"20130919044612"}}}', undefined],
    ['{"archived_snapshots":{"closest":{"available":true,"url":"https://a/","timestamp":"2013"}}}', undefined],
    // A timestamp of 14 digits that is no moment (month 13, hour 25, 31 February, before the archive).
    ['{"archived_snapshots":{"closest":{"available":true,"url":"https://web.archive.org/web/x","timestamp":"99999999999999"}}}', undefined],
    ['{"archived_snapshots":{"closest":{"available":true,"url":"https://web.archive.org/web/x","timestamp":"20131345000000"}}}', undefined],
    ['{"archived_snapshots":{"closest":{"available":true,"url":"https://web.archive.org/web/x","timestamp":"20130231120000"}}}', undefined],
    ['{"archived_snapshots":{"closest":{"available":true,"url":"https://web.archive.org/web/x","timestamp":"20130101250000"}}}', undefined],
    ['{"archived_snapshots":{"closest":{"available":true,"url":"https://web.archive.org/web/x","timestamp":"00000000000000"}}}', undefined],
    // A snapshot elsewhere than the Wayback Machine (or the API's own host) is no snapshot: it would be written into the page.
    ['{"archived_snapshots":{"closest":{"available":true,"url":"https://evil.example/phish","timestamp":"20130919044612"}}}', undefined],
    ['{"archived_snapshots":{"closest":{"available":true,"url":"https://archive.org.evil.example/web/x","timestamp":"20130919044612"}}}', undefined],
    ['{"archived_snapshots":{"closest":{"available":true,"url":"https://web.archive.org/web/x\u202e","timestamp":"20130919044612"}}}', undefined],
    ["<html>", undefined],
    ["null", undefined],
    ["{}", undefined],
  ])("reads %s", (body, expected) => {
    expect(readAnswer(body)).toEqual(expected);
  });

  it("takes a snapshot on the API's own host (another archive, a local one)", () => {
    const body = '{"archived_snapshots":{"closest":{"available":true,"url":"https://pywb.example/web/2013/x","timestamp":"20130919044612"}}}';
    expect(readAnswer(body, "https://pywb.example/wayback/available")).toEqual({ url: "https://pywb.example/web/2013/x", timestamp: "20130919044612" });
    expect(readAnswer(body)).toBeUndefined();
  });

  it("asks with the URL encoded and the added day as timestamp", () => {
    expect(archiveQuery("https://archive.org/wayback/available", "https://x.example/a?b=1&c=2#f", "2020-01-02")).toBe("https://archive.org/wayback/available?url=https%3A%2F%2Fx.example%2Fa%3Fb%3D1%26c%3D2%23f&timestamp=20200102");
    expect(archiveQuery("https://archive.org/wayback/available", "https://x.example/")).toBe("https://archive.org/wayback/available?url=https%3A%2F%2Fx.example%2F");
    expect(archiveBase(undefined)).toBe("https://archive.org/wayback/available");
    expect(archiveBase("ftp://x")).toBeUndefined();
  });
});
