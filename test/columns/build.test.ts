// The columns search reads (src/columns/build.ts): a joined text with the start of each value, lists kept once.
import { describe, expect, it } from "vitest";
import { joinColumn, listColumn, rowOf, valueAt } from "../../src/columns/build";

describe("columns", () => {
  it("joins a column with the start of each value, and keeps lists once", () => {
    const col = joinColumn(["Björn", "", "a\nb"]);
    expect(col.text).toBe("Björn\n\na b");
    expect(Array.from(col.starts)).toEqual([0, 6, 7, 11]);
    expect(col.ascii).toBe(false);
    expect([0, 1, 2].map((i) => valueAt(col, i))).toEqual(["Björn", "", "a b"]);
    expect(joinColumn(["plain", "text"]).ascii).toBe(true);
    const shared = ["A", "B"];
    const lists = listColumn([shared, shared, ["A", "B"], ["C"], ["A", "B"]], (x) => x);
    expect(lists.table).toEqual([["A", "B"], ["C"]]);
    // Runs: items 0-2 have row 0, item 3 row 1, item 4 row 0 again.
    expect(Array.from(lists.rows)).toEqual([0, 1, 0]);
    expect(Array.from(lists.starts)).toEqual([0, 3, 4, 5]);
    expect([0, 1, 2, 3, 4].map((i) => rowOf(lists, i))).toEqual([0, 0, 0, 1, 0]);
    expect(Array.from(listColumn([], (x: string[]) => x).starts)).toEqual([0]);
  });
});
