// enrich (#27), in process against a local server of pages as real sites carry them: what it
// prints, what it stores, how every command sees the facts after (the page's own winning), that
// nothing but enrich and check asks the network, --max-age, --no-cache and --write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryStateStore, runInProcess, type InProcessOptions } from "../helpers/context";
import { markDone, stateKey } from "../../src/state/model";
import { startLinkPages, type LinkPagesServer } from "../helpers/link-pages";
import { fetchClient } from "../../src/io/http";
import { NetworkError, type HttpClient } from "../../src/check/types";
import type { FactsRecord } from "../../src/catalog/link-facts";
import type { EditTarget } from "../../src/io/edit/file";

let server: LinkPagesServer;
let page: string;
/** The ids of the bare links: their host and path. */
let plain: string;
let gone: string;
beforeAll(async () => {
  server = await startLinkPages();
  const b = server.base;
  const port = new URL(b).port;
  plain = `127-0-0-1-${port}-plain`;
  gone = `127-0-0-1-${port}-gone`;
  page = `## Talks

- [Execution / Akhi Singhania](${b}/watch?v=UHA7W-8My_I) [10:00]
- [Ingress Message Lifecycle / Yvonne-Anne Pignolet](${b}/watch?v=FJE1s8ZkUyg)
- [Consensus Overview / Manu Drijvers](${b}/watch?v=vVLRRYh3JYo)
- [Rust at scale](${b}/video-ld)

## Reading

- [Consensus, explained](${b}/article) - The page's own description.
- ${b}/plain
- ${b}/gone
- [Threshold ECDSA](${b}/t/threshold-ecdsa/123)
- [A paper](${b}/paper.pdf)
- [Walled](${b}/challenge)
`;
});
afterAll(() => server.close());

/** The real client, counting the requests it sends. */
function counting(): { http: HttpClient; count: () => number } {
  const real = fetchClient("icp-links-test");
  let n = 0;
  return { http: (request) => (n++, real(request)), count: () => n };
}

async function enriched(extra: InProcessOptions = {}): Promise<Map<string, FactsRecord>> {
  const facts = extra.facts ?? new Map<string, FactsRecord>();
  const r = await runInProcess(["enrich", "--interval", "0", "--retries", "0"], page, { http: fetchClient("t"), ...extra, facts });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return facts;
}

