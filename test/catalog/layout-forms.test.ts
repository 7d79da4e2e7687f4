// The layouts #23 names, as real pages vary them: several items each, varied names, with and
// without emphasis, lengths and years in headings or items (src/catalog/layout.ts).
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/catalog/parse-page";

const facts = (page: string) =>
  parsePage(page, "p.md").entries.map((e) => {
    const out: Record<string, unknown> = { title: e.title, kind: e.kind };
    if (e.speakers.length > 0) out.speakers = e.speakers;
    if (e.authors.length > 0) out.authors = e.authors;
    if (e.event !== undefined) out.event = e.event;
    if (e.year !== undefined) out.year = e.year;
    if (e.duration !== undefined) out.duration = e.duration;
    return out;
  });
const pick = (page: string, keys: string[]) => facts(page).map((e) => Object.fromEntries(keys.filter((k) => k in e).map((k) => [k, e[k]])));

describe("form 1: '[Jane Doe: **Title**](url) [47:26]' under year headings", () => {
  it("reads speaker, title, length and the heading's year, two speakers too", () => {
    const page = [
      "# Must-watch talks", "", "## 2021", "",
      "- [Ada Lovelace: **The Analytical Engine, Revisited**](https://www.youtube.com/watch?v=b1) [38:02]",
      "- [Grace Hopper & Alan Kay: **Nanoseconds**](https://www.youtube.com/watch?v=b2) [1:02:11]",
      "- [Linus Torvalds: **Why Git?**](https://vimeo.com/b3) [12:40]",
      "", "## 2020", "",
      "- [Margaret Hamilton: **Software Engineering at NASA**](https://www.youtube.com/watch?v=b4) [47:26]",
      "- [Ken Thompson: **Reflections on Trust**](https://www.youtube.com/watch?v=b5)",
      "",
    ].join("\n");
    expect(facts(page)).toEqual([
      { title: "The Analytical Engine, Revisited", kind: "talk", speakers: ["Ada Lovelace"], year: 2021, duration: 2282 },
      { title: "Nanoseconds", kind: "talk", speakers: ["Grace Hopper", "Alan Kay"], year: 2021, duration: 3731 },
      { title: "Why Git?", kind: "talk", speakers: ["Linus Torvalds"], year: 2021, duration: 760 },
      { title: "Software Engineering at NASA", kind: "talk", speakers: ["Margaret Hamilton"], year: 2020, duration: 2846 },
      { title: "Reflections on Trust", kind: "talk", speakers: ["Ken Thompson"], year: 2020 },
    ]);
  });

  it("without the emphasis, when the list votes names before the colon", () => {
    const page = [
      "## 2019", "",
      "- [Sandi Metz: All the Little Things](https://www.youtube.com/watch?v=c1) [38:47]",
      "- [Rich Hickey: Simple Made Easy](https://www.infoq.com/presentations/c2) [1:01:26]",
      "- [Gary Bernhardt: Wat](https://www.destroyallsoftware.com/talks/wat) [4:17]",
      "- [Bret Victor: Inventing on Principle](https://vimeo.com/36579366) [54:20]",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers", "year", "duration"])).toEqual([
      { title: "All the Little Things", speakers: ["Sandi Metz"], year: 2019, duration: 2327 },
      { title: "Simple Made Easy", speakers: ["Rich Hickey"], year: 2019, duration: 3686 },
      { title: "Wat", speakers: ["Gary Bernhardt"], year: 2019, duration: 257 },
      { title: "Inventing on Principle", speakers: ["Bret Victor"], year: 2019, duration: 3260 },
    ]);
  });
});

describe("form 2: '[**Title**](url) - Jane Doe at SomeConf 2014'", () => {
  it("speaker, event and year, with several speakers and multi-word events", () => {
    const page = [
      "## Talks", "",
      "- [**Hidden Costs of Closures**](https://www.youtube.com/watch?v=d1) - Maria Gonzalez at JSConf EU 2019",
      "- [**Async All the Way**](https://www.youtube.com/watch?v=d2) - Tom Baker and Ann Lee at Strange Loop 2014",
      "- [**Typing Python**](https://www.youtube.com/watch?v=d3) - Guido van Rossum at PyCon US 2017",
      "- [**Streams**](https://vimeo.com/d4) - Ivan Petrov at NodeConf 2016",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year"])).toEqual([
      { title: "Hidden Costs of Closures", speakers: ["Maria Gonzalez"], event: "JSConf EU", year: 2019 },
      { title: "Async All the Way", speakers: ["Tom Baker", "Ann Lee"], event: "Strange Loop", year: 2014 },
      { title: "Typing Python", speakers: ["Guido van Rossum"], event: "PyCon US", year: 2017 },
      { title: "Streams", speakers: ["Ivan Petrov"], event: "NodeConf", year: 2016 },
    ]);
  });
});

describe("form 3: '[**Title** - Jane Doe, Clean Code Days 2008](url)'", () => {
  it("speaker, event and year leave the link's text", () => {
    const page = [
      "## Videos", "",
      "- [**Functional Core** - Chen Wei, GOTO Amsterdam 2014](https://www.youtube.com/watch?v=e1)",
      "- [**Boundaries** - Olga Ivanova and Sam Smith, NDC Oslo 2015](https://vimeo.com/e2)",
      "- [**Hexagons** - Pierre Dupont, Clean Code Days 2008](https://www.youtube.com/watch?v=e3)",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year"])).toEqual([
      { title: "Functional Core", speakers: ["Chen Wei"], event: "GOTO Amsterdam", year: 2014 },
      { title: "Boundaries", speakers: ["Olga Ivanova", "Sam Smith"], event: "NDC Oslo", year: 2015 },
      { title: "Hexagons", speakers: ["Pierre Dupont"], event: "Clean Code Days", year: 2008 },
    ]);
  });
});

describe("form 3b: '[2022: \"Title\" by Jane Doe at SomeConf](url) [slides]', one paragraph an item", () => {
  const page = [
    "## Talks and papers", "",
    '[2022: "Safer Stacks: Bounds in Practice" by Chen Wei at Black Hat USA](https://talks.example.org/2022/chen.pdf) [slides] [[code](https://github.com/chenwei/stacks)]', "",
    '[2021: "Undoing Workarounds" at USENIX](https://papers.example.org/sec21-undo.pdf) [paper]', "",
    '[2020: "Guarding the Kernel" by Olga Ivanova and Sam Smith at Linux Plumbers](https://www.youtube.com/watch?v=k3)', "",
    '[2019: "Shadow Boxes" by Pierre Dupont](https://blog.example.org/2019/shadow-boxes/) [article]', "",
    '[2024: "Beyond the Edges of Control-Flow Protection" by Lukas Maier et. al](https://papers.example.org/beyond.pdf) [paper]', "",
  ].join("\n");

  it("the quoted title, the names after 'by', the event after 'at', the year before the colon", () => {
    expect(pick(page, ["title", "speakers", "authors", "event", "year"])).toEqual([
      { title: "Safer Stacks: Bounds in Practice", speakers: ["Chen Wei"], event: "Black Hat USA", year: 2022 },
      { title: "Undoing Workarounds", event: "USENIX", year: 2021 },
      { title: "Guarding the Kernel", speakers: ["Olga Ivanova", "Sam Smith"], event: "Linux Plumbers", year: 2020 },
      { title: "Shadow Boxes", authors: ["Pierre Dupont"], year: 2019 },
      { title: "Beyond the Edges of Control-Flow Protection", authors: ["Lukas Maier"], year: 2024 },
    ]);
  });

  it("the word after the link says what a PDF holds: slides are a talk's, before its other links' labels", () => {
    expect(pick(page, ["kind"]).map((e) => e.kind)).toEqual(["talk", "paper", "talk", "article", "paper"]);
  });

  it("a PDF with no word of its own stays a paper; an event needs the list's vote, one 'at' among plain titles is prose", () => {
    const plain = [
      "## Reading", "",
      '[2021: "Notes on Kernels" by Chen Wei](https://papers.example.org/notes.pdf)', "",
      '[2020: "Working at Scale"](https://blog.example.org/2020/scale/)', "",
      '[2019: "Lessons" by Olga Ivanova at home](https://blog.example.org/2019/lessons/)', "",
      '[2018: "Kernels" by Sam Smith](https://blog.example.org/2018/kernels/)', "",
    ].join("\n");
    const read = pick(plain, ["title", "kind", "event"]);
    expect(read[0]).toEqual({ title: "Notes on Kernels", kind: "paper" });
    expect(read[1]!.title).toBe("Working at Scale");
    expect(read.every((e) => e.event === undefined)).toBe(true);
  });
});

