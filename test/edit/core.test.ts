// The pure core of editing (#17), case by case: lines and their endings, sections, the page's
// style, titles read from HTML, and the edits' refusals.
import { describe, expect, it } from "vitest";
import { applySplices, readDoc, writeDoc } from "../../src/edit/document";
import { findSection, newSectionLevel, sectionsOf } from "../../src/edit/sections";
import { escapeText, formatItem, formatRow, formatUrl, readStyle, DEFAULT_STYLE } from "../../src/edit/style";
import { MAX_TITLE, titleOfHtml, tidyTitle } from "../../src/edit/title";
import { openPage } from "../../src/edit/page";
import { addEntry, checkNewUrl, moveEntry, removeEntries } from "../../src/edit/edits";
import { parsePage } from "../../src/catalog/parse-page";
import { NotFoundError, ValueError } from "../../src/errors";
import { renderDiff } from "../../src/edit/diff";
import { plainStyle } from "../../src/render/style";

describe("document", () => {
  it.each([
    ["LF", "a\nb\n"],
    ["CRLF", "a\r\nb\r\n"],
    ["CR", "a\rb\r"],
    ["mixed", "a\r\nb\nc\rd"],
    ["BOM", "\ufeff# T\n"],
    ["empty", ""],
    ["no final newline", "- [a](x)"],
    ["trailing spaces", "a  \n\t\n"],
  ])("keeps every byte when nothing is edited: %s", (_name, text) => expect(writeDoc(readDoc(text))).toBe(text));

  it("numbers lines as the parser does", () => {
    const text = "\ufeff---\r\ntitle: T\r\n---\r\n## S\r- [A](https://a.example)\n";
    const entry = parsePage(text, "t.md").entries[0]!;
    expect(readDoc(text).lines[entry.line - 1]!.text).toBe("- [A](https://a.example)");
  });

  it("gives new lines the file's ending, and keeps a missing final newline missing", () => {
    const doc = readDoc("a\r\nb");
    expect(writeDoc(applySplices(doc, [{ start: 2, end: 2, insert: ["c"] }]))).toBe("a\r\nb\r\nc");
    expect(writeDoc(applySplices(doc, [{ start: 1, end: 2, insert: [] }]))).toBe("a");
    expect(writeDoc(applySplices(readDoc("a\n"), [{ start: 1, end: 1, insert: ["b"] }]))).toBe("a\nb\n");
  });

  it("refuses overlapping edits", () => {
    expect(() => applySplices(readDoc("a\nb\nc\n"), [{ start: 0, end: 2, insert: [] }, { start: 1, end: 3, insert: [] }])).toThrow(/overlapping/);
  });
});

describe("sections", () => {
  const text = "# Page\n\n## Tools\n\n### Rust\n\n## Libraries\n\n### Rust\n\n### Rust agents\n\nTitle\n-----\n\n## YouTube\n\n## YouTube Playlists\n";
  const page = parsePage(text, "p.md");
  const sections = sectionsOf(readDoc(text), page.headings);
  const name = (m: ReturnType<typeof findSection>) => ("section" in m ? m.section.path.join(" / ") : "ambiguous" in m ? m.ambiguous.map((s) => s.path.join(" / ")) : "none");

  it("matches as --section does: prefix or whole word, any case and accents", () => {
    expect(name(findSection(sections, "too"))).toBe("Page / Tools");
    expect(name(findSection(sections, "LIBRÀRIES"))).toBe("Page / Libraries");
    expect(name(findSection(sections, "agents"))).toBe("Page / Libraries / Rust agents");
    expect(name(findSection(sections, "nothing like it"))).toBe("none");
  });

  it("calls a name that fits several sections ambiguous, unless one is that very name", () => {
    expect(name(findSection(sections, "rust"))).toEqual(["Page / Tools / Rust", "Page / Libraries / Rust", "Page / Libraries / Rust agents"]);
    expect(name(findSection(sections, "youtube"))).toBe("Page / YouTube");
    expect(name(findSection(sections, "Libraries / Rust"))).toBe("Page / Libraries / Rust");
  });

  it("knows a setext heading's two lines", () => {
    const title = sections.find((s) => s.heading.text === "Title")!;
    expect(readDoc(text).lines[title.start - 1]!.text).toBe("-----");
  });

  it("gives a new section the level of its siblings", () => {
    expect(newSectionLevel(page.headings)).toBe(2);
    expect(newSectionLevel(parsePage("# A\n\n# B\n", "p.md").headings)).toBe(1);
    expect(newSectionLevel(parsePage("### A\n\n#### B\n", "p.md").headings)).toBe(3);
    expect(newSectionLevel([])).toBe(2);
  });
});

