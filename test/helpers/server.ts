// A real HTTP server on 127.0.0.1 for the `check` tests (#5): one route per situation a link
// checker meets. It records what it saw: requests per path, concurrency, bytes sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestServer {
  base: string;
  /** Requests seen per path, with method and time. */
  hits: Map<string, { method: string; at: number }[]>;
  /** The most requests in flight at once. */
  maxInFlight: number;
  /** Bytes of the 1 GB body actually sent before the client went away. */
  hugeBytesSent: number;
  close(): Promise<void>;
}

const GB = 1024 ** 3;

export async function startServer(): Promise<TestServer> {
  let inFlight = 0;
  const state: TestServer = { base: "", hits: new Map(), maxInFlight: 0, hugeBytesSent: 0, close: async () => undefined };
  const count = (path: string) => state.hits.get(path)?.length ?? 0;

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    "/ok": (_q, s) => s.end("ok"),
    // Pages with titles, for `add` without --title (#17).
    "/titled": (_q, s) => s.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end('<html><head><title>Site | A talk</title><meta property="og:title" content="A talk &amp; its slides"></head></html>'),
    "/title-escapes": (_q, s) => s.writeHead(200, { "content-type": "text/html" }).end("<title>\u001b]8;;https://evil.example\u0007Safe\u001b[2J title\u202e</title>"),
    "/title-redirect": (_q, s) => s.writeHead(301, { location: "/titled" }).end(),
    "/untitled": (_q, s) => s.writeHead(200, { "content-type": "text/html" }).end("<p>no title</p>"),
    "/pdf": (_q, s) => s.writeHead(200, { "content-type": "application/pdf" }).end("%PDF"),
    // Permanent moves, for `check --fix` (#17).
    "/moved-dead": (_q, s) => s.writeHead(301, { location: "/404" }).end(),
    "/moved-temp": (_q, s) => s.writeHead(308, { location: "/temp" }).end(),
    "/perm": (_q, s) => s.writeHead(301, { location: "/perm2" }).end(),
    "/perm2": (_q, s) => s.writeHead(308, { location: "/ok" }).end(),
    "/temp": (_q, s) => s.writeHead(302, { location: "/ok" }).end(),
    "/loop": (_q, s) => s.writeHead(302, { location: "/loop2" }).end(),
    "/loop2": (_q, s) => s.writeHead(302, { location: "/loop" }).end(),
    "/404": (_q, s) => s.writeHead(404).end("not found"),
    "/410": (_q, s) => s.writeHead(410).end("gone"),
    "/flaky": (_q, s) => (count("/flaky") === 1 ? s.writeHead(500).end() : s.end("ok")),
    "/down": (_q, s) => s.writeHead(503).end(),
    "/ratelimited": (_q, s) => (count("/ratelimited") === 1 ? s.writeHead(429, { "retry-after": "1" }).end() : s.end("ok")),
    "/nohead": (q, s) => (q.method === "HEAD" ? s.writeHead(405).end() : s.end("ok")),
    // Slow enough that two runs started together are both still checking when the first saves (#12).
    "/delay": (_q, s) => void setTimeout(() => s.end("ok"), 800),
    // A reason phrase with C1 controls (U+009B is a CSI on many terminals) (#12).
    // Written raw: node:http refuses to send such a phrase, but a hostile server does.
    "/hostile-reason": (q) => {
      q.socket.end(Buffer.from("HTTP/1.1 404 Gone\x9b2J\x9d0;pwned \xe2\x80\xaeevil\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", "latin1"));
    },
    // Answers 401 to a request that carries credentials, 200 otherwise (#12).
    "/auth": (q, s) => (q.headers.authorization ? s.writeHead(401).end() : s.end("ok")),
    "/challenge": (_q, s) => s.writeHead(403, { "content-type": "text/html" }).end("<html><title>Just a moment...</title><div id=cf-chl-widget></div></html>"),
    "/slow": (_q, s) => {
      const t = setTimeout(() => s.end("late"), 4000);
      s.on("close", () => clearTimeout(t));
    },
    "/reset": (q) => {
      // Half a status line, then the connection drops.
      q.socket.write("HTTP/1.1 200 OK\r\nContent-Le");
      q.socket.destroy();
    },
    "/huge": (q, s) => {
      if (q.method === "HEAD") return s.writeHead(405).end();
      s.writeHead(200, { "content-type": "text/html", "content-length": String(GB) });
      sendHuge(s, Buffer.alloc(64 * 1024, 97), (n) => (state.hugeBytesSent += n));
    },
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const list = state.hits.get(path) ?? [];
    list.push({ method: req.method ?? "", at: Date.now() });
    state.hits.set(path, list);
    // A huge body is abandoned by the client mid-stream, and the server learns of it only when the
    // connection closes, which can be after the client has started its next request: counting it
    // would measure that delay, not the client's limit (tested exactly on a fake clock in
    // test/check/runner.test.ts). Every other request counts until its response is sent or closed.
    const counted = path !== "/huge";
    if (counted) {
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    }
    let done = !counted;
    const finish = () => {
      if (!done) inFlight--;
      done = true;
    };
    res.on("finish", finish);
    res.on("close", finish);
    // Each request takes a little while, so that concurrency can show.
    setTimeout(() => (routes[path] ?? ((_q, s) => s.writeHead(404).end()))(req, res), 30);
  });
  Object.assign(state, await listenLocally(server));
  return state;
}

/**
 * Writes `chunk` until 1 GB is sent or the client goes away, as fast as the client reads:
 * `sent` counts what left, so a test can tell that a client stopped reading early.
 */
export function sendHuge(res: ServerResponse, chunk: Buffer, sent: (bytes: number) => number): void {
  let total = 0;
  const pump = () => {
    while (total < GB) {
      total = sent(chunk.length);
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => res.removeAllListeners("drain"));
  pump();
}

/** Starts `server` on 127.0.0.1 only, on a free port: its base URL, and how to stop it. */
export async function listenLocally(server: Server): Promise<{ base: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