describe("enrich", () => {
  it("reads every http(s) link: a line per link, then the counts", async () => {
    const facts = new Map<string, FactsRecord>();
    const r = await runInProcess(["enrich", "--interval", "0", "--retries", "0"], page, { http: fetchClient("t"), facts });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      "enriched  execution  28:14 · 2021-06-02 · DFINITY",
      "enriched  ingress-message-lifecycle  19:47 · 2021-06-09 · DFINITY",
      "enriched  consensus-overview  24:35 · 2021-09-08 · DFINITY",
      "enriched  rust-at-scale  1:02:03 · 2019-05-04 · Conf Channel",
      "enriched  consensus-explained  7:00 · 2021-04-12 · Manu Drijvers",
      `enriched  ${plain}  `,
      `failed    ${gone}  404 Not Found`,
      "enriched  threshold-ecdsa  2021-06-08 · dieter.sommer",
      "failed    a-paper  not a web page (application/pdf)",
      "blocked   walled  403 Forbidden: a bot-protection challenge",
      "10 links: 7 enriched, 0 unchanged, 1 blocked, 2 failed",
      "",
    ]);
    // Stored: the seven pages read; the PDF and the wall leave nothing.
    expect([...facts.keys()].map((u) => u.slice(server.base.length)).sort()).toEqual(["/article", "/plain", "/t/threshold-ecdsa/123", "/video-ld", "/watch?v=FJE1s8ZkUyg", "/watch?v=UHA7W-8My_I", "/watch?v=vVLRRYh3JYo"]);
    expect(facts.get(`${server.base}/watch?v=UHA7W-8My_I`)).toMatchObject({ readAt: "2026-11-23T12:00:00.000Z", state: "ok", facts: { duration: 1694, published: "2021-06-02", channel: "DFINITY" } });
  });

  it("--json: one result per link with its facts", async () => {
    const r = await runInProcess(["enrich", "--json", "--interval", "0", "--retries", "0", "consensus-explained"], page, { http: fetchClient("t") });
    expect(JSON.parse(r.stdout)).toEqual([
      {
        id: "consensus-explained", title: "Consensus, explained", url: `${server.base}/article`, state: "enriched", reason: "read", reused: false,
        facts: { title: "Achieving Consensus on the Internet Computer", description: "The consensus protocol of the Internet Computer, explained.", duration: 420, published: "2021-04-12", authors: ["Manu Drijvers"], channel: null, type: "article" },
      },
    ]);
  });

  it("the page's own facts win; the link's fill the gaps, and --json says where each came from", async () => {
    const facts = await enriched();
    const list = JSON.parse((await runInProcess(["list", "--json"], page, { facts })).stdout) as Record<string, unknown>[];
    const byId = new Map(list.map((e) => [e.id, e]));
    // The page says [10:00]: it stays; the year is the link's.
    expect(byId.get("execution")).toMatchObject({ duration: 600, year: 2021, published: "2021-06-02", channel: "DFINITY", speakers: ["Akhi Singhania"], from: { year: "link", published: "link", channel: "link", description: "link" } });
    expect(byId.get("ingress-message-lifecycle")).toMatchObject({ duration: 1187, year: 2021, from: { duration: "link", year: "link", published: "link", channel: "link", description: "link" } });
    // An article's description is the page's; its author, date and reading time the link's. Its title stays the page's.
    expect(byId.get("consensus-explained")).toMatchObject({ title: "Consensus, explained", description: "The page's own description.", duration: 420, authors: ["Manu Drijvers"], year: 2021, from: { duration: "link", published: "link", year: "link", authors: "link" } });
    // A bare link gets the page's title instead of its host and path.
    expect(byId.get(plain)).toMatchObject({ title: "How it works", description: "The Internet Computer, explained for everyone.", from: { title: "link", description: "link" } });
    expect(byId.get("threshold-ecdsa")).toMatchObject({ authors: ["dieter.sommer"], published: "2021-06-08", year: 2021 });
    expect(byId.get("a-paper")).toMatchObject({ from: {}, duration: null, year: null, authors: [] });
  });

  it("show marks the facts that came from the link", async () => {
    const facts = await enriched();
    const r = await runInProcess(["show", "ingress-message-lifecycle"], page, { facts, tty: true });
    expect(r.stdout).toContain("length       19:47 (from the link)\n");
    expect(r.stdout).toContain("year         2021 (from the link)\n");
    expect(r.stdout).toContain("channel      DFINITY (from the link)\n");
    const own = await runInProcess(["show", "execution"], page, { facts, tty: true });
    expect(own.stdout).toContain("length       10:00\n");
  });

  it("every filter, sort, facet and search sees them", async () => {
    const facts = await enriched();
    const ids = async (argv: string[]) => (await runInProcess(argv, page, { facts })).stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0]);
    expect(await ids(["list", "--max-length", "20m"])).toEqual(["execution", "ingress-message-lifecycle", "consensus-explained"]);
    expect(await ids(["list", "--year", "2019"])).toEqual(["rust-at-scale"]);
    expect((await ids(["list", "--sort", "length"])).slice(0, 4)).toEqual(["consensus-explained", "execution", "ingress-message-lifecycle", "consensus-overview"]);
    expect(await ids(["search", "everyone"])).toEqual([plain]);
    const years = JSON.parse((await runInProcess(["years", "--json"], page, { facts })).stdout);
    expect(years.map((y: { name: number; count: number }) => [y.name, y.count])).toEqual([[2019, 1], [2021, 5]]);
  });

  it("sections: done of total, the time left and the entries of unknown length; next --fit", async () => {
    const facts = await enriched();
    const json = JSON.parse((await runInProcess(["sections", "--json"], page, { facts })).stdout);
    expect(json.map((s: Record<string, unknown>) => [s.name, s.entries, s.done, s.timeLeft, s.unknownLength])).toEqual([
      ["Talks", 4, 0, 600 + 1187 + 1475 + 3723, 0],
      ["Reading", 6, 0, 420, 5],
    ]);
    const tsv = (await runInProcess(["sections"], page, { facts })).stdout;
    expect(tsv).toBe(`Talks\t4\tTalks\t0\t6985\t0\nReading\t6\tReading\t0\t420\t5\n`);
    const tty = (await runInProcess(["sections"], page, { facts, tty: true })).stdout;
    expect(tty).toBe("0/4  Talks    ░░░░░░░░░░  1:56:25 left\n0/6  Reading  ░░░░░░░░░░  7:00 left + 5 of unknown length\n");
    const next = await runInProcess(["next", "--fit", "20m", "--section", "talks", "--json"], page, { facts });
    expect(JSON.parse(next.stdout)).toMatchObject({ id: "execution", duration: 600 });
    const longer = await runInProcess(["next", "--fit", "20m", "--section", "talks", "--json"], page, { facts, state: doneState(`${server.base}/watch?v=UHA7W-8My_I`) });
    expect(JSON.parse(longer.stdout)).toMatchObject({ id: "ingress-message-lifecycle", duration: 1187 });
    const none = await runInProcess(["next", "--fit", "5m"], page, { facts });
    expect(none).toMatchObject({ code: 1, stderr: "icp-links: no entry not done fits in 5:00 (5 of 10 not done have a known length) (run 'icp-links enrich' to read the lengths of the links)\n" });
    const shown = await runInProcess(["next"], page, { facts, tty: true });
    expect(shown.stdout).toMatch(/\nlength +10:00\n/);
  });

  it("nothing is fetched by any command but enrich and check", async () => {
    const facts = await enriched();
    const { http, count } = counting();
    for (const argv of [["list"], ["list", "--json"], ["search", "consensus"], ["show", "execution"], ["sections"], ["speakers"], ["years"], ["events"], ["next"], ["next", "--fit", "30m"], ["random"], ["export", "--format", "json"], ["list", "--max-length", "30m", "--sort", "length"]]) {
      const r = await runInProcess(argv, page, { facts, http });
      expect(r.code, argv.join(" ")).toBe(0);
    }
    expect(count()).toBe(0);
  });

  it("--max-age reuses the facts read recently: no request", async () => {
    const facts = await enriched();
    const { http, count } = counting();
    const r = await runInProcess(["enrich", "--max-age", "1d", "--interval", "0", "--section", "talks"], page, { facts, http });
    expect(count()).toBe(0);
    expect(r.stdout.split("\n").at(-2)).toBe("4 links: 0 enriched, 4 unchanged, 0 blocked, 0 failed");
  });

  it("offline: exit 3, and what was stored is kept", async () => {
    const facts = await enriched();
    const before = JSON.stringify([...facts]);
    const offline: HttpClient = async () => {
      throw new NetworkError("dns", "name not resolved");
    };
    const r = await runInProcess(["enrich", "--interval", "0", "--retries", "0"], page, { facts, http: offline });
    expect(r).toMatchObject({ code: 3, stdout: "", stderr: "icp-links: offline: no link could be reached; the facts stored before are kept (check the connection, then run enrich again)\n" });
    expect(JSON.stringify([...facts])).toBe(before);
  });

  it("--no-cache: the page alone, nothing read or written", async () => {
    const facts = await enriched();
    const list = JSON.parse((await runInProcess(["list", "--json", "--no-cache"], page, { facts })).stdout) as { id: string; duration: number | null; from: object }[];
    expect(list.find((e) => e.id === "ingress-message-lifecycle")).toMatchObject({ duration: null, from: {} });
  });

  it("--yes without --write is a usage error", async () => {
    const r = await runInProcess(["enrich", "--yes"], page);
    expect(r).toMatchObject({ code: 2, stderr: "icp-links: --yes, --dry-run and --into go with --write (add --write to put the lengths into the page)\n" });
  });
});

