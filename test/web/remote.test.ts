// The remote loader's decisions, with a scripted server, an in-memory store and a set clock (#18).
import { describe, expect, it } from "vitest";
import { ageText, isWebPage, loadRemote, MAX_REDIRECTS, type PageRequest, type PageResponse, type RemoteDeps, type SavedPage } from "../../src/web/remote";
import { NetworkError } from "../../src/check/types";
import { IcpError } from "../../src/errors";

type Answer = { status: number; headers?: Record<string, string>; body?: string; statusText?: string } | NetworkError;

function response(answer: Exclude<Answer, NetworkError>, maxBytes: number): PageResponse {
  const body = Buffer.from(answer.body ?? "");
  return {
    status: answer.status,
    statusText: answer.statusText ?? "",
    header: (name) => answer.headers?.[name.toLowerCase()],
    body: body.subarray(0, maxBytes + 1),
  };
}

function world(routes: Record<string, Answer | ((request: PageRequest) => Answer)>, now = 1_000_000) {
  const requests: PageRequest[] = [];
  const copies = new Map<string, SavedPage>();
  const notes: string[] = [];
  const deps: RemoteDeps = {
    fetch: async (request) => {
      requests.push(request);
      const route = routes[request.url];
      const answer = typeof route === "function" ? route(request) : (route ?? { status: 404 });
      if (answer instanceof NetworkError) throw answer;
      return response(answer, request.maxBytes);
    },
    store: { get: (source) => copies.get(source), set: (page) => void copies.set(page.source, page) },
    now: () => now,
    maxBytes: 1024,
    timeoutMs: 1000,
    maxAgeMs: 0,
    note: (text) => void notes.push(text),
  };
  return { deps, requests, copies, notes, text: async (spec: string) => Buffer.from((await loadRemote(spec, deps)).bytes).toString() };
}

/** What the user reads of an error: its message and its hint, as the program prints them. */
async function said(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(() => undefined, (e: unknown) => e)) as IcpError | undefined;
  if (!(error instanceof IcpError)) throw new Error("expected an IcpError");
  return `${error.message}${error.hint ? ` (${error.hint})` : ""}`;
}

const PAGE = "# Links\n\n- [A](https://a.example/)\n";

