// The citation column of paper lists (#23): the chunks around a paper's title and links, typed,
// and the list's vote for its chunks of names.
import { describe, expect, test } from "vitest";
import { parsePage } from "../../src/catalog/parse-page";
import { affiliatedNames, authorDateCitation, cellCitation, citedFacts, namesChunk, namesFirstCitation, quotedTitleCitation, scholarVenue, venueColumn, votesForAuthors } from "../../src/catalog/citations";

const pick = (md: string) => parsePage(md, "t.md").entries.map((e) => ({ title: e.title, url: e.url, kind: e.kind, authors: e.authors, year: e.year ?? null, event: e.event ?? null }));

describe("a chunk of names", () => {
  test.each([
    ["Eric Mitchell, Charles Lin, Chelsea Finn.", ["Eric Mitchell", "Charles Lin", "Chelsea Finn"]],
    ["Jason D. Lee, Qi Lei, and Jiacheng Zhuo", ["Jason D. Lee", "Qi Lei", "Jiacheng Zhuo"]],
    ["Doersch, Carl and Gupta, Abhinav and Efros, Alexei A.", ["Doersch, Carl", "Gupta, Abhinav", "Efros, Alexei A"]],
    ["Mnih et al.", ["Mnih"]],
    ["Kingma & Welling et al.", ["Kingma", "Welling"]],
    // Marks that point to a note (equal contribution, an affiliation's number) are no part of a name.
    ["Changan Chen*, Unnat Jain\u2020, Carl Schissler", ["Changan Chen", "Unnat Jain", "Carl Schissler"]],
    ["Jiasen Lu1, Anitha Kannan, Dhruv Batra", ["Jiasen Lu", "Anitha Kannan", "Dhruv Batra"]],
    ["Escalante, H. J.", ["Escalante, H. J."]],
    ["Meselson M, Stahl FW.", ["Meselson M", "Stahl FW"]],
    // The quote that opens a title after the names is no part of them.
    ['Lamport, L. "', ["Lamport, L."]],
    // Several names, each turned before its initials (APA).
    ["Ghemawat, S., Gobioff, H., and Leung, S.", ["Ghemawat, S.", "Gobioff, H.", "Leung, S."]],
    // Only the first name turned (MLA, as reference managers export it).
    ["LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton", ["LeCun, Yann", "Yoshua Bengio", "Geoffrey Hinton"]],
    ["Hinton, Geoffrey E., and Ruslan R. Salakhutdinov", ["Hinton, Geoffrey E.", "Ruslan R. Salakhutdinov"]],
    ["Szegedy, Christian, et al.", ["Szegedy, Christian"]],
    // One name turned alone, its given names two words at least.
    ["Le, Quoc V.", ["Le, Quoc V."]],
    ["Ba, Jimmy Lei", ["Ba, Jimmy Lei"]],
    // A list in the natural order starts with two words: nothing is turned.
    ["Kishore Papineni, Salim Roukos, Todd Ward, and Wei-Jing Zhu", ["Kishore Papineni", "Salim Roukos", "Todd Ward", "Wei-Jing Zhu"]],
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
    ["\u0002, Jong-Chyi Su, Subhransu Maji,2016", ["Jong-Chyi Su", "Subhransu Maji"], undefined, 2016],
    ["\u0001\u0002\u0001 \u0001Georgios Georgakis, Yimeng Li, Jana Kosecka\u0001 arXiv, 2019. \u0002", ["Georgios Georgakis", "Yimeng Li", "Jana Kosecka"], "arXiv", 2019],
    // The venue and its year in a bracket first, a model's short name in another: labels, no names.
    ["[Annu. Rev. Anal. Chem. 2025] Hong, Yuhui, et al. \u0002", ["Hong, Yuhui"], "Annu. Rev. Anal. Chem.", 2025],
    ["[NeurIPS 2015] [Neural FPs] Duvenaud, David K., et al. \u0002 [\u0002]", ["Duvenaud, David K."], "NeurIPS", 2015],
    ["[ICLR'22] [GraphMVP] Shengchao Liu, Hanchen Wang. \u0002", ["Shengchao Liu", "Hanchen Wang"], "ICLR", 2022],
    ["[2019] Jane Doe and John Roe. \u0002", ["Jane Doe", "John Roe"], undefined, 2019],
    // The venue's full name and its acronym, as written, without a "Proceedings of the" lead; a volume before the year.
    ["\u0002\nZhou, Kaiyang, Yu Qiao, and Tao Xiang.\n\u0001International Conference on Learning Representations\u0001 (\u0001\u0001ICLR\u0001\u0001) 2021.", ["Zhou, Kaiyang", "Yu Qiao", "Tao Xiang"], "International Conference on Learning Representations (ICLR)", 2021],
    ["\u0002 Kyungmoon Lee, Suha Kwak \u0001Proceedings of the European Conference on Computer Vision\u0001 (\u0001\u0001ECCV\u0001\u0001) 2022.", ["Kyungmoon Lee", "Suha Kwak"], "European Conference on Computer Vision (ECCV)", 2022],
    ["\u0002 Ghifary, Muhammad, and Mengjie Zhang. \u0001IEEE Transactions on Pattern Analysis & Machine Intelligence\u0001 (\u0001\u0001TPAMI\u0001\u0001) 39.7 (2016): 1414-1430.", ["Ghifary, Muhammad", "Mengjie Zhang"], "IEEE Transactions on Pattern Analysis & Machine Intelligence (TPAMI)", 2016],
    ["\u0002 Ahuja, Kartik, and Irina Rish. \u0001Neural Information Processing Systems\u0001 (\u0001\u0001NeurIPS\u0001\u0001) 2021.", ["Ahuja, Kartik", "Irina Rish"], "Neural Information Processing Systems (NeurIPS)", 2021],
    // Names as medical and life-science references write them: the list ends at the stop after the last initial.
    ["\u0001\u0001\u0002\u0001\u0001. Garay J, Kiayias A, Leonardos N. EUROCRYPT '15.", ["Garay J", "Kiayias A", "Leonardos N"], "EUROCRYPT", 2015],
    ["\u0001\u0001\u0002\u0001\u0001. Nakamoto S. '08.", ["Nakamoto S"], undefined, 2008],
    ["\u0002. Castro M., Liskov B. '99. OSDI '99.", ["Castro M", "Liskov B"], undefined, 1999],
    ["\u0002. Bonneau J, Miller A, Kroll JA, Felten EW. S&P '15.", ["Bonneau J", "Miller A", "Kroll JA", "Felten EW"], "S&P", 2015],
    // A given name's initial is no such stop: the names go on after it.
    ["\u0002. Jane M. Doe, John Roe. ICML 2020.", ["Jane M. Doe", "John Roe"], "ICML", 2020],
  ])("%j", (text, authors, event, year) => {
    // The surnames a chunk may also be read as are the page's to choose (surnameLists).
    const { surnames: _surnames, ...facts } = citedFacts(text);
    expect(facts).toEqual({ authors, ...(event !== undefined ? { event } : {}), year });
  });
});

