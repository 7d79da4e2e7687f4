// A server on 127.0.0.1 whose pages carry their metadata the way the real sites do, for enrich
// (#27): a YouTube-like watch page (OpenGraph in the head, schema.org microdata in the body), a
// JSON-LD VideoObject page, a Medium-like article (JSON-LD, article:published_time, a
// twitter:label1 reading time), a Discourse-like forum topic (microdata DiscussionForumPosting),
// a plain page, a page with an oEmbed link whose answer has the duration (Vimeo's form), a
// consent redirect, a Cloudflare-like challenge, a PDF, a head that never ends, hostile titles,
// and a page with an ETag. It records every request.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenLocally } from "./server";

export interface LinkPagesServer {
  base: string;
  /** Every request seen: method, path with query, and the conditional headers it carried. */
  requests: { method: string; url: string; ifNoneMatch?: string }[];
  /** Bytes the never-ending head sent before the client went away. */
  endlessBytes: number;
  /** A talk of the mirror of the bundled page: video id → [seconds, upload date, channel]. */
  close(): Promise<void>;
}

/** A YouTube watch page as its HTML carries the facts: OpenGraph in the head, microdata in the body, far down. */
export function watchPage(title: string, seconds: number, uploaded: string, channel = "DFINITY"): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `<!DOCTYPE html><html style="font-size: 10px;font-family: Roboto, Arial, sans-serif;" lang="en"><head>
<meta http-equiv="origin-trial" content="AAAA"><script nonce="x">var ytcfg={};</script>
<title>${title} - YouTube</title><meta name="title" content="${title}">
<meta name="description" content="A talk of the Inside the Internet Computer series.">
<link rel="alternate" type="application/json+oembed" href="/oembed?format=json&amp;url=${encodeURIComponent(`https://www.youtube.com/watch?v=${title}`)}" title="${title}">
<meta property="og:site_name" content="YouTube"><meta property="og:title" content="${title}"><meta property="og:type" content="video.other">
<meta property="og:description" content="A talk of the Inside the Internet Computer series.">
</head><body dir="ltr"><div id="watch7-content" class="watch-main-col" itemscope itemid="" itemtype="http://schema.org/VideoObject">
<link itemprop="url" href="https://www.youtube.com/watch?v=x"><meta itemprop="name" content="${title}">
<meta itemprop="description" content="A talk of the Inside the Internet Computer series.">
<meta itemprop="duration" content="PT${m}M${s}S"><meta itemprop="identifier" content="x">
<span itemprop="author" itemscope itemtype="http://schema.org/Person"><link itemprop="url" href="http://www.youtube.com/@dfinity"><link itemprop="name" content="${channel}"></span>
<meta itemprop="uploadDate" content="${uploaded}T09:00:12-07:00"><meta itemprop="datePublished" content="${uploaded}T09:00:12-07:00">
<meta itemprop="genre" content="Science &amp; Technology"></div>${"<div>filler</div>".repeat(200)}</body></html>`;
}

const PAGES: Record<string, (q: IncomingMessage, s: ServerResponse, server: LinkPagesServer) => void> = {
  "/video-ld": (_q, s) =>
    html(s, `<html><head><title>Rust at scale | Conf</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"VideoObject","name":"Rust at scale","description":"How a team moved to Rust.","duration":"PT1H2M3S","uploadDate":"2019-05-04","author":{"@type":"Organization","name":"Conf Channel"}}</script></head><body></body></html>`),
  "/article": (_q, s) =>
    html(s, `<html><head><title>Achieving Consensus | by DFINITY | Medium</title>
