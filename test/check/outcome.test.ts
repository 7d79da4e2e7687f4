import { describe, expect, it } from "vitest";
import { needsGet, responseState, retryAfterMs } from "../../src/check/outcome";
import { interleaveByHost, checkLinks } from "../../src/check/runner";
import { DEFAULT_CHECK_OPTIONS, NetworkError, type HttpRequest, type HttpResponse } from "../../src/check/types";
import { toNetworkError } from "../../src/io/http";

const response = (status: number, headers: Record<string, string> = {}, body = ""): HttpResponse => ({
  status,
  statusText: "",
  header: (name) => headers[name.toLowerCase()],
  body,
});

describe("responseState", () => {
  it.each([
    [200, {}, "", "ok"],
    [204, {}, "", "ok"],
    [404, {}, "", "broken"],
    [410, {}, "", "broken"],
    [401, {}, "", "blocked"],
    [403, {}, "", "blocked"],
    [429, {}, "", "blocked"],
    [999, {}, "", "blocked"],
    [403, {}, "<title>Just a moment...</title>", "blocked"],
    [503, { "cf-mitigated": "challenge" }, "", "blocked"],
    [500, {}, "", "error"],
    [503, {}, "", "error"],
    [418, {}, "", "error"],
  ])("%i %j %j is %s", (status, headers, body, state) => expect(responseState(response(status, headers, body)).state).toBe(state));
});

describe("helpers", () => {
  it.each([[405, true], [501, true], [403, true], [404, true], [500, true], [503, false], [429, false], [200, false], [301, false]])("needsGet(%i) = %s", (s, v) => expect(needsGet(s)).toBe(v));

  it.each([
    ["1", 1000],
    ["120", 30_000],
    [new Date(10_000 + 5000).toUTCString(), 5000],
    ["soon", undefined],
    [undefined, undefined],
  ])("Retry-After %j → %j ms", (value, ms) => {
    const got = retryAfterMs(value, 10_000, 30_000);
    if (ms === undefined) expect(got).toBeUndefined();
    else expect(Math.abs(got! - ms)).toBeLessThan(1000);
  });

  it("interleaves the queue by host", () => {
    expect(interleaveByHost(["http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1"])).toEqual(["http://a/1", "http://b/1", "http://c/1", "http://a/2", "http://a/3"]);
  });

  it.each([
    [{ cause: { code: "ENOTFOUND" } }, "dns"],
    [{ cause: { code: "ECONNREFUSED" } }, "refused"],
    [{ cause: { code: "UND_ERR_SOCKET" } }, "reset"],
    [{ cause: { code: "CERT_HAS_EXPIRED" } }, "tls"],
    [{ cause: { code: "ERR_TLS_CERT_ALTNAME_INVALID" } }, "tls"],
    [new Error("weird"), "other"],
  ])("fetch error %j is %s", (error, kind) => expect(toNetworkError(error).kind).toBe(kind));
});

