// Parsing a big page in pieces must give exactly what parsing it whole gives (#4).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chunks, fastItem, MAX_ELEMENTS, walk } from "../../src/catalog/markdown";
import { parsePage } from "../../src/catalog/parse-page";
import { AWESOME_COPY, ROOT, SEED } from "../helpers/pages";

/** The dev half of the extraction corpus: real pages of many layouts. */
const DEV = `${ROOT}test/corpus/extraction/dev`;
const devPages = readdirSync(DEV, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d): [string, string] => [d.name, readFileSync(`${DEV}/${d.name}/page.md`, "utf8")]);

/** Lines of every kind that meet at a cut: lists of every marker and depth, tables, quotes, breaks, setext headings. */
const LINES = [
  "# H1", "## H2", "#Tight", "- [L](https://l.example)", "- [M](https://m.example) - a *talk* by Jane Doe, 2019", "* [S](https://s.example)", "+ plus",
  "-\t[T](https://t.example)", "  - [N](https://n.example)", "    - deeper", "1. [O](https://o.example)", "2) two", "- - -", "***", "* * *", "-", "---", "===",
  "```", "~~~", "<!--", "-->", "<pre>", "</pre>", "", "text", "- [r]: https://r.example", "[r]", "> [s]:", "  https://s.example", "- ", "- a | [b](https://b.example)", "--- | ---", "Presented at Conf 2019", "> q", "> - [Q](https://q.example)", "    code",
  "https://bare.example", "| a | b |", "| --- | --- |", "| [c](https://c.example) | d |", "  continued", "- **Title**", "  - [Recording](https://youtu.be/x)",
];

const TRICKY = [
  "# Top", "", "- [A](https://a.example)", "",
  "```", "# not a heading, inside a fence", "- [B](https://b.example)", "```", "",
  "## Real", "", "<!--", "# inside a comment", "", "- [C](https://c.example)", "-->", "",
  "## After", "", "> quoted", "# heading right after a quote", "- [D](https://d.example)", "",
  "<pre>", "", "# in pre", "", "</pre>", "", "### Last", "", "https://e.example", "",
].join("\n");

describe("chunked parsing", () => {
  it.each([
    ["the bundled page", readFileSync(SEED, "utf8")],
    ["the awesome page", readFileSync(AWESOME_COPY, "utf8")],
    ["fences, comments, quotes and pre blocks", TRICKY.repeat(5)],
  ])("gives the same items for %s, whatever the chunk size", (_name, text) => {
    const whole = walk(text, 0, Number.MAX_SAFE_INTEGER);
    for (const size of [1, 16, 64, 500]) expect(walk(text, 0, size)).toEqual(whole);
  });

  it("never cuts inside a fence or a comment, nor a page with reference definitions", () => {
    const cuts = chunks(TRICKY.repeat(3), 1).map((c) => c.text.split("\n")[0]);
    expect(cuts.every((first) => /^#{1,6} /.test(first!) || first === "# Top")).toBe(true);
    expect(cuts).not.toContain("# not a heading, inside a fence");
    expect(cuts).not.toContain("# inside a comment");
    expect(cuts).not.toContain("# in pre");
    expect(chunks(`${TRICKY.repeat(3)}\n[ref]: https://r.example\n`, 1)).toHaveLength(1);
  });

  it("an HTML block that swallows a fence-like line is not cut after it", () => {
    // fast-check's counterexample: "</pre>" opens an HTML block (type 7) that takes in the first
    // "~~~"; the second then opens a fence that holds "# H1" to the end of the page.
    const text = ["</pre>", "~~~", "", "~~~", "", "# H1"].join("\n");
    expect(walk(text, 0, 1)).toEqual(walk(text, 0, Number.MAX_SAFE_INTEGER));
  });

  it("holds for random pages of headings, lists, fences and HTML", () => {
    const line = fc.constantFrom(...LINES);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const text = lines.join("\n");
        expect(walk(text, 0, 1)).toEqual(walk(text, 0, Number.MAX_SAFE_INTEGER));
      }),
      { numRuns: 300 },
    );
  });
});

