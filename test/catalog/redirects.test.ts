// The one redirect follower (src/catalog/redirects.ts): how each walk ends, over a table of answers.
import { describe, expect, it } from "vitest";
import { followRedirects, MAX_REDIRECTS, type Answer } from "../../src/catalog/redirects";

const answer = (status: number, location?: string): Answer => ({ status, header: (name) => (name === "location" ? location : undefined) });

/** A server of `routes` (URL → status and Location); it records what was asked. */
function server(routes: Record<string, readonly [number, string?]>) {
  const asked: string[] = [];
  const send = async (url: string) => {
    asked.push(url);
    const [status, location] = routes[url] ?? [404];
    return answer(status, location);
  };
  return { asked, send };
}

describe("followRedirects", () => {
  it.each([
    ["no redirect", { "http://a/": [200] }, { kind: "answer", url: "http://a/", redirects: 0 }],
    ["two hops", { "http://a/": [301, "/b"], "http://a/b": [302, "https://c/"], "https://c/": [200] }, { kind: "answer", url: "https://c/", redirects: 2 }],
    ["a 3xx without Location is an answer", { "http://a/": [304] }, { kind: "answer", url: "http://a/" }],
    ["a Location that is no URL", { "http://a/": [301, "http://[bad"] }, { kind: "invalid", url: "http://a/", location: "http://[bad" }],
    ["another scheme", { "http://a/": [302, "ftp://a/f"] }, { kind: "scheme", url: "http://a/", scheme: "ftp:" }],
    ["a loop", { "http://a/": [301, "/b"], "http://a/b": [301, "/"] }, { kind: "loop", url: "http://a/b", to: "http://a/" }],
  ] as const)("%s", async (_, routes, expected) => {
    const s = server(routes);
    expect(await followRedirects("http://a/", { send: s.send })).toMatchObject(expected);
  });

  it(`follows at most ${MAX_REDIRECTS} redirects, and says so at the next`, async () => {
    const routes: Record<string, [number, string]> = {};
    for (let i = 0; i <= MAX_REDIRECTS + 2; i++) routes[`http://a/${i}`] = [307, `/${i + 1}`];
    const s = server(routes);
    expect(await followRedirects("http://a/0", { send: s.send })).toMatchObject({ kind: "too-many", url: `http://a/${MAX_REDIRECTS}` });
    expect(s.asked).toHaveLength(MAX_REDIRECTS + 1);
  });

  it("follows only what `follows` accepts, and reports each hop", async () => {
    const s = server({ "http://a/": [301, "/b"], "http://a/b": [302, "/c"] });
    const hops: [number, string][] = [];
    const end = await followRedirects("http://a/", { send: s.send, follows: (r) => r.status === 301, onRedirect: (status, to) => hops.push([status, to]) });
    expect(end).toMatchObject({ kind: "answer", url: "http://a/b" });
    expect(hops).toEqual([[301, "http://a/b"]]);
  });

  it("gives each request what is left of the deadline, and stops when none is", async () => {
    let now = 0;
    const left: number[] = [];
    const end = await followRedirects("http://a/", {
      deadline: 1000,
      now: () => now,
      send: async (url, ms) => {
        left.push(ms);
        now += 600;
        return answer(302, url + "x");
      },
    });
    expect(left).toEqual([1000, 400]);
    expect(end).toEqual({ kind: "late", url: "http://a/xx" });
  });
});