describe("checkLinks with a fake client", () => {
  const fast = { ...DEFAULT_CHECK_OPTIONS, intervalMs: 0, retries: 2 };
  const deps = (http: (r: HttpRequest) => Promise<HttpResponse>) => ({ http, now: () => Date.now(), sleep: () => Promise.resolve() });
  const signal = new AbortController().signal;

  it("follows redirects, tells permanent from temporary, and finds loops", async () => {
    const routes: Record<string, HttpResponse> = {
      "http://h/a": response(301, { location: "/b" }),
      "http://h/b": response(200),
      "http://h/t": response(302, { location: "http://h/b" }),
      "http://h/l1": response(302, { location: "/l2" }),
      "http://h/l2": response(302, { location: "/l1" }),
      "http://h/js": response(302, { location: "javascript:alert(1)" }),
    };
    const run = await checkLinks(Object.keys(routes).filter((u) => u !== "http://h/b" && u !== "http://h/l2"), fast, deps(async (r) => routes[r.url]!), signal);
    const by = Object.fromEntries(run.results.map((r) => [r.url, r]));
    expect(by["http://h/a"]).toMatchObject({ state: "redirected", finalUrl: "http://h/b" });
    expect(by["http://h/t"]).toMatchObject({ state: "ok", finalUrl: "http://h/b" });
    expect(by["http://h/l1"]).toMatchObject({ state: "error", reason: "redirect loop" });
    expect(by["http://h/js"]).toMatchObject({ state: "error", reason: "redirect to a javascript: URL" });
  });

  it("gives up after too many redirects", async () => {
    const run = await checkLinks(["http://h/0"], { ...fast, maxRedirects: 3 }, deps(async (r) => response(301, { location: `/${Number(r.url.split("/").pop()) + 1}` })), signal);
    expect(run.results[0]).toMatchObject({ state: "error", reason: "more than 3 redirects" });
  });

  it("uses GET when HEAD is refused, retries 5xx, and never retries an unknown host", async () => {
    const seen: string[] = [];
    let flaky = 0;
    const http = async (r: HttpRequest) => {
      seen.push(`${r.method} ${r.url}`);
      if (r.url === "http://h/nohead") return r.method === "HEAD" ? response(405) : response(200);
      if (r.url === "http://h/flaky") return ++flaky < 3 ? response(500) : response(200);
      throw new NetworkError("dns", "name not resolved");
    };
    const run = await checkLinks(["http://h/nohead", "http://h/flaky", "http://nowhere/"], fast, deps(http), signal);
    expect(run.results.map((r) => r.state)).toEqual(["ok", "ok", "broken"]);
    expect(seen.filter((s) => s.endsWith("nowhere/"))).toHaveLength(1);
    expect(seen.filter((s) => s === "GET http://h/nohead")).toHaveLength(1);
  });

  /** A client that takes 5 ms per request and records the most requests in flight at once. */
  const counting = () => {
    const seen = { inFlight: 0, most: 0 };
    const http = async () => {
      seen.most = Math.max(seen.most, ++seen.inFlight);
      await new Promise((r) => setTimeout(r, 5));
      seen.inFlight--;
      return response(200);
    };
    return { seen, http };
  };

  it.each([
    ["per host", Array.from({ length: 12 }, (_, i) => `http://same/${i}`), { perHost: 3, concurrency: 8 }],
    ["overall, across hosts", Array.from({ length: 20 }, (_, i) => `http://host${i}/`), { perHost: 2, concurrency: 3 }],
  ])("keeps to the limit %s", async (_name, urls, limits) => {
    const { seen, http } = counting();
    const run = await checkLinks(urls, { ...fast, ...limits }, deps(http), signal);
    expect(run.results.map((r) => r.url).sort()).toEqual([...urls].sort());
    expect(seen.most).toBe(3);
  });

  it("ends the run at its time limit, saying which links were not finished", async () => {
    const http = (r: HttpRequest) =>
      new Promise<HttpResponse>((resolve, reject) => {
        if (r.url.endsWith("/fast")) return resolve(response(200));
        r.signal.addEventListener("abort", () => reject(new Error("aborted")));
      });
    const run = await checkLinks(["http://a/fast", "http://b/hang", "http://c/hang"], { ...fast, maxTimeMs: 50 }, deps(http), signal);
    expect(run.interrupted).toBe(false);
    expect(run.results.map((r) => [r.url, r.state])).toEqual([["http://a/fast", "ok"], ["http://b/hang", "error"], ["http://c/hang", "error"]]);
    expect(run.results[1]!.reason).toBe("not checked within the run's limit of 0.05 s");
  });

  it("stops promptly when aborted, keeping what finished", async () => {
    const controller = new AbortController();
    const http = (r: HttpRequest) =>
      new Promise<HttpResponse>((resolve, reject) => {
        if (r.url.endsWith("/0")) return resolve(response(200));
        r.signal.addEventListener("abort", () => reject(new Error("aborted")));
      });
    setTimeout(() => controller.abort(), 20);
    const run = await checkLinks(["http://a/0", "http://b/1", "http://c/2"], fast, deps(http), controller.signal);
    expect(run.interrupted).toBe(true);
    expect(run.results.map((r) => r.url)).toEqual(["http://a/0"]);
  });
});