describe("style", () => {
  it.each([
    ["dash, slash speakers", ["- [A / Jan Camenisch](x)", "- [B](y) - about b"], { marker: "-", speakerForm: "slash", separator: " - " }],
    ["star, colon", ["* [A](x): about a", "* [B](y): about b"], { marker: "*", separator: ": " }],
    ["indented plus", ["   + [A](x) \u2014 about a"], { indent: "   ", marker: "+", separator: " \u2014 " }],
    ["ordered", ["1. [A](x)", "2) [B](y)"], { marker: "3)" }],
    ["by speaker", ["- [A](x) by Ada Lovelace - talk"], { speakerForm: "by", separator: " - ", angle: false }],
    ["angle brackets", ["- [A](<https://a.example>)", "- [B](<https://b.example>)"], { angle: true }],
  ])("reads %s", (_name, lines, expected) => expect(readStyle(lines as string[], [])).toMatchObject(expected));

  it.each([
    ["link first", "| [A](https://a.example) | about a |", "| [T](https://t.example) | d |"],
    ["link second", "| 2024 | [A](https://a.example) | about a |", "| d | [T](https://t.example) |  |"],
    ["no text cell", "| [A](https://a.example) |", "| [T](https://t.example) - d |"],
  ])("makes a table row shaped as the last: %s", (_name, last, row) => {
    expect(formatRow({ title: "T", url: "https://t.example", speakers: [], description: "d" }, last)).toBe(row);
  });

  it("writes text that markdown reads back as written", () => {
    expect(escapeText("a [b] *c* _d_ `e` <f> \\ &amp;")).toBe("a \\[b\\] \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\\\ \\&amp;");
    expect(formatUrl("https://a.example/b_(c)")).toBe("<https://a.example/b_(c)>");
    // Escaped, not percent-encoded: %3C would be another URL (#22).
    expect(formatUrl("https://a.example/<x>")).toBe("https://a.example/\\<x\\>");
    expect(formatItem({ title: "T", url: "/t", speakers: ["Ada Lovelace"], description: "d" }, { ...DEFAULT_STYLE, speakerForm: "by", separator: ": " })).toBe("- [T](/t) by Ada Lovelace: d");
  });
});

describe("titles from HTML", () => {
  it.each([
    ["og:title first", '<title>Site | Page</title><meta property="og:title" content="Page &amp; more">', "Page & more"],
    ["content before property", "<meta content='Talk' property='og:title'>", "Talk"],
    ["<title>", "<html><head><title>\n  A &#8220;quoted&#x201D; title\n</title>", "A \u201cquoted\u201d title"],
    ["escapes stripped", "<title>\u001b]8;;https://evil.example\u0007Click\u001b[31m me\u202e</title>", "Click me"],
    ["none", "<html><body>no title</body>", undefined],
    ["empty og:title falls back", '<meta property="og:title" content=""><title>T</title>', "T"],
  ])("%s", (_name, html, title) => expect(titleOfHtml(html)).toBe(title));

  it("cuts a long title at a word", () => {
    const title = tidyTitle("word ".repeat(100));
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE);
    expect(title.endsWith("word\u2026")).toBe(true);
  });
});

