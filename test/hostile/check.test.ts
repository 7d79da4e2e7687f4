// `check` tells the truth (#12), in process with an injected HTTP client: offline is not broken,
// a refusal is broken, credentials are never sent, options that become timers are bounded, and a
// server's reason phrase is sanitized before it is shown or stored.
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { NetworkError, type CheckResult, type HttpClient, type HttpRequest } from "../../src/check/types";
import { toNetworkError } from "../../src/io/http";
import { statusText, withoutCredentials } from "../../src/check/outcome";

const PAGE = `## Links

- [Alpha](https://alpha.example/a)
- [Beta](https://beta.example/b)
- [Gamma](https://gamma.example/c)
`;

const answer = (status: number, statusText = "") => ({ status, statusText, header: () => undefined, body: "" });

/** An HTTP client that fails every request to the hosts in `failing` with `kind`, and answers 200 otherwise. */
function client(failing: Record<string, NetworkError["kind"]>, seen: HttpRequest[] = []): HttpClient {
  return async (request) => {
    seen.push(request);
    const kind = failing[new URL(request.url).hostname];
    if (kind) throw new NetworkError(kind, kind);
    return answer(200, "OK");
  };
}

const ALL = (kind: NetworkError["kind"]) => ({ "alpha.example": kind, "beta.example": kind, "gamma.example": kind });
const stateOf = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as { id: string; state: string }[]).map((r) => [r.id, r.state]));

describe("offline is not broken (#12)", () => {
  it.each(["dns", "unreachable"] as const)("every link failing with %s: exit 3, nothing reported as broken, nothing stored", async (kind) => {
    const checks = new Map<string, CheckResult>();
    const r = await runInProcess(["check", "--json"], PAGE, { http: client(ALL(kind)), checks });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^icp-links: offline: no link could be reached \(.*\); nothing was reported or stored \(.*\)\n$/);
    expect(r.stderr).not.toContain("broken");
    expect(checks.size).toBe(0);
  });

  it("in a terminal too: no summary of broken links", async () => {
    const checks = new Map<string, CheckResult>();
    const r = await runInProcess(["check"], PAGE, { http: client(ALL("dns")), checks, tty: true });
    expect(r.code).toBe(3);
    expect(r.stdout).not.toContain("broken");
    expect(checks.size).toBe(0);
  });

  it("a single link whose name does not resolve is offline too (nothing else answered)", async () => {
    const r = await runInProcess(["check", "alpha", "--json"], PAGE, { http: client(ALL("dns")) });
    expect(r.code).toBe(3);
  });

  it("one unresolvable host among reachable ones is broken, and stored", async () => {
    const checks = new Map<string, CheckResult>();
    const r = await runInProcess(["check", "--json"], PAGE, { http: client({ "beta.example": "dns" }), checks });
    expect(r.code).toBe(1);
    expect(stateOf(r.stdout)).toEqual({ alpha: "ok", beta: "broken", gamma: "ok" });
    expect(checks.get("https://beta.example/b")).toMatchObject({ state: "broken", reason: "name not resolved" });
  });

  it("an unreachable network for one host among reachable ones is an error, not broken, and not retried", async () => {
    const seen: HttpRequest[] = [];
    const r = await runInProcess(["check", "--json"], PAGE, { http: client({ "beta.example": "unreachable" }, seen) });
    expect(r.code).toBe(0);
    expect(stateOf(r.stdout)).toEqual({ alpha: "ok", beta: "error", gamma: "ok" });
    expect(seen.filter((q) => q.url.includes("beta")).length).toBe(1);
  });

  it("a run where a server answered, even with an error, is not offline", async () => {
    const http: HttpClient = async (q) => {
      if (q.url.includes("alpha")) return answer(500, "Internal Server Error");
      throw new NetworkError("dns", "dns");
    };
    const r = await runInProcess(["check", "--json", "--retries", "0", "--interval", "0"], PAGE, { http });
    expect(r.code).toBe(1);
    expect(stateOf(r.stdout)).toEqual({ alpha: "error", beta: "broken", gamma: "broken" });
  });

  it("timeouts or resets are not offline: they are errors, as before", async () => {
    const r = await runInProcess(["check", "--json", "--retries", "0"], PAGE, { http: client({ "alpha.example": "dns", "beta.example": "reset", "gamma.example": "reset" }) });
    expect(r.code).toBe(1);
    expect(stateOf(r.stdout)).toEqual({ alpha: "broken", beta: "error", gamma: "error" });
  });

  it("--help lists exit code 3", async () => {
    const r = await runInProcess(["check", "--help"], PAGE);
    expect(r.stdout).toMatch(/^ {2}3 +check: offline/m);
  });
});

