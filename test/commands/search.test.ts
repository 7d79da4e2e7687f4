// search, in process (#15): ranked ids in a pipe, a terminal's table, JSON with scores, the
// highlighting kept in a coloured pipe, and what nothing found or a bad query says. The query
// language and --fields are test/commands/search-query.test.ts's.
import { readFileSync } from "node:fs";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { SEED } from "../helpers/pages";
import { chalkStyle } from "../../src/render/style";

const page = readFileSync(SEED, "utf8");
const ids = (stdout: string) => stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0]);

describe("search", () => {
  it.each([
    // "Consensus Overview" is the query and one word: it comes first (#14).
    [["consensus"], ["consensus-overview", "achieving-consensus-on-the"]],
    [["jan", "camenisch"], ["chain-key-cryptography"]],
    [["camenish"], ["chain-key-cryptography"]],
    // A title that starts with the word before one that has it further on (#24, rule 3).
    [["consensys"], ["consensus-overview", "achieving-consensus-on-the"]],
    [["consensus", "--limit", "1"], ["consensus-overview"]],
    [["consensus", "--kind", "article"], ["achieving-consensus-on-the"]],
    [["pignolet", "--sort", "title"], ["ingress-message-lifecycle", "state-synchronization"]],
  ])("%j finds %j, in that order", async (args, expected) => {
    const r = await runInProcess(["search", ...args], page);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(ids(r.stdout)).toEqual(expected);
  });

  it("prints the lines of list in a pipe", async () => {
    const r = await runInProcess(["search", "consensus", "overview"], page);
    // The one entry with both words, then (fewer than a screenful have both, #24) those with one.
    expect(r.stdout).toBe(
      "consensus-overview\tConsensus Overview\thttps://www.youtube.com/watch?v=vVLRRYh3JYo\tManu Drijvers\tYouTube\n" +
        "achieving-consensus-on-the\tAchieving Consensus on the Internet Computer\thttps://medium.com/dfinity/achieving-consensus-on-the-internet-computer-ee9fbfbafcbc\t\tMedium\n" +
        "overview\tOverview\t/dfinity-overview\t\tIn-site Pages\n",
    );
  });

  it("shows a table with positions in a terminal", async () => {
    const r = await runInProcess(["search", "consensus"], page, { tty: true });
    expect(r.stdout).toBe("22  consensus-overview        Consensus Overview        Manu Drijvers  talk\n 2  achieving-consensus-on-…  Achieving Consensus on the Internet Co…  article\n");
  });

  // #12: piped search lost its highlighting with FORCE_COLOR.
  it("keeps its highlighting in a coloured pipe, in the same columns", async () => {
    const plain = await runInProcess(["search", "consensus"], page);
    const coloured = await runInProcess(["search", "consensus"], page, { style: chalkStyle(new Chalk({ level: 1 })) });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain("\x1b[7mConsensus\x1b[27m Overview\t");
    expect(coloured.stdout.replace(/\x1b\[\d+m/g, "")).toBe(plain.stdout);
    expect(plain.stdout).not.toMatch(/\x1b/);
  });

  it("prints JSON with scores, best first", async () => {
    const r = await runInProcess(["search", "consensus", "--json"], page);
    const hits = JSON.parse(r.stdout) as { id: string; score: number }[];
    expect(hits.map((h) => h.id)).toEqual(["consensus-overview", "achieving-consensus-on-the"]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]).toMatchObject({ id: "consensus-overview", position: 22, title: "Consensus Overview", check: null, state: null });
  });

  it("says so when nothing matches, exit 1; JSON is []", async () => {
    const r = await runInProcess(["search", "zzzqqq"], page);
    expect(r).toMatchObject({ code: 1, stdout: "", stderr: "icp-links: no entry matches 'zzzqqq' (try fewer or other words, or 'icp-links list')\n" });
    const json = await runInProcess(["search", "zzzqqq", "--json"], page);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it("shows the entries with the most words when none has every word, and says so (#24)", async () => {
    const r = await runInProcess(["search", "consensus", "zzzqqq"], page);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("icp-links: no entry has every word; showing those with 1 of 2\n");
    expect(ids(r.stdout)).toEqual(["consensus-overview", "achieving-consensus-on-the"]);
  });

  it("names the word that matches nothing when an exclusion leaves no entry with the others", async () => {
    const r = await runInProcess(["search", "--", "consensus", "zzzqqq", "-consensus"], page);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("icp-links: no entry matches 'consensus zzzqqq -consensus' ('zzzqqq' matches nothing) (try fewer or other words, or 'icp-links list')\n");
  });

  it.each([
    [["--", "-"], 1, "icp-links: the query '-' has no words to search for (search for letters or digits)\n"],
    [[], 2, "icp-links: missing required argument 'query' (see 'icp-links --help')\n"],
    [["consensus", "--limit", "0"], 2, "icp-links: option '-n, --limit <n>' argument '0' is invalid. expected a whole number of 1 or more (see 'icp-links --help')\n"],
    [["consensus", "--kind", "video"], 2, "icp-links: option '-k, --kind <kind>' argument 'video' is invalid. unknown kind 'video' (use one of: talk, podcast, paper, article, repo, forum, site, page) (see 'icp-links --help')\n"],
  ])("search %j: exit %i, in one line", async (args, code, stderr) => {
    const r = await runInProcess(["search", ...args], page);
    expect(r).toMatchObject({ code, stdout: "", stderr });
  });
});
