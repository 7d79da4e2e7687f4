// Authors (#23): read from a paper list's lines, shown by show, --json, CSV and --fields, searched
// with author:, filtered with --author, listed by `authors`; the same on a cold run (parsed) and
// a warm one (read back from the cache's columns).
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";

const papers = [
  "# Reading list",
  "",
  "## Papers",
  "",
  "- [Paxos Made Simple](https://lamport.azurewebsites.net/pubs/paxos-simple.pdf), Leslie Lamport, ACM SIGACT News 2001",
  "- [In Search of an Understandable Consensus Algorithm](https://www.usenix.org/conference/atc14/presentation/ongaro), Diego Ongaro and John Ousterhout, USENIX ATC '14",
  "- [The Google File System](https://doi.acm.org/10.1145/945445.945450), S. Ghemawat, H. Gobioff and S. Leung, SOSP2003",
  "",
  "## Podcasts",
  "",
  "- [Software Engineering Radio](https://podcasts.apple.com/us/podcast/se-radio/id120906714)",
  "",
].join("\n");

describe.each([["cold", false], ["warm", true]])("authors on a %s run", (_name, cached) => {
  const run = (argv: string[], options = {}) => runInProcess(argv, papers, { cached, ...options });

  it("gives each paper its authors, venue and year, and a podcast its kind", async () => {
    const r = await run(["list", "--fields", "title,kind,authors,event,year"]);
    expect(r.stdout).toBe(
      [
        "Paxos Made Simple\tpaper\tLeslie Lamport\tACM SIGACT News\t2001",
        "In Search of an Understandable Consensus Algorithm\tpaper\tDiego Ongaro, John Ousterhout\tUSENIX ATC\t2014",
        "The Google File System\tpaper\tS. Ghemawat, H. Gobioff, S. Leung\tSOSP\t2003",
        "Software Engineering Radio\tpodcast\t\t\t",
        "",
      ].join("\n"),
    );
  });

  it("shows authors in show and --json, and exports them to CSV", async () => {
    expect((await run(["show", "2"])).stdout).toContain("authors\tDiego Ongaro, John Ousterhout\n");
    const json = JSON.parse((await run(["list", "--json"])).stdout);
    expect(json[1].authors).toEqual(["Diego Ongaro", "John Ousterhout"]);
    expect(json[3].authors).toEqual([]);
    const csv = (await run(["export", "--format", "csv"])).stdout.split("\r\n");
    expect(csv[0]!.split(",").at(-1)).toBe("authors");
    expect(csv[2]).toMatch(/,"Diego Ongaro, John Ousterhout"$/);
  });

  it("searches author: and filters --author, like speaker: and --speaker", async () => {
    expect((await run(["search", "author:ousterhout", "--fields", "id"])).stdout).toBe("in-search-of-an-understandable\n");
    expect((await run(["search", "ghemawat", "--fields", "id"])).stdout).toBe("the-google-file-system\n");
    expect((await run(["list", "--author", "lamport", "--fields", "id"])).stdout).toBe("paxos-made-simple\n");
    expect((await run(["list", "--author", "leung", "--kind", "paper", "--fields", "id"])).stdout).toBe("the-google-file-system\n");
    expect((await run(["list", "--speaker", "lamport", "--fields", "id"])).stdout).toBe("");
  });

  it("lists the authors with their papers", async () => {
    const r = await run(["authors"]);
    expect(r.stdout.split("\n")[0]).toBe("Diego Ongaro\t1\tin-search-of-an-understandable\t0");
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(6);
    const json = JSON.parse((await run(["authors", "--json"])).stdout);
    expect(json[0]).toMatchObject({ name: "Diego Ongaro", count: 1, entries: [{ id: "in-search-of-an-understandable", position: 2 }] });
  });
});

it("says so when a page has no authors", async () => {
  const r = await runInProcess(["authors"], "- [x](https://x.example)\n");
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^icp-links: no authors on this page/);
});
