import { describe, expect, it } from "vitest";
import { needsGet, responseState, retryAfterMs } from "../../src/check/outcome";
import { interleaveByHost } from "../../src/check/runner";
import type { HttpResponse } from "../../src/check/types";
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
