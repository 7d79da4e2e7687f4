// The layout reader (src/catalog/layout.ts, #23): a list read as a whole. Table-driven over the
// layouts of real talk lists, reading lists and archives, and the negatives: a list whose columns
// do not vote for names has no speakers.
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/catalog/parse-page";
import { yearPart } from "../../src/catalog/layout";

const facts = (page: string) =>
  parsePage(page, "p.md").entries.map((e) => {
    const out: Record<string, unknown> = { title: e.title, kind: e.kind };
    if (e.speakers.length > 0) out.speakers = e.speakers;
    if (e.authors.length > 0) out.authors = e.authors;
    if (e.event !== undefined) out.event = e.event;
    if (e.year !== undefined) out.year = e.year;
    if (e.duration !== undefined) out.duration = e.duration;
    if (e.description !== undefined) out.description = e.description;
    return out;
  });

describe("yearPart: a year in every spelling", () => {
  it.each([
    ["2014", { year: 2014 }],
    ["'23", { year: 2023 }],
    ["SOSP '23", { year: 2023, event: "SOSP" }],
    ["SOSP2003", { year: 2003, event: "SOSP" }],
    ["OSDI94", { year: 1994, event: "OSDI" }],
    ["PHPNW14", { year: 2014, event: "PHPNW" }],
    ["(July-August 1978)", { year: 1978 }],
    ["March 12, 2019", { year: 2019 }],
    ["18-Dec-2019", { year: 2019 }],
    ["30-March-2020", { year: 2020 }],
    ["Tuesday, May 11, 2022", { year: 2022 }],
    ["2019-03-12", { year: 2019 }],
    ["Strange Loop 2011", { year: 2011, event: "Strange Loop" }],
    ["NDC Oslo 2017", { year: 2017, event: "NDC Oslo" }],
    ["ICFP09", { year: 2009, event: "ICFP" }],
    // A year glued inside an event's name: the name without it (the corpus convention, "SREcon15 Europe" -> "SREcon Europe").
    ["SREcon15 Europe", { year: 2015, event: "SREcon Europe" }],
    ["PyCon2019 Ireland", { year: 2019, event: "PyCon Ireland" }],
    ["JSConf19", { year: 2019, event: "JSConf" }],
    ["Win10", undefined],
    ["Top10 Tips", undefined],
    // Two letters glued to two digits are a code, not an event's short name and year.
    ["AA00", undefined],
    ["V8 99", undefined],
    ["42", undefined],
  ])("%s", (text, expected) => expect(yearPart(text)).toEqual(expected));

  it.each(["Released in 2014", "v12", "1234", "Go 1.18", "the 2014 edition", "22", "since 2010"])("%s is no year of a talk", (text) => {
    expect(yearPart(text)).toBeUndefined();
  });
});