describe("a refused connection is broken (#12)", () => {
  const refused = () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

  it.each([
    ["a refusal", new TypeError("fetch failed", { cause: refused() })],
    // A host with an IPv6 and an IPv4 address: one refusal per address, and no code of its own.
    ["a refusal by every address", new TypeError("fetch failed", { cause: new AggregateError([refused(), refused()], "") })],
  ])("%s is refused", (_what, error) => {
    expect(toNetworkError(error).kind).toBe("refused");
  });

  it("different failures per address stay a network error", () => {
    const mixed = new AggregateError([refused(), Object.assign(new Error("x"), { code: "ETIMEDOUT" })], "");
    expect(toNetworkError(new TypeError("fetch failed", { cause: mixed })).kind).toBe("other");
  });

  it.each(["ENETUNREACH", "EHOSTUNREACH", "ENETDOWN"])("%s is an unreachable network", (code) => {
    expect(toNetworkError(new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) })).kind).toBe("unreachable");
  });

  it("is broken in check's output", async () => {
    const r = await runInProcess(["check", "alpha", "beta", "--json"], PAGE, { http: client({ "alpha.example": "refused" }) });
    expect(stateOf(r.stdout)).toEqual({ alpha: "broken", beta: "ok" });
  });
});

describe("credentials in a URL are never sent (#12)", () => {
  const page = "## Links\n\n- [Private](https://user:secret@private.example/p)\n- [Open](https://open.example/o)\n";

  it.each([
    ["https://user:secret@a.example/p?q#f", "https://a.example/p?q#f"],
    ["https://user@a.example/", "https://a.example/"],
    ["https://:pw@a.example/", "https://a.example/"],
    ["https://a.example/@x", "https://a.example/@x"],
  ])("%s is checked as %s", (url, expected) => expect(withoutCredentials(url)).toBe(expected));

  it("the client sees the URL without them, and the reason says so", async () => {
    const seen: HttpRequest[] = [];
    const r = await runInProcess(["check", "--json"], page, { http: client({}, seen) });
    expect(r.code).toBe(0);
    expect(seen.map((q) => q.url).sort()).toEqual(["https://open.example/o", "https://private.example/p"]);
    const result = (JSON.parse(r.stdout) as { id: string; state: string; reason: string }[]).find((x) => x.id === "private")!;
    expect(result.state).toBe("ok");
    expect(result.reason).toBe("200 OK (checked without the user name and password in its URL)");
  });

  it("a redirect to a URL with credentials is followed without them", async () => {
    const seen: string[] = [];
    const http: HttpClient = async (q) => {
      seen.push(q.url);
      if (q.url.startsWith("https://open.example/o")) return { ...answer(302), header: (n: string) => (n === "location" ? "https://u:p@next.example/x" : undefined) };
      return answer(200, "OK");
    };
    await runInProcess(["check", "open", "--json"], page, { http });
    expect(seen).toEqual(["https://open.example/o", "https://next.example/x"]);
  });
});

describe("options that become timers are bounded (#12)", () => {
  it.each([
    ["--timeout", "301", "at most 300 seconds"],
    ["--timeout", "2147484", "at most 300 seconds"],
    ["--max-time", "86401", "at most 86400 seconds"],
    ["--max-time", "1e9", "at most 86400 seconds"],
    ["--interval", "60001", "at most 60000"],
    ["--retries", "11", "at most 10"],
    ["--timeout", "Infinity", "above 0"],
  ])("%s %s is a usage error", async (option, value, message) => {
    const r = await runInProcess(["check", option, value], PAGE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("the bounds themselves are accepted", async () => {
    const r = await runInProcess(["check", "alpha", "--timeout", "300", "--max-time", "86400", "--interval", "60000", "--retries", "10"], PAGE);
    expect(r.code).toBe(0);
  });

  it("--help names the bounds", async () => {
    const r = await runInProcess(["check", "--help"], PAGE);
    expect(r.stdout).toContain("(at most 300)");
    expect(r.stdout).toContain("(at most 86400)");
  });
});

describe("a server's reason phrase is sanitized when received (#12)", () => {
  const HOSTILE = "Not\x1b[2J Found\x9b31m\u202eevil\u2066\x07";

  it.each([
    [404, "404 Not Foundevil"],
    [200, "200 Not Foundevil"],
  ])("%i: in --json and in the store", async (status, reason) => {
    const checks = new Map<string, CheckResult>();
    const r = await runInProcess(["check", "alpha", "--json", "--interval", "0"], PAGE, { http: async () => answer(status, HOSTILE), checks });
    expect(JSON.parse(r.stdout)[0].reason).toBe(reason);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(checks.get("https://alpha.example/a")!.reason).toBe(reason);
  });

  it("is shortened", () => {
    expect(statusText(answer(404, "x".repeat(10_000))).length).toBeLessThanOrEqual(104);
  });

  it("a network error's message too", async () => {
    const r = await runInProcess(["check", "alpha", "--json", "--retries", "0"], PAGE, {
      http: async () => {
        throw new NetworkError("other", "bad\x1b]8;;https://evil.example\x07thing\u202e");
      },
    });
    expect(JSON.parse(r.stdout)[0].reason).toBe("badthing");
  });
});