describe("form 3c: '[English] Title - Jane Doe - SomeConf 2025 - by Channel ~ [video](url)', links titled by their kind", () => {
  const page = [
    "## 2025",
    "- [English] Scope in Style Sheets - Chen Wei - CSS Day 2025 - by Web Conferences Amsterdam ~ [video](https://www.youtube.com/watch?v=w1)",
    "- [English] Level, Up your Scrolling - Olga Ivanova - CSS Day 2025 - by Web Conferences Amsterdam ~ [video](https://www.youtube.com/watch?v=w2)",
    "- [Portuguese] Speculations about Loading - Pierre Dupont - performance.sync() 2025 - by Web Conferences Amsterdam ~ [video](https://www.youtube.com/watch?v=w3)",
    "- [English] Cheap Fonts for Everyone - Sam Smith - CSS Day 2025 - by Web Conferences Amsterdam ~ [video](https://www.youtube.com/watch?v=w4)",
    "- [English] The Hidden Cost of Videos - by NY Web Performance Meetup ~ [video](https://www.youtube.com/watch?v=w5)",
    "",
    "## 2014",
    "- [English] Delivering the Goods (2014) - by Paul Irish ~ [video](https://www.youtube.com/watch?v=w6) / [slides](https://docs.example.org/deck)",
    "- [English] Made Easy (Google I/O '18) - by Ewa Kowalska, Addy Osmani ~ [video](https://www.youtube.com/watch?v=w7)",
    "",
  ].join("\n");

  it("the language label is no part of the title; the names stand second, after the title's dash", () => {
    expect(pick(page, ["title", "speakers", "year"]).slice(0, 4)).toEqual([
      { title: "Scope in Style Sheets", speakers: ["Chen Wei"], year: 2025 },
      { title: "Level, Up your Scrolling", speakers: ["Olga Ivanova"], year: 2025 },
      { title: "Speculations about Loading", speakers: ["Pierre Dupont"], year: 2025 },
      { title: "Cheap Fonts for Everyone", speakers: ["Sam Smith"], year: 2025 },
    ]);
  });

  it("a channel after 'by' is no speaker; a meetup there is the event; a year in the title's bracket leaves it", () => {
    expect(pick(page, ["title", "speakers", "event", "year"]).slice(4)).toEqual([
      { title: "The Hidden Cost of Videos", event: "NY Web Performance Meetup", year: 2025 },
      { title: "Delivering the Goods", speakers: ["Paul Irish"], year: 2014 },
      { title: "Made Easy", speakers: ["Ewa Kowalska", "Addy Osmani"], event: "Google I/O", year: 2018 },
    ]);
  });
});

describe("form 3d: a meeting's agenda tables, '| 1:00 pm | Title ([Slides][s], [Video][v]) | [Jane Doe] |'", () => {
  it("the title is the link's cell, the speaker the Speaker cell; the year and the event from a heading 'YEAR Annual X Meeting'", () => {
    const page = [
      "# 2023 Annual Solver Meeting", "", "## Agenda", "", "### Monday, June 5", "",
      "| Time | Title | Speaker |",
      "| --- | --- | --- |",
      "| 10:00 am | Newbie tutorial ([Slides][s_00], [Video][v_00]) | |",
      "| 1:00 pm | Thoughts on the future ([Slides][s_01], [Video][v_01]) | [Chen Wei] |",
      "| 1:30 pm | Mini tutorial: DMNetwork ([Slides][s_02], video unavailable) | [Olga Ivanova (Ms.)] |",
      "", "[s_00]: https://example.org/slides/00.pdf", "[v_00]: https://youtu.be/v00", "[s_01]: https://example.org/slides/01.pdf", "[v_01]: https://youtu.be/v01", "[s_02]: https://example.org/slides/02.pdf", "",
    ].join("\n");
    expect(pick(page, ["title", "kind", "speakers", "event", "year"])).toEqual([
      { title: "Newbie tutorial", kind: "talk", event: "Annual Solver Meeting", year: 2023 },
      { title: "Thoughts on the future", kind: "talk", speakers: ["Chen Wei"], event: "Annual Solver Meeting", year: 2023 },
      { title: "Mini tutorial: DMNetwork", kind: "talk", speakers: ["Olga Ivanova"], event: "Annual Solver Meeting", year: 2023 },
    ]);
  });
});

describe("form 4: an archive with a heading per talk", () => {
  it("title from the heading, speakers and event from the prose, slides related, profiles no entries", () => {
    const page = [
      "# Talk archive", "",
      "#### Building Compilers for Fun",
      "", "[[video](https://www.youtube.com/watch?v=f1)] [[slides](https://speakerdeck.com/x/f1)]", "",
      "A talk by Alice Walker and Bob Dylan at RubyConf 2011.", "",
      "#### Caching at Scale",
      "", "[[video](https://vimeo.com/f2)] [[slides](https://slideshare.net/x/f2)]", "",
      "_[Carol Danvers](https://twitter.com/carold) at [**Berlin.js Meetup**](https://berlinjs.org)_", "",
      "#### Types Without Tears",
      "", "[[video](https://www.youtube.com/watch?v=f3)]", "",
      "A talk by Dmitri Orlov at JSConf EU 2013.", "",
    ].join("\n");
    const entries = parsePage(page, "p.md").entries;
    expect(entries.map((e) => e.url)).toEqual(["https://www.youtube.com/watch?v=f1", "https://vimeo.com/f2", "https://www.youtube.com/watch?v=f3"]);
    expect(entries.map((e) => [e.title, e.speakers, e.event, e.year])).toEqual([
      ["Building Compilers for Fun", ["Alice Walker", "Bob Dylan"], "RubyConf", 2011],
      ["Caching at Scale", ["Carol Danvers"], "Berlin.js Meetup", undefined],
      ["Types Without Tears", ["Dmitri Orlov"], "JSConf EU", 2013],
    ]);
    expect(entries[0]!.related.map((r) => r.url)).toContain("https://speakerdeck.com/x/f1");
  });

  it("the speakers' line before the links: profiles or plain names 'at' the event, an emphasis left open", () => {
    const page = [
      "# Talk archive", "", "## Community", "",
      "#### Modules Explained", "",
      "_[Paula Joy](https://twitter.com/pjoy) at [**City Gophers**](https://twitter.com/citygophers)_", "",
      "[[video](https://youtu.be/m1)]", "[[slides](https://talks.example.org/m1.slide)]", "",
      "A description of the talk.", "",
      "#### Object Mappers", "",
      "_Renata Sole at [**City Gophers**](https://twitter.com/citygophers)_", "",
      "[[video](https://youtu.be/m2)]", "",
      "#### New Features", "",
      "_[Dani Marti](https://twitter.com/dmarti) and [Lu Chen](https://github.com/luchen) at [**Gopher Day 2018**](https://gopherday.example.org)\\_", "",
      "[[video](https://youtu.be/m3)]", "",
    ].join("\n");
    const entries = parsePage(page, "p.md").entries;
    expect(entries.map((e) => [e.url, e.title, e.kind, e.speakers, e.event, e.year])).toEqual([
      ["https://youtu.be/m1", "Modules Explained", "talk", ["Paula Joy"], "City Gophers", undefined],
      ["https://youtu.be/m2", "Object Mappers", "talk", ["Renata Sole"], "City Gophers", undefined],
      ["https://youtu.be/m3", "New Features", "talk", ["Dani Marti", "Lu Chen"], "Gopher Day", 2018],
    ]);
    expect(entries[0]!.related.map((r) => r.url)).toEqual(["https://talks.example.org/m1.slide"]);
  });

  it.each(["video and discussion", "video (starting at 14:35)", "Video (Russian)"])("a recording's link titled '%s' takes the heading's title", (text) => {
    const page = ["# Talks", "", "## Intro", "", "#### A Tour of Go", "", `[[${text}](https://example.org/tour)]`, "[[slides](https://example.org/tour.slide)]", ""].join("\n");
    expect(parsePage(page, "p.md").entries.map((e) => [e.title, e.kind])).toEqual([["A Tour of Go", "talk"]]);
  });

  it("a line of plain words 'at' a link that are no names stays as it was", () => {
    const page = ["# Links", "", "## Tools", "", "Find it at [the shop](https://shop.example.org)", "", "- [Tool](https://example.org/tool)", ""].join("\n");
    expect(parsePage(page, "p.md").entries.every((e) => e.speakers.length === 0)).toBe(true);
  });
});