describe("refusals", () => {
  const text = "## A\n\nhttps://bare.example/a\n\n- [One](https://one.example/) - first\n  - [Child](https://child.example)\n- [Two](https://two.example)\n\n## B\n\n- [Three](https://three.example/x#y)\n";
  const page = openPage(text, "p.md");
  const entry = (url: string) => page.catalog.entries.find((e) => e.url.startsWith(url))!;

  it.each(["javascript:alert(1)", "ftp://a.example/", "//host.example/x", "example.org", "", "https://a.example/a b", "mailto:a@b.example", "https://a.example/<x>", 'https://a.example/"q"'])("refuses to add %j", (url) => {
    expect(() => checkNewUrl(url)).toThrow(ValueError);
  });

  it("refuses a URL already on the page, naming the entry (exit 1)", () => {
    for (const url of ["https://ONE.example", "https://one.example:443/", "https://child.example/"]) {
      const error = (() => {
        try {
          addEntry(page, { title: "Again", url, speakers: [] }, "B");
        } catch (e) {
          return e as NotFoundError;
        }
      })();
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error!.exitCode).toBe(1);
      expect(error!.message).toMatch(/already on the page: (one|child) \(line \d\)/);
    }
  });

  it("refuses a paragraph, and an item with nested items without --force", () => {
    expect(() => removeEntries(page, [entry("https://bare.example")], false)).toThrow(/not a list item or a table row/);
    expect(() => removeEntries(page, [entry("https://one.example")], false)).toThrow(/has nested items.*/);
    expect(removeEntries(page, [entry("https://one.example")], true)).toBe(text.replace("- [One](https://one.example/) - first\n  - [Child](https://child.example)\n", ""));
    // An item and its own nested item, named together: taken once.
    expect(removeEntries(page, [entry("https://one.example"), entry("https://child.example")], true)).toBe(removeEntries(page, [entry("https://one.example")], true));
  });

  it("refuses to move an entry to its own section, or a paragraph", () => {
    expect(() => moveEntry(page, entry("https://two.example"), "a")).toThrow(/already in A/);
    expect(() => moveEntry(page, entry("https://bare.example"), "b")).toThrow(/not a list item/);
  });

  it("refuses an entry that would not be read where it goes (an unclosed code block)", () => {
    const fenced = openPage("## A\n\n- [One](https://one.example)\n\n## B\n\n```\ncode\n", "p.md");
    expect(() => addEntry(fenced, { title: "T", url: "https://t.example", speakers: [] }, "b")).toThrow(/would not be read where it goes .*nothing added/);
    expect(() => moveEntry(fenced, fenced.catalog.entries[0]!, "b")).toThrow(/would not be read where it goes/);
  });

  it("removes an item in a block quote, and refuses to move it", () => {
    const quoted = openPage("## A\n\n> - [Q](https://q.example)\n> - [R](https://r.example)\n\n## B\n", "p.md");
    expect(removeEntries(quoted, [quoted.catalog.entries[0]!], false)).toBe("## A\n\n> - [R](https://r.example)\n\n## B\n");
    expect(() => moveEntry(quoted, quoted.catalog.entries[0]!, "b")).toThrow(/inside a block quote/);
  });

  // A new item right above a paragraph line would take it in as its lazy continuation: a setext
  // heading ("Title" then "---") would become the item's text and a rule.
  it.each([
    ["a setext heading after an empty section", "# Top\n| a | b |\n---\n", "# Top\n- [T](https://t.example)\n\n| a | b |\n---\n"],
    ["a setext heading of level one", "# Top\nSub\n===\n- [S](https://s.example)\n", "# Top\n- [T](https://t.example)\n\nSub\n===\n- [S](https://s.example)\n"],
    ["an ATX heading, which needs no blank line", "# Top\n- [O](https://o.example)\n# Next\n", "# Top\n- [O](https://o.example)\n- [T](https://t.example)\n# Next\n"],
  ])("keeps the block after the new item its own: %s", (_name, page, expected) => {
    const result = addEntry(openPage(page, "p.md"), { title: "T", url: "https://t.example", speakers: [] }, "top");
    expect(result.text).toBe(expected);
    expect(openPage(result.text, "p.md").sections.map((s) => s.heading.text)).toEqual(openPage(page, "p.md").sections.map((s) => s.heading.text));
    // Removing it gives back the page's bytes: the one blank line it needed goes with it.
    const added = openPage(result.text, "p.md");
    const entry = added.catalog.entries.find((e) => e.url === "https://t.example")!;
    expect(removeEntries(added, [entry], false)).toBe(page);
  });

  it.each(["1h", "45:49"])("refuses a description %j that would read back as a length, not a description", (description) => {
    expect(() => addEntry(page, { title: "T", url: "https://t.example", speakers: [], description }, "B")).toThrow(/would be read back as the entry's facts/);
  });

  it("lists the sections an ambiguous --section fits", () => {
    const two = openPage("## Rust tools\n\n## Rust agents\n", "p.md");
    expect(() => addEntry(two, { title: "T", url: "https://t.example", speakers: [] }, "rust")).toThrow(/fits 2 sections: Rust tools \(line 1\); Rust agents \(line 3\)/);
  });
});

describe("a page without headings", () => {
  it("adds at the end of its list, above the first heading if there is one", () => {
    const text = "---\ntitle: T\n---\n- [A](https://a.example)\n- [B](https://b.example)\n\nSome text.\n";
    expect(addEntry(openPage(text, "p.md"), { title: "C", url: "https://c.example", speakers: [] }, undefined).text).toBe(text.replace("(https://b.example)\n", "(https://b.example)\n- [C](https://c.example)\n"));
    const headed = "- [A](https://a.example)\n\n## Later\n\nprose\n";
    expect(addEntry(openPage(headed, "p.md"), { title: "C", url: "https://c.example", speakers: [] }, undefined).text).toBe("- [A](https://a.example)\n- [C](https://c.example)\n\n## Later\n\nprose\n");
    expect(addEntry(openPage("", "p.md"), { title: "C", url: "https://c.example", speakers: [] }, undefined).text).toBe("- [C](https://c.example)\n");
    expect(addEntry(openPage("", "p.md"), { title: "C", url: "https://c.example", speakers: [] }, "Links", true).text).toBe("## Links\n\n- [C](https://c.example)\n");
  });
});

describe("diff", () => {
  it("is a unified diff with the page's text made safe, CR shown", async () => {
    const before = "a\r\nb\u001b[31m\r\nc\r\n";
    const after = "a\r\nb\u001b[31m\r\nx\r\nc\r\n";
    expect(await renderDiff(before, after, "p.md", plainStyle)).toBe("--- a/p.md\n+++ b/p.md\n@@ -1,3 +1,4 @@\n a\\r\n b\\r\n+x\\r\n c\\r\n");
    expect(await renderDiff(before, before, "p.md", plainStyle)).toBe("");
  });
});
