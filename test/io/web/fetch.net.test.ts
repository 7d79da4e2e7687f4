// The real HTTP client and store of remote pages against a server on 127.0.0.1 (#18).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chmodSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startPageServer, LIST, type PageServer } from "../../helpers/page-server";
import { webFetcher } from "../../../src/io/web/fetch";
import { webStore } from "../../../src/io/web/store";
import { loadRemote, type RemoteDeps } from "../../../src/web/remote";
import { tempDir } from "../../helpers/temp";

let server: PageServer;
beforeAll(async () => void (server = await startPageServer()));
afterAll(async () => server.close());

function deps(dir = tempDir("icp-web-"), overrides: Partial<RemoteDeps> = {}): RemoteDeps & { notes: string[]; dir: string } {
  const notes: string[] = [];
  return {
    fetch: webFetcher("icp-links/test"),
    store: webStore({ dir: join(dir, "web"), uid: process.getuid?.(), maxBytes: 1 << 20 }),
    now: () => Date.now(),
    maxBytes: 1 << 20,
    timeoutMs: 5000,
    maxAgeMs: 0,
    hosts: { githubRaw: server.base, githubWeb: "https://github.com" },
    note: (t) => void notes.push(t),
    notes,
    dir,
    ...overrides,
  };
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString();
const seen = (path: string) => server.requests.filter((r) => r.path === path);

describe("remote pages over HTTP", () => {
  it("200 with an ETag, then a 304 that reuses the copy kept in a 0600 file of a 0700 folder", async () => {
    const d = deps();
    expect(text((await loadRemote(`${server.base}/list.md`, d)).bytes)).toBe(LIST);
    expect(text((await loadRemote(`${server.base}/list.md`, d)).bytes)).toBe(LIST);
    const asked = seen("/list.md").slice(-2);
    expect(asked[0]!.headers["if-none-match"]).toBeUndefined();
    expect(asked[1]!.headers["if-none-match"]).toBe('"v1"');
    const folder = join(d.dir, "web");
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const [file] = readdirSync(folder);
    expect(statSync(join(folder, file!)).mode & 0o777).toBe(0o600);
  });

  it("Last-Modified, then If-Modified-Since", async () => {
    const d = deps();
    await loadRemote(`${server.base}/dated.md`, d);
    await loadRemote(`${server.base}/dated.md`, d);
    expect(seen("/dated.md").at(-1)!.headers["if-modified-since"]).toBe("Wed, 21 Oct 2026 07:28:00 GMT");
  });

  it("a GitHub-style repository address, mapped to this server", async () => {
    const page = await loadRemote("github:o/r", deps());
    expect(text(page.bytes)).toBe(LIST);
    expect(page.base).toBe("https://github.com/o/r/blob/HEAD/");
  });

  it("404, a web page and a redirect to file: are clear errors", async () => {
    await expect(loadRemote(`${server.base}/nothing.md`, deps())).rejects.toThrow("was not found (HTTP 404 Not Found)");
    await expect(loadRemote(`${server.base}/page.html`, deps())).rejects.toThrow("this is a web page, not markdown");
    await expect(loadRemote(`${server.base}/to-file`, deps())).rejects.toThrow("redirects to a file: address; only http and https are followed");
  });

  it("a slow body ends with a timeout", async () => {
    const started = Date.now();
    await expect(loadRemote(`${server.base}/slow.md`, deps(undefined, { timeoutMs: 300 }))).rejects.toThrow("cannot be fetched (timed out after 0.3 s)");
    expect(Date.now() - started).toBeLessThan(3500);
  });

  it("a huge body stops at the size limit: the error, and little more than the limit downloaded", async () => {
    await expect(loadRemote(`${server.base}/huge.md`, deps())).rejects.toThrow("is larger than the 1 MB a page may have");
    // The connection is dropped once the limit is passed; socket buffers hold a few MB at most.
    expect(server.hugeBytesSent).toBeLessThan(64 * 1024 * 1024);
  });

  it("the server gone: the last copy, with its age on stderr", async () => {
    const other = await startPageServer();
    const d = deps();
    await loadRemote(`${other.base}/list.md`, d);
    await other.close();
    expect(text((await loadRemote(`${other.base}/list.md`, d)).bytes)).toBe(LIST);
    expect(d.notes.join("")).toMatch(/cannot reach it \(connection refused\); using the copy from less than a minute ago/);
  });

  it("a copy others may write to is not trusted", async () => {
    const d = deps();
    await loadRemote(`${server.base}/list.md`, d);
    const folder = join(d.dir, "web");
    const file = join(folder, readdirSync(folder)[0]!);
    chmodSync(file, 0o666);
    expect(d.store!.get(`${server.base}/list.md`)).toBeUndefined();
    chmodSync(file, 0o600);
    expect(d.store!.get(`${server.base}/list.md`)).toBeDefined();
    // A cut copy is no copy.
    writeFileSync(file, '{"v":1,"source":"x","url":"x","fetchedAt":1,"size":999}\nshort', { mode: 0o600 });
    expect(d.store!.get(`${server.base}/list.md`)).toBeUndefined();
  });
});

describe("an ETag of bytes 0x80-0xFF (#22)", () => {
  it("is sent back byte for byte, through the store, by the real client", async () => {
    const { createServer } = await import("node:net");
    const etag = Buffer.concat([Buffer.from('"a'), Buffer.from([0xe9, 0x80, 0xff]), Buffer.from('"')]);
    const validators: Buffer[] = [];
    const raw = createServer((socket) => {
      socket.once("data", (request: Buffer) => {
        const line = request.toString("latin1").split("\r\n").find((l) => /^if-none-match:/i.test(l));
        if (line) validators.push(Buffer.from(line.replace(/^if-none-match:\s*/i, ""), "latin1"));
        const head = line ? "HTTP/1.1 304 Not Modified\r\n" : "HTTP/1.1 200 OK\r\nContent-Type: text/markdown\r\nContent-Length: 6\r\n";
        socket.end(Buffer.concat([Buffer.from(head), Buffer.from("ETag: "), etag, Buffer.from("\r\nConnection: close\r\n\r\n"), Buffer.from(line ? "" : "# Hi\n\n")]));
      });
    });
    await new Promise<void>((ready) => raw.listen(0, "127.0.0.1", ready));
    const d = deps();
    try {
      const url = `http://127.0.0.1:${(raw.address() as { port: number }).port}/e.md`;
      expect(text((await loadRemote(url, d)).bytes)).toBe("# Hi\n\n");
      expect(text((await loadRemote(url, d)).bytes)).toBe("# Hi\n\n");
      expect(validators).toEqual([etag]);
      expect(d.notes).toEqual([]);
    } finally {
      raw.close();
      rmSync(d.dir, { recursive: true, force: true });
    }
  });
});
