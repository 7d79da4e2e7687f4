// Parsing a big page in pieces must give exactly what parsing it whole gives (#4).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chunks, walk } from "../../src/catalog/markdown";
import { AWESOME_COPY, SEED } from "../helpers/pages";

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
    const line = fc.constantFrom("# H1", "## H2", "- [L](https://l.example)", "```", "~~~", "<!--", "-->", "<pre>", "</pre>", "", "text", "> q", "    code", "https://bare.example");
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const text = lines.join("\n");
        expect(walk(text, 0, 1)).toEqual(walk(text, 0, Number.MAX_SAFE_INTEGER));
      }),
      { numRuns: 300 },
    );
  });
});