describe("form 5: papers", () => {
  it("'[Title](url), A. Author and B. Author, SOSP '23'", () => {
    const page = [
      "## Papers", "",
      "- [Spanner: Globally Distributed](https://research.google/pubs/pub39966/), J. Corbett and J. Dean, OSDI '12",
      "- [Dynamo](https://www.allthingsdistributed.com/files/amazon-dynamo-sosp2007.pdf), G. DeCandia, D. Hastorun and M. Jampani, SOSP2007",
      "- [Chord](https://pdos.csail.mit.edu/papers/chord:sigcomm01/chord_sigcomm.pdf), I. Stoica and R. Morris, SIGCOMM '01",
      "",
    ].join("\n");
    expect(pick(page, ["title", "kind", "authors", "event", "year"])).toEqual([
      { title: "Spanner: Globally Distributed", kind: "paper", authors: ["J. Corbett", "J. Dean"], event: "OSDI", year: 2012 },
      { title: "Dynamo", kind: "paper", authors: ["G. DeCandia", "D. Hastorun", "M. Jampani"], event: "SOSP", year: 2007 },
      { title: "Chord", kind: "paper", authors: ["I. Stoica", "R. Morris"], event: "SIGCOMM", year: 2001 },
    ]);
  });

  it("'Title. A. Author, B. Author. In OSDI 2004.'", () => {
    const page = [
      "## Papers", "",
      "- [MapReduce: Simplified Data Processing](https://research.google/pubs/pub62/). J. Dean, S. Ghemawat. In OSDI 2004.",
      "- [Bigtable: A Distributed Storage System](https://research.google/pubs/pub27898/). F. Chang, J. Dean, S. Ghemawat. In OSDI 2006.",
      "- [The Chubby Lock Service](https://research.google/pubs/pub27897/). M. Burrows. In OSDI 2006.",
      "",
    ].join("\n");
    expect(pick(page, ["title", "authors", "event", "year"])).toEqual([
      { title: "MapReduce: Simplified Data Processing", authors: ["J. Dean", "S. Ghemawat"], event: "OSDI", year: 2004 },
      { title: "Bigtable: A Distributed Storage System", authors: ["F. Chang", "J. Dean", "S. Ghemawat"], event: "OSDI", year: 2006 },
      { title: "The Chubby Lock Service", authors: ["M. Burrows"], event: "OSDI", year: 2006 },
    ]);
  });

  it("'[Title](url) by A. Author et al. (2019)'", () => {
    const page = [
      "## Papers", "",
      "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) by A. Vaswani et al. (2017)",
      "- [Deep Residual Learning](https://arxiv.org/abs/1512.03385) by K. He et al. (2015)",
      "- [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980) by D. Kingma and J. Ba (2014)",
      "",
    ].join("\n");
    expect(pick(page, ["title", "authors", "year"])).toEqual([
      { title: "Attention Is All You Need", authors: ["A. Vaswani"], year: 2017 },
      { title: "Deep Residual Learning", authors: ["K. He"], year: 2015 },
      { title: "Adam: A Method for Stochastic Optimization", authors: ["D. Kingma", "J. Ba"], year: 2014 },
    ]);
  });
});

describe("form 6: an event next to a year", () => {
  it("a heading '## ReactConf 2019' is the event of its talks", () => {
    const page = "## ReactConf 2019\n\n- [Hooks in Depth](https://www.youtube.com/watch?v=g1) by Jane Doe\n- [Suspense](https://www.youtube.com/watch?v=g2) by John Roe\n";
    expect(pick(page, ["event", "year"])).toEqual([{ event: "ReactConf", year: 2019 }, { event: "ReactConf", year: 2019 }]);
  });
  it("an item's 'JSConf EU 2019' after the speaker", () => {
    const page = "## Talks\n\n- [Hooks in Depth](https://www.youtube.com/watch?v=h1) - Jane Doe, JSConf EU 2019\n- [Suspense](https://www.youtube.com/watch?v=h2) - John Roe, PyCon US 2017\n- [Loops](https://www.youtube.com/watch?v=h3) - Ann Lee, Strange Loop 2014\n";
    expect(pick(page, ["speakers", "event", "year"])).toEqual([
      { speakers: ["Jane Doe"], event: "JSConf EU", year: 2019 },
      { speakers: ["John Roe"], event: "PyCon US", year: 2017 },
      { speakers: ["Ann Lee"], event: "Strange Loop", year: 2014 },
    ]);
  });
});

describe("form 7: prose explaining a section", () => {
  it("a paragraph of sentences with links is the section's description; a link alone stays an entry", () => {
    const page = [
      "## Talks", "",
      "This section collects talks about [Rust](https://www.rust-lang.org) and its ecosystem. See also [the book](https://doc.rust-lang.org/book/) for more.", "",
      "- [Talk One](https://www.youtube.com/watch?v=i1) by Jane Doe",
      "- [Talk Two](https://www.youtube.com/watch?v=i2) by John Roe", "",
      "[A link alone](https://example.com/alone)", "",
    ].join("\n");
    expect(parsePage(page, "p.md").entries.map((e) => e.url)).toEqual(["https://www.youtube.com/watch?v=i1", "https://www.youtube.com/watch?v=i2", "https://example.com/alone"]);
  });
});

describe("form 7a: a sentence whose link is called 'here'", () => {
  it.each([
    ["(There is a good list of talks about JS to be found [here](https://github.com/a/js-must-watch))", 0],
    ["A longer list of talks about JavaScript is kept [here](https://github.com/a/js-must-watch).", 0],
    // Too short to be a sentence that explains anything: the link the paragraph gives.
    ["Slides are [here](https://example.com/slides).", 1],
  ])("%s", (paragraph, entries) => {
    const page = ["## JavaScript", "", paragraph, "", "- [Talk One](https://www.youtube.com/watch?v=i1) by Jane Doe", ""].join("\n");
    expect(parsePage(page, "p.md").entries.length - 1).toBe(entries);
  });
});

describe("form 7b: what a section's prose says is kept, and what is no entry (#23)", () => {
  it("keeps the explaining paragraph as the heading's description", () => {
    const page = [
      "## Talks", "",
      "This section collects talks about [Rust](https://www.rust-lang.org) and its ecosystem. See also [the book](https://doc.rust-lang.org/book/) for more.", "",
      "- [Talk One](https://www.youtube.com/watch?v=i1) by Jane Doe", "",
      "## Other", "",
      "- [Other](https://example.com/other)",
    ].join("\n");
    const parsed = parsePage(page, "p.md");
    expect(parsed.headings.map((h) => h.description)).toEqual(["This section collects talks about Rust and its ecosystem. See also the book for more.", undefined]);
  });

  it("list items of prose are no entries; items led by a link, or by a label and a link with a description, are", () => {
    const page = [
      "## Fine-tuning", "",
      "- **Training techniques**: Parameter-efficient fine-tuning techniques like [LoRA](https://arxiv.org/abs/2106.09685) reduce memory requirements by training a small number of adapter parameters.",
      "- **Zoom** - [Very bad privacy policy](https://tosdr.org/en/service/2198). Apps have [Google trackers](https://reports.example.org/zoom/). Many permissions required.",
      "- [Unsloth](https://github.com/unslothai/unsloth) - Fine-tune faster; see [the docs](https://docs.unsloth.ai/) for the many options it has.",
      "- **Jane Doe**: [Fine-tuning in practice](https://www.youtube.com/watch?v=f1) - a long description of the talk, with many words in it.",
      "- **Intro to LoRA**: [video](https://www.youtube.com/watch?v=f2), [slides](https://example.com/lora.pdf)",
    ].join("\n");
    expect(parsePage(page, "p.md").entries.map((e) => e.url)).toEqual(["https://github.com/unslothai/unsloth", "https://www.youtube.com/watch?v=f1", "https://www.youtube.com/watch?v=f2"]);
  });

  it("an app-store link nested under an app is its related link; CONTRIBUTING and LICENSE links are no entries", () => {
    const page = [
      "_Please read the [contribution guidelines](CONTRIBUTING.md) first._", "",
      "## Media", "",
      "- [Player](https://github.com/example/player) - Plays things.",
      "  - [App Store](https://apps.apple.com/app/player/id123)",
      "- [Other player](https://example.org/player)", "",
      "## License", "",
      "- [LICENSE](LICENSE)",
    ].join("\n");
    const entries = parsePage(page, "p.md").entries;
    expect(entries.map((e) => e.url)).toEqual(["https://github.com/example/player", "https://example.org/player"]);
    expect(entries[0]!.related).toEqual([{ title: "App Store", url: "https://apps.apple.com/app/player/id123" }]);
  });

  it("a documentation page is a page, whatever byline follows it", () => {
    const page = [
      "## References", "",
      "- [Chat Template](https://huggingface.co/docs/transformers/chat_templating) by Hugging Face: the documentation about chat templates.",
      "- [Decoding strategies](https://mlabonne.github.io/blog/posts/decoding.html) by Maxime Labonne: a visual introduction.",
      "- [Lighteval](https://lighteval.readthedocs.io/en/latest/) by Hugging Face: an evaluation framework.",
    ].join("\n");
    expect(pick(page, ["kind", "authors"])).toEqual([{ kind: "page" }, { kind: "article", authors: ["Maxime Labonne"] }, { kind: "page" }]);
  });

  it("a show's page on a blog under a podcasts heading is a podcast; a blog post elsewhere an article", () => {
    const page = [
      "# Podcasts", "",
      "## Web", "",
      "- [CodePen Radio](https://blog.codepen.io/radio/) - A podcast about running a web business.",
      "- [Dithering](https://daringfireball.net/2020/05/dithering)", "",
      "## Articles", "",
      "- [Scaling](https://blog.example.com/scaling-things/) - How we scaled.",
    ].join("\n");
    expect(pick(page, ["kind"])).toEqual([{ kind: "podcast" }, { kind: "podcast" }, { kind: "article" }]);
  });

  it("the people a show names are its hosts: no speakers, still in its description", () => {
    const page = [
      "# Podcasts", "", "## Shows", "",
      "- [Gopher Radio](https://soundcloud.com/x/sets/gopher-radio) – by Anna Weber, Louis Petit in French.",
      "- [Go Hour](https://gohour.fm) - A weekly show.", "",
      "## Talks", "",
      "- [Fast Builds](https://www.youtube.com/watch?v=b1) by Jane Doe",
    ].join("\n");
    const entries = parsePage(page, "p.md").entries;
    expect(entries.map((e) => [e.kind, e.speakers])).toEqual([["podcast", []], ["podcast", []], ["talk", ["Jane Doe"]]]);
    expect(entries[0]!.description).toBe("by Anna Weber, Louis Petit in French.");
    expect(entries[0]!.speaker).toBeUndefined();
  });
});

