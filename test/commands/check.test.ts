// check, in process (#5, #15), against an HTTP client from a table: the state of each answer, the
// summary of a pipe, a terminal and JSON, the exit codes, retries, reuse with --max-age, site
// links, and bad options. Offline, credentials and bounds are test/hostile/check.test.ts's; a
// real server, real timeouts and signals are test/e2e/check.e2e.test.ts's.
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import type { CheckResult, HttpClient, HttpRequest, HttpResponse } from "../../src/check/types";

const PAGE = `## Links

- [Ok](https://h.example/ok)
- [Perm](https://h.example/perm)
- [Temp](https://h.example/temp)
- [Missing](https://h.example/404)
- [Challenge](https://h.example/challenge)
- [Down](https://h.example/down)
- [No head](https://h.example/nohead)
- [Site](/relative)
`;

const answer = (status: number, statusText: string, headers: Record<string, string> = {}, body = ""): HttpResponse => ({
  status,
  statusText,
  header: (name) => headers[name.toLowerCase()],
  body,
});

/** A server by path; every request is recorded in `seen`. */
function server(seen: HttpRequest[] = [], flaky = { left: 1 }): HttpClient {
  return async (request) => {
    seen.push(request);
    switch (new URL(request.url).pathname) {
      case "/perm":
        return answer(301, "Moved Permanently", { location: "https://h.example/ok" });
      case "/temp":
        return answer(302, "Found", { location: "/ok" });
      case "/404":
        return answer(404, "Not Found");
      case "/challenge":
        return answer(403, "Forbidden", { server: "cloudflare" }, request.method === "GET" ? "<title>Just a moment...</title>" : "");
      case "/down":
        return answer(503, "Service Unavailable");
      case "/flaky":
        return flaky.left-- > 0 ? answer(500, "Internal Server Error") : answer(200, "OK");
      case "/nohead":
        return request.method === "HEAD" ? answer(405, "Method Not Allowed") : answer(200, "OK");
      default:
        return answer(200, "OK");
    }
  };
}

type Row = { id: string; state: string; reason: string; status: number | null; finalUrl: string | null; reused: boolean };
const rows = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as Row[]).map((r) => [r.id, r]));

