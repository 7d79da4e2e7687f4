// list, in process (#15): the TSV of a pipe, the table of a terminal, JSON, filters, sort and
// limit, and bad input. A pipe closed by its reader (list | head) is test/e2e/cli.e2e.test.ts's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { SEED } from "../helpers/pages";

const page = readFileSync(SEED, "utf8");
const ids = (stdout: string) => stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0]);

describe("list", () => {
  it("prints every entry as a tab-separated line in a pipe: id, title, url, speaker, section", async () => {
    const r = await runInProcess(["list"], page);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(26);
    expect(lines[0]).toBe("internet-computer-technology\tInternet Computer Technology\thttps://medium.com/dfinity/https-medium-com-dfinity-technology/home\t\tMedium");
    expect(lines[21]).toBe("consensus-overview\tConsensus Overview\thttps://www.youtube.com/watch?v=vVLRRYh3JYo\tManu Drijvers\tYouTube");
    expect(lines[25]).toBe("roadmap\tRoadmap\t/dfinity-roadmap\t\tIn-site Pages");
    expect(r.stdout).not.toMatch(/\x1b/);
  });

  it.each([
    [["--section", "youtube", "--limit", "3"], ["execution", "ingress-message-lifecycle", "state-synchronization"]],
    [["--speaker", "manu"], ["resumption", "consensus-overview"]],
    [["-p", "Manu Drijvers"], ["resumption", "consensus-overview"]],
    [["--kind", "forum"], ["dev-forum"]],
    [["-k", "article"], ["internet-computer-technology", "achieving-consensus-on-the", "chain-key-cryptography-the"]],
    [["--section", "in-site", "--kind", "site", "--limit", "2"], ["overview", "technology"]],
    [["--tag", "dfinity", "--limit", "1"], ["internet-computer-technology"]],
    [["--speaker", "pignolet", "--sort", "title"], ["ingress-message-lifecycle", "state-synchronization"]],
    [["--section", "medium", "--sort", "title"], ["achieving-consensus-on-the", "chain-key-cryptography-the", "internet-computer-technology"]],
    [["--kind", "site", "--section", "in-site", "-n", "1"], ["overview"]],
  ])("list %j", async (args, expected) => {
    const r = await runInProcess(["list", ...args], page);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(ids(r.stdout)).toEqual(expected);
  });

  it("--section youtube keeps the section's own entries, in page order, not its subsection's", async () => {
    const r = await runInProcess(["list", "--section", "youtube"], page);
    const got = ids(r.stdout);
    expect(got).toHaveLength(15);
    expect(got.slice(0, 2)).toEqual(["execution", "ingress-message-lifecycle"]);
    expect(got.at(-1)).toBe("consensus-overview");
    expect(got).not.toContain("overview");
  });

  it("shows a table in a terminal: the page's title, sections as headings, positions and kinds", async () => {
    const r = await runInProcess(["list", "--limit", "3"], page, { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "Inside the Internet Computer",
        "How The Internet Computer Works — Describing its Technology · 2021-12-27 19:38 …",
        "",
        "Medium",
        "1  internet-computer-technology  Internet Computer Technology    article",
        "2  achieving-consensus-on-the    Achieving Consensus on the In…  article",
        "3  chain-key-cryptography-the    Chain Key Cryptography: The S…  article",
        "",
      ].join("\n"),
    );
  });

  it("prints JSON with the documented fields", async () => {
    const r = await runInProcess(["list", "--json", "--speaker", "Manu Drijvers"], page);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.map((e: { id: string }) => e.id)).toEqual(["resumption", "consensus-overview"]);
    expect(Object.keys(data[1]).sort()).toEqual(["added", "authors", "channel", "check", "description", "duration", "event", "from", "host", "id", "kind", "line", "position", "published", "related", "section", "sectionPath", "source", "speaker", "speakers", "state", "tags", "target", "title", "url", "year"]);
    expect(data[1]).toMatchObject({ id: "consensus-overview", position: 22, speaker: "Manu Drijvers", speakers: ["Manu Drijvers"], kind: "talk", section: "YouTube", sectionPath: ["YouTube"], line: 48, host: "youtube.com", check: null, state: null });
    // --json before the command, as a global option, is the same.
    expect((await runInProcess(["--json", "list", "--speaker", "Manu Drijvers"], page)).stdout).toBe(r.stdout);
  });

  it("says so on stderr when the filters match nothing, exit 0; JSON is []", async () => {
    const r = await runInProcess(["list", "--speaker", "nobody"], page);
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "icp-links: no entries match these filters (see 'icp-links sections' and 'icp-links speakers')\n" });
    expect(JSON.parse((await runInProcess(["list", "--speaker", "nobody", "--json"], page)).stdout)).toEqual([]);
  });

  it("marks links a check found broken, in the table", async () => {
    const checks = new Map([["https://www.youtube.com/watch?v=vVLRRYh3JYo", { url: "https://www.youtube.com/watch?v=vVLRRYh3JYo", state: "broken" as const, reason: "404 Not Found", status: 404, checkedAt: "2026-11-20T00:00:00.000Z" }]]);
    const r = await runInProcess(["list", "--speaker", "manu"], page, { tty: true, checks });
    expect(r.stdout.split("\n").slice(3)).toEqual([
      "YouTube",
      "15  resumption          Resumption          Manu Drijvers  talk",
      "22  consensus-overview  Consensus Overview  Manu Drijvers  talk  broken 2026-11\u2026",
      "",
    ]);
  });

  it.each([
    [["--kind", "video"], "icp-links: option '-k, --kind <kind>' argument 'video' is invalid. unknown kind 'video' (use one of: talk, podcast, paper, article, repo, forum, site, page) (see 'icp-links --help')\n"],
    [["--limit", "zero"], "icp-links: option '-n, --limit <n>' argument 'zero' is invalid. expected a whole number of 1 or more (see 'icp-links --help')\n"],
    [["--limit", "0"], "icp-links: option '-n, --limit <n>' argument '0' is invalid. expected a whole number of 1 or more (see 'icp-links --help')\n"],
    [["--sort", "colour"], /^icp-links: option '--sort <order>' argument 'colour' is invalid\. .+\n$/],
    [["--bogus"], /^icp-links: unknown option '--bogus'.*\(see 'icp-links --help'\)\n$/],
    [["--todo", "--done"], /^icp-links: --todo and --done exclude each other.*\n$/],
  ])("list %j is a usage error, exit 2, in one line", async (args, stderr) => {
    const r = await runInProcess(["list", ...args], page);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
  });

  it("an empty page lists nothing and says nothing about filters", async () => {
    const r = await runInProcess(["list"], "# Notes\n\nJust prose.\n");
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });
});
