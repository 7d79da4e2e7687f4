// Bookmarks as a page, and the page's notation of tags and dates read back (#28).
import { describe, expect, it } from "vitest";
import { readBookmarks } from "../../src/import/bookmarks";
import { bookmarksPage, headingText, IMPORT_STYLE, itemLines } from "../../src/import/page";
import { parsePage } from "../../src/catalog/parse-page";
import { formatNotes } from "../../src/catalog/item-notes";

const FILE = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<TITLE>Bookmarks</TITLE>
<H1>My "Bookmarks"</H1>
<DL><p>
  <DT><A HREF="https://top.example/" ADD_DATE="1700000000">Top [one] *bold*</A>
  <DT><H3>Dev</H3>
  <DL><p>
    <DT><H3>Rust</H3>
    <DL><p>
      <DT><A HREF="https://www.rust-lang.org/" TAGS="rust,lang" ADD_DATE="1600000000">Rust</A>
      <DD>A language — with \`backticks\` and [brackets](x)
    </DL><p>
    <DT><A HREF="https://dev.example/a(b)" TAGS="misc">Dev link</A>
  </DL><p>
  <DT><A HREF="https://after.example/">After the folder</A>
  <DT><H3>Empty</H3><DL><p><DT><A HREF="javascript:void(0)">js</A></DL><p>
</DL><p>`;

describe("bookmarksPage", () => {
  it("writes a page whose entries are the bookmarks: sections, tags, dates, descriptions", () => {
    const page = bookmarksPage(readBookmarks(FILE), { skip: () => false });
    expect(page.text).toBe(`---
title: "My \\"Bookmarks\\""
---

- [Top \\[one\\] \\*bold\\*](https://top.example/) · added 2023-11-14
- [After the folder](https://after.example/)

## Dev

- [Dev link](<https://dev.example/a(b)>) · \`misc\`

### Rust

- [Rust](https://www.rust-lang.org/) — A language — with \\\`backticks\\\` and \\[brackets\\](x) · added 2020-09-13 · \`rust\` \`lang\`
`);
    const read = parsePage(page.text, "imported.md").entries;
    expect(read.map((e) => [e.title, e.url, e.sectionPath, e.tags, e.added ?? null, e.description ?? null])).toEqual([
      ["Top [one] *bold*", "https://top.example/", ["My \"Bookmarks\""], [], "2023-11-14", null],
      ["After the folder", "https://after.example/", ["My \"Bookmarks\""], [], null, null],
      ["Dev link", "https://dev.example/a(b)", ["Dev"], ["misc"], null, null],
      ["Rust", "https://www.rust-lang.org/", ["Dev", "Rust"], ["rust", "lang"], "2020-09-13", "A language — with `backticks` and [brackets](x)"],
    ]);
    expect(page.written.map((b) => b.url)).toEqual(read.map((e) => e.url));
  });

  it("skips what skip() names, and counts it", () => {
    const page = bookmarksPage(readBookmarks(FILE), { skip: (url) => url.includes("rust") });
    expect(page.skipped).toBe(1);
    expect(page.text).not.toContain("### Rust");
  });

  it("writes folders deeper than ###### as labels, with their bookmarks nested", () => {
    const depth = 8;
    const html = `<DL>${Array.from({ length: depth }, (_, i) => `<DT><H3>F${i + 1}</H3><DL><DT><A HREF="https://x.example/${i + 1}">L${i + 1}</A>`).join("")}${"</DL>".repeat(depth)}</DL>`;
    const page = bookmarksPage(readBookmarks(html), { skip: () => false });
    expect(page.text).toContain("###### F5\n\n- [L5](https://x.example/5)\n- F6\n  - [L6](https://x.example/6)\n  - F7\n    - [L7](https://x.example/7)\n    - F8\n      - [L8](https://x.example/8)\n");
    const read = parsePage(page.text, "deep.md").entries;
    expect(read.map((e) => e.sectionPath)).toEqual(Array.from({ length: depth }, (_, i) => Array.from({ length: i + 1 }, (_, j) => `F${j + 1}`)));
  });

  it.each([
    ["C#", "C#"],
    ["Notes #", "Notes \\#"],
    ["# start", "\\# start"],
    ["", "(untitled)"],
    ["a_b*c", "a\\_b\\*c"],
  ])("heading text of %j is %j", (title, text) => {
    expect(headingText(title)).toBe(text);
    const [h] = parsePage(`## ${text}\n`, "h.md").headings;
    expect(h!.text).toBe(title || "(untitled)");
  });
});