describe("readList", () => {
  it("'[Jane Doe: **Title**](url) [47:26]' under a year heading: speaker, title, length and year", () => {
    const page = "## 2020\n\n- [Jane Doe: **Making Things Fast**](https://www.youtube.com/watch?v=a1) [47:26]\n- [John Roe: **Slow Things**](https://www.youtube.com/watch?v=a2) [12:01]\n";
    expect(facts(page)).toEqual([
      { title: "Making Things Fast", kind: "talk", speakers: ["Jane Doe"], year: 2020, duration: 2846 },
      { title: "Slow Things", kind: "talk", speakers: ["John Roe"], year: 2020, duration: 721 },
    ]);
  });

  it("'[**Title**](url) - Jane Doe at SomeConf 2014': the speaker is not part of the event", () => {
    const page = "## Talks\n\n- [**Title One**](https://vimeo.com/1) - Jane Doe at SomeConf 2014\n- [**Title Two**](https://vimeo.com/2) - Mark Twain at OtherConf 2015\n- [**Title Three**](https://vimeo.com/3) - DHH at RailsConf 2016\n";
    expect(facts(page)).toEqual([
      { title: "Title One", kind: "talk", speakers: ["Jane Doe"], event: "SomeConf", year: 2014 },
      { title: "Title Two", kind: "talk", speakers: ["Mark Twain"], event: "OtherConf", year: 2015 },
      // An odd value of a column that votes for names is a name.
      { title: "Title Three", kind: "talk", speakers: ["DHH"], event: "RailsConf", year: 2016 },
    ]);
  });

  it("'[**Title** - Jane Doe, Clean Code Days 2008](url)': speaker, event and year leave the title", () => {
    const page = "## Talks\n\n- [**Clean Code** - Robert Martin, Clean Code Days 2008](https://vimeo.com/4)\n- [**Dirty Code** - Kent Beck, Clean Code Days 2009](https://vimeo.com/5)\n";
    expect(facts(page)).toEqual([
      { title: "Clean Code", kind: "talk", speakers: ["Robert Martin"], event: "Clean Code Days", year: 2008 },
      { title: "Dirty Code", kind: "talk", speakers: ["Kent Beck"], event: "Clean Code Days", year: 2009 },
    ]);
  });

  it("'[**Title**](url): Speaker, Event `mm:ss`': a column of conference-like names after the names is the event, with no year beside it", () => {
    const page = "### 2019\n\n1. [**One**](https://www.youtube.com/watch?v=b1): Jane Doe, JSConf EU `23:31`\n1. [**Two**](https://www.youtube.com/watch?v=b2): John Roe, CascadiaJS `25:49`\n1. [**Three**](https://www.youtube.com/watch?v=b3): Mary Major, JSConf Budapest `29:18`\n1. [**Four**](https://www.youtube.com/watch?v=b4): Malte Ubl and John Hjelmstad, ng-conf `26:36`\n1. [**Five**](https://www.youtube.com/watch?v=b5): Ann Lee, (YouTube Channel) `2:12:04`\n";
    expect(facts(page).map((e) => [e.speakers, e.event])).toEqual([
      [["Jane Doe"], "JSConf EU"],
      [["John Roe"], "CascadiaJS"],
      // "Mary Major, JSConf Budapest" reads as two names alone: the column says the last is the event.
      [["Mary Major"], "JSConf Budapest"],
      [["Malte Ubl", "John Hjelmstad"], "ng-conf"],
      // A channel in parentheses is no event.
      [["Ann Lee"], undefined],
    ]);
  });

  it("'– Speaker at Event, Place' and 'Speaker at Event 2016 ([slides](…))': the event without its place or its year", () => {
    const page = "## Talks\n\n* [One](https://vimeo.com/11) – Jane Doe at Devops Ireland Meetup, Dublin.\n* [Two](https://vimeo.com/12) - John Roe at FOSDEM 2016 ([slides](https://example.org/s2)).\n* [Three](https://vimeo.com/13) – Mary Major at the Hadoop User Group Ireland.\n* [Four](https://vimeo.com/14) – Ann Lee, Acme, at DevOps Stockholm Meetup.\n* [Five](https://vimeo.com/15) – Bob Stone and Eve Park at SREcon15 Europe, Dublin.\n";
    expect(facts(page).map((e) => [e.speakers, e.event, e.year])).toEqual([
      [["Jane Doe"], "Devops Ireland Meetup", undefined],
      [["John Roe"], "FOSDEM", 2016],
      [["Mary Major"], "Hadoop User Group Ireland", undefined],
      [["Ann Lee"], "DevOps Stockholm Meetup", undefined],
      [["Bob Stone", "Eve Park"], "SREcon Europe", 2015],
    ]);
  });

  it("an event after names the fixed rules read, in a bracket with its own cue, or a whole tail in parentheses", () => {
    const at = "## Talks\n\n- [One](https://www.youtube.com/watch?v=c1) by **Jane Doe** @ SomeConf\n- [Two](https://www.youtube.com/watch?v=c2) by **John Roe** @ PyCon US\n";
    expect(facts(at).map((e) => [e.speakers, e.event])).toEqual([[["Jane Doe"], "SomeConf"], [["John Roe"], "PyCon US"]]);
    const bracket = "## Talks\n\n- [One](https://www.youtube.com/watch?v=c3) - Jane Doe (SomeConf)\n- [Two](https://www.youtube.com/watch?v=c4) - John Roe (PyCon US)\n- [Three](https://www.youtube.com/watch?v=c5) - Mary Major (Stanford Online)\n";
    expect(facts(bracket).map((e) => [e.speakers, e.event])).toEqual([[["Jane Doe"], "SomeConf"], [["John Roe"], "PyCon US"], [["Mary Major"], undefined]]);
    const inside = "## Talks\n\n- [One](https://www.youtube.com/watch?v=c6) (Jane Doe, SomeConf 2014)\n- [Two](https://www.youtube.com/watch?v=c7) (John Roe, OtherConf 2015)\n";
    expect(facts(inside).map((e) => [e.speakers, e.event, e.year, e.description])).toEqual([[["Jane Doe"], "SomeConf", 2014, undefined], [["John Roe"], "OtherConf", 2015, undefined]]);
  });

  it("'[29 min, goto 2012]': an event's name beside a length in one bracket, however written", () => {
    const page = "## Talks\n\n- [One](https://youtu.be/d1) [29 min, goto 2012] - Jane Doe explains.\n- [Two](https://youtu.be/d2) [47 min, linux.conf.au 2019]\n- [Three](https://youtu.be/d3) [28 min, @scale 2015]\n";
    expect(facts(page).map((e) => [e.event, e.year, e.duration])).toEqual([["goto", 2012, 1740], ["linux.conf.au", 2019, 2820], ["@scale", 2015, 1680]]);
  });

  it("a link's text that ends in a conference and its year, or is one (a conference's playlist)", () => {
    const page = "## Talks\n\n- [Building Fast @ SomeConf 2014](https://www.youtube.com/watch?v=e1)\n- [Going Slow - PyCon US 2015](https://www.youtube.com/watch?v=e2)\n- [ElixirConf 2014](https://www.youtube.com/playlist?list=PLe3) - Confreaks\n- [CS50 2019 - Android Track](https://www.youtube.com/watch?v=e4)\n";
    expect(facts(page).map((e) => [e.title, e.event, e.year])).toEqual([
      ["Building Fast", "SomeConf", 2014],
      ["Going Slow", "PyCon US", 2015],
      ["ElixirConf 2014", "ElixirConf", 2014],
      ["CS50 2019 - Android Track", undefined, undefined],
    ]);
  });

  it("a table of talks: its cells are columns; an event and year before the link", () => {
    const table = "## Talks\n\n| Title | Speaker | Event | Year |\n|---|---|---|---|\n| [Building Fast](https://www.youtube.com/watch?v=f1) | Jane Doe | SomeConf | 2014 |\n| [Going Slow](https://www.youtube.com/watch?v=f2) | John Roe | PyCon US | 2015 |\n";
    expect(facts(table).map((e) => [e.speakers, e.event, e.year])).toEqual([[["Jane Doe"], "SomeConf", 2014], [["John Roe"], "PyCon US", 2015]]);
    const first = "## Talks\n\n- SomeConf 2014: [Building Fast](https://www.youtube.com/watch?v=f3) by Jane Doe\n- OtherConf 2015: [Going Slow](https://www.youtube.com/watch?v=f4) by John Roe\n";
    expect(facts(first).map((e) => [e.title, e.speakers, e.event, e.year])).toEqual([["Building Fast", ["Jane Doe"], "SomeConf", 2014], ["Going Slow", ["John Roe"], "OtherConf", 2015]]);
  });

  it("a table's date cell ('September 27, 2023', 'Tuesday, May 11, 2022') is a year, no event; a row linking into the site is read with its table", () => {
    const table = "## Talks\n\n| Topic | Date | Location |\n|---|---|---|\n| [Zero alloc](https://speakerdeck.com/a/zero-alloc) | September 27, 2023 | Online |\n| [CPU profiles](talks/2022-11-May-online) | Tuesday, May 11, 2022 | Online (Russia) |\n| [Go patterns](https://speakerdeck.com/a/go-patterns) | 5 Dec, 2021 | Kazan |\n";
    expect(facts(table).map((e) => [e.kind, e.year, e.event ?? null, e.speakers ?? null])).toEqual([
      ["talk", 2023, null, null],
      ["site", 2022, null, null],
      ["talk", 2021, null, null],
    ]);
    // A link into the site in prose is no row of a table: nothing is read around it.
    expect(facts("## Docs\n\nSee [the guide](docs/guide) - Jane Doe, 2019.\n").map((e) => [e.kind, e.year ?? null])).toEqual([["site", null]]);
  });

  it("'[Title](video) [45 min, goto 2012] – Jane Doe explains…': the subject of the sentence, before a verb of telling, is the speaker", () => {
    const page = "## Talks\n\n* [Engineering You](https://youtu.be/a1) [45 min, InfoQ 2016] – Martin Thompson takes a look at engineering.\n* [Scaling Yourself](https://youtu.be/a2) [29 min, goto 2012] –\n  Scott Hanselman shows how to achieve more.\n* [Change](https://youtu.be/a3) [45 min, Agile Israel 2015] – Linda Rising and Mary Lynn Manns offer strategies.\n* [Polyglot](https://youtu.be/a4) [54 min, GOTO 2012] – Mono cultures are unhealthy.\n";
    expect(facts(page).map((e) => e.speakers ?? null)).toEqual([["Martin Thompson"], ["Scott Hanselman"], ["Linda Rising", "Mary Lynn Manns"], null]);
    // One such sentence in a list is no column: a library's "React Router keeps your UI in sync" names no one.
    const one = "## Libraries\n\n* [Router](https://example.com/r) – React Router shows your UI.\n* [Store](https://example.com/s) – A small store.\n";
    expect(facts(one).every((e) => e.speakers === undefined)).toBe(true);
  });

  it("'- GothamGo 2015 by Jane Doe' over '- Devoxx by John Roe': the parts before the 'by' names vote as the event column", () => {
    const page = "## Videos\n\n- [A](https://www.youtube.com/watch?v=b1) - GothamGo 2015 by Sameer Ajmani\n- [B](https://www.youtube.com/watch?v=b2) - Devoxx by Mete Atamel\n- [C](https://www.youtube.com/watch?v=b3) - Google Developer Group Washington by Ray Tsang\n- [D](https://www.youtube.com/watch?v=b4) - GopherCon 2017 by Alan Shreve\n- [E](https://www.youtube.com/watch?v=b5) - Node Interactive 2016 by Sandeep Dinesh\n";
    expect(facts(page).map((e) => [e.speakers, e.event ?? null, e.year ?? null])).toEqual([
      [["Sameer Ajmani"], "GothamGo", 2015],
      [["Mete Atamel"], "Devoxx", null],
      [["Ray Tsang"], "Google Developer Group Washington", null],
      [["Alan Shreve"], "GopherCon", 2017],
      [["Sandeep Dinesh"], "Node Interactive", 2016],
    ]);
    // Without a column of events, a lone name before "by" is no event.
    const lone = "## Videos\n\n- [A](https://www.youtube.com/watch?v=c1) - Devoxx by Mete Atamel\n- [B](https://www.youtube.com/watch?v=c2) - By Ray Tsang\n";
    expect(facts(lone).map((e) => e.event ?? null)).toEqual([null, null]);
  });

  it("prose that ends where the talk was given: '- from Full Stack Fest', 'Presentation at KubeCon Europe 2018.'; a company after 'at' is none", () => {
    const page = "## Videos\n\n- [A](https://www.youtube.com/watch?v=d1) - A demo at AWS\n- [B](https://www.youtube.com/watch?v=d2) - from Full Stack Fest\n- [C](https://www.youtube.com/watch?v=d3) - Presentation at KubeCon Europe 2018.\n- [D](https://www.youtube.com/watch?v=d4) - Build Web3 at Lightning Speed\n";
    expect(facts(page).map((e) => [e.event ?? null, e.year ?? null])).toEqual([[null, null], ["Full Stack Fest", null], ["KubeCon Europe", 2018], [null, null]]);
  });

  it("'- Jane Doe at Event.' with no year beside '- John Roe at SomeConf 2016.': the items with a year vote for the event column", () => {
    const page = "## Talks\n\n* [A talk](https://www.youtube.com/watch?v=a1) - Brian Brazil at FOSDEM 2016.\n* [B talk](https://www.youtube.com/watch?v=a2) – Matthias Gruter, Transmode, at DevOps Stockholm Meetup.\n* [C talk](https://vimeo.com/131581353) – Jamie Wilkinson at Monitorama PDX 2015.\n* [D talk](https://www.youtube.com/watch?v=a3) – Brian Brazil at the Hadoop User Group Ireland.\n";
    expect(facts(page).map((e) => [e.speakers, e.event, e.year ?? null])).toEqual([
      [["Brian Brazil"], "FOSDEM", 2016],
      [["Matthias Gruter"], "DevOps Stockholm Meetup", null],
      [["Jamie Wilkinson"], "Monitorama PDX", 2015],
      [["Brian Brazil"], "Hadoop User Group Ireland", null],
    ]);
  });

  it.each([
    ["[[mirror]](…) between the title and its length", "* [Railway oriented programming](https://vimeo.com/1) [[mirror]](https://www.youtube.com/watch?v=m1) [00:56:55] by **Scott Wlaschin** (2014)"],
    ["([slides](…)) between the title and its length", "* [Railway oriented programming](https://vimeo.com/1) ([slides](https://www.slideshare.net/a/b)) [00:56:55] by **Scott Wlaschin** (2014)"],
    ["[video](…) after a length", "* [Railway oriented programming](https://vimeo.com/1) [00:56:55] [video](https://www.youtube.com/watch?v=m1) by **Scott Wlaschin** (2014)"],
  ])("a kind-titled link beside a talk is a related link, not text between its facts: %s", (_, line) => {
    const page = `## Talks\n\n${line}\n* [Spec-ulation](https://www.youtube.com/watch?v=s1) [01:16:23] by **Rich Hickey** (2016)\n`;
    const [talk] = parsePage(page, "p.md").entries;
    expect([talk!.title, talk!.speakers, talk!.year, talk!.duration, talk!.description]).toEqual(["Railway oriented programming", ["Scott Wlaschin"], 2014, 3415, undefined]);
    expect(talk!.related.map((r) => r.url)).toHaveLength(1);
  });

  it("a table's year cell read as a fact leaves one separator between the cells beside it in the description", () => {
    const table = "## Films\n\n| Title | Genre | Year | Rating |\n|---|---|---|---|\n| [Hackers](https://www.imdb.com/title/tt1/) | Drama/Crime | 1995 | 6.2/10 |\n| [Primer](https://www.imdb.com/title/tt2/) | Thriller/Drama | 2004 | 7.0/10 |\n";
    expect(facts(table).map((e) => [e.year, e.description])).toEqual([[1995, "Drama/Crime | 6.2/10"], [2004, "Thriller/Drama | 7.0/10"]]);
    // Code's "||" in a description is no pair of separators.
    const code = "## Tips\n\n- [Defaults](https://a.example/1) - use `a || b`, 2019\n- [Guards](https://a.example/2) - use x || y here, 2020\n";
    expect(facts(code).map((e) => e.description)).toEqual(["use a || b", "use x || y here"]);
  });

  it("'1. [\"Title\"](url) - By A & B' over 'Mar 2017, Event, City, ST': a quoted title, the event between the date and the place", () => {
    const page = '## Talks\n\n1. ["Hoodie: Incremental processing"](https://conferences.example.org/s/1) -  By Jane Doe & John Roe\n   Mar 2017, Strata + Hadoop World, San Jose, CA\n\n2. ["Building Lakes"](https://www.youtube.com/watch?v=g2) - By Mary Major, Pulsar Summit North America, June 2021.\n\n3. ["Streams"](https://www.youtube.com/watch?v=g3) - By Ann Lee, April 2019, Data Council, San Francisco, CA.\n';
    expect(facts(page).map((e) => [e.title, e.speakers, e.event, e.year])).toEqual([
      ["Hoodie: Incremental processing", ["Jane Doe", "John Roe"], "Strata + Hadoop World", 2017],
      ["Building Lakes", ["Mary Major"], "Pulsar Summit North America", 2021],
      ["Streams", ["Ann Lee"], "Data Council", 2019],
    ]);
  });

  it("'### Event Year (City, Region)' over '* [Title - YouTube](video) (30:43)' and a nested '* Speaker, Company'", () => {
    const page = "## Conferences\n\n### KubeCon NA 2023 (Chicago, Illinois)\n\n* [Project Update - YouTube](https://youtu.be/h1) (30:43)\n  * Jane Doe, Google\n\n### KubeCon EU 2020 (Amsterdam, Netherlands) - Virtual\n\n* [Deep Dive - YouTube](https://youtu.be/h2) (37:31)\n  * John Roe, NEC Corporation & Mary Major, Google\n";
    expect(facts(page).map((e) => [e.title, e.speakers, e.event, e.year, e.duration])).toEqual([
      ["Project Update", ["Jane Doe"], "KubeCon NA", 2023, 1843],
      ["Deep Dive", ["John Roe", "Mary Major"], "KubeCon EU", 2020, 2251],
    ]);
  });

  it("'Speaker, Company' is no event: a column of companies does not vote as one", () => {
    const page = "## Talks\n\n* [One](https://vimeo.com/21) - Jane Doe, Erlang Solutions (screencast)\n* [Two](https://vimeo.com/22) - John Roe, Acme Software\n* [Three](https://vimeo.com/23) - Mary Major, Initech\n";
    for (const e of facts(page)) expect(e.event).toBeUndefined();
  });

  it("'[Title](url), A. Author and B. Author, SOSP '23': authors, venue and year of papers", () => {
    const page = "## Papers\n\n- [Paxos Made Simple](https://lamport.azurewebsites.net/pubs/paxos-simple.pdf), L. Lamport, ACM SIGACT News 2001\n- [The Google File System](https://doi.acm.org/10.1145/945445.945450), S. Ghemawat, H. Gobioff and S. Leung, SOSP '03\n- [MapReduce](https://research.google/pubs/pub62/), Jeffrey Dean and Sanjay Ghemawat, OSDI04\n";
    expect(facts(page)).toEqual([
      { title: "Paxos Made Simple", kind: "paper", authors: ["L. Lamport"], event: "ACM SIGACT News", year: 2001 },
      { title: "The Google File System", kind: "paper", authors: ["S. Ghemawat", "H. Gobioff", "S. Leung"], event: "SOSP", year: 2003 },
      { title: "MapReduce", kind: "paper", authors: ["Jeffrey Dean", "Sanjay Ghemawat"], event: "OSDI", year: 2004 },
    ]);
  });

  it("'Title - Speaker' in the link's text, voted over the list", () => {
    const page = "## Talks\n\n- [Simple Made Easy - Rich Hickey](https://www.infoq.com/presentations/Simple-Made-Easy/)\n- [The Value of Values - Rich Hickey](https://www.youtube.com/watch?v=x1)\n- [Inventing on Principle - Bret Victor](https://vimeo.com/36579366)\n";
    expect(facts(page).map((e) => [e.title, e.speakers])).toEqual([
      ["Simple Made Easy", ["Rich Hickey"]],
      ["The Value of Values", ["Rich Hickey"]],
      ["Inventing on Principle", ["Bret Victor"]],
    ]);
  });

  it("podcasts are podcasts; apps under a 'Video Streaming' heading are not talks", () => {
    const page = "## Podcasts\n\n- [Software Engineering Daily](https://softwareengineeringdaily.com) - daily interviews\n- [Changelog](https://changelog.com/podcast)\n\n## Video Streaming\n\n- [Jellyfin](https://jellyfin.org) - A media server.\n- [PeerTube](https://joinpeertube.org) - Federated video.\n";
    expect(facts(page).map((e) => e.kind)).toEqual(["podcast", "podcast", "page", "page"]);
  });

  it.each([
    // Descriptions that hold a name-like run now and then are no column of names.
    ["a library list", "## Libraries\n\n- [Foo](https://foo.example) - Build Web3 at Lightning Speed.\n- [Bar](https://bar.example) - A fast parser.\n- [Baz](https://baz.example) - Bindings for Rust.\n- [Qux](https://qux.example) - Made by Jane Doe.\n"],
    ["titles with colons", "## Articles\n\n- [Chain Key Cryptography: The Breakthrough](https://medium.com/x/1)\n- [Motoko: A Language](https://medium.com/x/2)\n- [Rust: Fast and Safe](https://medium.com/x/3)\n"],
  ])("%s gets no people", (_name, page) => {
    for (const e of facts(page)) {
      expect(e.speakers).toBeUndefined();
      expect(e.authors).toBeUndefined();
    }
  });
});

