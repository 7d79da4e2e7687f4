// Table-driven tests of the catalog's pure helpers: ids, speakers, kinds and target URLs.
import { describe, expect, it } from "vitest";
import { assignIds, slugify } from "../../src/catalog/ids";
import { ET_AL, splitSpeaker } from "../../src/catalog/speaker";
import { classify, shapeOnlyKind, sluggedPost } from "../../src/catalog/classify";
import { targetUrl } from "../../src/catalog/urls";
import type { Entry } from "../../src/catalog/types";

describe("slugify", () => {
  it.each([
    ["Consensus Overview", "consensus-overview"],
    ["Peer-to-Peer (P2P)", "peer-to-peer-p2p"],
    ["Björn's Ça Va?", "bjorn-s-ca-va"],
    ["Non-interactive Distributed Key Generation and Key Resharing", "non-interactive-distributed-key"],
    ["Supercalifragilisticexpialidociousnessitude", "supercalifragilisticexpialidocio"],
    ["  --  ", "u"],
    ["2048", "u"],
    ["インターネット", "u"],
  ])("%s → %s", (title, expected) => {
    const slug = slugify(title, "https://example.org/x");
    if (expected === "u") expect(slug).toMatch(/^u[0-9a-z]{6}$/);
    else expect(slug).toBe(expected);
    expect(slug.length).toBeLessThanOrEqual(32);
    expect(slug).not.toMatch(/^\d+$/);
  });

  it("hashes the url, so titles without Latin letters differ by link", () => {
    expect(slugify("日本", "https://a.example")).not.toBe(slugify("日本", "https://b.example"));
  });
});