describe("both ends of a link's text read as names: the column more like people's names is the speakers", () => {
  it("'Title - Jane Doe (2016)' where titles are capitalised words, and a year in brackets alone", () => {
    const page = [
      "## Design", "",
      "- [Immutable User Interfaces - Lee Byron (2016)](https://www.youtube.com/watch?v=d1)",
      "- [When We Build - Wilson Miner (2012)](https://vimeo.com/d2)",
      "- [Designing Better Things - Ada Lovelace (2014)](https://www.youtube.com/watch?v=d3)",
      "- [Building a Bank with Go (2017)](https://www.infoq.com/presentations/d4)",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers", "year"])).toEqual([
      { title: "Immutable User Interfaces", speakers: ["Lee Byron"], year: 2016 },
      { title: "When We Build", speakers: ["Wilson Miner"], year: 2012 },
      { title: "Designing Better Things", speakers: ["Ada Lovelace"], year: 2014 },
      { title: "Building a Bank with Go", year: 2017 },
    ]);
  });

  it("'Jane Doe - Title' where the speakers repeat", () => {
    const page = [
      "## Talks", "",
      "- [Rich Hickey - Simple Made Easy](https://www.infoq.com/presentations/e1)",
      "- [Rich Hickey - Hammock Driven Development](https://www.youtube.com/watch?v=e2)",
      "- [Bret Victor - Inventing on Principle](https://vimeo.com/e3)",
      "- [Bret Victor - Media for Thinking the Unthinkable](https://vimeo.com/e4)",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers"])).toEqual([
      { title: "Simple Made Easy", speakers: ["Rich Hickey"] },
      { title: "Hammock Driven Development", speakers: ["Rich Hickey"] },
      { title: "Inventing on Principle", speakers: ["Bret Victor"] },
      { title: "Media for Thinking the Unthinkable", speakers: ["Bret Victor"] },
    ]);
  });
});

describe("text before the link does not stop the text after it being read", () => {
  it("'In German: [Title](url) – Jane Doe at SomeConf 2016'", () => {
    const page = [
      "## Recorded talks", "",
      "* [Prometheus Overview](https://www.youtube.com/watch?v=f1) – Brian Brazil at FOSDEM 2016.",
      "* [Monitoring Hadoop](https://www.youtube.com/watch?v=f2) – Jamie Wilkinson at Monitorama PDX 2015.",
      "* In German: [Monitoring mit Prometheus](https://media.ccc.de/v/f3) – Michael Stapelberg at [Easterhegg 2016](https://eh16.easterhegg.eu/).",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year"])).toEqual([
      { title: "Prometheus Overview", speakers: ["Brian Brazil"], event: "FOSDEM", year: 2016 },
      { title: "Monitoring Hadoop", speakers: ["Jamie Wilkinson"], event: "Monitorama PDX", year: 2015 },
      { title: "Monitoring mit Prometheus", speakers: ["Michael Stapelberg"], event: "Easterhegg", year: 2016 },
    ]);
  });
});

describe("'[Title](url) - Jane Doe (Affiliation) 2013' in short lists under topic headings", () => {
  it("the speaker before the bracket, the year after it, the affiliation no event", () => {
    const page = [
      "## Tutorials and talks", "",
      "#### Vision", "",
      " * [The Three R's of Vision](https://www.youtube.com/watch?v=g1) - Ada Lovelace (UC Berkeley) 2013",
      " * [Applications to Vision](http://videolectures.net/g2/) - Grace Hopper (Microsoft Research) 2008",
      "", "#### Learning", "",
      " * [Learning in Vision](http://videolectures.net/g3/) - Alan Turing (MIT) 2011",
      " * [Inference in Vision](http://videolectures.net/g4/) Edsger Dijkstra (CMU) 2009",
      "", "#### Conferences", "",
      "- [CVPR 2014](http://techtalks.tv/g5/) - Jun 2014",
      "- [ICML 2013](http://techtalks.tv/g6/) - Jul 2013",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year"])).toEqual([
      { title: "The Three R's of Vision", speakers: ["Ada Lovelace"], year: 2013 },
      { title: "Applications to Vision", speakers: ["Grace Hopper"], year: 2008 },
      { title: "Learning in Vision", speakers: ["Alan Turing"], year: 2011 },
      { title: "Inference in Vision", speakers: ["Edsger Dijkstra"], year: 2009 },
      { title: "CVPR 2014", event: "CVPR", year: 2014 },
      { title: "ICML 2013", event: "ICML", year: 2013 },
    ]);
  });
});

describe("talks nested under an entry that names an event", () => {
  it("take its event and the year it states", () => {
    const page = [
      "## Deep Learning", "",
      " * [A tutorial on Deep Learning](http://videolectures.net/h1/) - Geoffrey E. Hinton (University of Toronto)",
      " * [Machine Learning Summer School](https://www.youtube.com/channel/h2) - Reykjavik, Iceland 2014",
      "\t* [Deep Learning Session 1](https://www.youtube.com/watch?v=h3) - Yoshua Bengio (University of Montreal)",
      "\t* [Deep Learning Session 2](https://www.youtube.com/watch?v=h4) - Yoshua Bengio (University of Montreal)",
      "",
    ].join("\n");
    const read = pick(page, ["title", "speakers", "event", "year"]);
    expect(read[2]).toEqual({ title: "Deep Learning Session 1", speakers: ["Yoshua Bengio"], event: "Machine Learning Summer School", year: 2014 });
    expect(read[3]).toEqual({ title: "Deep Learning Session 2", speakers: ["Yoshua Bengio"], event: "Machine Learning Summer School", year: 2014 });
  });
});

describe("'[Title](slides.pdf) at [Event 2019](url) [[slides]](url)' under a talks heading", () => {
  it("the event from the link after 'at', a PDF a talk's deck, a labelling profile no entry", () => {
    const page = [
      "# Tech talks", "",
      "* [Head First Reporting](https://static.sched.com/hosted_files/x/talk.pdf) at [SOSS Community Day (Japan, 2024)](https://events.example.org/)",
      "* [syzkaller: adventures](https://www.youtube.com/watch?v=k1)",
      "at [BlueHatIL 2020](https://www.bluehatil.com)",
      "[[slides]](https://cdn.example.org/k1.pdf)",
      "* [Fuzzing in practice](http://0x1.tv/k2) at ISPRASOPEN-2019 (in Russian)",
      "", "# Articles", "",
      "* From [Collabora](https://twitter.com/Collabora):",
      "  * [syzkaller: fuzzing the kernel](https://www.collabora.com/news-and-blog/blog/2020/03/26/k3/)",
      "",
    ].join("\n");
    expect(pick(page, ["title", "kind", "event", "year"])).toEqual([
      { title: "Head First Reporting", kind: "talk", event: "SOSS Community Day", year: 2024 },
      { title: "syzkaller: adventures", kind: "talk", event: "BlueHatIL", year: 2020 },
      { title: "Fuzzing in practice", kind: "talk", event: "ISPRASOPEN", year: 2019 },
      { title: "syzkaller: fuzzing the kernel", kind: "article" },
    ]);
  });
});

describe("the odd item of a list voting 'Title - Jane Doe'", () => {
  it("is read at its other end when a name stands there, after a dash", () => {
    const page = [
      "## JavaScript", "",
      "- [Visual JavaScript Experiments - Hakim El Hattab (2014)](https://www.youtube.com/watch?v=m1)",
      "- [Malte Ubl - Designing very large JavaScript applications (2018)](https://www.youtube.com/watch?v=m2)",
      "- [A Tour of Deep Learning With C++ - Peter Goldsborough (2017)](https://www.youtube.com/watch?v=m3)",
      "- [How Not To Die - Michael Greger (2016)](https://www.youtube.com/watch?v=m4)",
      "- [An Evil Copy: How the Loader Betrays You (2017)](https://www.youtube.com/watch?v=m5)",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers", "year"])).toEqual([
      { title: "Visual JavaScript Experiments", speakers: ["Hakim El Hattab"], year: 2014 },
      { title: "Designing very large JavaScript applications", speakers: ["Malte Ubl"], year: 2018 },
      { title: "A Tour of Deep Learning With C++", speakers: ["Peter Goldsborough"], year: 2017 },
      { title: "How Not To Die", speakers: ["Michael Greger"], year: 2016 },
      { title: "An Evil Copy: How the Loader Betrays You", year: 2017 },
    ]);
  });
});