describe("a profile link beside another link", () => {
  it("gives way to a talk: the speaker's profile is no entry", () => {
    const page = "## Talks\n\n- [Jane Doe](https://twitter.com/janedoe) - [Deep Sea Fishing](https://www.youtube.com/watch?v=a1)\n- [John Roe](https://twitter.com/johnroe) - [Scheduling Ahead](https://www.youtube.com/watch?v=a2)\n";
    expect(parsePage(page, "p.md").entries.map((e) => e.url)).toEqual(["https://www.youtube.com/watch?v=a1", "https://www.youtube.com/watch?v=a2"]);
  });

  it("is the entry on a list of libraries, its website a related link", () => {
    const page = "## Libraries\n\n* [Boost](https://github.com/boostorg) :zap: - A large collection of C++ libraries. [website](https://www.boost.org)\n* [Qt](https://github.com/qt) - A UI framework. [website](https://www.qt.io)\n";
    const entries = parsePage(page, "p.md").entries;
    expect(entries.map((e) => [e.title, e.url])).toEqual([["Boost", "https://github.com/boostorg"], ["Qt", "https://github.com/qt"]]);
    expect(entries[0]!.related.map((r) => r.url)).toEqual(["https://www.boost.org"]);
  });
});

describe("words named like Object's own properties", () => {
  it.each(["constructor", "\\_\\_proto\\_\\_", "toString", "hasOwnProperty"])("a description '%s' stays the description", (written) => {
    const page = `## A\n\n- [T](https://a.example/) - ${written}\n`;
    expect(parsePage(page, "p.md").entries[0]!.description).toBe(written.replaceAll("\\", ""));
  });
});

