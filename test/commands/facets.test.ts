// sections, speakers, events and years (src/commands/facets.ts), in process (#15): the TSV of a
// pipe, a terminal's table, JSON, an empty page, and bad input. Progress (done/total) is
// test/commands/state.test.ts's; a heading with " › " is test/commands/new-user.test.ts's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { ROOT, SEED } from "../helpers/pages";

const page = readFileSync(SEED, "utf8");
const talks = readFileSync(join(ROOT, "test/fixtures/talk-list.md"), "utf8");
const noFacets = "## A\n\n- [x](https://x.example)\n";

describe("sections", () => {
  it("prints name, count, path, done count, time left (seconds) and entries of unknown length in a pipe, in page order", async () => {
    const r = await runInProcess(["sections"], page);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Medium\t3\tMedium\t0\t0\t3\nHow ICP Works\t1\tHow ICP Works\t0\t0\t1\nCommunity Conversations\t2\tCommunity Conversations\t0\t0\t2\nDev Forum\t1\tDev Forum\t0\t0\t1\nYouTube\t15\tYouTube\t0\t0\t15\nIn-site Pages\t4\tYouTube › In-site Pages\t0\t0\t4\n");
  });

  it("indents subsections in a terminal", async () => {
    const r = await runInProcess(["sections"], page, { tty: true });
    expect(r.stdout).toBe(" 3  Medium\n 1  How ICP Works\n 2  Community Conversations\n 1  Dev Forum\n15  YouTube\n 4    In-site Pages\n");
  });

  it("gives each section's path in JSON", async () => {
    const json = JSON.parse((await runInProcess(["sections", "--json"], page)).stdout);
    expect(json.map((s: { name: string }) => s.name)).toEqual(["Medium", "How ICP Works", "Community Conversations", "Dev Forum", "YouTube", "In-site Pages"]);
    expect(json[5]).toEqual({ name: "In-site Pages", path: ["YouTube", "In-site Pages"], count: 4, entries: 4, done: 0, timeLeft: 0, unknownLength: 4 });
  });
});

describe("sections: descriptions (#23)", () => {
  it("gives a section the prose that explains it, and none to a section without", async () => {
    const described = "# Reading\n\n## Fine-tuning\n\nThis part explains how models are tuned, with [LoRA](https://arxiv.org/abs/2106.09685) and full fine-tuning, before its list.\n\n- [Unsloth](https://github.com/unslothai/unsloth)\n\n## Other\n\n- [x](https://x.example)\n";
    const json = JSON.parse((await runInProcess(["sections", "--json"], described)).stdout);
    expect(json.map((s: { name: string; description?: string }) => [s.name, s.description])).toEqual([
      ["Fine-tuning", "This part explains how models are tuned, with LoRA and full fine-tuning, before its list."],
      ["Other", undefined],
    ]);
  });
});

describe("speakers", () => {
  it("prints each speaker with the count and ids of their talks, most talks first, then by name", async () => {
    const r = await runInProcess(["speakers"], page);
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines.map((l) => l.split("\t")[0])).toEqual(["Manu Drijvers", "Yavonne-anne Pignolet", "Akhi Singhania", "Andrea Cerulli", "Bjorn Tackmann", "Bogdan Warinschi", "David Derler", "Jan Camenisch", "Jens Groth", "Joachim Breitner", "Lara Schmidt", "Stefan Kaestle", "Yotam Harchol"]);
    expect(lines[0]).toBe("Manu Drijvers\t2\tresumption,consensus-overview\t0");
    expect(lines[1]).toBe("Yavonne-anne Pignolet\t2\tingress-message-lifecycle,state-synchronization\t0");
  });

  it("lists each speaker's talks under their name in a terminal", async () => {
    const r = await runInProcess(["speakers"], page, { tty: true });
    expect(r.stdout.split("\n").slice(0, 6)).toEqual([
      "Manu Drijvers (2)",
      "  15  resumption                       Resumption",
      "  22  consensus-overview               Consensus Overview",
      "Yavonne-anne Pignolet (2)",
      "   9  ingress-message-lifecycle        Ingress Message Lifecycle",
      "  10  state-synchronization            State Synchronization",
    ]);
  });

  it("gives the talks in JSON", async () => {
    const json = JSON.parse((await runInProcess(["speakers", "--json"], page)).stdout);
    expect(json[1]).toMatchObject({ name: "Yavonne-anne Pignolet", count: 2, done: 0 });
    expect(json[1].talks).toEqual([
      { id: "ingress-message-lifecycle", position: 9, title: "Ingress Message Lifecycle", url: "https://www.youtube.com/watch?v=FJE1s8ZkUyg", done: false },
      { id: "state-synchronization", position: 10, title: "State Synchronization", url: "https://www.youtube.com/watch?v=WaNJINjGleg", done: false },
    ]);
  });

  it("says where speakers come from when the page has none", async () => {
    const r = await runInProcess(["speakers"], noFacets, { tty: true });
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "icp-links: no speakers on this page (speakers come from titles like 'Title / Speaker')\n" });
  });
});

