// The simplest front matter is read without gray-matter and the YAML parser (#26); it must give
// exactly what they give, and leave everything else to them.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFrontMatter, simpleFrontMatter } from "../../src/catalog/front-matter";

const KEYS = ["title", "tags", "date", "description", "a", "base_url", "b-c", "Title", "__proto__", "constructor", "x1", "1x", "_k", "k k"];
const WORDS = ["Consensus", "canister", "a", "b", "x", "Update", "12", "2024", "true", "False", "NULL", "null", "yes", "No", "on", "OFF", "Y", "n", "~", "0x1", "1e3", ".inf", ".nan", "Infinity", "NaN", "a-b", "'q'", '"q"', "#x", "x:", ":", "\u65e5\u672c", "\u00e9", "&a", "*a", "@x", "%x", "`x`"];
const word = fc.constantFrom(...WORDS);
const spaces = fc.constantFrom(" ", " ", "  ", "\t");
const scalar = fc.tuple(word, fc.array(fc.tuple(spaces, word), { maxLength: 3 }), fc.constantFrom("", "", " ", " # c")).map(([w, more, end]) => w + more.map(([s, x]) => s + x).join("") + end);
const list = fc.tuple(fc.array(word, { maxLength: 4 }), fc.constantFrom(", ", ",", " , "), fc.constantFrom("", " ")).map(([items, sep, pad]) => `[${pad}${items.join(sep)}${pad}]`);
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(": ", ":  ", ":"), fc.oneof(scalar, list)).map(([k, c, v]) => k + c + v) },
  { weight: 1, arbitrary: fc.constantFrom("", "# comment", "  nested: x", "- item", "---x", "key:", "a: [b, [c]]", "a: {b: c}", "? k") },
);

describe("simple front matter", () => {
  it("reads as gray-matter and the YAML parser do, or is left to them", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const text = `---\n${lines.join("\n")}\n---\n# Body\n`;
        const read = (simple: boolean) => {
          try {
            return readFrontMatter(text, "p.md", simple);
          } catch (error) {
            return { error: (error as Error).message };
          }
        };
        expect(read(true)).toEqual(read(false));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the notes' front matter", () => {
    expect(simpleFrontMatter("title: Update canister identity 12\ntags: [governance, ledger]\n")).toEqual({ title: "Update canister identity 12", tags: ["governance", "ledger"] });
    expect(simpleFrontMatter("title: true\n")).toBeUndefined();
  });
});