describe("columns known by their separators and their neighbours (#23)", () => {
  it("a table's title cell before its [Video] link: the speakers after the dash, their affiliations dropped, voted over the table", () => {
    const page = [
      "## Networking",
      "",
      "| Topic | Video | Slides |",
      "| --- | --- | --- |",
      "|Low Latency Multi-cluster Networking - Paul Fisher, Lyft|[Video](https://www.youtube.com/watch?v=k1)| [Presentation](https://s.example/1.pdf)|",
      "|Multiple Networks for Workloads - Piotr Skamruk, CodiLime & Doug Smith, Red Hat|[Video](https://www.youtube.com/watch?v=k2)|-|",
      "|Build Your Own Private 5G Network - Frank Zdarsky, Red Hat & Raymond Knopp, Eurecom|[Video](https://www.youtube.com/watch?v=k3)|-|",
      "|Attacking and Defending Kube... Brad Geesaman, Jimmy Mesta & Peter Benjamin|[Video](https://www.youtube.com/watch?v=k4)|-|",
      "|Reflections - Kelsey Hightower, Staff Developer Advocate, Google|[Video](https://www.youtube.com/watch?v=k5)|-|",
      "|Wait, People Run Kubernetes on Mainframes? - Elizabeth K. Joseph, Red Hat|[Video](https://www.youtube.com/watch?v=k6)|-|",
      "",
    ].join("\n");
    expect(facts(page).map((f) => [f.title, f.speakers])).toEqual([
      ["Low Latency Multi-cluster Networking", ["Paul Fisher"]],
      ["Multiple Networks for Workloads", ["Piotr Skamruk", "Doug Smith"]],
      ["Build Your Own Private 5G Network", ["Frank Zdarsky", "Raymond Knopp"]],
      ["Attacking and Defending Kube...", ["Brad Geesaman", "Jimmy Mesta", "Peter Benjamin"]],
      ["Reflections", ["Kelsey Hightower"]],
      ["Wait, People Run Kubernetes on Mainframes?", ["Elizabeth K. Joseph"]],
    ]);
  });

  it("a watch list: the links that end 'by Name' vote among themselves; leading 'EVENT Year:' leads vote as events", () => {
    // Most items of a watch list name nobody: a capitalised title before a dash ("Mastering Chaos - …") is no column of names.
    const articles = ["Chaos Monkey for Fun and Profit", "Inside Azure Search", "The Netflix Simian Army", "Automated Failure Testing", "Weathering the Unexpected", "Chaos Engineering Traps"];
    const page = [
      "## Culture",
      "",
      ...articles.map((t, i) => `* [${t}](https://blog.example/${i})`),
      "* [Principles Of Chaos Engineering](http://principlesofchaos.org/)",
      "* [SRECON17: Principles of Chaos Engineering](https://www.youtube.com/watch?v=c1)",
      "* [Chaos Engineering by Lorin Hochstein](https://www.youtube.com/watch?v=c2)",
      "* [O'Reilly Velocity San Jose 2017: Precision Chaos](https://www.youtube.com/watch?v=c3)",
      "* [Problem Detection by John Allspaw](https://www.youtube.com/watch?v=c4)",
      "* [PuppetConf 2016: Chaos Patterns - Architecting for Failure](https://youtu.be/c5)",
      "* [GOTO 2018 - Breaking Things on Purpose](https://youtu.be/c6)",
      "* [Mastering Chaos - A Netflix Guide to Microservices](https://www.youtube.com/watch?v=c7)",
      "",
    ].join("\n");
    expect(facts(page).slice(articles.length).map((f) => [f.title, f.speakers, f.event, f.year])).toEqual([
      ["Principles Of Chaos Engineering", undefined, undefined, undefined],
      ["Principles of Chaos Engineering", undefined, "SRECON", 2017],
      ["Chaos Engineering", ["Lorin Hochstein"], undefined, undefined],
      ["Precision Chaos", undefined, "O'Reilly Velocity San Jose", 2017],
      ["Problem Detection", ["John Allspaw"], undefined, undefined],
      ["Chaos Patterns - Architecting for Failure", undefined, "PuppetConf", 2016],
      ["Breaking Things on Purpose", undefined, "GOTO", 2018],
      ["Mastering Chaos - A Netflix Guide to Microservices", undefined, undefined, undefined],
    ]);
  });

  it("one title's own year and acronym make no event: 'CS50 2019 - Android Track' alone", () => {
    const page = "## Courses\n\n* [CS50 2019 - Android Track](https://www.youtube.com/playlist?list=x) - David J. Malan\n* [Intro to Databases](https://www.youtube.com/playlist?list=y) - Carter Zenke\n";
    expect(facts(page)[0]).toMatchObject({ title: "CS50 2019 - Android Track" });
    expect(facts(page)[0]!.event).toBeUndefined();
  });

  it("the prose after the link in no fixed order: names after 'by', names before 'at'/'@', the event beside them", () => {
    const page = [
      "### Videos",
      "",
      "- [gRPC: A High-performance RPC Framework](https://www.youtube.com/watch?v=g1) - GothamGo 2015 by Sameer Ajmani",
      "- [Scalable Realtime Microservices](https://www.youtube.com/watch?v=g2) - Mark Mandel @ Google",
      "- [Text to Speech server with gRPC](https://www.youtube.com/watch?v=g3) - justforfunc #12",
      "- [grpc: From Tutorial to Production](https://www.youtube.com/watch?v=g4) - GopherCon 2017 by Alan Shreve",
      "- [Modifying gRPC Services Over Time](https://www.youtube.com/watch?v=g5) - Eric Anderson, Google at KubeCon + CloudNativeCon 2017 - Austin",
      "- [Generating Unified APIs](https://www.infoq.com/presentations/g6) - A video on Protocol Buffers, gRPC and Envoy from Lyft.",
      "- [Moving to gRPC Java](https://www.youtube.com/watch?v=g7) - Mya Pitzeruse at Indeed.com",
      "",
    ].join("\n");
    expect(facts(page).map((f) => [f.speakers, f.event, f.year])).toEqual([
      [["Sameer Ajmani"], "GothamGo", 2015],
      [["Mark Mandel"], undefined, undefined],
      [undefined, undefined, undefined],
      [["Alan Shreve"], "GopherCon", 2017],
      [["Eric Anderson"], "KubeCon + CloudNativeCon", 2017],
      [undefined, undefined, undefined],
      [["Mya Pitzeruse"], undefined, undefined],
    ]);
  });
});

