// The postings' words (src/columns/postings.ts): an ASCII column's words, found by expressions
// (#26), are those the loop over every character finds, which a column of other text goes through.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinColumn, listColumn } from "../../src/columns/build";
import { sectionRows } from "../../src/columns/folded";
import { buildPostings } from "../../src/columns/postings";

/** Text of the characters that cut and join words: capitals, small letters, digits, separators. */
const value = fc.stringMatching(/^[A-Za-z0-9 ._\-/]{0,24}$/);

describe("postings of an ASCII column", () => {
  it("holds the words the character loop finds", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 12 }), (values) => {
        const column = joinColumn(values);
        // The same text, not marked ASCII: folded and cut by the loop.
        const other = { ...column, ascii: false };
        const section = listColumn(values, () => ["S"]);
        const of = (c: typeof column) => {
          const empty = joinColumn(values.map(() => ""));
          const p = buildPostings({ title: c, speaker: empty, description: c, url: empty, section, tags: listColumn(values, () => []), sectionRows: sectionRows(section, undefined) });
          return { text: p.text, lists: Array.from(p.lists), postings: Array.from(p.postings) };
        };
        expect(column.ascii).toBe(true);
        expect(of(column)).toEqual(of(other));
      }),
      { seed: 26, numRuns: 300 },
    );
  });
});