// Entries are made piece by piece (#26): each piece's blocks become entries before the next piece
// is parsed. Whatever the pieces, the page must read as it does whole.
describe("reading a page piece by piece", () => {
  const whole = (text: string) => parsePage(text, "p.md", { places: true, pieces: { whole: true, size: Number.MAX_SAFE_INTEGER } });
  const pieces = (text: string, size: number) => parsePage(text, "p.md", { places: true, pieces: { size } });

  const cases: [string, string][] = [["the bundled page", readFileSync(SEED, "utf8")], ["the awesome page", readFileSync(AWESOME_COPY, "utf8")], ...devPages];
  it.each(cases)("gives the same page for %s", (_name, text) => {
    const expected = whole(text);
    for (const size of [1, 64, 4096]) expect(pieces(text, size)).toEqual(expected);
  });

  it("holds for random pages", () => {
    const line = fc.constantFrom(...LINES, "# Title", "### [Talk](https://youtu.be/a)", "**Date**: May 5, 2022", "A talk by Jane Doe at Conf 2011", "- [App Store](https://apps.apple.com/app/x)");
    fc.assert(
      fc.property(fc.boolean(), fc.array(line, { maxLength: 60 }), (front, lines) => {
        const text = (front ? "---\ntitle: T\ntags: [x]\n---\n" : "\n") + lines.join("\n");
        const expected = whole(text);
        expect(pieces(text, 1)).toEqual(expected);
        expect(pieces(text, 40)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

// The fast route (#26): a list item that is plain text and plain links is read without markdown-it.
// It must give exactly markdown-it's items: on random lines of every character markdown-it treats
// specially, on random pages of them and of the lines above, and on the real pages of the corpus.
describe("the fast route for simple list items", () => {
  const slow = (text: string) => walk(text, 0, Number.MAX_SAFE_INTEGER, MAX_ELEMENTS, false);
  const fast = (text: string, size = 64 * 1024) => walk(text, 0, size, MAX_ELEMENTS, true);
  const PIECES = [
    "a", "Title", "Jane Doe", " ", "  ", "-", " - ", " \u2013 ", ":", ",", ".", "&", "&amp;", "&#38;", "& x", "R&D", "!", "![x](https://i.example/x.png)", "*", "**b**", "_",
    "snake_case", "`code`", "~", "~~s~~", "\\", "\\[", "|", "<", "<b>", "<https://auto.example>", ">", "#", "(", ")", "(2019)", '"', "'", "\u00a0", "\t", "\u0000", "\u3000", "\u2028", "\ufeff", ";", "=", "+", "1.", "2)", "\u65e5\u672c", "\u00e9",
    "https://bare.example/p", "www.bare.example", "see https://x.example.", "[", "]", "[a](https://a.example)", "[](https://e.example)", "[b]( https://b.example)", "[c](https://c.example x)",
    "[d](<https://d.example>)", "[e](https://e.example/(1))", "[f](https://f.example/?a=1&b=2)", "[g](https://g.example/&amp;)", "[g2](https://g.example/?a&b;c)", '[h](https://h.example "t")', "[ i ](https://i.example)",
    "[k]", "[l]: https://l.example", "[m](#anchor)", "[n](mailto:n@example.org)", "[o](/site/path)", "[p](https://p.example/\u00e9)", "[https://q.example](https://q.example)", "[r *s*](https://r.example)",
    "[t](https://t.example)[u](https://u.example)", "[v](https://v.example/a_b*c~d)", "[w](https://w.example\\x)", "[x](https://x.example/\u00a0y)", "[y](https://y.example/\u007f)", "[z](javascript:alert(1))", "\u2028#a", "[s](/a\u2028#b)",
  ];
  const content = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((a) => a.join(""));
  const marker = fc.constantFrom("- ", "- ", "- ", "* ", "+ ", "-  ", "- \t", "-\t", "-     ", "  - ");
  const item = fc.tuple(marker, content).map(([m, c]) => m + c);

  it("a line gives markdown-it's segments and place, or is left to markdown-it", () => {
    fc.assert(
      fc.property(content, fc.constantFrom("", "\n", "\n\n", "\n  \n", "\n\t", "\n- [next](https://n.example)"), (c, after) => {
        const line = `- ${c}`;
        const segments = fastItem(line, 1);
        if (segments === undefined) return;
        const first = slow(line + after).find((i) => i.type === "block" && i.block.place?.start === 1);
        // An item without links is none of the blocks the walk hands on, but for a label or a line
        // of facts ("- Jane Doe", "- 2013-02-18"); whether both routes hand on the same items, the
        // random pages below say.
        if (!segments.some((s) => s.type === "link") && first === undefined) return;
        expect(first?.type === "block" && first.block.segments).toEqual(segments);
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the common lines", () => {
    for (const line of ["- [Title](https://a.example) - A description, see [docs](https://d.example/x?a=1&b=2).", "* [Talk / Jane Doe](https://www.youtube.com/watch?v=x)", "- Jane Doe: [Title](https://t.example) (2019)"]) {
      expect(fastItem(line, 1)).toBeDefined();
    }
  });

  it("holds for random pages", () => {
    const line = fc.oneof({ weight: 3, arbitrary: item }, { weight: 2, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: fc.constantFrom("", "  ", "\t", "text after") });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom(1, 40, 64 * 1024), (lines, size) => {
        const text = lines.join("\n");
        expect(fast(text, size)).toEqual(slow(text));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([["the bundled page", readFileSync(SEED, "utf8")], ["the awesome page", readFileSync(AWESOME_COPY, "utf8")], ...devPages])("gives the same items for %s", (_name, text) => {
    for (const size of [1, 64 * 1024]) expect(fast(text, size)).toEqual(slow(text));
  });
});