describe("one speaker's talks by year: the events before the links, the venues of a talk given several times (#23)", () => {
  it("'Event [Year] - [Title](…)' under a year heading: the column of events, voted, takes the events that state no year", () => {
    const page = [
      "# Talks",
      "",
      "## 2021",
      "",
      "- Droidcon London 2021 - [Detekt - State of the Union](https://bit.ly/a1) [Video](https://www.droidcon.com/2021/a1/)",
      "- GDG Hamburg Android - [There is 1 broken API among us](https://bit.ly/a2)",
      "- Kotlin London User Group - [Hello Kotlin](https://bit.ly/a3)",
      "- Pointer Podcast - [pointer[35]: Kotlin e Open Source](https://pointerpodcast.it/p/pointer35/)",
      "- DevFest DACH - [Devops-ify your life](https://bit.ly/a4)",
      "",
    ].join("\n");
    expect(facts(page).map((f) => [f.title, f.kind, f.event, f.year])).toEqual([
      ["Detekt - State of the Union", "talk", "Droidcon London", 2021],
      ["There is 1 broken API among us", "talk", "GDG Hamburg Android", 2021],
      ["Hello Kotlin", "talk", "Kotlin London User Group", 2021],
      ["pointer[35]: Kotlin e Open Source", "podcast", undefined, 2021],
      ["Devops-ify your life", "talk", "DevFest DACH", 2021],
    ]);
  });

  it("'[Title](slides) - Presented at:' over nested '[Event Year](video)': each video is the talk given there", () => {
    const page = [
      "# Talks",
      "",
      "## 2023",
      "",
      "- [The day I broke React Native](https://bit.ly/b1) - Presented at:",
      "  - [React Native EU 2023](https://www.youtube.com/watch?v=b2)",
      "  - [React Native London](https://www.youtube.com/watch?v=b3)",
      "",
    ].join("\n");
    expect(facts(page).slice(1).map((f) => [f.title, f.event, f.year])).toEqual([
      ["The day I broke React Native", "React Native EU", 2023],
      ["The day I broke React Native", "React Native London", 2023],
    ]);
  });
});