describe("assignIds", () => {
  it("keeps unique slugs bare and breaks collisions by url, not order", () => {
    const a = { slug: "x", url: "https://a" };
    const b = { slug: "x", url: "https://b" };
    const c = { slug: "y", url: "https://c" };
    const forward = assignIds([a, b, c]);
    const backward = assignIds([c, b, a]);
    expect(forward).toEqual([backward[2], backward[1], backward[0]]);
    expect(forward[0]).toBe("x");
    expect(forward[1]).toMatch(/^x-[0-9a-z]{4}$/);
    expect(forward[2]).toBe("y");
  });

  it("numbers exact duplicates and never reuses an id", () => {
    const ids = assignIds(Array.from({ length: 5 }, () => ({ slug: "same", url: "https://same" })));
    expect(new Set(ids).size).toBe(5);
    expect(ids[0]).toBe("same");
  });

  it("does not let a suffixed id take a slug that another entry owns", () => {
    const first = assignIds([{ slug: "x", url: "https://a" }, { slug: "x", url: "https://b" }]);
    const owner = { slug: first[1]!, url: "https://other" };
    const ids = assignIds([owner, { slug: "x", url: "https://a" }, { slug: "x", url: "https://b" }]);
    expect(ids[0]).toBe(first[1]);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("splitSpeaker", () => {
  it.each([
    ["Execution / Akhi Singhania", "Execution", "Akhi Singhania"],
    ["Ingress Message Lifecycle / Yavonne-anne Pignolet", "Ingress Message Lifecycle", "Yavonne-anne Pignolet"],
    ["A / B / Jan Camenisch", "A / B", "Jan Camenisch"],
    ["Talk / Ludwig van Beethoven", "Talk", "Ludwig van Beethoven"],
    ["How it works / Deep dives", "How it works / Deep dives", undefined],
    ["CI / CD", "CI / CD", undefined],
    ["Rust / Motoko", "Rust / Motoko", undefined],
    ["Canisters / Internet Computer", "Canisters / Internet Computer", undefined],
    ["Agents / NNS DAO", "Agents / NNS DAO", undefined],
    ["Episode / Part 2", "Episode / Part 2", undefined],
    ["Simple / Getting started", "Simple / Getting started", undefined],
    ["No slash here", "No slash here", undefined],
  ])("%s", (text, title, speaker) => {
    expect(splitSpeaker(text)).toEqual(speaker ? { title, speaker, speakers: [speaker] } : { title });
  });

  // #23: what `add -p A -p B` writes into a "Title / Speaker" page reads back as two speakers.
  it.each([
    ["Two people / Jane Doe & John Roe", ["Jane Doe", "John Roe"]],
    ["Two people / Jane Doe, John Roe and Ada Lovelace", ["Jane Doe", "John Roe", "Ada Lovelace"]],
  ])("%s: several speakers", (text, speakers) => {
    expect(splitSpeaker(text)).toEqual({ title: "Two people", speaker: speakers.join(", "), speakers });
  });
});

describe("classify", () => {
  it.each([
    ["https://www.youtube.com/watch?v=x", ["Anything"], "talk"],
    ["https://youtu.be/x", [], "talk"],
    ["https://vimeo.com/1", [], "talk"],
    ["https://medium.com/dfinity/x", [], "article"],
    ["https://someone.substack.com/p/x", [], "article"],
    ["https://forum.dfinity.org/", [], "forum"],
    ["https://www.reddit.com/r/dfinity", [], "forum"],
    ["https://github.com/org/repo/discussions/12", [], "forum"],
    ["https://github.com/org/repo", [], "repo"],
    ["https://github.com/org/repo", ["Videos"], "repo"],
    ["https://arxiv.org/abs/1234.5678", ["Talks"], "paper"],
    ["https://example.org/paper.pdf", [], "paper"],
    ["https://ftp.fau.de/fosdem/2023/K.3.201/life_query_vitess.webm", [], "talk"],
    ["https://example.org/media/keynote.mp4", ["Articles"], "talk"],
    ["https://www.usenix.org/system/files/osdi20.pdf", [], "paper"],
    ["https://pypi.org/project/x", ["Video"], "repo"],
    ["https://example.org/x", ["Talks"], "talk"],
    ["https://example.org/x", ["Articles", "Videos"], "talk"],
    ["https://example.org/x", ["Blogs"], "article"],
    ["https://dfinity.org/conversations", ["Community Conversations"], "page"],
    ["/dfinity-overview", ["In-site Pages"], "site"],
    ["other.md", [], "site"],
    ["//evil.example/x", [], "page"],
    // #23: podcast platforms, dated posts, documentation; Google Docs slides are no manual.
    ["https://podcasts.apple.com/us/podcast/x/id1", ["Talks"], "podcast"],
    ["https://open.spotify.com/show/abc", [], "podcast"],
    ["https://overcast.fm/itunes617416468/x", [], "podcast"],
    ["https://doordash.engineering/2020/09/25/how-doordash-scales/", [], "article"],
    ["https://nlathia.github.io/2020/12/Building-a-feature-store.html", [], "article"],
    ["https://example.org/2020/12/", [], "page"],
    ["https://huggingface.co/docs/transformers/chat_templating", ["Articles"], "page"],
    ["https://docs.streamlit.io/knowledge-base/tutorials/x", ["Videos"], "page"],
    ["https://skypilot.readthedocs.io/en/latest/", ["Blogs"], "page"],
    ["https://docs.google.com/presentation/d/x", ["Talks"], "talk"],
    // Proceedings, journals and research labs' publication pages are papers.
    ["https://openaccess.thecvf.com/content/WACV2024/html/x_paper.html", [], "paper"],
    ["http://www.aclweb.org/anthology/E17-1038", [], "paper"],
    ["https://www.microsoft.com/en-us/research/publication/splitstream/", [], "paper"],
    ["https://www.nature.com/articles/nature14539", ["Videos"], "paper"],
  ])("%s in %j is a %s", (url, path, kind) => {
    expect(classify(url, path)).toBe(kind);
  });
});

describe("sluggedPost: a post's address by its title tells an article from a page", () => {
  it.each([
    ["https://devops.com/netflix-the-simian-army-and-the-culture-of-freedom-and-responsibility/", true],
    ["https://www.techrepublic.com/article/chaos-engineering-a-cheat-sheet/", true],
    ["https://sharpend.io/chaos-monkey-for-fun-and-profit/", true],
    ["https://example.org/news/why-we-moved-to-rust.html", true],
    ["https://www.wired.com/story/netflix-ddos-attack", false],
    ["https://example.org/getting-started", false],
    ["https://docs.example.org/how-to-write-your-first-plugin-today", false],
    ["https://example.org/docs/how-to-write-your-first-plugin-today", false],
    ["how-to-write-your-first-plugin-today", false],
  ])("%s: %s", (url, slugged) => {
    expect(sluggedPost(url)).toBe(slugged);
  });
});

describe("shapeOnlyKind: a kind the address's shape gives, weaker than the item's own word", () => {
  it.each([
    ["https://talks.example.org/2022/deck.pdf", true],
    ["https://journal.example.org/articles/10.1186/s1", true],
    ["https://example.org/2019/05/notes", true],
    ["https://arxiv.org/pdf/2406.02624", false],
    ["https://www.nature.com/articles/s42256-021-00438-4", false],
    ["https://www.youtube.com/watch?v=x", false],
    ["https://medium.com/@jane/post-about-things-1a2b", false],
    ["https://example.org/about", false],
    ["docs/intro.md", false],
  ])("%s → %s", (url, expected) => {
    expect(shapeOnlyKind(url)).toBe(expected);
  });
});

describe("targetUrl", () => {
  const entry = (url: string): Entry => ({ id: "x", position: 1, title: "X", url, kind: "page", section: "S", sectionPath: ["S"], speakers: [], authors: [], related: [], tags: [], line: 1, source: "p.md" });
  it.each([
    ["https://example.org/a", undefined, "https://example.org/a"],
    ["HTTP://EXAMPLE.ORG", undefined, "http://example.org/"],
    ["/dfinity-overview", "https://example.org", "https://example.org/dfinity-overview"],
  ])("%s opens as %s", (url, base, expected) => expect(targetUrl(entry(url), base)).toBe(expected));

  it.each(["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "file:///etc/passwd", "vbscript:x", "//evil.example/x", "ftp://example.org", "mailto:a@b.c"])(
    "refuses %s",
    (url) => expect(() => targetUrl(entry(url), undefined)).toThrow(/refusing|site link/),
  );

  it("asks for a base URL for a site link", () => {
    expect(() => targetUrl(entry("/x"), undefined)).toThrow(/no base URL/);
    expect(() => targetUrl(entry("/x"), "javascript:alert(1)//")).toThrow(/refusing/);
  });
});

describe("ET_AL: the others a list of names leaves unnamed, in every form the readers strip", () => {
  it.each([
    ["Jane Doe et al.", "Jane Doe"],
    ["Jane Doe, et al", "Jane Doe"],
    ["Jane Doe et.al.", "Jane Doe"],
    ["Jane Doe et. al", "Jane Doe"],
    ["Jane Doe et al. ", "Jane Doe"],
    // No "et al." here: a name ending in the letters, and the words without a space before them.
    ["Jane Metal", "Jane Metal"],
    ["Jane Etal", "Jane Etal"],
    ["et al.", "et al."],
  ])("%j -> %j", (text, names) => {
    expect(text.replace(ET_AL, "")).toBe(names);
  });
});