describe("talk lists that name speakers in brackets, in italics after a middle dot, in sub-items", () => {
  it("'**Title** (Speaker) [video](url)': the bracket after the emphasised title names the speakers", () => {
    const page = ["# Talks", "", "## Talks", "",
      "- **Making Things Fast** (Jane Doe) [video](https://www.youtube.com/watch?v=c1)",
      "- **Slow Is Smooth** (John Roe) [video](https://www.youtube.com/watch?v=c2)",
      "- **On Caches** (Ana Lima, Bo Chen) [video](https://www.youtube.com/watch?v=c3)", ""].join("\n");
    expect(pick(page, ["title", "speakers"])).toEqual([
      { title: "Making Things Fast", speakers: ["Jane Doe"] },
      { title: "Slow Is Smooth", speakers: ["John Roe"] },
      { title: "On Caches", speakers: ["Ana Lima", "Bo Chen"] },
    ]);
  });

  it("'[Title](url) _by Speaker_ · 34 min': the middle dot separates facts", () => {
    const page = ["# Talks", "", "## Talks", "",
      "- [Making Things Fast](https://www.youtube.com/watch?v=g1) _by Jane Doe_ · 34 min",
      "- [Slow Is Smooth](https://www.youtube.com/watch?v=g2) _by John Roe_ · 12 min",
      "- [On Caches](https://www.youtube.com/watch?v=g3) Ana Lima · JSConf EU 2019 · 50 min", ""].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year", "duration"])).toEqual([
      { title: "Making Things Fast", speakers: ["Jane Doe"], duration: 2040 },
      { title: "Slow Is Smooth", speakers: ["John Roe"], duration: 720 },
      { title: "On Caches", speakers: ["Ana Lima"], event: "JSConf EU", year: 2019, duration: 3000 },
    ]);
  });

  it("'[Title](url)' over '  - Speaker, Event Year': the sub-item names the speakers, the event and the year", () => {
    const page = ["# Talks", "", "## Talks", "",
      "- [Making Things Fast](https://www.youtube.com/watch?v=i1)", "  - Jane Doe, JSConf EU 2019",
      "- [Slow Is Smooth](https://www.youtube.com/watch?v=i2)", "  - John Roe at RailsConf 2018",
      "- [On Caches](https://www.youtube.com/watch?v=i3)", "  - Ana Lima, Acme", ""].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year"])).toEqual([
      { title: "Making Things Fast", speakers: ["Jane Doe"], event: "JSConf EU", year: 2019 },
      { title: "Slow Is Smooth", speakers: ["John Roe"], event: "RailsConf", year: 2018 },
      { title: "On Caches", speakers: ["Ana Lima"] },
    ]);
  });
});

describe("paper lists whose sub-items and text before the link are citations", () => {
  it("'[Title](url)' over '  - A, B, C. SOSP 2003.': the sub-item's names, venue and year, its full stop after the year too", () => {
    const page = ["# Papers", "", "## Systems", "",
      "- [Paxos Made Simple](https://example.org/paxos.pdf)", "  - Leslie Lamport. SIGACT News 2001.",
      "- [The Google File System](https://example.org/gfs.pdf)", "  - Sanjay Ghemawat, Howard Gobioff, Shun-Tak Leung. SOSP 2003.",
      "- [MapReduce](https://example.org/mr.pdf)", "  - Jeffrey Dean, Sanjay Ghemawat. OSDI 2004.", ""].join("\n");
    expect(pick(page, ["title", "authors", "event", "year"])).toEqual([
      { title: "Paxos Made Simple", authors: ["Leslie Lamport"], event: "SIGACT News", year: 2001 },
      { title: "The Google File System", authors: ["Sanjay Ghemawat", "Howard Gobioff", "Shun-Tak Leung"], event: "SOSP", year: 2003 },
      { title: "MapReduce", authors: ["Jeffrey Dean", "Sanjay Ghemawat"], event: "OSDI", year: 2004 },
    ]);
  });

  it("'Family, F., and Family, F. \"[Title](url).\" Venue, Year.': the turned names before the quoted link", () => {
    const page = ["# Papers", "", "## Systems", "",
      '- Lamport, L. "[Paxos Made Simple](https://example.org/paxos.pdf)." ACM SIGACT News, 2001.',
      '- Ghemawat, S., Gobioff, H., and Leung, S. "[The Google File System](https://example.org/gfs.pdf)." SOSP, 2003.',
      '- Dean, J., and Ghemawat, S. "[MapReduce](https://example.org/mr.pdf)." OSDI, 2004.', ""].join("\n");
    expect(pick(page, ["title", "authors", "event", "year"])).toEqual([
      { title: "Paxos Made Simple", authors: ["Lamport, L."], event: "ACM SIGACT News", year: 2001 },
      { title: "The Google File System", authors: ["Ghemawat, S.", "Gobioff, H.", "Leung, S."], event: "SOSP", year: 2003 },
      { title: "MapReduce", authors: ["Dean, J.", "Ghemawat, S."], event: "OSDI", year: 2004 },
    ]);
  });
});

describe("authors after ' - ' with the first name turned, and author-year citations before the link", () => {
  it("'[Title](url) - Family, Given, Name Name, and Name Name, Venue Year'", () => {
    const page = ["# Papers", "", "## Synthesis", "",
      "- [Programs as Black-Box Explanations](https://arxiv.org/abs/1) - Singh, Sameer, Marco Tulio Ribeiro, and Carlos Guestrin, NIPS 2016.",
      "- [Lifelong Perceptual Programming](https://arxiv.org/abs/2) - Gaunt, Alexander L., Marc Brockschmidt, and Daniel Tarlow, 2017.",
      "- [Neural Programmer-Interpreters](https://arxiv.org/abs/3) - Reed, Scott, and Nando de Freitas, ICLR 2016.", ""].join("\n");
    expect(pick(page, ["title", "authors", "event", "year"])).toEqual([
      { title: "Programs as Black-Box Explanations", authors: ["Singh, Sameer", "Marco Tulio Ribeiro", "Carlos Guestrin"], event: "NIPS", year: 2016 },
      { title: "Lifelong Perceptual Programming", authors: ["Gaunt, Alexander L.", "Marc Brockschmidt", "Daniel Tarlow"], year: 2017 },
      { title: "Neural Programmer-Interpreters", authors: ["Reed, Scott", "Nando de Freitas"], event: "ICLR", year: 2016 },
    ]);
  });

  it("'Names. Year. [Title](url). In *Proceedings of X Year*.': the names are authors, not an event", () => {
    const page = ["# Papers", "", "## Training", "",
      "* Franz Josef Och. 2003. [Minimum Error Rate Training](https://example.org/p03). In *Proceedings of ACL 2003*.",
      "* Diederik P. Kingma, Jimmy Ba. 2015. [Adam: A Method for Stochastic Optimization](https://example.org/adam). In *Proceedings of ICLR 2015*.",
      "* Dekai Wu. 1997. [Stochastic Inversion Transduction Grammars](https://example.org/j97). *Computational Linguistics*.", ""].join("\n");
    expect(pick(page, ["title", "authors", "event", "year"])).toEqual([
      { title: "Minimum Error Rate Training", authors: ["Franz Josef Och"], event: "ACL", year: 2003 },
      { title: "Adam: A Method for Stochastic Optimization", authors: ["Diederik P. Kingma", "Jimmy Ba"], event: "ICLR", year: 2015 },
      { title: "Stochastic Inversion Transduction Grammars", authors: ["Dekai Wu"], event: "Computational Linguistics", year: 1997 },
    ]);
  });
});