describe("check", () => {
  it.each([
    ["ok", "ok", "200 OK", null],
    ["perm", "redirected", "permanent redirect, now 200", "https://h.example/ok"],
    ["temp", "ok", "200 OK", "https://h.example/ok"],
    ["missing", "broken", "404 Not Found", null],
    ["challenge", "blocked", "403 Forbidden: a bot-protection challenge", null],
    ["down", "error", "503 Service Unavailable", null],
    ["no-head", "ok", "200 OK", null],
  ])("%s is %s (%s)", async (id, state, reason, finalUrl) => {
    const r = await runInProcess(["check", "--json", "--retries", "0"], PAGE, { http: server() });
    expect(rows(r.stdout)[id]).toMatchObject({ state, reason, finalUrl, reused: false });
  });

  it("in a pipe: a line for each link that is not ok, the counts and what was not checked on stderr, exit 1 for a broken link", async () => {
    const r = await runInProcess(["check", "--retries", "0"], PAGE, { http: server() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "perm\tredirected\tpermanent redirect, now 200\thttps://h.example/perm\thttps://h.example/ok",
        "missing\tbroken\t404 Not Found\thttps://h.example/404\t",
        "challenge\tblocked\t403 Forbidden: a bot-protection challenge\thttps://h.example/challenge\t",
        "down\terror\t503 Service Unavailable\thttps://h.example/down\t",
        "",
      ].join("\n"),
    );
    expect(r.stderr).toBe("7 links: 3 ok, 1 redirected, 1 broken, 1 blocked, 1 error\nicp-links: not checked: site: a site link (/relative) and no base URL is known\n");
  });

  it("in a terminal: the counts, a row for each link that is not ok, and what was not checked, all on stdout", async () => {
    const r = await runInProcess(["check", "--retries", "0"], "## Links\n\n- [Perm](https://h.example/perm)\n- [Missing](https://h.example/404)\n- [Site](/x)\n", { http: server(), tty: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "2 links checked: 1 redirected, 1 broken",
        "",
        "perm     Perm     redirected  permanent redirect, now 200  \u2192 https://h.example/\u2026",
        "missing  Missing  broken      404 Not Found",
        "not checked: site: a site link (/x) and no base URL is known",
        "",
      ].join("\n"),
    );
    expect(r.stderr).toBe("");
  });

  it("exits 0 when nothing is broken; --strict fails on blocked and error links too", async () => {
    expect((await runInProcess(["check", "ok", "perm", "challenge"], PAGE, { http: server() })).code).toBe(0);
    const strict = await runInProcess(["check", "challenge", "--strict"], PAGE, { http: server() });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe("challenge\tblocked\t403 Forbidden: a bot-protection challenge\thttps://h.example/challenge\t\n");
    expect((await runInProcess(["check", "down", "--strict", "--retries", "0"], PAGE, { http: server() })).code).toBe(1);
  });

  it("retries a 5xx (the retries given), and asks with GET only when HEAD is refused", async () => {
    const seen: HttpRequest[] = [];
    await runInProcess(["check", "down", "no-head", "--retries", "2"], PAGE, { http: server(seen) });
    expect(seen.filter((s) => s.url.endsWith("/down")).map((s) => s.method)).toEqual(["HEAD", "HEAD", "HEAD"]);
    expect(seen.filter((s) => s.url.endsWith("/nohead")).map((s) => s.method)).toEqual(["HEAD", "GET"]);
    const flakySeen: HttpRequest[] = [];
    const flaky = await runInProcess(["check", "--json"], "- [Flaky](https://h.example/flaky)\n", { http: server(flakySeen) });
    expect(rows(flaky.stdout).flaky).toMatchObject({ state: "ok", reason: "200 OK" });
    expect(flakySeen).toHaveLength(2);
  });

  it("stores the results, and reuses those younger than --max-age without asking again", async () => {
    const checks = new Map<string, CheckResult>();
    // --interval 0: the second request to the host would otherwise move the test's clock on.
    await runInProcess(["check", "ok", "missing", "--interval", "0"], PAGE, { http: server(), checks });
    expect([...checks.keys()]).toEqual(["https://h.example/ok", "https://h.example/404"]);
    expect(checks.get("https://h.example/404")).toMatchObject({ state: "broken", checkedAt: "2026-11-23T12:00:00.000Z" });
    const seen: HttpRequest[] = [];
    const later = new Date("2026-11-23T12:30:00Z");
    const again = await runInProcess(["check", "ok", "--max-age", "1h", "--json"], PAGE, { http: server(seen), checks, now: later });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual([expect.objectContaining({ id: "ok", state: "ok", reused: true, checkedAt: "2026-11-23T12:00:00.000Z" })]);
    expect(seen).toEqual([]);
    // Older than --max-age: asked again.
    const stale = await runInProcess(["check", "ok", "--max-age", "10m", "--json"], PAGE, { http: server(seen), checks, now: later });
    expect(JSON.parse(stale.stdout)[0]).toMatchObject({ id: "ok", reused: false });
    expect(seen.map((s) => s.url)).toEqual(["https://h.example/ok"]);
  });

  it("checks a site link against --base-url", async () => {
    const seen: HttpRequest[] = [];
    const r = await runInProcess(["check", "site", "--base-url", "https://h.example", "--json"], PAGE, { http: server(seen) });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ id: "site", url: "https://h.example/relative", state: "ok" })]);
    expect(seen.map((s) => s.url)).toEqual(["https://h.example/relative"]);
  });

  it("filters as list does", async () => {
    const seen: HttpRequest[] = [];
    const two = "## Links\n\n- [A](https://a.example/)\n\n## Other\n\n- [B / Ada Lovelace](https://www.youtube.com/watch?v=b)\n";
    await runInProcess(["check", "--section", "links"], two, { http: server(seen) });
    expect(seen.map((s) => s.url)).toEqual(["https://a.example/"]);
    await runInProcess(["check", "--kind", "talk"], two, { http: server(seen) });
    expect(seen.map((s) => s.url)).toEqual(["https://a.example/", "https://www.youtube.com/watch?v=b"]);
  });

  it.each([
    [["nope"], 1, "icp-links: no entry 'nope' (run 'icp-links list' to see the ids)\n"],
    [["--max-age", "soon"], 2, "icp-links: option '--max-age <duration>' argument 'soon' is invalid. expected a duration such as 90s, 30m, 12h, 7d or 1h30m (see 'icp-links --help')\n"],
    [["--per-host", "0"], 2, "icp-links: option '--per-host <n>' argument '0' is invalid. expected a whole number of 1 or more (see 'icp-links --help')\n"],
    [["--timeout", "-1"], 2, "icp-links: option '--timeout <s>' argument '-1' is invalid. expected a number of seconds above 0 (see 'icp-links --help')\n"],
    [["--concurrency", "x"], 2, "icp-links: option '--concurrency <n>' argument 'x' is invalid. expected a whole number of 1 or more (see 'icp-links --help')\n"],
  ])("check %j: exit %i in one line, nothing asked", async (args, code, stderr) => {
    const seen: HttpRequest[] = [];
    const r = await runInProcess(["check", ...args], PAGE, { http: server(seen) });
    expect(r).toMatchObject({ code, stdout: "", stderr });
    expect(seen).toEqual([]);
  });
});

