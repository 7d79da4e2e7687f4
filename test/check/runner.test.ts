// check's runner (#5) against a fake HTTP client and a fake clock (#15): redirects, retries,
// limits, and the two time limits (--timeout per request, --max-time per run), whose time passes
// only when the test moves the clock. The limits below are hours of fake time: a runner that
// waited on real timers would not finish within the test's own time limit.
import { describe, expect, it } from "vitest";
import { checkLinks } from "../../src/check/runner";
import { DEFAULT_CHECK_OPTIONS, NetworkError, type CheckOptions, type HttpRequest, type HttpResponse } from "../../src/check/types";
import { fakeClock } from "../helpers/clock";

const response = (status: number, headers: Record<string, string> = {}, body = ""): HttpResponse => ({
  status,
  statusText: "",
  header: (name) => headers[name.toLowerCase()],
  body,
});

const fast = { ...DEFAULT_CHECK_OPTIONS, intervalMs: 0, retries: 2 };
const signal = new AbortController().signal;

/** A fake clock, and the runner's dependencies with it and this client. */
const withClock = (http: (r: HttpRequest) => Promise<HttpResponse>) => {
  const clock = fakeClock();
  return { clock, deps: { http, now: clock.now, sleep: clock.sleep, after: clock.after } };
};

/** Answers a URL ending in /fast at once; any other never answers, but gives up when its signal aborts, as fetch does. */
const hanging = (r: HttpRequest) =>
  new Promise<HttpResponse>((resolve, reject) => {
    if (r.url.endsWith("/fast")) return resolve(response(200));
    r.signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
  });

describe("checkLinks with a fake client", () => {
  it("follows redirects, tells permanent from temporary, and finds loops", async () => {
    const routes: Record<string, HttpResponse> = {
      "http://h/a": response(301, { location: "/b" }),
      "http://h/b": response(200),
      "http://h/t": response(302, { location: "http://h/b" }),
      "http://h/l1": response(302, { location: "/l2" }),
      "http://h/l2": response(302, { location: "/l1" }),
      "http://h/js": response(302, { location: "javascript:alert(1)" }),
    };
    const { clock, deps } = withClock(async (r) => routes[r.url]!);
    const run = await clock.run(checkLinks(Object.keys(routes).filter((u) => u !== "http://h/b" && u !== "http://h/l2"), fast, deps, signal));
    const by = Object.fromEntries(run.results.map((r) => [r.url, r]));
    expect(by["http://h/a"]).toMatchObject({ state: "redirected", finalUrl: "http://h/b" });
    expect(by["http://h/t"]).toMatchObject({ state: "ok", finalUrl: "http://h/b" });
    expect(by["http://h/l1"]).toMatchObject({ state: "error", reason: "redirect loop" });
    expect(by["http://h/js"]).toMatchObject({ state: "error", reason: "redirect to a javascript: URL" });
  });

  it("gives up after too many redirects", async () => {
    const { clock, deps } = withClock(async (r) => response(301, { location: `/${Number(r.url.split("/").pop()) + 1}` }));
    const run = await clock.run(checkLinks(["http://h/0"], { ...fast, maxRedirects: 3 }, deps, signal));
    expect(run.results[0]).toMatchObject({ state: "error", reason: "more than 3 redirects" });
  });

  it("uses GET when HEAD is refused, retries 5xx after its backoff, and never retries an unknown host", async () => {
    const seen: string[] = [];
    let flaky = 0;
    const { clock, deps } = withClock(async (r) => {
      seen.push(`${r.method} ${r.url}`);
      if (r.url === "http://h/nohead") return r.method === "HEAD" ? response(405) : response(200);
      if (r.url === "http://h/flaky") return ++flaky < 3 ? response(500) : response(200);
      throw new NetworkError("dns", "name not resolved");
    });
    const start = clock.now();
    const run = await clock.run(checkLinks(["http://h/nohead", "http://h/flaky", "http://nowhere/"], fast, deps, signal));
    expect(run.results.map((r) => r.state)).toEqual(["ok", "ok", "broken"]);
    expect(seen.filter((s) => s.endsWith("nowhere/"))).toHaveLength(1);
    expect(seen.filter((s) => s === "GET http://h/nohead")).toHaveLength(1);
    // The first try's HEAD and GET both answer 500: one backoff of 500 ms, on the fake clock.
    expect(seen.filter((s) => s.endsWith("flaky"))).toEqual(["HEAD http://h/flaky", "GET http://h/flaky", "HEAD http://h/flaky"]);
    expect(clock.now() - start).toBe(500);
  });

  it.each([
    ["per host", Array.from({ length: 12 }, (_, i) => `http://same/${i}`), { perHost: 3, concurrency: 8 }],
    ["overall, across hosts", Array.from({ length: 20 }, (_, i) => `http://host${i}/`), { perHost: 2, concurrency: 3 }],
  ])("keeps to the limit %s", async (_name, urls, limits) => {
    const seen = { inFlight: 0, most: 0 };
    const { clock, deps } = withClock(async () => {
      seen.most = Math.max(seen.most, ++seen.inFlight);
      await clock.sleep(5, signal);
      seen.inFlight--;
      return response(200);
    });
    const run = await clock.run(checkLinks(urls, { ...fast, ...limits }, deps, signal));
    expect(run.results.map((r) => r.url).sort()).toEqual([...urls].sort());
    expect(seen.most).toBe(3);
  });

  it("stops promptly when aborted, keeping what finished", async () => {
    const controller = new AbortController();
    const { clock, deps } = withClock(hanging);
    clock.after(20, () => controller.abort());
    const run = await clock.run(checkLinks(["http://a/fast", "http://b/hang", "http://c/hang"], fast, deps, controller.signal));
    expect(run.interrupted).toBe(true);
    expect(run.results.map((r) => r.url)).toEqual(["http://a/fast"]);
  });
});

