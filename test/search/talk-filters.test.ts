// Filters, sort, facets and output of talk facts (#13), as commands run them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { ROOT } from "../helpers/pages";
import { parsePage } from "../../src/catalog/parse-page";

const page = readFileSync(`${ROOT}test/fixtures/talk-list.md`, "utf8");
const ids = (stdout: string) => stdout.trim().split("\n").filter(Boolean).map((l) => l.split("\t")[1]);
const json = async (args: string[]) => {
  const r = await runInProcess([...args, "--json"], page);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { title: string; speaker: string | null; speakers: string[]; event: string | null; year: number | null; duration: number | null }[];
};

describe("filters", () => {
  it("--year takes a year and ranges", async () => {
    expect((await json(["list", "--year", "2014"])).map((e) => e.year)).toEqual([2014, 2014, 2014]);
    const range = await json(["list", "--year", "2010..2012"]);
    expect(range.map((e) => [e.title, e.year])).toEqual([["Simple Made Easy", 2011], ["Go Concurrency Patterns", 2012], ["Clojure: A Hybrid Editor / Programming Environment", 2012], ["Spanner: Google's Database", 2012]]);
    expect((await json(["list", "--year", "2020.."])).map((e) => e.year)).toEqual([2020, 2021]);
  });

  it("--event matches a prefix or a whole word, any case", async () => {
    expect((await json(["list", "--event", "strange"])).map((e) => e.event)).toEqual(["Strange Loop", "Strange Loop", "Strange Loop", "Strange Loop"]);
    expect((await json(["list", "--event", "oslo"])).map((e) => e.title)).toEqual(["Arquitectura Hexagonal"]);
  });

  it("--min-length and --max-length", async () => {
    const long = await json(["list", "--min-length", "1h"]);
    expect(long.map((e) => e.duration)).toEqual([3686, 3900, 4200, 3827, 4520, 3605, 4800]);
    const short = await json(["list", "--max-length", "30m"]);
    expect(short.map((e) => e.duration)).toEqual([681, 1720]);
  });

  it("--speaker matches any of a talk's speakers", async () => {
    expect((await json(["list", "--speaker", "fowler"])).map((e) => e.speakers)).toEqual([["Sam Newman", "Martin Fowler"]]);
    expect((await json(["list", "--speaker", "bolivar"])).map((e) => e.speaker)).toEqual(["Juan Pedro Bolívar"]);
  });

  it("bad values are usage errors (exit 2)", async () => {
    for (const args of [["--year", "soon"], ["--year", "2015..2010"], ["--min-length", "long"], ["--sort", "colour"]]) {
      const r = await runInProcess(["list", ...args], page);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^icp-links: /);
    }
  });

  it("filters search, pick's pool and export too", async () => {
    const r = await runInProcess(["search", "database", "--year", "2014"], page);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(["Turning the Database Inside Out"]);
    const csv = await runInProcess(["export", "--format", "csv", "--event", "pycon"], page);
    expect(csv.stdout.split("\r\n").slice(1, -1).map((row) => row.split(",")[0])).toEqual(["python-behind-the-scenes", "type-hints-in-practice"]);
  });
});

describe("sort", () => {
  it("--sort year and length put entries without the value last", async () => {
    const byYear = (await json(["list", "--sort", "year"])).map((e) => e.year);
    expect(byYear[0]).toBe(1990);
    expect(byYear.at(-1)).toBeNull();
    const byLength = (await json(["list", "--sort", "length", "--min-length", "1"])).map((e) => e.duration!);
    expect(byLength).toEqual([...byLength].sort((a, b) => a - b));
  });

  it("--sort title and speaker compare folded; search --sort replaces ranking", async () => {
    const titles = (await json(["list", "--sort", "title"])).map((e) => e.title.toLowerCase());
    expect(titles).toEqual([...titles].sort());
    const found = (await json(["search", "strange", "--sort", "year"])).map((e) => e.year);
    expect(found).toEqual([...found].sort((a, b) => (a ?? 9999) - (b ?? 9999)));
  });
});

describe("facets and output", () => {
  it("events and years count talks", async () => {
    const events = JSON.parse((await runInProcess(["events", "--json"], page)).stdout) as { name: string; count: number }[];
    expect(events[0]).toMatchObject({ name: "Strange Loop", count: 4 });
    const years = JSON.parse((await runInProcess(["years", "--json"], page)).stdout) as { name: number; count: number }[];
    expect(years[0]).toMatchObject({ name: 1990, count: 1 });
    expect((await runInProcess(["years"], page)).stdout).toMatch(/^1990\t1\t/);
  });

  it("speakers counts each person once per talk", async () => {
    const r = await runInProcess(["speakers"], page);
    expect(r.stdout).toMatch(/^Martin Kleppmann\t2\t/m);
    expect(r.stdout).toMatch(/^Martin Fowler\t1\t/m);
  });

  it("show prints event, year and length", async () => {
    const r = await runInProcess(["show", "simple-made-easy"], page);
    expect(r.stdout).toMatch(/^event\tStrange Loop$/m);
    expect(r.stdout).toMatch(/^year\t2011$/m);
    expect(r.stdout).toMatch(/^length\t1:01:26$/m);
  });

  it("the table shows length and year where the width allows", async () => {
    const r = await runInProcess(["list", "--event", "strange"], page, { tty: true });
    expect(r.stdout).toMatch(/1:01:26\s+2011/);
  });

  it("the md export reads back to the same speakers, events, years and lengths", async () => {
    const md = (await runInProcess(["export", "--format", "md"], page)).stdout;
    const back = parsePage(md, "back.md").entries;
    const before = parsePage(page, "t.md").entries;
    const facts = (es: typeof back) => es.map((e) => [e.title, e.url, e.speakers, e.event, e.year, e.duration, e.description, e.section, e.sectionPath]);
    expect(facts(back)).toEqual(facts(before));
  });
});