describe("enrich --write", () => {
  function target(): { written: string[]; editTarget: (into: string | undefined) => EditTarget } {
    const written: string[] = [];
    return { written, editTarget: () => ({ path: "talks.md", text: page, write: (after) => void written.push(after) }) };
  }

  it("puts the lengths of talks into the page in its own form, after a diff; --no-cache then shows them", async () => {
    const t = target();
    const r = await runInProcess(["enrich", "--write", "--yes", "--interval", "0", "--retries", "0", "--section", "talks"], page, { http: fetchClient("t"), editTarget: t.editTarget });
    expect(r.code).toBe(0);
    expect(t.written).toHaveLength(1);
    const after = t.written[0]!;
    const b = server.base;
    // The page's form is "[10:00]" after the link: the others get the same; the talk that had one keeps it.
    expect(after).toBe(page
      .replace(`(${b}/watch?v=FJE1s8ZkUyg)\n`, `(${b}/watch?v=FJE1s8ZkUyg) [19:47]\n`)
      .replace(`(${b}/watch?v=vVLRRYh3JYo)\n`, `(${b}/watch?v=vVLRRYh3JYo) [24:35]\n`)
      .replace(`(${b}/video-ld)\n`, `(${b}/video-ld) [1:02:03]\n`));
    expect(r.stdout).toContain(`+- [Ingress Message Lifecycle / Yvonne-Anne Pignolet](${b}/watch?v=FJE1s8ZkUyg) [19:47]`);
    expect(r.stdout).toContain(`-- [Ingress Message Lifecycle / Yvonne-Anne Pignolet](${b}/watch?v=FJE1s8ZkUyg)\n`);
    expect(r.stderr).toBe("icp-links: wrote 3 lengths into talks.md\n");
    const list = JSON.parse((await runInProcess(["list", "--json", "--no-cache", "--section", "talks"], after)).stdout) as { id: string; duration: number; speakers: string[] }[];
    expect(list.map((e) => [e.id, e.duration, e.speakers])).toEqual([
      ["execution", 600, ["Akhi Singhania"]],
      ["ingress-message-lifecycle", 1187, ["Yvonne-Anne Pignolet"]],
      ["consensus-overview", 1475, ["Manu Drijvers"]],
      ["rust-at-scale", 3723, []],
    ]);
  });

  it("without --yes and without a terminal: the diff, and nothing written", async () => {
    const t = target();
    const r = await runInProcess(["enrich", "--write", "--interval", "0", "--retries", "0", "ingress-message-lifecycle"], page, { http: fetchClient("t"), editTarget: t.editTarget });
    expect(t.written).toEqual([]);
    expect(r.stdout).toContain("[19:47]");
    expect(r.stderr).toBe("icp-links: nothing written: add --yes to write these changes\n");
  });

  it("asks, and writes on yes", async () => {
    const t = target();
    const asked: string[] = [];
    await runInProcess(["enrich", "--write", "--interval", "0", "--retries", "0", "ingress-message-lifecycle"], page, { http: fetchClient("t"), editTarget: t.editTarget, confirm: async (q) => (asked.push(q), true) });
    expect(asked).toEqual(["Write 1 length to talks.md?"]);
    expect(t.written).toHaveLength(1);
  });
});

function doneState(url: string) {
  return memoryStateStore(new Map([[stateKey(url), markDone({}, "2026-11-01T00:00:00.000Z")]]));
}
