// What a newcomer met (#22), in process: --fields everywhere entries are printed, the error of a
// '-word' before --, null from next/random --json, speakers without speakers, recent across pages,
// close suggestions only, titles beside empty columns, and the md export's title.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryStateStore, runInProcess } from "../helpers/context";
import { catalogFromText, SEED } from "../helpers/pages";
import { markDone, markOpened, stateKey, type StateData } from "../../src/state/model";
import { entryRows } from "../../src/render/entries";
import { plainStyle } from "../../src/render/style";
import { renderTable } from "../../src/render/table";

const page = readFileSync(SEED, "utf8");
const T = "2026-11-01T00:00:00.000Z";
const NO_SPEAKERS = "# Reading\n\n## Articles\n\n- [One article](https://one.example/) - the first.\n- [Two article](https://two.example/)\n";

describe("--fields on every command that prints entries", () => {
  it.each([
    [["list", "--section", "medium", "--fields", "id,url"], "internet-computer-technology\thttps://medium.com/dfinity/https-medium-com-dfinity-technology/home\nachieving-consensus-on-the\thttps://medium.com/dfinity/achieving-consensus-on-the-internet-computer-ee9fbfbafcbc\nchain-key-cryptography-the\thttps://medium.com/dfinity/chain-key-technology-one-public-key-for-the-internet-computer-6a3644901e28\n"],
    [["show", "22", "--fields", "title,speakers"], "Consensus Overview\tManu Drijvers\n"],
    [["show", "22", "23", "--fields", "position"], "22\n23\n"],
    [["next", "--fields", "id,kind"], "internet-computer-technology\tarticle\n"],
    [["random", "--fields", "id"], "internet-computer-technology\n"],
  ])("%j", async (argv, stdout) => {
    const r = await runInProcess(argv, page);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(stdout);
  });

  it("with --json: the chosen keys, an array for list, one object for one entry", async () => {
    expect(JSON.parse((await runInProcess(["--json", "list", "--section", "medium", "-n", "1", "--fields", "id,position"], page)).stdout)).toEqual([{ id: "internet-computer-technology", position: 1 }]);
    expect(JSON.parse((await runInProcess(["--json", "show", "22", "--fields", "id"], page)).stdout)).toEqual({ id: "consensus-overview" });
    expect(JSON.parse((await runInProcess(["--json", "next", "--fields", "id"], page)).stdout)).toEqual({ id: "internet-computer-technology" });
  });

  it("an unknown field is a usage error on list too", async () => {
    const r = await runInProcess(["list", "--fields", "nope"], page);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown field 'nope'/);
  });
});

describe("search consensus -manu", () => {
  it("says how to leave a word out", async () => {
    const r = await runInProcess(["search", "consensus", "-manu"], page);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: unknown option '-manu' (to leave a word out, put the query after --: icp-links search -- consensus -manu)\n");
    const withOptions = await runInProcess(["--json", "search", "--kind", "talk", "consensus", "-manu", "-n", "2"], page);
    expect(withOptions.stderr).toBe("icp-links: unknown option '-manu' (to leave a word out, put the query after --: icp-links --json search --kind talk -n 2 -- consensus -manu)\n");
    // And the line it gives works.
    const fixed = await runInProcess(["search", "--", "consensus", "-manu"], page);
    expect(fixed.code).toBe(0);
  });

  it("an unknown option that is not a word stays commander's error", async () => {
    expect((await runInProcess(["search", "--kindd", "talk", "x"], page)).stderr).toBe("icp-links: unknown option '--kindd' (Did you mean --kind?) (see 'icp-links --help')\n");
  });
});

describe("next --json and random --json when nothing is left", () => {
  it.each([["next"], ["random"]])("%s prints null: every entry done, or none matching", async (command) => {
    const data: StateData = new Map(catalogFromText(page).entries.map((e) => [stateKey(e.url), markDone({}, T)]));
    const done = await runInProcess(["--json", command], page, { state: memoryStateStore(data) });
    expect(done.code).toBe(1);
    expect(done.stdout).toBe("null\n");
    const none = await runInProcess(["--json", command, "--speaker", "nobody-at-all"], page);
    expect(none.stdout).toBe("null\n");
  });
});

describe("speakers on a page without speakers", () => {
  it("says so on stderr, in a pipe too, as events does", async () => {
    const r = await runInProcess(["speakers"], NO_SPEAKERS);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("icp-links: no speakers on this page (speakers come from titles like 'Title / Speaker')\n");
  });
});

describe("recent", () => {
  it("does not say an entry of another page has left the page", async () => {
    const data: StateData = new Map([[stateKey("https://other.example/talk"), { ...markOpened({}, T), title: "On another page", id: "on-another-page" }]]);
    const r = await runInProcess(["recent"], page, { state: memoryStateStore(data), tty: true });
    expect(r.stdout).not.toContain("left the page");
    expect(r.stdout).toContain("(not on this page)");
  });
});

describe("open suggests only close ids", () => {
  it.each([
    ["0", "icp-links: no entry '0' (positions go from 1 to 26; run 'icp-links list' to see them)\n"],
    ["99", "icp-links: no entry '99' (positions go from 1 to 26; run 'icp-links list' to see them)\n"],
    ["zq", "icp-links: no entry 'zq' (run 'icp-links list' to see the ids)\n"],
    ["nope", "icp-links: no entry 'nope' (run 'icp-links list' to see the ids)\n"],
    ["consensus-overveiw", "icp-links: no entry 'consensus-overveiw' (did you mean consensus-overview?)\n"],
    ["executoin", "icp-links: no entry 'executoin' (did you mean execution?)\n"],
  ])("open %s", async (ref, stderr) => {
    const r = await runInProcess(["open", ref, "--print"], page);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(stderr);
  });
});

describe("columns without values give their width away", () => {
  it("at 120 columns a title beside an empty speaker cell is not cut where that column starts", () => {
    const entries = catalogFromText(page).entries;
    const rows = entryRows(entries, { tty: true, width: 120, style: plainStyle });
    expect(rows[1]).toContain("Achieving Consensus on the Internet Computer");
    // The columns after it stay aligned with the rows that have a speaker.
    const kindAt = (row: string, kind: string) => row.indexOf(`  ${kind}`);
    expect(kindAt(rows[1]!, "article")).toBe(kindAt(rows[21]!, "talk  "));
  });

  it("renderTable: a cut cell takes the width of the empty cells after it, and only as much as it needs", () => {
    const columns = [
      { key: "a", cells: ["a very long cell indeed", "short"] },
      { key: "b", cells: ["", "bbbbbbbbbb"] },
      { key: "c", cells: ["c", "c"] },
    ];
    expect(renderTable(columns, 24, [{ key: "a", to: 8 }])).toEqual(["a very long cell ind…  c", "short      bbbbbbbbbb  c"]);
  });
});

describe("export --format md of a page without front matter", () => {
  it("keeps the page's first heading as its title", async () => {
    const r = await runInProcess(["export", "--format", "md"], NO_SPEAKERS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\ntitle: "Reading"\n---\n/);
  });
});
