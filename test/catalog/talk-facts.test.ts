// Talk facts (#13): speakers in every common form, events, years and lengths; none on libraries.
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/catalog/parse-page";
import { ROOT, SEED, catalogOf } from "../helpers/pages";

const TALKS = "# Talks\n\n";
const one = (line: string) => parsePage(`${TALKS}${line}\n`, "t.md").entries[0]!;

describe("a line of a talk list", () => {
  // line, speakers, event, year, duration, description
  it.each<[string, string[], string | undefined, number | undefined, number | undefined, string | undefined]>([
    ["- [Simple Made Easy / Rich Hickey](https://v.example/1)", ["Rich Hickey"], undefined, undefined, undefined, undefined],
    ["- [T](https://v.example/1) by Rich Hickey", ["Rich Hickey"], undefined, undefined, undefined, undefined],
    ["- [T](https://v.example/1) by **Alan Kay** [1:04:34]", ["Alan Kay"], undefined, undefined, 3874, undefined],
    ["- [T](https://v.example/1) [00:46:53] by **Rusty Russell**", ["Rusty Russell"], undefined, undefined, 2813, undefined],
    ["- [T](https://v.example/1) by _Guy Steele_ (OOPSLA 1997)", ["Guy Steele"], "OOPSLA", 1997, undefined, undefined],
    ["- [T](https://v.example/1) by [Jane Doe](https://twitter.example/jane) [45:49]", ["Jane Doe"], undefined, undefined, 2749, undefined],
    ["- [T](https://v.example/1) presented by Jane Doe (Strange Loop 2011)", ["Jane Doe"], "Strange Loop", 2011, undefined, undefined],
    ["- [T](https://v.example/1) (Strange Loop 2011) by Jane Doe", ["Jane Doe"], "Strange Loop", 2011, undefined, undefined],
    ["- [T](https://v.example/1) (2014)", [], undefined, 2014, undefined, undefined],
    ["- [T](https://v.example/1) - PyCon US 2019", [], "PyCon US", 2019, undefined, undefined],
    ["- [T](https://v.example/1) by Jane Doe @ NDC Oslo 2017", ["Jane Doe"], "NDC Oslo", 2017, undefined, undefined],
    ["- [T](https://v.example/1) (45 min)", [], undefined, undefined, 2700, undefined],
    ["- [T](https://v.example/1) (1h 05m)", [], undefined, undefined, 3900, undefined],
    ["- [T](https://v.example/1) by **Rich Hickey & Brian Beckman** (a conversation)", ["Rich Hickey", "Brian Beckman"], undefined, undefined, undefined, "(a conversation)"],
    ["- [T](https://v.example/1) by Sam Newman and Martin Fowler", ["Sam Newman", "Martin Fowler"], undefined, undefined, undefined, undefined],
    ["- [T](https://v.example/1) by Ann Lee, Bob Ray and Cy Young", ["Ann Lee", "Bob Ray", "Cy Young"], undefined, undefined, undefined, undefined],
    ["- [T](https://v.example/1) by **Ann Lee, Bob Ray & Cy Young**", ["Ann Lee", "Bob Ray", "Cy Young"], undefined, undefined, undefined, undefined],
    ["- [T](https://v.example/1) by Thierry de Pauw (2019) [42:10]", ["Thierry de Pauw"], undefined, 2019, 2530, undefined],
    ["- [T](https://v.example/1) by Juan Pedro Bolívar - Great talk.", ["Juan Pedro Bolívar"], undefined, undefined, undefined, "Great talk."],
    ["- [T](https://v.example/1) - Great talk about X (PyCon 2019) [45:49]", [], "PyCon", 2019, 2749, "Great talk about X"],
  ])("%s", (line, speakers, event, year, duration, description) => {
    const e = one(line);
    expect({ speakers: e.speakers, event: e.event, year: e.year, duration: e.duration, description: e.description }).toEqual({ speakers, event, year, duration, description });
    expect(e.speaker).toBe(speakers.length > 0 ? speakers.join(", ") : undefined);
  });

  it("keeps a title that holds ' - ' or ':' whole", () => {
    expect(one("- [Q: A - B](https://v.example/1) by Ann Lee (2014)")).toMatchObject({ title: "Q: A - B", speakers: ["Ann Lee"], year: 2014 });
    expect(one("- [Programming is terrible - Lessons learned](https://v.example/1) by **Thomas Figg** [1:06:43]")).toMatchObject({ title: "Programming is terrible - Lessons learned", duration: 4003 });
  });

  it("takes no topic for a speaker ('Name: A Hybrid Editor / Programming Environment')", () => {
    expect(one("- [Clojure: A Hybrid Editor / Programming Environment](https://v.example/1)").speakers).toEqual([]);
  });

  it("reads a length inside the title without changing the title", () => {
    expect(one("- [Chicago Boss (and Speed) [00:45:59]](https://v.example/1) by **Evan Miller**")).toMatchObject({ title: "Chicago Boss (and Speed) [00:45:59]", duration: 2759, speakers: ["Evan Miller"] });
  });

  it("makes a link with a length a talk, wherever it is", () => {
    expect(parsePage("## Links\n\n- [T](https://conf.example/t) by **Ann Lee** [45:49]\n", "t.md").entries[0]).toMatchObject({ kind: "talk", speakers: ["Ann Lee"] });
  });
});