describe("a paper list led by '[Venue Year]' brackets", () => {
  test("names, venue and year make a paper, under a heading that says discussions and on a journal's /articles/ address", () => {
    const md = [
      "## Discussions in databases", "",
      "- [Anal. Chem. 2024] Hoang, Corey, et al. [Tandem Spectra across Platforms](https://pubs.acs.org/doi/10.1021/ac.1)",
      "- [J. Cheminform. 2021] [MSDS] Huber, Florian, et al. [A Similarity Measure for Spectra](https://journal.example.org/articles/10.1186/s1) [\\[code\\]](https://github.com/o/msds)",
      "- [NeurIPS 2015] [Neural FPs] Duvenaud, David K., et al. [Convolutional Fingerprints](https://proceedings.neurips.cc/paper/2015/hash/f9)",
      "",
    ].join("\n");
    expect(pick(md).filter((e) => !e.url.includes("github")).map(({ kind, authors, year, event }) => ({ kind, authors, year, event }))).toEqual([
      { kind: "paper", authors: ["Hoang, Corey"], year: 2024, event: "Anal. Chem." },
      { kind: "paper", authors: ["Huber, Florian"], year: 2021, event: "J. Cheminform." },
      { kind: "paper", authors: ["Duvenaud, David K."], year: 2015, event: "NeurIPS" },
    ]);
  });

  test("a blog post named with its author and a year, no venue, stays a post", () => {
    const md = ["## Posts", "", "- Jane Doe, 2019. [Notes on Spectra](https://blog.example.org/2019/notes/)", "- John Roe, 2020. [More Notes](https://blog.example.org/2020/more/)", ""].join("\n");
    expect(pick(md).map((e) => e.kind)).toEqual(["article", "article"]);
  });
});