describe("a table whose header names its columns: '| Title | Speaker | Video |'", () => {
  it("a link titled by a symbol takes the Title cell, the Speaker cell names the speakers", () => {
    const page = ["# Talks", "", "### JSConf EU 2019", "",
      "| Title | Speaker | Video | Link |", "| --- | --- | --- | --- |",
      "| The economics of open source | C J Silverio | [:arrow_forward:](https://youtu.be/a1) | [:arrow_right:](https://example.org/p1) |",
      "| Jane's talk | Jane Doe & John Roe | [\u25b6](https://youtu.be/a2) | |", ""].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year"])).toEqual([
      { title: "The economics of open source", speakers: ["C J Silverio"], event: "JSConf EU", year: 2019 },
      { title: "Jane's talk", speakers: ["Jane Doe", "John Roe"], event: "JSConf EU", year: 2019 },
    ]);
  });

  it("a Type column names each row's kind; a people column before the link gives speakers of videos and authors of articles, none to a podcast", () => {
    const page = ["# Resources", "",
      "| Level | Type | Year | Author | Link |", "|---|---|---|---|---|",
      "| Beginner | Video | 2021 | Jane Doe | [Modelling Together](https://example.org/v1) |",
      "| Advanced | Article | 2019 | John Roe, Ana Lima | [Stories of Domains](https://example.org/a1) |",
      "| Beginner | Podcast | 2020 | Mary Major | [Episode 12: Pictures](https://example.org/p1) |", ""].join("\n");
    expect(pick(page, ["title", "kind", "speakers", "authors", "year"])).toEqual([
      { title: "Modelling Together", kind: "talk", speakers: ["Jane Doe"], year: 2021 },
      { title: "Stories of Domains", kind: "article", authors: ["John Roe", "Ana Lima"], year: 2019 },
      { title: "Episode 12: Pictures", kind: "podcast", year: 2020 },
    ]);
  });

  it("Event and Date columns give the event (without its year or place) and the year; icon-titled links take the Title cell", () => {
    const page = ["# Talks", "",
      "| Date | Event | Title | Video | Slides |", "|---|---|---|---|---|",
      "| October 2022 | NSConnect | Inside the Refactor | [:octicons-play-24: Video](https://events.example.org/s1) | [:material-file-presentation-box: Slides](https://drive.example.org/d1) |",
      "| Summer 2019 | Meetup Days 2018 | Testing Apps | [:octicons-play-24: Recording (in German)](https://youtu.be/s2) | N/A |",
      "| March 2019 | AppDevcon (Amsterdam) | Securing Apps | [:octicons-play-24: Video](https://youtu.be/s3) | N/A |",
      "| 2017 | r2con in Barcelona | Frida Inside | N/A | [:material-file-presentation-box: Slides](https://www.slideshare.net/x/frida) |", ""].join("\n");
    expect(pick(page, ["title", "kind", "event", "year"])).toEqual([
      { title: "Inside the Refactor", kind: "talk", event: "NSConnect", year: 2022 },
      { title: "Testing Apps", kind: "talk", event: "Meetup Days", year: 2018 },
      { title: "Securing Apps", kind: "talk", event: "AppDevcon", year: 2019 },
      { title: "Frida Inside", kind: "talk", event: "r2con", year: 2017 },
    ]);
  });

  it("'| Name | GitHub handle | Event & Year | Title & link |': the presenter's name, the event without its date or place, the recording after a code link", () => {
    const page = ["# Presentations", "",
      "| Name | GitHub handle | Event & Year | Title & link |", "| --- | --- | --- | --- |",
      "| Ines Moreau | @imoreau | SouJava - Java User Group - 2025 - Brazil | [Simplifying Services](https://github.com/imoreau/soujava2025) [\u{1F4FA}](https://www.youtube.com/watch?v=r1) |",
      "| Tobias Lind | @tlind | Netcoreconf 2023 Madrid | [Durable Functions vs Workflows](https://speakerdeck.com/tlind/netcoreconf-2023) |",
      "| Priya Raman | @praman | Dapr Day - Fall 2024 | [Processing Data Points](https://www.youtube.com/watch?v=r3) |",
      "| Kofi Mensah | @kmensah | Community Call - Jan 10th | [Score and Dapr](https://www.youtube.com/watch?v=r4) |", ""].join("\n");
    expect(parsePage(page, "p.md").entries.map((e) => [e.url, e.title, e.kind, e.speakers, e.event ?? null, e.year ?? null])).toEqual([
      ["https://www.youtube.com/watch?v=r1", "Simplifying Services", "talk", ["Ines Moreau"], "SouJava - Java User Group", 2025],
      ["https://speakerdeck.com/tlind/netcoreconf-2023", "Durable Functions vs Workflows", "talk", ["Tobias Lind"], "Netcoreconf", 2023],
      ["https://www.youtube.com/watch?v=r3", "Processing Data Points", "talk", ["Priya Raman"], "Dapr Day", 2024],
      ["https://www.youtube.com/watch?v=r4", "Score and Dapr", "talk", ["Kofi Mensah"], "Community Call", null],
    ]);
  });

  it("a row under a Speaker column is a talk, whatever its address looks like; its dashed date gives the year", () => {
    const page = ["#### Events in 2020", "",
      "| Event name and description | Speaker | Location | Date |", "|---|---|---|---|",
      "| [Service Mesh and Serverless Chatbots](https://kccnceu20.sched.com/event/Zemu/service-mesh-and-serverless-chatbots-sergio-mendez) | Sergio Méndez | Kubecon EU | 02-Apr-2020 |",
      "| [Strangling Our Venue Management Monolith](https://kccnceu20.sched.com/event/Zelz/strangling-our-venue-management-monolith-at-dx) | Alex Ellis & Christian Sakshaug | Kubecon EU | 30-March-2020 |", ""].join("\n");
    expect(pick(page, ["kind", "speakers", "year", "event"])).toEqual([
      { kind: "talk", speakers: ["Sergio Méndez"], year: 2020, event: "Kubecon EU" },
      { kind: "talk", speakers: ["Alex Ellis", "Christian Sakshaug"], year: 2020, event: "Kubecon EU" },
    ]);
  });

  it("a library table's Name column is the title, not people", () => {
    const page = ["## Libraries", "", "| Name | Description |", "| --- | --- |", "| [Gin](https://github.com/gin-gonic/gin) | Fast web framework |", "| [Echo](https://github.com/labstack/echo) | Minimalist framework |", ""].join("\n");
    expect(pick(page, ["title", "kind", "speakers"])).toEqual([{ title: "Gin", kind: "repo" }, { title: "Echo", kind: "repo" }]);
  });

  it("a paper's venue gives its year before a Date column does (a reading group's date is the day it was read)", () => {
    const page = ["# Reading group", "",
      "| Date | Lead | Paper | Conference |", "|---|---|---|---|",
      "| Feb 22, 2023 | Panda | [Bigtable: A Distributed Storage System](https://research.example.org/bigtable.pdf) | [OSDI'06](https://www.usenix.org/osdi06) |",
      "| Mar 1, 2023 | Kim | [Ironfleet: Proving Safety and Liveness](https://dl.acm.org/doi/10.1145/2815400.2815428) | [SOSP'15](https://sosp.org) |", ""].join("\n");
    expect(pick(page, ["title", "kind", "year"])).toEqual([
      { title: "Bigtable: A Distributed Storage System", kind: "paper", year: 2006 },
      { title: "Ironfleet: Proving Safety and Liveness", kind: "paper", year: 2015 },
    ]);
  });

  it("a paper table whose link is its title is read cell by cell, as before", () => {
    const page = ["# Papers", "", "## Systems", "",
      "| Paper | Authors | Conference | Year |", "| --- | --- | --- | --- |",
      "| [The Google File System](https://example.org/gfs.pdf) | Sanjay Ghemawat, Howard Gobioff | SOSP | 2003 |",
      "| [MapReduce](https://example.org/mr.pdf) | Jeffrey Dean, Sanjay Ghemawat | OSDI | 2004 |", ""].join("\n");
    expect(pick(page, ["title", "authors", "event", "year"])).toEqual([
      { title: "The Google File System", authors: ["Sanjay Ghemawat", "Howard Gobioff"], event: "SOSP", year: 2003 },
      { title: "MapReduce", authors: ["Jeffrey Dean", "Sanjay Ghemawat"], event: "OSDI", year: 2004 },
    ]);
  });
});

describe("a session archive: '### Title' over its speakers' profiles, then a list of slides, demos and the recording", () => {
  const page = [
    "# Conference 2031", "", "## Sessions", "",
    "### Building Resilient Queues", "",
    "[Ines Moreau](https://twitter.com/inesmoreau) [Tobias Lindqvist](https://github.com/tlindqvist)", "",
    "- [Slides](https://example.org/queues.pdf)",
    "- [Demo code](https://github.com/example/queues-demo)",
    "- [Video](https://www.youtube.com/watch?v=s1)", "",
    "### What Is New in the Runtime", "",
    "[Priya Raman](https://www.linkedin.com/in/priyaraman) Kofi Mensah", "",
    "- [Video](https://www.youtube.com/watch?v=s2)",
    "- [Slides](https://example.org/runtime.pptx)", "",
    "### Observability Without Tears", "",
    "Hanna Kowalska", "",
    "- [Recording](https://www.youtube.com/watch?v=s3)", "",
  ].join("\n");
  const entries = parsePage(page, "p.md").entries;

  it("the heading titles the recording, the people are its speakers, the profiles are no entries", () => {
    expect(pick(page, ["title", "kind", "speakers"])).toEqual([
      { title: "Building Resilient Queues", kind: "talk", speakers: ["Ines Moreau", "Tobias Lindqvist"] },
      { title: "What Is New in the Runtime", kind: "talk", speakers: ["Priya Raman", "Kofi Mensah"] },
      { title: "Observability Without Tears", kind: "talk", speakers: ["Hanna Kowalska"] },
    ]);
    expect(entries.map((e) => e.url)).toEqual(["https://www.youtube.com/watch?v=s1", "https://www.youtube.com/watch?v=s2", "https://www.youtube.com/watch?v=s3"]);
  });

  it("slides and demos before or after the recording are its related links", () => {
    expect(entries[0]!.related.map((r) => r.url)).toEqual(["https://example.org/queues.pdf", "https://github.com/example/queues-demo"]);
    expect(entries[1]!.related.map((r) => r.url)).toEqual(["https://example.org/runtime.pptx"]);
    expect(entries[2]!.related).toEqual([]);
  });

  it("a section introduced by words that look like names keeps its entries; only a session's slides and demos are held", () => {
    const lib = ["# Libraries", "", "## Queueing", "", "*Message Queue, Job Queue System..*", "", "* [Gearman](https://metacpan.org/pod/Gearman)", "* [Minion](https://docs.mojolicious.org/Minion)", "", "### Composer Repositories", "*Composer Repositories.*", "", "* [Firegento](https://packages.firegento.com/) - Magento Module Composer Repository.", ""].join("\n");
    expect(parsePage(lib, "p.md").entries.map((e) => e.title)).toEqual(["Gearman", "Minion", "Firegento"]);
  });

  it("the page's heading names the event and year, the archive's own words after them dropped", () => {
    const titled = page.replace("# Conference 2031", "# .NET Conf 2031 Code & Slides!");
    expect(parsePage(titled, "p.md").entries.map((e) => [e.event, e.year])).toEqual([[".NET Conf", 2031], [".NET Conf", 2031], [".NET Conf", 2031]]);
    const other = page.replace("# Conference 2031", "# Top 10 Videos");
    expect(parsePage(other, "p.md").entries.map((e) => [e.event, e.year])).toEqual([[undefined, undefined], [undefined, undefined], [undefined, undefined]]);
  });

  it("a heading over a sentence and links is no session: its links stay entries", () => {
    const prose = ["## Tools", "", "Some tools we like, see [the list](https://example.org/list).", "", "- [Slides kit](https://example.org/kit)", ""].join("\n");
    expect(parsePage(prose, "p.md").entries.map((e) => e.title)).toContain("Slides kit");
  });
});

