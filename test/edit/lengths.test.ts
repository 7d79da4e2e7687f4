// enrich --write's edit (#27): lengths (and years) written in the form the page's other talks use,
// byte for byte elsewhere, read back before they count. Table-driven over page layouts.
import { describe, expect, it } from "vitest";
import { openPage } from "../../src/edit/page";
import { formatLength, pageForms, writeLengths } from "../../src/edit/lengths";

const V = "https://www.youtube.com/watch?v=";

function write(text: string, changes: [number, number | undefined, number | undefined][]) {
  const page = openPage(text, `page-${Math.random()}.md`);
  const entries = page.catalog.entries;
  return writeLengths(page, changes.map(([i, duration, year]) => ({ entry: entries[i]!, ...(duration !== undefined && { duration }), ...(year !== undefined && { year }) })));
}

describe("enrich --write", () => {
  it.each([
    ["no talk has a length: [m:ss] after the link", `- [A / Ann Smith](${V}a)\n- [B / Bo Jones](${V}b)\n`, `- [A / Ann Smith](${V}a) [28:14]\n- [B / Bo Jones](${V}b)\n`],
    ["the page's (m:ss) after the link", `- [A / Ann Smith](${V}a)\n- [B / Bo Jones](${V}b) (12:00)\n`, `- [A / Ann Smith](${V}a) (28:14)\n- [B / Bo Jones](${V}b) (12:00)\n`],
    ["the page's length ending the line", `- [A](${V}a) by Ann Smith\n- [B](${V}b) by Bo Jones [12:00]\n`, `- [A](${V}a) by Ann Smith [28:14]\n- [B](${V}b) by Bo Jones [12:00]\n`],
    ["CRLF line ends kept", `- [A / Ann Smith](${V}a)\r\n- [B / Bo Jones](${V}b)\r\n`, `- [A / Ann Smith](${V}a) [28:14]\r\n- [B / Bo Jones](${V}b)\r\n`],
  ])("%s", (_name, before, after) => {
    const r = write(before, [[0, 1694, undefined]]);
    expect(r.text).toBe(after);
    expect(r.done).toHaveLength(1);
  });

  it("writes the year where the page's talks show theirs", () => {
    const before = `- [A](${V}a) (2019) [10:00]\n- [B](${V}b)\n`;
    const r = write(before, [[1, 1694, 2021]]);
    expect(r.text).toBe(`- [A](${V}a) (2019) [10:00]\n- [B](${V}b) (2021) [28:14]\n`);
  });

  it("a talk that has a length is left alone; hours are h:mm:ss", () => {
    const before = `- [A / Ann Smith](${V}a) [10:00]\n- [B / Bo Jones](${V}b)\n`;
    const r = write(before, [[0, 1694, undefined], [1, 3723, undefined]]);
    expect(r.text).toBe(`- [A / Ann Smith](${V}a) [10:00]\n- [B / Bo Jones](${V}b) [1:02:03]\n`);
  });

  it("formats lengths", () => {
    expect(formatLength(1694, { unit: "clock" })).toBe("28:14");
    expect(formatLength(312, { unit: "clock", padded: true })).toBe("05:12");
    expect(formatLength(3723, { unit: "clock" })).toBe("1:02:03");
    expect(formatLength(20, { unit: "minutes", word: "min" })).toBe("1 min");
    expect(pageForms(openPage(`- [A](${V}a)\n`, "p.md")).length).toMatchObject({ where: "link", open: "[", close: "]" });
  });
});