describe("authors written as bare lists of surnames before the year", () => {
  test("'[Title](url) - Athey, Eckles, Imbens (2018)': every list is its authors once some name three or more", () => {
    const md = [
      "## Interference", "",
      "- [Exact p-Values for Network Interference](https://www.tandfonline.com/doi/full/10.1080/1) - Athey, Eckles, Imbens (2018)",
      "- [Matching on the Estimated Propensity Score](https://onlinelibrary.wiley.com/doi/abs/10.3982/2) - Abadie, Imbens (2016)",
      "- [On Causal Inference under Interference](https://arxiv.org/abs/1003.3) - Tchetgen Tchetgen, VanderWeele (2012)",
      "- [Regression-Discontinuity Designs](https://www.jstor.org/stable/pdf/2692190.pdf) - Hahn, Todd, Van der Klaauw (2001)",
      "- [Sequential Probability Ratio Tests](https://arxiv.org/abs/1948.1) - Wald, Wolfowitz (1948)",
      "- [Confidence Sequences](https://arxiv.org/abs/1810.08240) - Howard, Ramdas, McAuliffe, Sekhon - (2020)",
      "- [Doubly Robust Estimation](https://arxiv.org/pdf/2004.14497.pdf) - Kennedy (2022)",
      "",
    ].join("\n");
    expect(pick(md).map(({ kind, authors, year }) => ({ kind, authors, year }))).toEqual([
      { kind: "paper", authors: ["Athey", "Eckles", "Imbens"], year: 2018 },
      { kind: "paper", authors: ["Abadie", "Imbens"], year: 2016 },
      { kind: "paper", authors: ["Tchetgen Tchetgen", "VanderWeele"], year: 2012 },
      { kind: "paper", authors: ["Hahn", "Todd", "Van der Klaauw"], year: 2001 },
      { kind: "paper", authors: ["Wald", "Wolfowitz"], year: 1948 },
      { kind: "paper", authors: ["Howard", "Ramdas", "McAuliffe", "Sekhon"], year: 2020 },
      { kind: "paper", authors: ["Kennedy"], year: 2022 },
    ]);
  });

  test("two pieces alone may be one name turned round: not split where no list names three", () => {
    const md = ["## Papers", "", "- [Time, Clocks](https://example.org/time.pdf) - Lamport, Leslie (1978)", "- [Paxos Made Simple](https://example.org/paxos.pdf) - Lamport, Leslie (2001)", ""].join("\n");
    expect(pick(md).every((e) => !e.authors.includes("Leslie"))).toBe(true);
  });
});

describe("names in the family-first order cut at semicolons", () => {
  test("are one list of authors, not a surname before the year", () => {
    expect(citedFacts("\u0002 | Lehman, Joel; Gordon, Jonathan; Jain, Shawn | Handbook | 2023")).toEqual({ authors: ["Lehman, Joel", "Gordon, Jonathan", "Jain, Shawn"], venue: "Handbook", year: 2023 });
  });
});

describe("the author-date order", () => {
  test.each([
    ["Smith, J., & Doe, A. (2019). Learning to rank with trees. Journal of Machine Learning.", { title: "Learning to rank with trees", people: ["Smith, J.", "Doe, A."], year: 2019, event: "Journal of Machine Learning" }],
    ["Brown, T. (2020). Language models are few-shot learners. NeurIPS.", { title: "Language models are few-shot learners", people: ["Brown, T."], year: 2020, event: "NeurIPS" }],
    ["Jane Doe and John Roe (2018). A survey of graph networks", { title: "A survey of graph networks", people: ["Jane Doe", "John Roe"], year: 2018 }],
    // APA's ellipsis for the names left out; a journal named in lower case before its volume.
    ["Hopper, G., Percie du Sert, N., & García Márquez, G. (2017). A manifesto. Nature Human Behaviour.", { title: "A manifesto", people: ["Hopper, G.", "Percie du Sert, N.", "García Márquez, G."], year: 2017, event: "Nature Human Behaviour" }],
    ["Lovelace, A. C., Hopper, G., Kay, A., … Thompson, K. (2016). How sharing helps. eLife, 5, 1–26.", { title: "How sharing helps", people: ["Lovelace, A. C.", "Hopper, G.", "Kay, A.", "Thompson, K."], year: 2016, event: "eLife, 5, 1–26" }],
  ])("%s", (text, citation) => {
    expect(authorDateCitation(text)).toEqual(citation);
  });

  test("a title with a year in brackets is none", () => {
    expect(authorDateCitation("Building a Bank with Go (2017). Slides")).toBeUndefined();
  });
});

describe("a table's row", () => {
  test("the cell after the link's is the venue", () => {
    expect(citedFacts("2016 | \u0002 | DLRS |")).toEqual({ year: 2016, event: "DLRS" });
  });

  test("a list item with pipes in it is no row", () => {
    expect(citedFacts("\u0002 - Jane Doe and John Roe, 2019 | [\u0002] | Notes").event).toBeUndefined();
  });
});