describe("a heading per talk over '[Video](…)' and 'Names Presented <date> at [Event](…)'", () => {
  const page = [
    "# Presentations", "",
    "## Running Tests at Scale", "[Video](https://www.youtube.com/watch?v=p1)", "Ines Moreau, Kofi Mensah, and Priya Raman Presented November 1, 2017 at [Bay Area User Group](https://www.meetup.com/x/events/1/)", "",
    "## Building and Deploying Applications", "[Slides](https://www.slideshare.net/x/building)", "Joe Stein", "Presented February 26, 2015 at [Community Meetup](http://www.meetup.com/y/events/2/)", "",
    "## A Resource Management Platform", "[Video](http://www.youtube.com/watch?v=p3)", "Hanna Kowalska Presented Summer 2010 at [Hadoop Summit](http://hadoopsummit.example.org/)", "",
    "## Conf North America 2018", "[Video playlist](https://www.youtube.com/playlist?list=PLx) + [Slides](https://conf.example.org/slides)", "",
  ].join("\n");

  it("the heading titles the talk, the names before 'Presented' are its speakers, the date its year, the link after 'at' its event", () => {
    expect(parsePage(page, "p.md").entries.map((e) => [e.url, e.title, e.speakers, e.event ?? null, e.year ?? null])).toEqual([
      ["https://www.youtube.com/watch?v=p1", "Running Tests at Scale", ["Ines Moreau", "Kofi Mensah", "Priya Raman"], "Bay Area User Group", 2017],
      ["https://www.slideshare.net/x/building", "Building and Deploying Applications", ["Joe Stein"], "Community Meetup", 2015],
      ["http://www.youtube.com/watch?v=p3", "A Resource Management Platform", ["Hanna Kowalska"], "Hadoop Summit", 2010],
      ["https://www.youtube.com/playlist?list=PLx", "Conf North America 2018", [], "Conf North America", 2018],
    ]);
  });
});

describe("'[2012, TEDxCHUV] [Title](…): Speaker (Affiliation)': a bracket of the year and event before the link", () => {
  it("gives the year and the event", () => {
    const page = ["## Other Talks", "",
      "- [2012, TEDxCHUV] [Your Brain On Video Games](https://www.ted.com/talks/t1): Daphne Bavelier (University of Geneva)",
      "- [2008, MIGS] [Fundamental Conflicts in Design](https://www.youtube.com/watch?v=t2): Jonathan Blow (Number None, Inc.)",
      "- [2003, Computer History Museum] [Lessons from Game Design](https://www.youtube.com/watch?v=t3): Will Wright (Maxis)", ""].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year"])).toEqual([
      { title: "Your Brain On Video Games", speakers: ["Daphne Bavelier"], event: "TEDxCHUV", year: 2012 },
      { title: "Fundamental Conflicts in Design", speakers: ["Jonathan Blow"], event: "MIGS", year: 2008 },
      { title: "Lessons from Game Design", speakers: ["Will Wright"], event: "Computer History Museum", year: 2003 },
    ]);
  });
});

describe("a heading per paper over '- Title [[arXiv]](…)', '- *Authors*' and '- `2013-02-18`'", () => {
  it("the items of facts after the heading's one entry give its authors and year; a bracketed kind word is no title", () => {
    const page = ["# Papers", "", "## Implemented", "",
      "##### [Maxout Networks]", "- Maxout Networks [[arXiv]](https://arxiv.org/abs/1302.4389)", "- *Ian J. Goodfellow, David Warde-Farley, Yoshua Bengio*", "- `2013-02-18`", "",
      "##### [NiN]", "- Network In Network [[arXiv]](https://arxiv.org/abs/1312.4400)", "- *Min Lin, Qiang Chen & Shuicheng Yan*", "- `2013-12-13`", ""].join("\n");
    expect(pick(page, ["title", "kind", "authors", "year"])).toEqual([
      { title: "Maxout Networks", kind: "paper", authors: ["Ian J. Goodfellow", "David Warde-Farley", "Yoshua Bengio"], year: 2013 },
      { title: "Network In Network", kind: "paper", authors: ["Min Lin", "Qiang Chen", "Shuicheng Yan"], year: 2013 },
    ]);
  });

  it("a label in brackets titles nothing: 'Title [[nature]](…)'", () => {
    expect(pick("## Papers\n\n- Human-level control through deep RL [[nature]](https://www.nature.com/articles/nature14236)\n- Optimizing Millions of Hyperparameters [[PMLR]](https://proceedings.mlr.press/v108/x)\n", ["title"])).toEqual([{ title: "Human-level control through deep RL" }, { title: "Optimizing Millions of Hyperparameters" }]);
  });

  it("a section of several entries gives no entry the facts of a plain item under it", () => {
    const page = ["## Libraries", "", "- [Gin](https://github.com/gin-gonic/gin) - Web framework.", "- [Echo](https://github.com/labstack/echo) - Framework.", "- Jane Doe", "- 2019", ""].join("\n");
    expect(pick(page, ["title", "kind", "authors", "speakers", "year"])).toEqual([{ title: "Gin", kind: "repo" }, { title: "Echo", kind: "repo" }]);
  });
});

describe("headings that name a year beside the archive's own words", () => {
  it.each([
    ["## Research papers 2022", { year: 2022 }],
    ["## KubeCon talks 2019", { event: "KubeCon", year: 2019 }],
    ["## Selected talks 2018", { year: 2018 }],
    ["## JSConf EU 2014", { event: "JSConf EU", year: 2014 }],
  ])("%s", (heading, want) => {
    const page = `# List\n\n${heading}\n\n- [A Talk About Things](https://www.youtube.com/watch?v=h1)\n- [Another Talk](https://www.youtube.com/watch?v=h2)\n`;
    expect(pick(page, ["event", "year"])).toEqual([want, want]);
  });
});

describe("a digest table's Authors column: the first author and 'et.al.'", () => {
  it("names the first author, with or without the space in 'et al.'", () => {
    const page = [
      "## SLAM", "",
      "|Publish Date|Title|Authors|PDF|Code|", "|---|---|---|---|---|",
      "|**2024-01-03**|**Long-term Point Tracking for Odometry**|Weirong Chen et.al.|[2401.01887](http://arxiv.org/abs/2401.01887)|null|",
      "|**2023-12-28**|**Sweep Reconstruction**|Zikang Yuan et al.|[2312.16800](http://arxiv.org/abs/2312.16800)|**[link](https://github.com/example/sr)**|", "",
    ].join("\n");
    expect(pick(page, ["title", "authors", "year"]).slice(0, 2)).toEqual([
      { title: "Long-term Point Tracking for Odometry", authors: ["Weirong Chen"], year: 2024 },
      { title: "Sweep Reconstruction", authors: ["Zikang Yuan"], year: 2023 },
    ]);
  });
});

describe("a talk's materials in a repository, under a talks heading (#23)", () => {
  it("reads a link to a file or a folder inside a repository as the talk, with its row's year and event; a repository itself stays one", () => {
    const page = [
      "## Talks", "",
      "| Year | Conference | Title |", "| --- | --- | --- |",
      "| 2021 | AVAR | [The Evolution of Threat Actors](https://github.com/acme/research/tree/main/AVAR_2021) |",
      "| 2018 | CanSecWest | [TPM Genie](https://github.com/acme/tpmgenie/blob/master/docs/slides.pdf) |",
      "| 2019 | DEFCON | [Boot Guard](https://www.youtube.com/watch?v=bg1) |",
      "", "## Tools", "",
      "- [research](https://github.com/acme/research/tree/main/tools) - The team's tools.",
      "- [tpmgenie](https://github.com/acme/tpmgenie) - The source.",
    ].join("\n");
    expect(facts(page).map((e) => [e.title, e.kind, e.year ?? null, e.event ?? null])).toEqual([
      ["The Evolution of Threat Actors", "talk", 2021, "AVAR"],
      ["TPM Genie", "talk", 2018, "CanSecWest"],
      ["Boot Guard", "talk", 2019, "DEFCON"],
      ["research", "repo", null, null],
      ["tpmgenie", "repo", null, null],
    ]);
  });
});