describe("the notes of an item: tags and added date", () => {
  const entryOf = (line: string) => parsePage(line, "p.md").entries[0]!;

  it.each([
    // Code that ends a description stays the description's: only after " · " are code spans tags.
    ["- [rusqlite](https://x.example/) – SQLite database implementation in Rust using `wasi2ic`", [], undefined, "SQLite database implementation in Rust using wasi2ic"],
    ["- [a](https://x.example/) - desc · `rust` `cli`", ["rust", "cli"], undefined, "desc"],
    ["- [a](https://x.example/) · `rust`", ["rust"], undefined, undefined],
    ["- [a](https://x.example/) · added 2024-02-29", [], "2024-02-29", undefined],
    ["- [a](https://x.example/) — d · added 2024-02-29 · `x.y` `self-hosted`", ["x.y", "self-hosted"], "2024-02-29", "d"],
    // Not of the tag form: a length, a version, a number, two words. The item keeps them as text,
    // but for the length, which after " · " is the entry's length (a fact, cut from the text).
    ["- [a](https://x.example/) - talk · `44:43`", [], undefined, "talk"],
    ["- [a](https://x.example/) - lib · `1.2.3`", [], undefined, "lib · 1.2.3"],
    ["- [a](https://x.example/) - lib · `v2`", [], undefined, "lib · v2"],
    ["- [a](https://x.example/) - lib · `rust` `2024`", [], undefined, "lib · rust 2024"],
    ["- [a](https://x.example/) - lib · `two words`", [], undefined, "lib · two words"],
    // No real date: stays text.
    ["- [a](https://x.example/) - d · added 2023-02-30", [], undefined, "d · added 2023-02-30"],
    ["- [a](https://x.example/) - d·`rust`", [], undefined, "d·rust"],
  ])("%s", (line, tags, added, description) => {
    const e = entryOf(line);
    expect(e.tags).toEqual(tags);
    expect(e.added).toBe(added);
    expect(e.description).toBe(description);
  });

  it("puts an item's own tags after the page's", () => {
    expect(parsePage("---\ntags: [a, b]\n---\n- [x](https://x.example/) · `b` `c`\n- [y](https://y.example/)\n", "p.md").entries.map((e) => e.tags)).toEqual([["a", "b", "c"], ["a", "b"]]);
  });

  it("is written as it is read", () => {
    expect(formatNotes(["rust", "not a tag", "cli"], "2024-01-02")).toBe(" · added 2024-01-02 · `rust` `cli`");
    expect(formatNotes([], "2024-13-40")).toBe("");
  });
});

describe("an item's notes in show and --fields", () => {
  it("shows the added date and the own tags", async () => {
    const { runInProcess } = await import("../helpers/context");
    const page = "---\ntags: [mine]\n---\n- [Rust](https://www.rust-lang.org/) — A language · added 2020-09-13 · `rust` `lang`\n";
    const shown = await runInProcess(["show", "rust"], page);
    expect(shown.stdout).toContain("tags\tmine, rust, lang\nadded\t2020-09-13\n");
    expect(JSON.parse((await runInProcess(["show", "rust", "--json"], page)).stdout)).toMatchObject({ tags: ["mine", "rust", "lang"], added: "2020-09-13", description: "A language" });
    expect((await runInProcess(["list", "--fields", "id,added,tags"], page)).stdout).toBe("rust\t2020-09-13\tmine, rust, lang\n");
    expect((await runInProcess(["list", "--tag", "lang"], page)).stdout).toMatch(/^rust\t/);
  });
});