describe("a line of a library list", () => {
  it.each([
    "- [ergo](https://github.com/x/ergo) - An actor framework, inspired by Erlang.",
    "- [goakt](https://github.com/x/goakt) - Actor framework, powered by Golang.",
    "- [protobuf](https://github.com/golang/protobuf) - Protocol buffers, developed by Google.",
    "- [gocb](https://github.com/couchbase/gocb) - Official SDK, backed by Couchbase.",
    "- [raft](https://github.com/hashicorp/raft) - A Go implementation of Raft, by HashiCorp.",
    "- [etcd](https://etcd.example) by CoreOS Team - Distributed key-value store.",
    "- [moz](https://moz.example) by Mozilla Foundation",
  ])("has no speaker: %s", (line) => {
    const e = parsePage(`# Libraries\n\n## Video\n\n${line}\n`, "t.md").entries[0]!;
    expect(e.speakers).toEqual([]);
    expect(e.description).toMatch(/by /);
  });
});

describe("the fixtures in the shapes of real lists", () => {
  const talks = catalogOf(`${ROOT}test/fixtures/talk-list.md`);
  const library = catalogOf(`${ROOT}test/fixtures/library-list.md`);

  it("a talk list: counts per field", () => {
    const t = talks.entries.filter((e) => e.kind === "talk");
    expect(t).toHaveLength(45);
    expect(t.filter((e) => e.speakers.length > 0)).toHaveLength(40);
    expect(t.filter((e) => e.year !== undefined)).toHaveLength(31);
    expect(t.filter((e) => e.event !== undefined)).toHaveLength(22);
    expect(t.filter((e) => e.duration !== undefined)).toHaveLength(31);
    expect(talks.bySpeaker.map((f) => f.name)).toContain("Juan Pedro Bolívar");
    expect(talks.bySpeaker.find((f) => f.name === "Martin Kleppmann")!.entries).toHaveLength(2);
    expect(talks.byEvent.find((f) => f.name === "Strange Loop")!.entries).toHaveLength(4);
    expect(talks.byYear.map((f) => Number(f.name))).toEqual([...talks.byYear.map((f) => Number(f.name))].sort((a, b) => a - b));
  });

  it("a talk list: nested items give their text to their children's path, not their section", () => {
    const tar = talks.entries.find((e) => e.title === "Out of the Tar Pit")!;
    expect(tar).toMatchObject({ section: "Series", sectionPath: ["Conference Talks Worth Watching", "Series", "Papers We Love"] });
    const kmett = talks.entries.find((e) => e.title === "Stop Treading Water")!;
    expect(kmett.sectionPath.at(-1)).toBe("Strange Loop Keynotes");
    expect(talks.bySection.map((f) => f.name)).not.toContain("Papers We Love");
  });

  it("a library list: no speaker at all, code hosts are repos even under 'Video', papers are papers", () => {
    expect(library.bySpeaker).toEqual([]);
    const kinds = Object.fromEntries(library.byKind.map((f) => [f.name, f.entries.length]));
    expect(kinds).toEqual({ repo: 11, page: 2, talk: 1, paper: 2 });
    expect(library.entries.find((e) => e.title === "Dynamo paper")).toMatchObject({ kind: "paper", event: "SOSP", year: 2007 });
  });

  it("the bundled page keeps its 13 speakers, one each, and gains no event, year or length", () => {
    const seed = catalogOf(SEED);
    expect(seed.entries).toHaveLength(26);
    expect(seed.bySpeaker).toHaveLength(13);
    for (const e of seed.entries) {
      expect(e.speakers).toEqual(e.speaker === undefined ? [] : [e.speaker]);
      expect([e.event, e.year, e.duration]).toEqual([undefined, undefined, undefined]);
    }
  });
});
