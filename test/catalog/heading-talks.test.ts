// Archives with a linked heading per talk and items whose links are titled only by their kind (#23).
import { describe, expect, test } from "vitest";
import { parsePage } from "../../src/catalog/parse-page";
import { linkWordKind, namesOf } from "../../src/catalog/heading-talks";

const pick = (md: string) =>
  parsePage(md, "t.md").entries.map((e) => ({ title: e.title, url: e.url, kind: e.kind, speakers: e.speakers, authors: e.authors, year: e.year ?? null, event: e.event ?? null, related: e.related.map((r) => r.url) }));

describe("a heading per talk that is the talk's link", () => {
  const archive = (facts: string[]) =>
    `# Talks\n\n## Our talks\n\n${facts.map((f, i) => `### [Talk number ${i + 1}](https://www.youtube.com/watch?v=v${i})\n${f}\n`).join("\n")}`;
  test.each([
    ["**Date**: February 27, 2025, **Authors**: R. Conner Howell", ["R. Conner Howell"], 2025, null],
    ["**Date**: November 15, 2021, **Authors**: Lior Ebel, Seshu Adunuthula, Ryan Blue & Oz Katz", ["Lior Ebel", "Seshu Adunuthula", "Ryan Blue", "Oz Katz"], 2021, null],
    ["**Speaker:** Jane Doe **Event:** JSConf EU 2014", ["Jane Doe"], 2014, "JSConf EU"],
    ["**Speakers**: Jane Doe and John Roe", ["Jane Doe", "John Roe"], null, null],
  ])("%s", (facts, speakers, year, event) => {
    const entries = pick(archive([facts, facts, facts]));
    expect(entries).toHaveLength(3);
    for (const [i, e] of entries.entries()) {
      expect(e).toMatchObject({ title: `Talk number ${i + 1}`, kind: "talk", speakers, year, event });
    }
  });

  test("the talk's section is the heading above it, not its own title", () => {
    const page = parsePage(archive(["**Date**: May 5, 2022, **Authors**: Ryan Blue", "", ""]), "t.md");
    expect(page.entries.map((e) => e.sectionPath)).toEqual([["Talks", "Our talks"], ["Talks", "Our talks"], ["Talks", "Our talks"]]);
  });

  test.each([
    ["one linked heading is a section, not an entry", "# Page\n\n## [Project](https://example.com/p)\n\n- [Doc](https://example.com/doc)\n", ["https://example.com/doc"]],
    ["two are too", "# Page\n\n## [A](https://example.com/a)\n\n## [B](https://example.com/b)\n\n- [Doc](https://example.com/doc)\n", ["https://example.com/doc"]],
    ["a heading with text beside its link is no entry", "# P\n\n### [A](https://e.com/a) and more\n\n### [B](https://e.com/b) too\n\n### [C](https://e.com/c) also\n", []],
  ])("%s", (_name, md, urls) => {
    expect(pick(md).map((e) => e.url)).toEqual(urls);
  });
});

describe("a meetup archive: dated meetup headings over speaker headings over talk headings", () => {
  const meetup = (n: number, date: string, speaker: string, talk: string) => `## Meetup #${n} (${date})\n### ${speaker}\n#### ${talk}\nAbout the talk.\n\n`;
  const page =
    "# Slides\n\n" +
    meetup(33, "15.03.2017", "[Jane Doe](https://twitter.com/janedoe)", "[Testing with Selenium](https://janedoe.example/selenium)") +
    meetup(32, "15.02.2017", "John Roe", "[Office add-ins](https://www.slideshare.net/jroe/office)") +
    meetup(31, "18.1.2016", "[Ana Kovač](https://github.com/anakovac)", "[RxJS patterns](https://slides.com/ana/rxjs)");

  test("the speaker heading names the talk's speaker and is no entry; the meetup heading gives event and year", () => {
    expect(pick(page).map((e) => [e.url, e.kind, e.speakers, e.event, e.year])).toEqual([
      ["https://janedoe.example/selenium", "talk", ["Jane Doe"], "Meetup #33", 2017],
      ["https://www.slideshare.net/jroe/office", "talk", ["John Roe"], "Meetup #32", 2017],
      ["https://slides.com/ana/rxjs", "talk", ["Ana Kovač"], "Meetup #31", 2016],
    ]);
  });

  test("a linked heading that is no person's name, over headings, stays an entry and names no speaker", () => {
    const lib = "# Libs\n\n## Tools\n### [Webpack](https://webpack.js.org/)\n#### [Loaders](https://webpack.js.org/loaders)\n### [Rollup](https://rollupjs.org/)\n#### [Plugins](https://rollupjs.org/plugins)\n### [Vite](https://vitejs.dev/)\n#### [Config](https://vitejs.dev/config)\n";
    const entries = pick(lib);
    expect(entries.map((e) => e.url)).toContain("https://webpack.js.org/");
    expect(entries.every((e) => e.speakers.length === 0)).toBe(true);
  });

  test.each([
    ["December 11 2019 - [Lush](https://uk.lush.com/)", 2019, null],
    ["Go Night, 12 March 2019", 2019, null],
    ["JS Meetup (2018-05-04)", 2018, "JS Meetup"],
  ])("a heading with a date beside other words, '%s', gives the talks under it their year", (heading, year, event) => {
    const md = `# Archive\n\n## Meetups\n\n### ${heading}\n\n- [Jane Doe - Fuzzing with Go](https://www.youtube.com/watch?v=f1)\n- [John Roe - Generics](https://www.youtube.com/watch?v=f2)\n`;
    expect(pick(md).filter((e) => e.kind === "talk").map((e) => [e.year, e.event])).toEqual([[year, event], [year, event]]);
  });
});