<meta data-rh="true" name="description" content="The consensus protocol of the Internet Computer, explained.">
<meta data-rh="true" property="og:type" content="article"><meta data-rh="true" property="og:title" content="Achieving Consensus on the Internet Computer">
<meta data-rh="true" property="article:published_time" content="2021-04-12T17:03:51.123Z"><meta data-rh="true" name="author" content="DFINITY">
<meta data-rh="true" property="article:author" content="https://medium.com/@dfinity">
<meta data-rh="true" name="twitter:label1" content="Reading time"><meta data-rh="true" name="twitter:data1" content="7 min read">
<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","headline":"Achieving Consensus on the Internet Computer","datePublished":"2021-04-12T17:03:51.123Z","author":{"@type":"Person","name":"Manu Drijvers"},"publisher":{"@type":"Organization","name":"DFINITY"}}</script>
</head><body><article>text</article></body></html>`),
  "/t/threshold-ecdsa/123": (_q, s) =>
    html(s, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Threshold ECDSA signatures - Roadmap - Internet Computer Developer Forum</title>
<meta name="description" content="Summary: threshold ECDSA lets canisters sign.">
<meta property="og:site_name" content="Internet Computer Developer Forum"><meta property="og:type" content="website">
<meta property="og:title" content="Threshold ECDSA signatures"><meta property="og:description" content="Summary: threshold ECDSA lets canisters sign.">
<meta property="article:published_time" content="2021-06-08T17:45:53+00:00">
</head><body><div id="main-outlet" class="wrap" role="main">
<div itemscope itemtype="http://schema.org/DiscussionForumPosting"><meta itemprop="headline" content="Threshold ECDSA signatures">
<div itemprop="author" itemscope itemtype="http://schema.org/Person"><meta itemprop="name" content="dieter.sommer"><link itemprop="url" href="https://forum.dfinity.org/u/dieter.sommer"><span class="creator"><a href="/u/dieter.sommer"><span itemprop="name">dieter.sommer</span></a></span></div>
<span class="crawler-post-infos"><time itemprop="datePublished" datetime="2021-06-08T17:45:53Z" class="post-time">June 8, 2021</time></span>
<div class="post" itemprop="text"><p>Summary</p></div></div></div></body></html>`),
  "/plain": (_q, s) => html(s, `<html><head><title>How it works</title><meta name="description" content="The Internet Computer, explained for everyone."></head><body><p>hi</p></body></html>`),
  "/vimeo-like": (q, s) => html(s, `<html><head><title>A Vimeo talk</title><link rel="alternate" href="/oembed-vimeo?url=${encodeURIComponent(`http://${q.headers.host}/vimeo-like`)}" type="application/json+oembed" title="A Vimeo talk"><meta property="og:type" content="video.other"></head><body></body></html>`),
  "/oembed-vimeo": (_q, s) => s.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ type: "video", version: "1.0", provider_name: "Vimeo", title: "A Vimeo talk", author_name: "Strange Loop", duration: 2412, upload_date: "2013-09-20 11:02:03", description: "A talk from Strange Loop." })),
  "/oembed": (q, s) => {
    const url = new URL(q.url!, "http://x").searchParams.get("url") ?? "";
    s.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ title: `oEmbed of ${url.split("v=")[1] ?? url}`, author_name: "DFINITY", type: "video", provider_name: "YouTube", version: "1.0" }));
  },
  "/consent": (_q, s) => s.writeHead(302, { location: "https://consent.youtube.com/ml?continue=https://www.youtube.com/watch%3Fv%3Dx&gl=DE&hl=de" }).end(),
  "/challenge": (_q, s) => s.writeHead(403, { "content-type": "text/html; charset=UTF-8", "cf-mitigated": "challenge" }).end(`<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta name="description" content="not the page"></head><body><div id="cf-chl-widget"></div><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script></body></html>`),
  "/paper.pdf": (_q, s) => s.writeHead(200, { "content-type": "application/pdf" }).end(`%PDF-1.7\n${"x".repeat(100_000)}`),
  "/endless": (_q, s, server) => {
    s.writeHead(200, { "content-type": "text/html" });
    s.write("<html><head><title>An endless head</title>");
    const chunk = Buffer.from(`<meta name="x" content="${"y".repeat(1000)}">`.repeat(64));
    let stopped = false;
    s.on("close", () => (stopped = true));
    const pump = () => {
      while (!stopped && server.endlessBytes < 64 * 1024 * 1024) {
        server.endlessBytes += chunk.length;
        if (!s.write(chunk)) return void s.once("drain", pump);
      }
      s.end();
    };
    pump();
  },
  "/hostile": (_q, s) =>
    html(s, `<html><head><title>\u001b]8;;https://evil.example\u0007Click\u001b]8;;\u0007 \u001b[2Jhere\u202e</title><meta name="description" content="desc \u009b31m red \u2066hidden\u2069"><meta property="og:type" content="article"><meta name="author" content="Eve\u001b[1m Bold"><meta property="article:published_time" content="2020-02-02"></head></html>`),
  "/etag": (q, s) => {
    if (q.headers["if-none-match"] === '"v1"') return void s.writeHead(304, { etag: '"v1"' }).end();
    html(s, `<html><head><title>Tagged page</title><meta name="description" content="Has an ETag."></head></html>`, { etag: '"v1"', "last-modified": "Tue, 01 Jun 2021 10:00:00 GMT" });
  },
  "/gone": (_q, s) => s.writeHead(404, { "content-type": "text/html" }).end("<title>Not found</title>"),
};