describe("loadRemote", () => {
  it("downloads a page, keeps its ETag, and asks with If-None-Match next time: a 304 reuses the copy", async () => {
    const w = world({
      "https://x.example/l.md": (r) => (r.headers["if-none-match"] === '"v1"' ? { status: 304 } : { status: 200, headers: { etag: '"v1"' }, body: PAGE }),
    });
    expect(await w.text("https://x.example/l.md")).toBe(PAGE);
    expect(w.requests[0]!.headers).toEqual({});
    expect(await w.text("https://x.example/l.md")).toBe(PAGE);
    expect(w.requests[1]!.headers).toEqual({ "if-none-match": '"v1"' });
    expect(w.requests).toHaveLength(2);
  });

  it("asks with If-Modified-Since when the server gave Last-Modified", async () => {
    const stamp = "Wed, 21 Oct 2026 07:28:00 GMT";
    const w = world({ "https://x.example/l.md": (r) => (r.headers["if-modified-since"] === stamp ? { status: 304 } : { status: 200, headers: { "last-modified": stamp }, body: PAGE }) });
    await w.text("https://x.example/l.md");
    expect(await w.text("https://x.example/l.md")).toBe(PAGE);
    expect(w.requests[1]!.headers["if-modified-since"]).toBe(stamp);
  });

  it("makes no request within --max-age", async () => {
    const w = world({ "https://x.example/l.md": { status: 200, body: PAGE } });
    await w.text("https://x.example/l.md");
    w.deps.maxAgeMs = 60_000;
    expect(await w.text("https://x.example/l.md")).toBe(PAGE);
    expect(w.requests).toHaveLength(1);
  });

  it("takes a changed page (200 after a copy) and replaces the copy", async () => {
    let version = 1;
    const w = world({ "https://x.example/l.md": () => ({ status: 200, body: `# v${version}\n` }) });
    expect(await w.text("https://x.example/l.md")).toBe("# v1\n");
    version = 2;
    expect(await w.text("https://x.example/l.md")).toBe("# v2\n");
    expect(Buffer.from(w.copies.get("https://x.example/l.md")!.bytes).toString()).toBe("# v2\n");
  });

  it("a repository's README: the next name after a 404; relative links resolve on GitHub's pages", async () => {
    const w = world({ "https://raw.githubusercontent.com/o/r/HEAD/readme.md": { status: 200, body: PAGE } });
    const page = await loadRemote("https://github.com/o/r#readme", w.deps);
    expect(w.requests.map((r) => r.url)).toEqual(["https://raw.githubusercontent.com/o/r/HEAD/README.md", "https://raw.githubusercontent.com/o/r/HEAD/readme.md"]);
    expect(page.source).toBe("https://github.com/o/r");
    expect(page.base).toBe("https://github.com/o/r/blob/HEAD/");
  });

  it("404 everywhere is a clear error naming the page", async () => {
    const w = world({});
    await expect(loadRemote("https://x.example/none.md", w.deps)).rejects.toThrow(/^https:\/\/x\.example\/none\.md: was not found \(HTTP 404\)$/);
    expect(await said(loadRemote("github:o/none", w.deps))).toMatch(/was not found \(HTTP 404\) \(check the address; for a repository, that it has a README\)$/);
  });

  it.each([
    ["by its type", { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: "# looks like markdown" }],
    ["by how it starts", { status: 200, headers: { "content-type": "text/plain" }, body: "\n  <!DOCTYPE html><html><body>hi</body></html>" }],
  ])("a web page is not markdown (%s)", async (_how, answer) => {
    const w = world({ "https://x.example/page": answer });
    await expect(loadRemote("https://x.example/page", w.deps)).rejects.toThrow("this is a web page, not markdown");
    expect(w.copies.size).toBe(0);
  });

  it("a body over the size limit is the size error, and is not kept", async () => {
    const w = world({ "https://x.example/big.md": { status: 200, body: "x".repeat(5000) } });
    expect(await said(loadRemote("https://x.example/big.md", w.deps))).toMatch(/is larger than the 1 KB a page may have \(set ICP_LINKS_MAX_SIZE/);
    expect(w.copies.size).toBe(0);
  });

  it("follows redirects, and resolves relative links against the URL that answered", async () => {
    const w = world({
      "https://x.example/old.md": { status: 301, headers: { location: "/new/list.md" } },
      "https://x.example/new/list.md": { status: 200, body: PAGE },
    });
    const page = await loadRemote("https://x.example/old.md", w.deps);
    expect(page.base).toBe("https://x.example/new/list.md");
    expect(page.source).toBe("https://x.example/old.md");
  });

  it.each([
    ["file:///etc/passwd", /redirects to a file: address; only http and https are followed/],
    ["javascript:alert(1)", /redirects to a javascript: address/],
  ])("refuses a redirect to %s", async (location, message) => {
    const w = world({ "https://x.example/l.md": { status: 302, headers: { location } } });
    await expect(loadRemote("https://x.example/l.md", w.deps)).rejects.toThrow(message);
  });

  it(`follows at most ${MAX_REDIRECTS} redirects`, async () => {
    const routes: Record<string, Answer> = {};
    for (let i = 0; i <= MAX_REDIRECTS + 1; i++) routes[`https://x.example/${i}`] = { status: 307, headers: { location: `/${i + 1}` } };
    const w = world(routes);
    await expect(loadRemote("https://x.example/0", w.deps)).rejects.toThrow(`redirects more than ${MAX_REDIRECTS} times`);
    expect(w.requests).toHaveLength(MAX_REDIRECTS + 1);
  });

  it("offline with a copy: the copy, and a note that gives its age", async () => {
    let offline = false;
    const w = world({ "https://x.example/l.md": () => (offline ? new NetworkError("dns", "name not resolved") : { status: 200, body: PAGE }) });
    await w.text("https://x.example/l.md");
    offline = true;
    w.deps.now = () => 1_000_000 + 3 * 3_600_000 + 5_000;
    expect(await w.text("https://x.example/l.md")).toBe(PAGE);
    expect(w.notes).toEqual(["icp-links: https://x.example/l.md: cannot reach it (name not resolved); using the copy from 3 hours ago\n"]);
  });

  it("a server error with a copy: the copy, with a note", async () => {
    let down = false;
    const w = world({ "https://x.example/l.md": () => (down ? { status: 503, statusText: "Service Unavailable" } : { status: 200, body: PAGE }) });
    await w.text("https://x.example/l.md");
    down = true;
    expect(await w.text("https://x.example/l.md")).toBe(PAGE);
    expect(w.notes[0]).toMatch(/the server answered HTTP 503 Service Unavailable; using the copy from less than a minute ago/);
  });

  it("offline without a copy: a clear error", async () => {
    const w = world({ "https://x.example/l.md": new NetworkError("refused", "connection refused") });
    await expect(loadRemote("https://x.example/l.md", w.deps)).rejects.toThrow("https://x.example/l.md: cannot be fetched (connection refused)");
  });

  it("without a store (--no-cache) nothing is kept and nothing conditional is asked", async () => {
    const w = world({ "https://x.example/l.md": { status: 200, headers: { etag: '"v1"' }, body: PAGE } });
    delete w.deps.store;
    await w.text("https://x.example/l.md");
    await w.text("https://x.example/l.md");
    expect(w.requests.map((r) => r.headers)).toEqual([{}, {}]);
  });

  it("sanitises the reason phrase a server sends before it reaches a message", async () => {
    const w = world({ "https://x.example/l.md": { status: 500, statusText: "Oops\u001b]8;;evil\u0007\u009b2J" } });
    const error = await loadRemote("https://x.example/l.md", w.deps).catch((e: Error) => e);
    expect(String((error as Error).message)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe("helpers", () => {
  it.each([
    [0, "less than a minute ago"],
    [61_000, "1 minute ago"],
    [2 * 3_600_000, "2 hours ago"],
    [3 * 86_400_000 + 5, "3 days ago"],
  ])("ageText(%d) = %s", (ms, text) => expect(ageText(ms)).toBe(text));

  it.each([
    [undefined, "# Title", false],
    ["text/markdown", "# Title", false],
    ["application/xhtml+xml", "", true],
    [undefined, "\uFEFF<html lang=en>", true],
    ["text/plain", "<p>not a page start</p>", false],
    // Recognised behind what may come before the first tag (#22).
    ["text/plain", "<!-- generated -->\n<!DOCTYPE html><html>", true],
    ["text/plain", "\uFEFF  <!doctype html>", true],
    ["text/plain", "<head><title>x</title>", true],
    ["text/plain", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">', true],
    ["text/plain", "<!-- a --><!-- b -->\n<html>", true],
    ["text/markdown", "<!-- a comment -->\n# Title", false],
    ["text/markdown", "<?xml version=\"1.0\"?><rss>", false],
  ])("isWebPage(%j, %j) = %s", (type, body, page) => expect(isWebPage(type, Buffer.from(body))).toBe(page));
});

describe("one deadline per page read (#22)", () => {
  /** A server whose every answer takes `takes` ms of the injected clock. */
  function slow(routes: Record<string, Answer>, takes: number) {
    let clock = 1_000_000;
    const requests: PageRequest[] = [];
    const deps: RemoteDeps = {
      fetch: async (request) => {
        requests.push(request);
        clock += takes;
        const answer = routes[request.url] ?? { status: 404 };
        if (answer instanceof NetworkError) throw answer;
        return response(answer, request.maxBytes);
      },
      now: () => clock,
      maxBytes: 1024,
      timeoutMs: 30_000,
      maxAgeMs: 0,
      note: () => undefined,
    };
    return { deps, requests };
  }

  it("redirects share the 30 s: each request gets what is left, and none is sent after it", async () => {
    const w = slow({ "https://x.example/a.md": { status: 301, headers: { location: "/b.md" } }, "https://x.example/b.md": { status: 301, headers: { location: "/c.md" } }, "https://x.example/c.md": { status: 301, headers: { location: "/d.md" } }, "https://x.example/d.md": { status: 200, body: PAGE } }, 12_000);
    expect(await said(loadRemote("https://x.example/a.md", w.deps))).toMatch(/cannot be fetched \(timed out after 30 s\)/);
    expect(w.requests.map((r) => [r.url, r.timeoutMs])).toEqual([
      ["https://x.example/a.md", 30_000],
      ["https://x.example/b.md", 18_000],
      ["https://x.example/c.md", 6_000],
    ]);
  });

  it("a github: README shares it across every file name it tries", async () => {
    const w = slow({}, 11_000);
    expect(await said(loadRemote("github:o/r", w.deps))).toMatch(/cannot be fetched \(timed out after 30 s\)/);
    expect(w.requests.map((r) => r.timeoutMs)).toEqual([30_000, 19_000, 8_000]);
  });

  it("a request that runs out of what is left says the page's limit, not its own", async () => {
    const w = slow({ "https://x.example/a.md": { status: 301, headers: { location: "/b.md" } }, "https://x.example/b.md": new NetworkError("timeout", "timed out after 20 s") }, 10_000);
    expect(await said(loadRemote("https://x.example/a.md", w.deps))).toMatch(/cannot be fetched \(timed out after 30 s\)/);
  });
});

describe("validators (#22)", () => {
  const saved = (etag: string, lastModified?: string): SavedPage => ({ source: "https://x.example/l.md", url: "https://x.example/l.md", etag, ...(lastModified ? { lastModified } : {}), fetchedAt: 0, bytes: Buffer.from("# Old\n") });

  it("an ETag of bytes 0x80-0xFF is sent back as it was stored", async () => {
    const w = world({ "https://x.example/l.md": { status: 304 } });
    w.copies.set("https://x.example/l.md", saved('"a\u00e9\u0080\u00ff"'));
    expect(await w.text("https://x.example/l.md")).toBe("# Old\n");
    expect(w.requests[0]!.headers).toEqual({ "if-none-match": '"a\u00e9\u0080\u00ff"' });
  });

  it.each([["past U+00FF", '"\u0100"'], ["a line break", '"a\r\nX-Evil: 1"'], ["empty", " "]])("a validator no header can carry (%s) is left out: the page is asked for anew, and the new copy kept", async (_name, etag) => {
    const w = world({ "https://x.example/l.md": { status: 200, headers: { etag: '"v2"' }, body: PAGE } });
    w.copies.set("https://x.example/l.md", saved(etag, "Wed, 21 Oct 2015 07:28:00 GMT\n"));
    expect(await w.text("https://x.example/l.md")).toBe(PAGE);
    expect(w.requests[0]!.headers).toEqual({});
    expect(w.copies.get("https://x.example/l.md")!.etag).toBe('"v2"');
  });
});