describe("events and years", () => {
  it("events: most talks first, then by name", async () => {
    const r = await runInProcess(["events"], talks);
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines.slice(0, 4)).toEqual([
      "Strange Loop\t4\tsimple-made-easy,turning-the-database-inside-out,jepsen-distributed-systems,propositions-as-types",
      "OOPSLA\t2\tgrowing-a-language,design-patterns-revisited",
      "PyCon US\t2\tpython-behind-the-scenes,type-hints-in-practice",
      "CppCon\t1\tmemory-models-a-case-study",
    ]);
    expect(lines).toHaveLength(17);
    expect((await runInProcess(["events"], talks, { tty: true })).stdout.split("\n").slice(0, 2)).toEqual(["4  Strange Loop", "2  OOPSLA"]);
  });

  it("years: in order of the years, as numbers in JSON", async () => {
    const r = await runInProcess(["years"], talks);
    expect(r.stdout.split("\n").filter(Boolean).map((l) => l.split("\t").slice(0, 2).join(" "))).toEqual(["1990 1", "1997 1", "1998 1", "2009 1", "2011 1", "2012 3", "2013 2", "2014 3", "2015 3", "2016 5", "2017 3", "2018 2", "2019 3", "2020 1", "2021 1"]);
    const json = JSON.parse((await runInProcess(["years", "--json"], talks)).stdout);
    expect(json[5]).toEqual({ name: 2012, count: 3, talks: ["go-concurrency-patterns", "clojure-a-hybrid-editor", "spanner-google-s-database"] });
    expect((await runInProcess(["years"], talks, { tty: true })).stdout.split("\n").slice(0, 2)).toEqual(["1  1990", "1  1997"]);
  });

  it.each(["events", "years"])("%s: says where they come from when the page has none; JSON is []", async (command) => {
    const r = await runInProcess([command], noFacets);
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: `icp-links: no ${command} on this page (they come from lines like '[Title](url) (Strange Loop 2011)')\n` });
    const json = await runInProcess([command, "--json"], noFacets);
    expect(json).toMatchObject({ code: 0, stdout: "[]\n", stderr: "" });
  });
});

describe("bad input", () => {
  it.each([
    [["sections", "extra"], "icp-links: too many arguments for 'sections'. Expected 0 arguments but got 1. (see 'icp-links --help')\n"],
    [["speakers", "--bogus"], "icp-links: unknown option '--bogus' (see 'icp-links --help')\n"],
    [["events", "--limit", "3"], "icp-links: unknown option '--limit' (see 'icp-links --help')\n"],
    [["years", "2014"], "icp-links: too many arguments for 'years'. Expected 0 arguments but got 1. (see 'icp-links --help')\n"],
  ])("%j is a usage error, exit 2", async (argv, stderr) => {
    expect(await runInProcess(argv, page)).toMatchObject({ code: 2, stdout: "", stderr });
  });
});