describe("the venue column", () => {
  test("a name with no acronym is a venue among venues by their years", () => {
    const read = [{ event: "ICML", year: 2016 }, { event: "NeurIPS", year: 2017 }, { venue: "Nature", year: 2016 }];
    expect(venueColumn(read)).toBe(true);
    expect(venueColumn([{ event: "ICML", year: 2016 }, { venue: "Nature", year: 2016 }, { venue: "Science", year: 2019 }])).toBe(false);
  });

  test("in a list", () => {
    const md = `# RL\n\n${[
      "**Mastering the game of Go**. D. Silver, A. Huang. Nature, 2016. [[pdf](https://example.org/go.html)]",
      "**Playing Atari with Deep Reinforcement Learning**. V. Mnih, K. Kavukcuoglu. NIPS Workshop, 2013. [[pdf](https://example.org/atari.html)]",
      "**Asynchronous Methods for Deep Reinforcement Learning**. V. Mnih, A. P. Badia. ICML, 2016. [[pdf](https://example.org/a3c.html)]",
    ]
      .map((l) => `- ${l}\n`)
      .join("")}`;
    expect(pick(md).map((e) => e.event)).toEqual(["Nature", "NIPS Workshop", "ICML"]);
  });
});

describe("a row of cells", () => {
  test.each([
    ["2019 | DARTS: Differentiable Architecture Search | Hanxiao Liu, et al. | ICLR |", { title: "DARTS: Differentiable Architecture Search", people: ["Hanxiao Liu"], year: 2019, event: "ICLR" }],
    ["2017 | ATM: A Distributed, Collaborative, Scalable System | T. Swearingen, et al. | IEEE |", { title: "ATM: A Distributed, Collaborative, Scalable System", people: ["T. Swearingen"], year: 2017, event: "IEEE" }],
    ["2020 | Bayesian Optimization of Risk Measures | NeurIPS |", { title: "Bayesian Optimization of Risk Measures", year: 2020, event: "NeurIPS" }],
    ["2016 | Robust Bayesian Neural Networks | Jost Tobias Springenberg\uff0c et al. | NIPS |", { title: "Robust Bayesian Neural Networks", people: ["Jost Tobias Springenberg"], year: 2016, event: "NIPS" }],
    ["2015 | Efficient and Robust Automated Machine Learning |", { title: "Efficient and Robust Automated Machine Learning", year: 2015 }],
  ])("%s", (text, citation) => {
    expect(cellCitation(text)).toEqual(citation);
  });

  test("text of one separator is no row", () => {
    expect(cellCitation("Rust | Fast and Safe")).toBeUndefined();
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

  test("surnames and a year in brackets, and a venue with its year after a comma", () => {
    const a = pick(`# Papers\n\n- [Paxos Made Simple](https://example.org/paxos.pdf) (Lamport, 2001)\n- [Adam](https://example.org/adam.pdf) (Kingma & Ba, 2015)\n- [GFS](https://example.org/gfs.pdf) (Ghemawat, Gobioff & Leung, 2003)\n`);
    expect(a.map((e) => e.authors)).toEqual([["Lamport"], ["Kingma", "Ba"], ["Ghemawat", "Gobioff", "Leung"]]);
    const b = pick(`# Papers\n\n1. Leslie Lamport. "[Time, Clocks](https://example.org/t.pdf)". CACM, 1978.\n2. Diego Ongaro, John Ousterhout. "[Raft](https://example.org/r.pdf)". USENIX ATC, 2014.\n`);
    expect(b.map((e) => [e.event, e.year])).toEqual([["CACM", 1978], ["USENIX ATC", 2014]]);
  });

  test("a bold title, emphasised authors and a venue after a line break: the emphasis ends the names", () => {
    const md = `# Papers\n\n${["CoRL", "ICLR", "arXiv"]
      .map((v, i) => `* **Paper number ${i}** <br>\n*Jane Doe\\*, John Roe, Mary Major* <br>\n${v}, 202${i}. [[Paper]](https://arxiv.org/abs/2201.0000${i}) [[Code]](https://github.com/x/c${i})\n`)
      .join("\n")}`;
    expect(pick(md).filter((e) => e.kind === "paper")).toMatchObject(
      ["CoRL", "ICLR", "arXiv"].map((event, i) => ({ title: `Paper number ${i}`, authors: ["Jane Doe", "John Roe", "Mary Major"], event, year: 2020 + i })),
    );
  });

  test("items of cells: year, title, authors, venue and a [`PDF`] link", () => {
    const md = `# Papers\n\n### Surveys\n\n+ 2019 | AutoML: A Survey of the State-of-the-Art | Xin He, et al. | arXiv | [\`PDF\`](https://arxiv.org/pdf/1908.00709.pdf)\n+ 2019 | Survey on Automated Machine Learning | Marc Zoeller, Marco F. Huber | arXiv | [\`PDF\`](https://arxiv.org/pdf/1904.12054.pdf)\n+ 2017 | Google Vizier: A Service for Black-Box Optimization | Daniel Golovin, et al. | KDD | [\`PDF\`](https://example.org/vizier.pdf)\n`;
    expect(pick(md).map(({ title, authors, event, year }) => ({ title, authors, event, year }))).toEqual([
      { title: "AutoML: A Survey of the State-of-the-Art", authors: ["Xin He"], event: "arXiv", year: 2019 },
      { title: "Survey on Automated Machine Learning", authors: ["Marc Zoeller", "Marco F. Huber"], event: "arXiv", year: 2019 },
      { title: "Google Vizier: A Service for Black-Box Optimization", authors: ["Daniel Golovin"], event: "KDD", year: 2017 },
    ]);
  });

  test("authors before the link, the venue after it: a list of citations on hosts no table names is papers", () => {
    const md = `# Reading\n\n- Leslie Lamport. [Time, Clocks, and the Ordering of Events](https://example.org/time.html). CACM, 1978.\n- Ongaro D., Ousterhout J. [In Search of an Understandable Consensus Algorithm](https://example.org/raft.html). USENIX ATC'14.\n- Meselson M, Stahl FW. [The Replication of DNA in Escherichia coli](https://example.org/meselson.html). PNAS. 1958.\n`;
    expect(pick(md).map(({ kind, authors, event, year }) => ({ kind, authors, event, year }))).toEqual([
      { kind: "paper", authors: ["Leslie Lamport"], event: "CACM", year: 1978 },
      { kind: "paper", authors: ["Ongaro D", "Ousterhout J"], event: "USENIX ATC", year: 2014 },
      { kind: "paper", authors: ["Meselson M", "Stahl FW"], event: "PNAS", year: 1958 },
    ]);
  });

  test("a citation inside the link's text: authors, a dash or a quoted title, the venue and its year", () => {
    const a = pick(`# Reading\n\n- [Ghemawat et al. — The Google File System, SOSP 2003](https://example.org/gfs.html)\n- [Burrows — The Chubby lock service, OSDI 2006](https://example.org/chubby.html)\n- [DeCandia et al. — Dynamo: Amazon's Highly Available Key-value Store, SOSP 2007](https://example.org/dynamo.html)\n`);
    expect(a.map(({ title, kind, authors, event, year }) => ({ title, kind, authors, event, year }))).toEqual([
      { title: "The Google File System", kind: "paper", authors: ["Ghemawat"], event: "SOSP", year: 2003 },
      { title: "The Chubby lock service", kind: "paper", authors: ["Burrows"], event: "OSDI", year: 2006 },
      { title: "Dynamo: Amazon's Highly Available Key-value Store", kind: "paper", authors: ["DeCandia"], event: "SOSP", year: 2007 },
    ]);
    const b = pick(`# Reading\n\n- [Adams & Agesen, "A Comparison of Software and Hardware Techniques", ASPLOS 2006](https://example.org/a.html)\n- [Barham et al., "Xen and the Art of Virtualization", SOSP 2003](https://example.org/xen.html)\n- [Popek & Goldberg, "Formal Requirements for Virtualizable Architectures", CACM 1974](https://example.org/p.html)\n- [Agache et al., "Firecracker", NSDI 2020](https://example.org/f.html)\n`);
    expect(b.map(({ title, authors, event, year }) => ({ title, authors, event, year }))).toEqual([
      { title: "A Comparison of Software and Hardware Techniques", authors: ["Adams", "Agesen"], event: "ASPLOS", year: 2006 },
      { title: "Xen and the Art of Virtualization", authors: ["Barham"], event: "SOSP", year: 2003 },
      { title: "Formal Requirements for Virtualizable Architectures", authors: ["Popek", "Goldberg"], event: "CACM", year: 1974 },
      { title: "Firecracker", authors: ["Agache"], event: "NSDI", year: 2020 },
    ]);
  });

  test("a link's text of pieces cut at commas whose first is written unlike the others: a title, then its authors", () => {
    const md = `# Papers\n\n- [Engineering Definitional Interpreters, J. Midtgaard, N. Ramsey, B. Larsen](https://example.org/i.pdf).\n- [SSA-based Register Allocation, S. Hack & G. Goos](https://example.org/ssa.html).\n- [Compiling with Continuations: Continued, A. Kennedy](https://example.org/c.pdf).\n`;
    expect(pick(md).map(({ title, authors }) => ({ title, authors }))).toEqual([
      { title: "Engineering Definitional Interpreters", authors: ["J. Midtgaard", "N. Ramsey", "B. Larsen"] },
      { title: "SSA-based Register Allocation", authors: ["S. Hack", "G. Goos"] },
      { title: "Compiling with Continuations: Continued", authors: ["A. Kennedy"] },
    ]);
  });

  test("a paper's link over nested items of its authors and of its venue and year", () => {
    const md = `# Papers\n\n${[
      ["Paxos Made Live", "live", "Tushar Chandra, Robert Griesemer", "PODC 2007"],
      ["Zab: High-performance broadcast", "zab", "Flavio P. Junqueira, Benjamin C. Reed", "DSN 2011"],
      ["Chain Replication", "chain", "Robbert van Renesse, Fred B. Schneider", "*OSDI 2004*"],
    ]
      .map(([t, u, a, v]) => `- [${t}](https://example.org/${u}.html)\n  - ${a}\n  - ${v}\n`)
      .join("")}`;
    expect(pick(md).map(({ kind, event, year }) => ({ kind, event, year }))).toEqual([
      { kind: "paper", event: "PODC", year: 2007 },
      { kind: "paper", event: "DSN", year: 2011 },
      { kind: "paper", event: "OSDI", year: 2004 },
    ]);
  });

  test("a quoted title before the authors and the year, over a [link]", () => {
    const md = `# Papers\n\n- "Attention Is All You Need" - Vaswani et al. (2017) [link](https://example.org/b1.html)\n- "Deep Residual Learning for Image Recognition" - He et al. (2016) [link](https://example.org/b3.html)\n- "Generative Adversarial Networks" - Goodfellow et al. (2014) [link](https://example.org/b4.html)\n`;
    expect(pick(md).map(({ title, authors, year }) => ({ title, authors, year }))).toEqual([
      { title: "Attention Is All You Need", authors: ["Vaswani"], year: 2017 },
      { title: "Deep Residual Learning for Image Recognition", authors: ["He"], year: 2016 },
      { title: "Generative Adversarial Networks", authors: ["Goodfellow"], year: 2014 },
    ]);
  });

  test("a company before a dash in a list of names is no name without a venue and year after it", () => {
    const md = `# Guides\n\n- [Jay Alammar - The Illustrated Transformer](https://example.org/t.html)\n- [Sebastian Raschka - Build a Model](https://example.org/b.html)\n- [Lilian Weng - Attention](https://example.org/a.html)\n- [Kaggle - NLP Guide](https://example.org/k.html)\n`;
    expect(pick(md).at(-1)).toMatchObject({ title: "Kaggle - NLP Guide", authors: [] });
  });

  test("a list of pages with a name and a year here and there stays pages", () => {
    const md = `# Links\n\n- [A tool](https://example.org/tool.html) - by Jane Doe, 2019\n- [Another tool](https://example.org/other.html) - handy\n- [Docs](https://example.org/docs.html) - the manual\n`;
    expect(pick(md).map((e) => e.kind)).toEqual(["page", "page", "page"]);
  });

  test("a list whose papers name no authors gets none", () => {
    const md = `# Papers\n\n- [A Paper](https://arxiv.org/abs/2301.00001) (2021) - the method, by Google Research\n- [Another](https://arxiv.org/abs/2301.00002) (2022)\n`;
    expect(pick(md).map((e) => e.authors)).toEqual([[], []]);
  });
});

describe("the names-first order with an emphasised title", () => {
  test.each([
    ['\u0001[1]\u0001 LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "\u0001Deep learning\u0001." Nature 521.7553 (2015): 436-444.', { title: "Deep learning", people: ["LeCun, Yann", "Yoshua Bengio", "Geoffrey Hinton"], year: 2015, event: "Nature" }],
    // The names end at the quote that opens the title.
    ['W. Xiong, J. Droppo, G. Zweig "\u0001Achieving Human Parity in Conversational Speech Recognition\u0001." arXiv preprint arXiv:1610.05256 (2016). ', { title: "Achieving Human Parity in Conversational Speech Recognition", people: ["W. Xiong", "J. Droppo", "G. Zweig"], year: 2016, event: "arXiv" }],
    ["S. Ghemawat, H. Gobioff and S. Leung. \u0001The Google File System\u0001. SOSP 2003.", { title: "The Google File System", people: ["S. Ghemawat", "H. Gobioff", "S. Leung"], year: 2003, event: "SOSP" }],
  ])("%s", (text, want) => {
    expect(namesFirstCitation(text)).toEqual(want);
  });
  test.each(["\u0001Paxos Made Simple\u0001 (2001), L. Lamport", "Deep learning. \u0001Nature\u0001 2015", "Some text without emphasis, J. Doe, 2019"])("%s is none", (text) => {
    expect(namesFirstCitation(text)).toBeUndefined();
  });
});

describe("the venue as Google Scholar's MLA style writes it after the title", () => {
  test.each([
    ["Nature 521.7553 (2015): 436-444.", { event: "Nature", year: 2015 }],
    ["Neural computation 18.7 (2006): 1527-1554.", { event: "Neural computation", year: 2006 }],
    ["ICML (3) 28 (2013): 1139-1147.", { event: "ICML", year: 2013 }],
    ["arXiv preprint arXiv:1409.1556 (2014).", { event: "arXiv", year: 2014 }],
    ["Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition. 2015.", { event: "IEEE Conference on Computer Vision and Pattern Recognition", year: 2015 }],
    ["ICML. Vol. 14. 2014.", { event: "ICML", year: 2014 }],
    ["Advances in neural information processing systems. 2012.", { event: "Advances in neural information processing systems", year: 2012 }],
    ["2013 IEEE international conference on acoustics, speech and signal processing. IEEE, 2013.", { event: "IEEE international conference on acoustics, speech and signal processing", year: 2013 }],
  ])("%s", (text, want) => {
    expect(scholarVenue(text)).toEqual(want);
  });
  test.each(["(2015)", "Some words here. And many more words of a sentence, 2019.", "https://example.org/x 12 (2019)", "Jane Doe, John Roe. 2019.", "A paper."])("%s is none", (text) => {
    expect(scholarVenue(text)).toBeUndefined();
  });
  test("read on a numbered reading list, titles bold or not, a single turned author", () => {
    const md = [
      "## Models", "",
      '**[1]** LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "**Deep learning**." Nature 521.7553 (2015): 436-444. [[pdf]](http://example.org/deep.pdf) **(Survey)** :star::star:', "",
      '**[2]** Chen, Tianqi, Ian Goodfellow, and Jonathon Shlens. "Net2net: Accelerating learning via knowledge transfer." arXiv preprint arXiv:1511.05641 (2015). [[pdf]](https://arxiv.org/abs/1511.05641)', "",
      '**[3]** Wei, Tao, et al. "Network Morphism." arXiv preprint arXiv:1603.01670 (2016). [[pdf]](https://arxiv.org/abs/1603.01670)', "",
      '**[4]** Le, Quoc V. "**Building high-level features**." Proceedings of the International Conference on Machine Learning. 2012. [[pdf]](http://example.org/cat.pdf)', "",
    ].join("\n");
    expect(pick(md).map(({ title, authors, event, year }) => ({ title, authors, event, year }))).toEqual([
      { title: "Deep learning", authors: ["LeCun, Yann", "Yoshua Bengio", "Geoffrey Hinton"], event: "Nature", year: 2015 },
      { title: "Net2net: Accelerating learning via knowledge transfer", authors: ["Chen, Tianqi", "Ian Goodfellow", "Jonathon Shlens"], event: "arXiv", year: 2015 },
      { title: "Network Morphism", authors: ["Wei, Tao"], event: "arXiv", year: 2016 },
      { title: "Building high-level features", authors: ["Le, Quoc V."], event: "International Conference on Machine Learning", year: 2012 },
    ]);
  });
});

describe("authors written the USENIX way, each group before its institution", () => {
  test.each([
    ["Gina Yuan, Shoumik Palkar, Deepak Narayanan, and Matei Zaharia, Stanford University", ["Gina Yuan", "Shoumik Palkar", "Deepak Narayanan", "Matei Zaharia"]],
    ["Kate Keahey, Argonne National Laboratory; Jason Anderson and Zhuo Zhen, University of Chicago; Pierre Riteau, StackHPC Ltd", ["Kate Keahey", "Jason Anderson", "Zhuo Zhen", "Pierre Riteau"]],
    ["Zainul Abi Din, UC Davis; Samuel T. King, UC Davis, Bouncer Technologies", ["Zainul Abi Din", "Samuel T. King"]],
    ["Soroush Bateni and Cong Liu, University of Texas at Dallas", ["Soroush Bateni", "Cong Liu"]],
  ])("%s", (text, want) => {
    expect(affiliatedNames(text)).toEqual(want);
  });
  test.each(["Jane Doe, John Roe", "A. Author, B. Author, C. Author", "Tongzhou Wang, Phillip Isola. ICML 2020", "Libraries for working with dates"])("%s is none", (text) => {
    expect(affiliatedNames(text)).toBeUndefined();
  });
  test("read under a paper's item", () => {
    const md = "### ATC 2020\n\n- Offload Annotations: Bringing Heterogeneous Computing to Libraries [[Paper]](https://www.usenix.org/conference/atc20/presentation/yuan)\n  - Gina Yuan, Shoumik Palkar, and Matei Zaharia, Stanford University\n- Lessons Learned from the Chameleon Testbed [[Paper]](https://www.usenix.org/conference/atc20/presentation/keahey)\n  - Kate Keahey, Argonne National Laboratory; Jason Anderson and Zhuo Zhen, University of Chicago\n";
    expect(pick(md).map(({ title, authors, event, year }) => ({ title, authors, event, year }))).toEqual([
      { title: "Offload Annotations: Bringing Heterogeneous Computing to Libraries", authors: ["Gina Yuan", "Shoumik Palkar", "Matei Zaharia"], event: "ATC", year: 2020 },
      { title: "Lessons Learned from the Chameleon Testbed", authors: ["Kate Keahey", "Jason Anderson", "Zhuo Zhen"], event: "ATC", year: 2020 },
    ]);
  });
});

describe("a title in double quotes", () => {
  test.each([
    ['\u0001RT-1\u0001: "RT-1: Robotics Transformer for Real-World Control at Scale", \u0001arXiv, Dec 2022\u0001. ', { title: "RT-1: Robotics Transformer for Real-World Control at Scale", year: 2022, event: "arXiv" }],
    ['\u0001SPINE\u0001: "SPINE: Online Semantic Planning for Missions", \u0001International Conference on Robotics and Automation (ICRA), May 2025\u0001. ', { title: "SPINE: Online Semantic Planning for Missions", year: 2025, event: "International Conference on Robotics and Automation (ICRA)" }],
    ['\u0001RoboPAIR\u0001: "Jailbreaking LLM-Controlled Robots", \u0001Robotics and Automation (ICRA) May 2025\u0001. ', { title: "Jailbreaking LLM-Controlled Robots", year: 2025, event: "Robotics and Automation (ICRA)" }],
    ['S. Ghemawat, H. Gobioff and S. Leung, \u201cThe Google File System,\u201d SOSP 2003. ', { title: "The Google File System", people: ["S. Ghemawat", "H. Gobioff", "S. Leung"], year: 2003, event: "SOSP" }],
    ['"Attention Is All You Need" NeurIPS ', { title: "Attention Is All You Need", event: "NeurIPS" }],
  ])("%s", (text, want) => {
    expect(quotedTitleCitation(text)).toEqual(want);
  });
  test.each([
    ['He said "use it" and left', "a quoted run of two words"],
    ['"First Quoted Title Here" and "Second Quoted Title There"', "two quoted titles"],
    ['A long sentence of many plain words before the "Quoted Title Of Paper"', "a lead that is neither names nor a short name"],
  ])("%s is none (%s)", (text) => {
    expect(quotedTitleCitation(text)).toBeUndefined();
  });

  test("read on a list, with a venue and a month before the year outside the quotes or in the emphasis after a bold title", () => {
    const md = [
      "## Planning", "",
      '* **RT-1**: "RT-1: Robotics Transformer for Real-World Control at Scale", *arXiv, Dec 2022*. [[Paper](https://arxiv.org/abs/2212.06817)] [[GitHub](https://github.com/google-research/robotics_transformer)]',
      '* **RoboSpatial**: "RoboSpatial: Teaching Spatial Understanding", CVPR, June 2025. [[Paper](https://arxiv.org/abs/2411.16537)]',
      "* **LLM-Driven Robots Risk Enacting Discrimination**: *arXiv, Jun 2024*. [[Paper](https://arxiv.org/abs/2406.08824)]",
      "* **Safe LLM-Controlled Robots with Formal Guarantees** *arXiv, Mar 2025* [[arXiv](https://arxiv.org/abs/2503.03911)] [[Code](https://github.com/TUM-CPS-HN/SafeLLMRA)]", "",
    ].join("\n");
    expect(pick(md).filter((e) => e.url.includes("arxiv")).map(({ title, event, year }) => ({ title, event, year }))).toEqual([
      { title: "RT-1: Robotics Transformer for Real-World Control at Scale", event: "arXiv", year: 2022 },
      { title: "RoboSpatial: Teaching Spatial Understanding", event: "CVPR", year: 2025 },
      { title: "LLM-Driven Robots Risk Enacting Discrimination", event: "arXiv", year: 2024 },
      { title: "Safe LLM-Controlled Robots with Formal Guarantees", event: "arXiv", year: 2025 },
    ]);
  });
});

describe("author-year citations with an emphasised venue after the title", () => {
  test.each([
    ["Franz Josef Och. 2003. \u0002. In \u0001Proceedings of ACL 2003\u0001. (\u0002: 3,115)", { authors: ["Franz Josef Och"], year: 2003, event: "ACL" }],
    // A surname of two letters ends its chunk at its full stop.
    ["Diederik P. Kingma, Jimmy Ba. 2015. \u0002. In \u0001Proceedings of ICLR 2015\u0001.", { authors: ["Diederik P. Kingma", "Jimmy Ba"], year: 2015, event: "ICLR" }],
    ["Dekai Wu. 1997. \u0002. \u0001Computational Linguistics\u0001. (\u0002: 1,009)", { authors: ["Dekai Wu"], year: 1997, event: "Computational Linguistics" }],
  ])("%s", (text, want) => {
    expect(citedFacts(text)).toEqual(want);
  });
  test("an emphasised name after the title is no venue", () => {
    expect(citedFacts("2003. \u0002. \u0001Jane Doe\u0001.").event).toBeUndefined();
  });
});