function html(s: ServerResponse, body: string, headers: Record<string, string> = {}): void {
  s.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(body);
}

/** The mirror of the bundled page's 15 talks: video id → [title, seconds, upload date]. */
export const MIRROR_TALKS: Record<string, [string, number, string]> = {
  "UHA7W-8My_I": ["Execution", 1694, "2021-06-02"],
  FJE1s8ZkUyg: ["Ingress Message Lifecycle", 1187, "2021-06-09"],
  WaNJINjGleg: ["State Synchronization", 1392, "2021-06-16"],
  mZbFhRIHIiY: ["Certified Variables", 1571, "2021-06-23"],
  vGmlfLW3scA: ["Bootstrapping", 1288, "2021-06-30"],
  c5nv6vIG3OQ: ["Canister Lifecycle", 1805, "2021-07-07"],
  YexfeByBXlo: ["Message Routing", 1734, "2021-07-14"],
  H7HCqonSMFU: ["Resumption", 1083, "2021-07-21"],
  mPjiO2bk2lI: ["Upgrades", 1326, "2021-07-28"],
  HOQb0lKIy9I: ["Peer-to-Peer (P2P)", 1912, "2021-08-04"],
  "9eUTcCP_ELM": ["Identity and Authentication on the Internet Computer", 2231, "2021-08-11"],
  "gKUi-2T7tdc": ["Non-interactive Distributed Key Generation and Key Resharing", 2702, "2021-08-18"],
  hWnsluxmRqc: ["Network Nervous System (NNS)", 1629, "2021-08-25"],
  vUcDRFC09J0: ["Chain Key Cryptography", 2088, "2021-09-01"],
  vVLRRYh3JYo: ["Consensus Overview", 1475, "2021-09-08"],
  MulbKPwv6_s: ["Threshold ECDSA Signing", 3310, "2021-10-13"],
};

export async function startLinkPages(): Promise<LinkPagesServer> {
  const state: LinkPagesServer = { base: "", requests: [], endlessBytes: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const h = req.headers["if-none-match"];
    state.requests.push({ method: req.method ?? "", url, ...(typeof h === "string" && { ifNoneMatch: h }) });
    const path = url.split("?")[0]!;
    if (path === "/watch") {
      const talk = MIRROR_TALKS[new URL(url, "http://x").searchParams.get("v") ?? ""];
      if (talk) return html(res, watchPage(talk[0], talk[1], talk[2]));
    }
    (PAGES[path] ?? ((_q, s) => s.writeHead(404).end()))(req, res, state);
  });
  Object.assign(state, await listenLocally(server));
  return state;
}