describe("a recording right after a talk's titled link", () => {
  test.each([
    ["- Droidcon London 2023 - [Brick by Brick](https://bit.ly/brick) [Video](https://www.droidcon.com/2023/11/15/brick/)", "https://www.droidcon.com/2023/11/15/brick/", ["https://bit.ly/brick"]],
    ["- [Brick by Brick](https://bit.ly/brick) ([video](https://youtu.be/b1))", "https://youtu.be/b1", ["https://bit.ly/brick"]],
    // A video's own link stays the talk; so does a page whose "[Video]" comes after the item's prose.
    ["- [Brick by Brick](https://vimeo.com/1) [Video](https://youtu.be/b1)", "https://vimeo.com/1", ["https://youtu.be/b1"]],
    ["- [Brick by Brick](https://conf.example/brick) - By Jane Doe. SomeConf 2019. [Video](https://youtu.be/b1)", "https://conf.example/brick", ["https://youtu.be/b1"]],
    // A paper with its talk's recording is the paper.
    ["- [Brick by Brick](https://arxiv.org/abs/1234.5678) [Video](https://youtu.be/b1)", "https://arxiv.org/abs/1234.5678", ["https://youtu.be/b1"]],
  ])("%s", (line, url, related) => {
    const [talk] = pick(`# Talks\n\n## 2023\n\n${line}\n`);
    expect([talk!.url, talk!.title, talk!.related]).toEqual([url, "Brick by Brick", related]);
  });
});

