// Paper reading lists (#23): authors, venue and year around a paper's link, in the layouts such
// lists share, and titles from the item when the link is titled only "[Paper]" or "[pdf]".
import { describe, expect, test } from "vitest";
import { parsePage } from "../../src/catalog/parse-page";
import { citation } from "../../src/catalog/layout";

const pick = (md: string) =>
  parsePage(md, "t.md").entries.map((e) => ({ title: e.title, url: e.url, kind: e.kind, authors: e.authors, year: e.year ?? null, event: e.event ?? null, related: e.related.map((r) => r.url) }));

describe("a paper item over sub-items of authors, [[Paper]] and [[Code]]", () => {
  const md = `# Papers\n\n## 2022\n\n${[0, 1, 2]
    .map((i) => `- **Paper number ${i} (AAAI 2022)**\n  - Jane Doe, John Q. Roe, Mary Major\n  - [[Paper]](https://arxiv.org/abs/2201.0000${i})\n  - [[Code]](https://github.com/someone/code${i})\n`)
    .join("\n")}`;
  test("the paper is titled by its parent, authored by its sibling, and its code is a related link", () => {
    const entries = pick(md);
    expect(entries).toHaveLength(3);
    expect(entries[1]).toMatchObject({ title: "Paper number 1", kind: "paper", authors: ["Jane Doe", "John Q. Roe", "Mary Major"], event: "AAAI", year: 2022, related: ["https://github.com/someone/code1"] });
  });
});

describe("a paragraph per paper: **Title** \\ *Authors* \\ Venue Year. [[Paper](…)]", () => {
  const md = `# Papers\n\n## Survey\n\n${[0, 1]
    .map((i) => `**A Survey number ${i}** \\\n*Jane Doe, John Roe and Mary Major* \\\nNeurIPS 2023. [[Paper](https://arxiv.org/abs/2310.0000${i})] [[Github](https://github.com/someone/s${i})] \\\n9 Jan 2021\n`)
    .join("\n")}`;
  test("the bold line is the title, the italic line the authors, the venue line the event and year", () => {
    const entries = pick(md);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ title: "A Survey number 0", kind: "paper", authors: ["Jane Doe", "John Roe", "Mary Major"], event: "NeurIPS", year: 2023, related: ["https://github.com/someone/s0"] });
  });
});

describe("**[Title](url)**. Surname AB, Surname C. Venue 'YY. (Vancouver names)", () => {
  const md = `# Papers\n\n## Consensus\n\n${[
    "- **[A Peer-to-Peer Cash System](https://example.org/cash.pdf)**. Nakamoto S. '08.",
    "- **[Research Perspectives](https://example.org/sok.pdf)**. Bonneau J, Miller A, Clark J, Felten EW. S&P '15.",
    "- [The Backbone Protocol](https://example.org/backbone.pdf). Garay J, Kiayias A, Leonardos N. EUROCRYPT '15.",
    "- [Practical Fault Tolerance](https://example.org/pbft.pdf). Castro M, Liskov B. OSDI '99.",
  ].join("\n")}\n`;
  test("the names before the stop after the last initial are the authors, the venue after them the event; a last author is no venue", () => {
    const entries = pick(md);
    expect(entries.map((e) => [e.authors, e.event, e.year])).toEqual([
      [["Nakamoto S"], null, 2008],
      [["Bonneau J", "Miller A", "Clark J", "Felten EW"], "S&P", 2015],
      [["Garay J", "Kiayias A", "Leonardos N"], "EUROCRYPT", 2015],
      [["Castro M", "Liskov B"], "OSDI", 1999],
    ]);
  });
});

describe("[Title](url), Author et al., Venue Year | [github](…)", () => {
  const md = `# Papers\n\n## Faster\n\n- [Light Field Networks: Neural Scene Representations](https://example.org/lfn), Sitzmann et al., Arxiv 2021 | [github](https://github.com/a/lfn)\n- [Neural Sparse Voxel Fields](https://example.org/nsvf), Liu et al., NeurIPS 2020\n- [KiloNeRF: Thousands of Tiny MLPs](https://arxiv.org/abs/2103.13744), Mohammad Reiser et al., ICCV 2021\n`;
  test("a surname before 'et al.' is an author, and the title's own colon stays in the title", () => {
    const entries = pick(md);
    expect(entries.map((e) => [e.title, e.authors, e.event, e.year])).toEqual([
      ["Light Field Networks: Neural Scene Representations", ["Sitzmann"], "Arxiv", 2021],
      ["Neural Sparse Voxel Fields", ["Liu"], "NeurIPS", 2020],
      ["KiloNeRF: Thousands of Tiny MLPs", ["Mohammad Reiser"], "ICCV", 2021],
    ]);
  });
});

