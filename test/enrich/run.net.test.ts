// enrich's reading of links (#27), against a local server whose pages carry their metadata as the
// real sites do (test/helpers/link-pages.ts), through the real HTTP client and check's pool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrichLinks, hostOembed, isConsentPage, PAGE_LIMIT, type EnrichDeps } from "../../src/enrich/run";
import { fetchClient } from "../../src/io/http";
import { DEFAULT_CHECK_OPTIONS } from "../../src/check/types";
import type { FactsRecord } from "../../src/catalog/link-facts";
import { startLinkPages, type LinkPagesServer } from "../helpers/link-pages";

let server: LinkPagesServer;
beforeAll(async () => {
  server = await startLinkPages();
});
afterAll(() => server.close());

const options = { ...DEFAULT_CHECK_OPTIONS, intervalMs: 0, retries: 0, timeoutMs: 5000, maxTimeMs: 30_000 };
function deps(extra: Partial<EnrichDeps> = {}): EnrichDeps {
  return {
    http: fetchClient("icp-links-test"),
    now: () => Date.parse("2026-12-01T10:00:00Z"),
    sleep: async (ms, signal) => (await import("node:timers/promises")).setTimeout(ms, undefined, { signal }),
    after: (ms, fire) => {
      const t = setTimeout(fire, ms);
      return () => clearTimeout(t);
    },
    ...extra,
  };
}

async function one(path: string, previous = new Map<string, FactsRecord>(), extra: Partial<EnrichDeps> = {}) {
  const run = await enrichLinks([`${server.base}${path}`], previous, options, deps(extra), new AbortController().signal);
  expect(run.results).toHaveLength(1);
  return run.results[0]!;
}