describe("folders written as list items", () => {
  // A folder below the headings' depth, or added to a section with --file, is an item labelled
  // by its name: a name that reads as block markdown (a heading, a list, a fence, a rule, a
  // quote) would end the item's text, or swallow the bookmarks nested under it.
  it.each(["# x", "## x #", "- x", "+ x", "1. x", "2) x", "---", "~~~", "```", "> x", "=== x", "| a | b |", "    indented", "<div>", "[a](b)", "*"])("keeps the folder %j a label, its bookmarks nested under it", (name) => {
    const folder = { kind: "folder" as const, title: "", children: [{ kind: "folder" as const, title: name, children: [{ kind: "bookmark" as const, title: "Inner", url: "https://inner.example/", tags: [] }] }, { kind: "folder" as const, title: "After", children: [{ kind: "bookmark" as const, title: "Next", url: "https://next.example/", tags: [] }] }] };
    const lines = itemLines(folder, "", IMPORT_STYLE, []);
    const read = parsePage(`# Page\n\n## Section\n\n${lines.join("\n")}\n`, "p.md").entries;
    expect(read.map((e) => [e.title, e.section, e.sectionPath])).toEqual([
      ["Inner", "Section", ["Page", "Section", name.trim()]],
      ["Next", "Section", ["Page", "Section", "After"]],
    ]);
  });
});

describe("bookmarks added to an ordered list or one with a wide gap", () => {
  const folder = {
    kind: "folder" as const,
    title: "",
    children: [
      { kind: "bookmark" as const, title: "New", url: "https://new.example/", tags: [] },
      { kind: "folder" as const, title: "Sub", children: [{ kind: "bookmark" as const, title: "S", url: "https://sub.example/", tags: [] }] },
    ],
  };
  // A nested item belongs to its label only when indented to the label's text: past "2. ", "*   ".
  it.each([
    ["2.", " ", "1. [One](https://one.example/)", ["2. [New](https://new.example/)", "3. Sub", "   - [S](https://sub.example/)"]],
    ["9)", " ", "8) [One](https://one.example/)", ["9) [New](https://new.example/)", "10) Sub", "    - [S](https://sub.example/)"]],
    ["*", "   ", "*   [One](https://one.example/)", ["*   [New](https://new.example/)", "*   Sub", "    - [S](https://sub.example/)"]],
  ])("with %j as the next marker, numbers the items on and nests the folder's bookmarks under it", (marker, gap, first, expected) => {
    const lines = itemLines(folder, "", { ...IMPORT_STYLE, marker, gap }, []);
    expect(lines).toEqual(expected);
    const read = parsePage(`## Section\n\n${first}\n${lines.join("\n")}\n`, "p.md").entries;
    expect(read.map((e) => [e.title, e.sectionPath])).toEqual([
      ["One", ["Section"]],
      ["New", ["Section"]],
      ["S", ["Section", "Sub"]],
    ]);
  });
});

describe("a description that ends as an item's notes do", () => {
  // "note · added 2024-01-01" at the end of a description would be read as the item's added date
  // (and the page refused as not reading back): its dot is written as a dash.
  it.each([
    ["", "my note · added 2024-01-01", "my note - added 2024-01-01", null],
    [' ADD_DATE="1700000000" TAGS="x"', "note · added 2024-01-01", "note - added 2024-01-01", "2023-11-14"],
    ["", "· added 2024-01-01", "- added 2024-01-01", null],
    ["", "a · b · added 2024-01-01  ", "a · b - added 2024-01-01", null],
    ["", "kept · added soon", "kept · added soon", null],
  ])("<A%s> with <DD>%j", (attributes, description, expected, added) => {
    const page = bookmarksPage(readBookmarks(`<DL><DT><A HREF="https://a.example/"${attributes}>A</A><DD>${description}</DL>`), { skip: () => false });
    const [e] = parsePage(page.text, "p.md").entries;
    expect([e!.description, e!.added ?? null]).toEqual([expected, added]);
  });
});