describe("forms of a fifth fresh-eyes trial (2026-12-08)", () => {
  it("a link titled only by a date: the emphasised text after it is the title, the date the year, a bracket before the names the event", () => {
    const page = [
      "# Meetings", "", "## 2024", "",
      "* [2024-05-22](2024-05-22-web-apps) Ada Lovelace, _Building Web Apps_",
      "* [2024-04-10](2024-04-10-chaos) (Rust Belt Meetup) Grace Hopper, _Chaos All the Way Down_",
      "* [2024-03-13](2024-03-13-queues) Alan Kay & Ken Thompson, _Queues in Practice_",
      "* [2024-02-28](2024-02-28-getting-started) Margaret Hamilton, _Getting Started_",
      "* [2024-01-24](2024-01-24-party) _Birthday Party_",
      "* [2024-01-10](2024-01-10-law) Steering Committee, _Murphy's Law_",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year"])).toEqual([
      { title: "Building Web Apps", speakers: ["Ada Lovelace"], year: 2024 },
      { title: "Chaos All the Way Down", speakers: ["Grace Hopper"], event: "Rust Belt Meetup", year: 2024 },
      { title: "Queues in Practice", speakers: ["Alan Kay", "Ken Thompson"], year: 2024 },
      { title: "Getting Started", speakers: ["Margaret Hamilton"], year: 2024 },
      { title: "Birthday Party", year: 2024 },
      { title: "Murphy's Law", year: 2024 },
    ]);
  });

  it("'[Title, 2025](…)' on a list that writes its years so, and the venue its heading names", () => {
    const page = [
      "# Fuzzing papers", "", "### The Network and Distributed System Security Symposium (NDSS)", "",
      "- [Fuzzing Everything at Once, 2025](https://www.ndss-symposium.org/wp-content/uploads/2025-1-paper.pdf)",
      "- [Greybox Fuzzing, Directed, 2024](https://www.ndss-symposium.org/wp-content/uploads/2024-2-paper.pdf)",
      "- [Seeds: A Study, 2020](https://www.ndss-symposium.org/wp-content/uploads/2020-3-paper.pdf)",
      "", "### Other papers", "",
      "- [Protocol Fuzzing, 2018](https://doi.org/10.1109/x.2018.1)",
      "- [Kernel Fuzzing, 2019](https://doi.org/10.1109/x.2019.2)",
      "",
    ].join("\n");
    expect(pick(page, ["title", "kind", "event", "year"])).toEqual([
      { title: "Fuzzing Everything at Once", kind: "paper", event: "The Network and Distributed System Security Symposium (NDSS)", year: 2025 },
      { title: "Greybox Fuzzing, Directed", kind: "paper", event: "The Network and Distributed System Security Symposium (NDSS)", year: 2024 },
      { title: "Seeds: A Study", kind: "paper", event: "The Network and Distributed System Security Symposium (NDSS)", year: 2020 },
      { title: "Protocol Fuzzing", kind: "paper", year: 2018 },
      { title: "Kernel Fuzzing", kind: "paper", year: 2019 },
    ]);
  });

  it("'[Title](url), Jane Doe, LADIS Workshop, July 2012': the venue in its own part before its date", () => {
    const page = [
      "# Papers and Presentations", "", "## Presentations", "",
      "- [Fast Logs](https://www.slideshare.net/a/fast-logs), Grace Hopper, Linux Vault 2017",
      "- [Big Logs](https://www.slideshare.net/a/big-logs), Margaret Hamilton, ApacheCon 2016",
      "- [Durable Logs](https://example.org/logs/durable-logs-2012.pdf?version=1), Ada Lovelace, LADIS Workshop, July 2012",
      "- [Small Logs](https://example.org/logs/small-logs-2011.pdf?version=1), Alan Kay, Hadoop Summit, 2011",
      "",
    ].join("\n");
    expect(pick(page, ["title", "speakers", "event", "year"])).toEqual([
      { title: "Fast Logs", speakers: ["Grace Hopper"], event: "Linux Vault", year: 2017 },
      { title: "Big Logs", speakers: ["Margaret Hamilton"], event: "ApacheCon", year: 2016 },
      { title: "Durable Logs", speakers: ["Ada Lovelace"], event: "LADIS Workshop", year: 2012 },
      { title: "Small Logs", speakers: ["Alan Kay"], event: "Hadoop Summit", year: 2011 },
    ]);
  });

  it("one title that ends in a comma and a year keeps it", () => {
    const page = ["# Reading", "", "- [State of the Web, 2020](https://example.org/a)", "- [Caching Explained](https://example.org/b)", "- [Queues](https://example.org/c)", ""].join("\n");
    expect(pick(page, ["title", "year"])[0]).toEqual({ title: "State of the Web, 2020" });
  });

  it("articles titled 'Title — Author' inside the link (any dash), and a site's name after a dash dropped", () => {
    const page = [
      "# Concepts", "", "## Articles", "",
      "- [Understanding the Call Stack — Ada Lovelace](https://medium.com/@ada/call-stack-1)",
      "- [Scope in Depth ― Grace Hopper](https://example.com/scope-in-depth)",
      "- [Closures Explained - Alan Kay](https://dev.to/alan/closures-2)",
      "- [Hoisting — Margaret Hamilton](https://medium.com/@margaret/hoisting-3)",
      "- [Primitive Types — Flow](https://flow.org/en/docs/types/primitives/)",
      "- [Methods of primitives - Javascript.info](https://javascript.info/primitives-methods)",
      "",
    ].join("\n");
    expect(pick(page, ["title", "authors"])).toEqual([
      { title: "Understanding the Call Stack", authors: ["Ada Lovelace"] },
      { title: "Scope in Depth", authors: ["Grace Hopper"] },
      { title: "Closures Explained", authors: ["Alan Kay"] },
      { title: "Hoisting", authors: ["Margaret Hamilton"] },
      { title: "Primitive Types" },
      { title: "Methods of primitives" },
    ]);
  });

  it("a talk's event from the conference heading over it that has no year, not from a topic's acronym", () => {
    const page = [
      "# Conference videos", "", "## 2019", "", "### ReactJS Girls Conference", "",
      "Title | Presenter | Length", "--- | --- | ---",
      "[Design Systems](https://www.youtube.com/watch?v=r1) | Ada Lovelace | 17:27",
      "[Hooks in Depth](https://www.youtube.com/watch?v=r2) | Grace Hopper | 20:01",
      "", "### PHP", "",
      "Title | Presenter | Length", "--- | --- | ---",
      "[Modern PHP](https://www.youtube.com/watch?v=r3) | Alan Kay | 30:00",
      "",
    ].join("\n");
    expect(pick(page, ["title", "event", "year"])).toEqual([
      { title: "Design Systems", event: "ReactJS Girls Conference", year: 2019 },
      { title: "Hooks in Depth", event: "ReactJS Girls Conference", year: 2019 },
      { title: "Modern PHP", year: 2019 },
    ]);
  });
  it("a link titled by its DOI takes its title from the citation before it; a journal's volume and pages are no part of its name", () => {
    const page = [
      "# Reading list", "", "## Papers", "",
      "* Lovelace, A. (2015). **Five reasons to share code**. Genome Biology, 16(1), 274. [doi:10.1186/s1-015-0850-7](https://doi.org/10.1186/s1-015-0850-7)",
      "* Hopper G (2005). **Why most findings are false**. PLoS Med 2: e124. [doi:10.1371/journal.pmed.0020124](https://doi.org/10.1371/journal.pmed.0020124)",
      "* Kay, A., & Thompson, K. (2016). **Registered reports**. Cortex, 66, A1-A2. [doi:10.1016/j.cortex.2015.03.022](http://dx.doi.org/10.1016/j.cortex.2015.03.022)",
      "",
    ].join("\n");
    expect(pick(page, ["title", "kind", "event", "year"])).toEqual([
      { title: "Five reasons to share code", kind: "paper", event: "Genome Biology", year: 2015 },
      { title: "Why most findings are false", kind: "paper", event: "PLoS Med", year: 2005 },
      { title: "Registered reports", kind: "paper", event: "Cortex", year: 2016 },
    ]);
  });

  it("an HTML anchor in an item is a link, read as the item's; a picture's anchor and a script's are no entries", () => {
    const page = [
      "# Talks", "",
      "* <a href=\"https://example.org/talks/devoxx-2010.pdf\">Intelligent Data Analysis</a> - Slides, Devoxx Antwerp, November 2010.",
      "* <a href='https://www.youtube.com/watch?v=h2&amp;t=5'>Scaling Out</a> - Jane Doe at Berlin Buzzwords 2011.",
      "  - <a href='https://example.org/shot.png?raw=true'>Screenshot 1</a>",
      "* <a href=\"javascript:alert(1)\">Click</a>",
      "",
    ].join("\n");
    const entries = parsePage(page, "p.md").entries;
    expect(entries.map((e) => [e.title, e.url])).toEqual([
      ["Intelligent Data Analysis", "https://example.org/talks/devoxx-2010.pdf"],
      ["Scaling Out", "https://www.youtube.com/watch?v=h2&t=5"],
    ]);
    expect(entries[1]!.year).toBe(2011);
  });
  it("a description keeps no separator the facts read out of it left behind", () => {
    const page = [
      "# Links", "",
      "- [Other](https://example.org/b), [2](https://example.org/c), [3](https://example.org/d)",
      "- [Thing](https://example.org/a), handy for most things",
      "- [Talk](https://www.youtube.com/watch?v=t1) - Jane Doe at , Berlin",
      "- [Sum](https://example.org/e) -2+3",
      "",
    ].join("\n");
    expect(parsePage(page, "p.md").entries.map((e) => e.description ?? null)).toEqual([null, "handy for most things", "Jane Doe, Berlin", "2+3"]);
  });
});