describe("a title emphasised before a '[video]' link, a date before a meeting's link (#23)", () => {
  it("'**Title** - Jane Doe [video](…)': the emphasis is the title, the names after it the speakers, voted", () => {
    const page = [
      "## Talks",
      "",
      "* **Hot reloading with time travel** - Dan Abramov [video](https://www.youtube.com/watch?v=b1)",
      "* **Immutable User Interfaces** - Lee Byron [video](https://www.youtube.com/watch?v=b2)",
      "* **React Native: Bringing modern web techniques to mobile** - Tom Occhino [video](https://www.youtube.com/watch?v=b3)",
      "",
    ].join("\n");
    expect(facts(page).map((f) => [f.title, f.speakers])).toEqual([
      ["Hot reloading with time travel", ["Dan Abramov"]],
      ["Immutable User Interfaces", ["Lee Byron"]],
      ["React Native: Bringing modern web techniques to mobile", ["Tom Occhino"]],
    ]);
  });

  it("'**March 2019**: [Title](…) by Jane Doe': the meeting's date gives the year", () => {
    const page = "## Meetups\n\n- **March 2019**: [Scaling Postgres](https://www.youtube.com/watch?v=m1) by Jane Doe\n- **April 2019**: [Fun with Types](https://www.youtube.com/watch?v=m2) by John Roe\n";
    expect(facts(page).map((f) => [f.title, f.speakers, f.year])).toEqual([
      ["Scaling Postgres", ["Jane Doe"], 2019],
      ["Fun with Types", ["John Roe"], 2019],
    ]);
  });
});

describe("an archive's heading per talk over list items of labels (#23)", () => {
  it("'### Title (2020.5.13)' over '- Speaker: Jane Doe (Acme)' and '- [Recording](…)': the heading titles the talk, its date and the label give the facts", () => {
    const page = [
      "# Archive",
      "",
      "## Past Meetups",
      "",
      "### Introduction to Vue-rx (2020.4.15)",
      "",
      "- Speaker: Daren McCulley (SOS International)",
      "- [Recording](https://youtu.be/v1)",
      "- [Sandbox Code](https://github.com/mcculleydj/rxjs-sandbox)",
      "",
      "### Kick Those Scripts to the Sandbox (2019.12.18)",
      "- Speaker: Andrew Dunkman",
      "- [Recording](https://www.youtube.com/watch?v=v2)",
      "",
    ].join("\n");
    const talks = parsePage(page, "p.md").entries.filter((e) => e.kind === "talk");
    expect(talks.map((e) => [e.title, e.speakers, e.year])).toEqual([
      ["Introduction to Vue-rx", ["Daren McCulley"], 2020],
      ["Kick Those Scripts to the Sandbox", ["Andrew Dunkman"], 2019],
    ]);
  });
});