describe("a citation's text before a link titled [pdf] or [Paper]", () => {
  test.each([
    ["The Google File System. S. Ghemawat, H. Gobioff and S. Leung. SOSP '03", "The Google File System", ["S. Ghemawat", "H. Gobioff", "S. Leung"], "SOSP", 2003],
    ["MapReduce: Simplified Data Processing. J. Dean and S. Ghemawat. OSDI04", "MapReduce: Simplified Data Processing", ["J. Dean", "S. Ghemawat"], "OSDI", 2004],
    ["L. Lamport. Time, Clocks, and the Ordering of Events in a Distributed System. CACM 1978", "Time, Clocks, and the Ordering of Events in a Distributed System", ["L. Lamport"], "CACM", 1978],
    ["[CVPR 2023] Zero-Shot Counting", "Zero-Shot Counting", undefined, "CVPR", 2023],
    ["\u0001Deep Residual Learning\u0001 Kaiming He, Xiangyu Zhang, Jian Sun (CVPR 2016)", "Deep Residual Learning", ["Kaiming He", "Xiangyu Zhang", "Jian Sun"], "CVPR", 2016],
    ["Attention Is All You Need, Vaswani et al., NeurIPS 2017", "Attention Is All You Need", ["Vaswani"], "NeurIPS", 2017],
    // An emphasised title of capitalised words reads as a name; the name outside it says which is the title.
    ["\u0001Paxos Made Simple\u0001 (2001), L. Lamport", "Paxos Made Simple", ["L. Lamport"], undefined, 2001],
    ["\u0001Paxos Made Simple\u0001 (2001), Leslie Lamport", "Paxos Made Simple", ["Leslie Lamport"], undefined, 2001],
  ])("%s", (text, title, people, event, year) => {
    expect(citation(text)).toEqual({ title, ...(people ? { people } : {}), event, year });
  });

  test("a title cut at a comma, where surnames alone may follow, is no citation", () => {
    expect(citation("Log-Structured File System, Rosenblum and Ousterhout, SOSP 1991")).toBeUndefined();
  });

  test("text that is no citation leaves a [Paper] link its own title", () => {
    const [e] = pick(`# Papers\n\n- Rosenblum, Ousterhout: the log-structured file system [[Paper]](https://example.org/lfs.pdf)\n`);
    expect(e!.title).toBe("[Paper]");
  });
});

describe("[Title](url), Authors, Venue 'YY on the hosts of papers", () => {
  const md = `# Reading list\n\n## Consensus\n\n- [The Chubby Lock Service](http://research.google.com/archive/chubby.html), M. Burrows, OSDI '06\n- [Raft](https://www.usenix.org/conference/atc14/technical-sessions/presentation/ongaro), D. Ongaro and J. Ousterhout, USENIX ATC '14\n- [Raft Refloated](https://example.org/raft.html) Howard, Schwarzkopf, Madhavapeddy and Crowcroft, OSR 2015\n- [Linearizability](https://example.org/lin.html) - Herlihy & Wing, TOPLAS90\n`;
  test("authors in initials or surnames alone, the venue and its year in any spelling, kind paper on paper hosts", () => {
    expect(pick(md).map((e) => [e.kind, e.authors, e.event, e.year])).toEqual([
      ["paper", ["M. Burrows"], "OSDI", 2006],
      ["paper", ["D. Ongaro", "J. Ousterhout"], "USENIX ATC", 2014],
      ["paper", ["Howard", "Schwarzkopf", "Madhavapeddy", "Crowcroft"], "OSR", 2015],
      ["paper", ["Herlihy", "Wing"], "TOPLAS", 1990],
    ]);
  });
});