describe("links titled only by what they are", () => {
  test.each([
    [
      "a video: the title is the item's emphasis, the people its byline, the year its parent's",
      "- 2017\n  - _Bayes is BAE_ by [Richard Schneeman](https://twitter.com/schneems)\n    <sup>[[video](https://www.youtube.com/watch?v=b) |\n    [slides](https://speakerdeck.com/schneems/bayes-is-bae)]</sup>\n",
      { title: "Bayes is BAE", url: "https://www.youtube.com/watch?v=b", kind: "talk", speakers: ["Richard Schneeman"], authors: [], year: 2017, related: ["https://speakerdeck.com/schneems/bayes-is-bae"] },
    ],
    [
      "slides before the video: the recording is the entry, the deck related",
      "- 2016\n  - _Mr. Roboto_ by [Eric Weinstein](https://twitter.com/ericqweinstein)\n    <sup>[[slides](https://speakerdeck.com/e/r) | [video](https://www.youtube.com/watch?v=T)]</sup>\n",
      { title: "Mr. Roboto", url: "https://www.youtube.com/watch?v=T", kind: "talk", speakers: ["Eric Weinstein"], year: 2016, related: ["https://speakerdeck.com/e/r"] },
    ],
    [
      "a post: an article, whose people are its authors",
      "- 2015\n  - _Clustering in Ruby_ by [Colin Drake](https://twitter.com/colinfdrake)\n    <sup>[[post](https://colindrake.me/post/k-means/)]</sup>\n",
      { title: "Clustering in Ruby", url: "https://colindrake.me/post/k-means/", kind: "article", speakers: [], authors: ["Colin Drake"], year: 2015 },
    ],
    [
      "a deck on a .pdf is a talk's, two people joined by '&'",
      "- 2018\n  - _Deep Learning on Ruby_ by [Kenta Murata](https://twitter.com/mrkn)\n    &amp; [Yusaku Hatanaka ](https://twitter.com/hatappi)\n    <sup>[[slides](https://example.com/d.pdf)]</sup>\n",
      { title: "Deep Learning on Ruby", kind: "talk", speakers: ["Kenta Murata", "Yusaku Hatanaka"], year: 2018 },
    ],
    [
      "a name without a link, after 'by'",
      "- 2015\n  - _Practical Data Science in Ruby_ by Bobby Grayson\n    <sup>[[slides](http://slides.com/bobbygrayson/p)]</sup>\n",
      { title: "Practical Data Science in Ruby", kind: "talk", speakers: ["Bobby Grayson"] },
    ],
    [
      "a show after 'by' is no speaker and no entry",
      "- 2017\n  - _Ruby Roundtable_ by [RubyThursday](https://rubythursday.com/)\n    <sup>[[video](https://www.youtube.com/watch?v=S)]</sup>\n",
      { title: "Ruby Roundtable", url: "https://www.youtube.com/watch?v=S", speakers: [] },
    ],
    [
      "a plain title before the link word",
      "- JSConf EU 2014\n  - Making Rust Delightful [[Video](https://www.youtube.com/watch?v=Y)] by [@nrc](https://github.com/nrc)\n",
      { title: "Making Rust Delightful", url: "https://www.youtube.com/watch?v=Y", kind: "talk", year: 2014, event: "JSConf EU" },
    ],
  ])("%s", (_name, md, want) => {
    const entries = pick(md);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject(want);
  });

  test("a link with a real title keeps it, and its video link stays related", () => {
    expect(pick("- [Idiomatic Rust](https://example.com/talk) [[video](https://www.youtube.com/watch?v=1)]\n")).toEqual([
      expect.objectContaining({ title: "Idiomatic Rust", url: "https://example.com/talk", related: ["https://www.youtube.com/watch?v=1"] }),
    ]);
  });

  test("a library whose maintainer is linked after 'by' keeps its own link", () => {
    expect(pick("- [serde](https://github.com/serde-rs/serde) by [dtolnay](https://github.com/dtolnay) - Serialization.\n").map((e) => [e.url, e.speakers])).toEqual([["https://github.com/serde-rs/serde", []]]);
  });
});

describe("helpers", () => {
  test.each([
    ["video", "talk"],
    ["video: jp", "talk"],
    ["slides", "talk"],
    ["post", "article"],
    ["tutorial", "article"],
    ["listen", "podcast"],
    ["code", undefined],
  ])("linkWordKind(%s)", (text, kind) => expect(linkWordKind(text)).toBe(kind));
  test.each([
    ["A, B & C", ["A", "B", "C"]],
    ["Jane Doe and John Roe", ["Jane Doe", "John Roe"]],
    ["Anton Okolnychyi, Chao Sun", ["Anton Okolnychyi", "Chao Sun"]],
  ])("namesOf(%s)", (text, names) => expect(namesOf(text)).toEqual(names));
});

describe("where a nested talk was given", () => {
  const talk = (line: string) => pick(`## 2019\n- **A talk**\n  - ${line}\n  - [Recording](https://www.youtube.com/watch?v=r), [slides](https://example.com/s.pdf)\n`);
  test.each([
    ["Presented at Meeting C++ 2019 in Berlin.", "Meeting C++", 2019],
    ["Presented at Avast C++ Meetup 2019 in Prague.", "Avast C++ Meetup", 2019],
    ["Presented internally at ETH Zurich in 2019.", "ETH Zurich", 2019],
    ["Presented at a local community Python meetup [PyVo](https://pyvo.cz/ostrava-pyvo/2018-11/)", "PyVo", 2019],
  ])("%s", (line, event, year) => {
    const entries = talk(line);
    expect(entries.map((e) => e.url)).toEqual(["https://www.youtube.com/watch?v=r"]);
    expect(entries[0]).toMatchObject({ title: "A talk", event, year });
  });
  test("a plain nested line that says something else is no fact", () => {
    expect(talk("Recorded badly, sorry.")[0]).toMatchObject({ event: null });
  });
});