describe("checkLinks's time limits, on the fake clock", () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const rows: [string, string[], Partial<CheckOptions>, [string, string, string][], number][] = [
    ["a request that never answers meets --timeout", ["http://a/hang"], { timeoutMs: HOUR, maxTimeMs: DAY, retries: 0 }, [["http://a/hang", "error", "timeout after 3600 s"]], HOUR],
    [
      "a timed-out request is tried again after its backoff, and times out again",
      ["http://a/hang"],
      { timeoutMs: HOUR, maxTimeMs: DAY, retries: 1 },
      [["http://a/hang", "error", "timeout after 3600 s"]],
      2 * HOUR + 500,
    ],
    [
      "--max-time ends a run whose requests would wait longer, keeping what finished",
      ["http://a/fast", "http://b/hang", "http://c/hang"],
      { timeoutMs: DAY, maxTimeMs: HOUR, retries: 0 },
      [
        ["http://a/fast", "ok", "200"],
        ["http://b/hang", "error", "not checked within the run's limit of 3600 s"],
        ["http://c/hang", "error", "not checked within the run's limit of 3600 s"],
      ],
      HOUR,
    ],
    [
      "--max-time falls between a request's tries",
      ["http://a/hang"],
      { timeoutMs: HOUR, maxTimeMs: 1.5 * HOUR, retries: 3 },
      [["http://a/hang", "error", "not checked within the run's limit of 5400 s"]],
      1.5 * HOUR,
    ],
  ];

  it.each(rows)("%s", async (_name, urls, limits, expected, elapsed) => {
    const { clock, deps } = withClock(hanging);
    const start = clock.now();
    let finished = false;
    const work = checkLinks(urls, { ...fast, ...limits }, deps, signal);
    void work.then(() => (finished = true));
    // A millisecond before its limit, the run still waits: only the fake clock ends it.
    await clock.advance(elapsed - 1);
    expect(finished).toBe(false);
    const run = await clock.run(work);
    expect(clock.now() - start).toBe(elapsed);
    expect(run.interrupted).toBe(false);
    expect(run.results.map((r) => [r.url, r.state, r.reason])).toEqual(expected);
    // Every timer of the run was cancelled or fired: none would hold a real process open.
    expect(clock.pending()).toBe(0);
  });
});
