// A web server of markdown pages on 127.0.0.1 for the remote-page tests (#18): one route per
// situation a page loader meets. It records the requests it saw, with their headers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { listenLocally, sendHuge } from "./server";

export interface PageServer {
  base: string;
  requests: { path: string; headers: IncomingMessage["headers"] }[];
  /** Bytes of the endless body sent before the client went away. */
  hugeBytesSent: number;
  close(): Promise<void>;
}

export const LIST = "---\ntitle: Served links\n---\n\n## Talks\n\n- [Consensus / Ada Lovelace](https://talks.example/consensus)\n- [About](/about)\n- [Guide](docs/guide.md)\n";
const MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT";

export async function startPageServer(): Promise<PageServer> {
  const state: PageServer = { base: "", requests: [], hugeBytesSent: 0, close: async () => undefined };
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    "/list.md": (q, s) => (q.headers["if-none-match"] === '"v1"' ? s.writeHead(304).end() : s.writeHead(200, { etag: '"v1"', "content-type": "text/markdown" }).end(LIST)),
    "/dated.md": (q, s) => (q.headers["if-modified-since"] === MODIFIED ? s.writeHead(304).end() : s.writeHead(200, { "last-modified": MODIFIED }).end(LIST)),
    "/page.html": (_q, s) => s.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><html><body><a href='x'>x</a></body></html>"),
    "/to-file": (_q, s) => s.writeHead(302, { location: "file:///etc/passwd" }).end(),
    "/moved.md": (_q, s) => s.writeHead(301, { location: "/list.md" }).end(),
    "/o/r/HEAD/README.md": (_q, s) => s.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(LIST),
    "/lists.md": (_q, s) => s.end(`# Lists\n\n- [Served](${state.base}/list.md) - a list.\n- [Elsewhere](https://www.rust-lang.org/) - a site.\n- [Repo](https://github.com/o/r#readme) - a repository.\n`),
    "/slow.md": (_q, s) => {
      s.writeHead(200, { "content-type": "text/markdown" });
      s.write("# Slow\n");
      const t = setTimeout(() => s.end("- [a](https://a.example/)\n"), 4000);
      s.on("close", () => clearTimeout(t));
    },
    "/huge.md": (_q, s) => {
      s.writeHead(200, { "content-type": "text/markdown" });
      sendHuge(s, Buffer.from("- [a](https://a.example/)\n".repeat(2500)), (n) => (state.hugeBytesSent += n));
    },
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    state.requests.push({ path, headers: req.headers });
    (routes[path] ?? ((_q, s) => s.writeHead(404).end("not found")))(req, res);
  });
  Object.assign(state, await listenLocally(server));
  return state;
}