describe("enrich reads what the pages say", () => {
  it("a YouTube-like watch page: length and upload date from the body's microdata, channel, title, description", async () => {
    const r = await one("/watch?v=UHA7W-8My_I");
    expect(r).toMatchObject({ state: "enriched", reason: "read" });
    expect(r.facts).toEqual({ type: "video", title: "Execution", description: "A talk of the Inside the Internet Computer series.", duration: 1694, published: "2021-06-02", channel: "DFINITY" });
  });

  it("a JSON-LD VideoObject page", async () => {
    expect((await one("/video-ld")).facts).toEqual({ type: "video", title: "Rust at scale", description: "How a team moved to Rust.", duration: 3723, published: "2019-05-04", channel: "Conf Channel" });
  });

  it("an article: JSON-LD author and date, the reading time of twitter:label1/data1; the head is enough", async () => {
    expect((await one("/article")).facts).toEqual({ type: "article", title: "Achieving Consensus on the Internet Computer", description: "The consensus protocol of the Internet Computer, explained.", duration: 420, published: "2021-04-12", authors: ["Manu Drijvers"] });
  });

  it("a Discourse-like forum topic: DiscussionForumPosting microdata", async () => {
    expect((await one("/t/threshold-ecdsa/123")).facts).toEqual({ type: "forum", title: "Threshold ECDSA signatures", description: "Summary: threshold ECDSA lets canisters sign.", published: "2021-06-08", authors: ["dieter.sommer"] });
  });

  it("a plain page: its <title> and description", async () => {
    expect((await one("/plain")).facts).toEqual({ type: "page", title: "How it works", description: "The Internet Computer, explained for everyone." });
  });

  it("a page's oEmbed link fills the length (Vimeo's answer has it)", async () => {
    expect((await one("/vimeo-like")).facts).toEqual({ type: "video", title: "A Vimeo talk", description: "A talk from Strange Loop.", duration: 2412, published: "2013-09-20", channel: "Strange Loop" });
  });

  it("a consent redirect is blocked, not followed, and the host's oEmbed is asked instead", async () => {
    const before = server.requests.length;
    const r = await one("/consent", new Map(), { oembedFor: (url) => `${server.base}/oembed?url=${encodeURIComponent(url)}` });
    expect(r).toMatchObject({ state: "blocked", reason: "a consent page; read its oEmbed" });
    expect(r.facts).toMatchObject({ title: `oEmbed of ${server.base}/consent`, channel: "DFINITY" });
    expect(r.record).toMatchObject({ state: "blocked" });
    expect(server.requests.slice(before).map((q) => q.url.split("?")[0])).toEqual(["/consent", "/oembed"]);
    // Without an endpoint for the host: blocked, and nothing to store.
    const bare = await one("/consent");
    expect(bare).toMatchObject({ state: "blocked", reason: "a consent page" });
    expect(bare.record).toBeUndefined();
  });

  it("a challenge page is blocked: its title is not taken for the page's", async () => {
    const r = await one("/challenge");
    expect(r.state).toBe("blocked");
    expect(r.reason).toMatch(/^403 Forbidden: a bot-protection challenge/);
    expect(r.facts).toBeUndefined();
  });

  it("a PDF is not read: failed, not a web page, and its body is not downloaded", async () => {
    const r = await one("/paper.pdf");
    expect(r).toMatchObject({ state: "failed", reason: "not a web page (application/pdf)" });
  });

  it("a head that never ends is read up to 512 KB, and what it said is kept", async () => {
    server.endlessBytes = 0;
    const r = await one("/endless");
    expect(r.facts).toEqual({ type: "page", title: "An endless head" });
    // The server stops when the client goes: a little past what was read, never the 64 MB it would send.
    expect(server.endlessBytes).toBeGreaterThanOrEqual(PAGE_LIMIT - 70_000);
    expect(server.endlessBytes).toBeLessThan(16 * 1024 * 1024);
  });

  it("hostile titles lose their escape sequences, C1 and bidi controls", async () => {
    const r = await one("/hostile");
    expect(r.facts).toEqual({ type: "article", title: "Click here", description: "desc red hidden", published: "2020-02-02", authors: ["Eve Bold"] });
  });

  it("a 404 fails, keeping what was known", async () => {
    const known: FactsRecord = { url: `${server.base}/gone`, readAt: "2026-01-01T00:00:00Z", state: "ok", facts: { title: "Was here" } };
    const r = await one("/gone", new Map([[known.url, known]]));
    expect(r).toMatchObject({ state: "failed", reason: "404 Not Found", facts: { title: "Was here" } });
    expect(r.record).toBeUndefined();
  });

  it("asks again with the stored ETag: a 304 is unchanged, the facts kept, the time renewed", async () => {
    const first = await one("/etag");
    expect(first.record).toMatchObject({ etag: '"v1"', lastModified: "Tue, 01 Jun 2021 10:00:00 GMT", facts: { title: "Tagged page" } });
    const again = await one("/etag", new Map([[first.record!.url, { ...first.record!, readAt: "2026-01-01T00:00:00Z" }]]));
    expect(again).toMatchObject({ state: "unchanged", reason: "not modified (304)", facts: { title: "Tagged page", description: "Has an ETag." } });
    expect(again.record?.readAt).toBe("2026-12-01T10:00:00.000Z");
    expect(server.requests.at(-1)?.ifNoneMatch).toBe('"v1"');
  });

  it("the same page read again is unchanged", async () => {
    const first = await one("/plain");
    expect((await one("/plain", new Map([[first.record!.url, first.record!]]))).state).toBe("unchanged");
  });

  it("offline: nothing answered and no name resolved", async () => {
    const run = await enrichLinks(["http://name-that-does-not-resolve.invalid/x"], new Map(), options, deps(), new AbortController().signal);
    expect(run.offline).toBe(true);
  });
});

describe("walls and endpoints", () => {
  it.each([
    ["https://consent.youtube.com/ml?continue=x", true],
    ["https://consent.google.com/?continue=x", true],
    ["https://consent.google.co.uk/", true],
    ["https://www.youtube.com/watch?v=x", false],
    ["not a url", false],
  ])("isConsentPage(%s) is %s", (url, wanted) => expect(isConsentPage(url)).toBe(wanted));

  it("knows YouTube's and Vimeo's oEmbed endpoints, and no other host's", () => {
    expect(hostOembed("https://www.youtube.com/watch?v=abc")).toBe("https://www.youtube.com/oembed?format=json&url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3Dabc");
    expect(hostOembed("https://youtu.be/abc")).toMatch(/^https:\/\/www\.youtube\.com\/oembed\?/);
    expect(hostOembed("https://vimeo.com/123")).toBe("https://vimeo.com/api/oembed.json?url=https%3A%2F%2Fvimeo.com%2F123");
    expect(hostOembed("https://example.org/watch?v=abc")).toBeUndefined();
  });
});