describe("check's progress bar", () => {
  /** A bar that records what it was asked to show. */
  function recordingBar() {
    const calls: string[] = [];
    const progressBar = async (total: number, format: string, fields: Record<string, string>) => {
      calls.push(`start ${total} ${format.includes("{counts}") && format.includes("{host}")} ${fields.counts}`);
      return {
        update: (value: number | undefined, f: Record<string, string>) => void calls.push(`update ${value ?? "-"} ${JSON.stringify(f)}`),
        stop: () => void calls.push("stop"),
      };
    };
    return { calls, progressBar };
  }

  it("draws through the Context: a start with the total, the counts as links finish, a stop", async () => {
    const { calls, progressBar } = recordingBar();
    const page = "- [Ok](https://h.example/ok)\n- [Missing](https://h.example/404)\n";
    const r = await runInProcess(["check", "--concurrency", "1"], page, { http: server(), progressBar, errTty: true });
    expect(r.code).toBe(1);
    expect(calls[0]).toBe("start 2 true starting");
    expect(calls.filter((c) => c.startsWith("update 1 ") || c.startsWith("update 2 ")).map((c) => c.split(" ").slice(0, 2).join(" "))).toEqual(["update 1", "update 2"]);
    expect(calls.at(-2)).toBe('update 2 {"counts":"1 ok, 1 broken"}');
    expect(calls.at(-1)).toBe("stop");
    // Hosts are shown as requests start, sanitised.
    expect(calls).toContain('update - {"host":"h.example"}');
  });

  it("draws nothing for --json, or where the Context has no bar (a pipe)", async () => {
    const { calls, progressBar } = recordingBar();
    const json = await runInProcess(["--json", "check"], "- [Ok](https://h.example/ok)\n", { http: server(), progressBar, errTty: true });
    expect(json.code).toBe(0);
    expect(calls).toEqual([]);
    const pipe = await runInProcess(["check"], "- [Ok](https://h.example/ok)\n", { http: server() });
    expect(pipe.code).toBe(0);
    expect(pipe.stderr).not.toMatch(/[\u2588\u2591]/);
  });
});
