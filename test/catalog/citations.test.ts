// The citation column of paper lists (#23): the chunks around a paper's title and links, typed,
// and the list's vote for its chunks of names.
import { describe, expect, test } from "vitest";
import { parsePage } from "../../src/catalog/parse-page";
import { citedFacts, namesChunk, votesForAuthors } from "../../src/catalog/citations";

const pick = (md: string) => parsePage(md, "t.md").entries.map((e) => ({ title: e.title, url: e.url, kind: e.kind, authors: e.authors, year: e.year ?? null, event: e.event ?? null }));

describe("a chunk of names", () => {
  test.each([
    ["Eric Mitchell, Charles Lin, Chelsea Finn.", ["Eric Mitchell", "Charles Lin", "Chelsea Finn"]],
    ["Jason D. Lee, Qi Lei, and Jiacheng Zhuo", ["Jason D. Lee", "Qi Lei", "Jiacheng Zhuo"]],
    ["Doersch, Carl and Gupta, Abhinav and Efros, Alexei A.", ["Doersch, Carl", "Gupta, Abhinav", "Efros, Alexei A"]],
    ["Mnih et al.", ["Mnih"]],
    ["Kingma & Welling et al.", ["Kingma", "Welling"]],
  ])("%s", (chunk, names) => {
    expect(namesChunk(chunk)).toEqual(names);
  });

  test.each(["Deep Residual Learning for Image Recognition", "Preprint", "ICML 2022", "code", "A survey of methods, tools, and trends"])("%s is none", (chunk) => {
    expect(namesChunk(chunk)).toBeUndefined();
  });
});

describe("the facts of a citation's text", () => {
  test.each([
    ["\u0002 (ICML 2022)  Eric Mitchell, Charles Lin, Chelsea Finn. [\u0002] [\u0002]", ["Eric Mitchell", "Charles Lin", "Chelsea Finn"], "ICML", 2022],
    ["\u0001\u0002\u0001 [\u0002] \u0001Jie Huang, Kevin Chen-Chuan Chang.\u0001 ACL'23 Findings", ["Jie Huang", "Kevin Chen-Chuan Chang"], "ACL Findings", 2023],
    ["\u0002 \u0002\nJiaye Teng, Weiran Huang, and Haowei He. \u0001AISTATS 2022\u0001", ["Jiaye Teng", "Weiran Huang", "Haowei He"], "AISTATS", 2022],
    ["\u0002 - Vaswani et al., 2017", ["Vaswani"], undefined, 2017],
  ])("%j", (text, authors, event, year) => {
    expect(citedFacts(text)).toEqual({ authors, ...(event !== undefined ? { event } : {}), year });
  });
});

describe("the list's vote", () => {
  test("two papers of three with names carry it; one alone does not", () => {
    expect(votesForAuthors([{ authors: ["A. Author"] }, { authors: ["B. Author"] }, {}])).toBe(true);
    expect(votesForAuthors([{ authors: ["A. Author"] }, {}, {}])).toBe(false);
    expect(votesForAuthors([{ authors: ["A. Author"] }, undefined])).toBe(false);
  });
});

describe("paper lists read as citations", () => {
  test("a bold title and venue, then authors and a [[paper]] link", () => {
    const md = `# Papers\n\n## Methods\n\n${[1, 2, 3]
      .map((i) => `${i}. **Paper number ${i}**. (EMNLP 202${i}) <br />\n   Jane Doe, John Q. Roe, Mary Major.\n   [[paper](https://arxiv.org/abs/2201.0000${i})] [[code](https://github.com/someone/code${i})]\n`)
      .join("\n")}`;
    expect(pick(md).filter((e) => e.kind === "paper")[1]).toMatchObject({ title: "Paper number 2", authors: ["Jane Doe", "John Q. Roe", "Mary Major"], event: "EMNLP", year: 2022 });
  });

  test("a bold link over emphasised authors and Venue'YY", () => {
    const md = `# Papers\n\n## Survey\n\n${[1, 2, 3].map((i) => `1. **[Paper number ${i}.](https://arxiv.org/abs/2301.0000${i})** [[code](https://github.com/x/y${i})]\n\n    *Jane Doe, John Roe.* ACL'2${i}\n`).join("\n")}`;
    expect(pick(md).filter((e) => e.kind === "paper")[2]).toMatchObject({ title: "Paper number 3", authors: ["Jane Doe", "John Roe"], event: "ACL", year: 2023 });
  });

  test("a plain title over [[pdf]], its authors nested, in the BibTeX order too", () => {
    const md = `# Papers\n\n## 2016\n\n${[1, 2, 3]
      .map((i) => `- Learning Features by Watching Thing ${i}.\n  [[pdf]](https://arxiv.org/pdf/1605.0000${i}.pdf)\n  [[code]](https://github.com/x/z${i})\n  - Doe, Jane and Roe, John. *CVPR 2016*\n`)
      .join("\n")}`;
    expect(pick(md).filter((e) => e.kind === "paper")[0]).toMatchObject({ title: "Learning Features by Watching Thing 1", authors: ["Doe, Jane", "Roe, John"], event: "CVPR", year: 2016 });
  });

  test("a list whose papers name no authors gets none", () => {
    const md = `# Papers\n\n- [A Paper](https://arxiv.org/abs/2301.00001) (2021) - the method, by Google Research\n- [Another](https://arxiv.org/abs/2301.00002) (2022)\n`;
    expect(pick(md).map((e) => e.authors)).toEqual([[], []]);
  });
});
