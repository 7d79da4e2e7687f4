// The renderers, for terminal and pipe, at several widths and colour levels (#3).
import { describe, expect, it } from "vitest";
import { Chalk } from "chalk";
import { renderList, renderShow, entryRows, tsvLine, tsvLines } from "../../src/render/entries";
import { renderTable, truncate, displayWidth } from "../../src/render/table";
import { chalkStyle, plainStyle, type View } from "../../src/render/style";
import { colorLevel, terminalWidth } from "../../src/io/terminal";
import { AWESOME_COPY, catalogOf, catalogFromText, SEED } from "../helpers/pages";

const catalog = catalogOf(SEED);
const terminal = (width: number, level: 0 | 1 | 2 | 3 = 0): View => ({ tty: true, width, style: level ? chalkStyle(new Chalk({ level })) : plainStyle });
const pipe: View = { tty: false, width: 80, style: plainStyle };
const ESC = /\x1b\[/;

describe("list on a terminal", () => {
  it.each([40, 60, 80, 120, 200])("fits every line into %i columns", (width) => {
    const text = renderList(catalog, catalog.entries, terminal(width));
    for (const line of text.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  it("groups entries under a header and their sections", () => {
    const text = renderList(catalog, catalog.entries, terminal(120));
    const lines = text.split("\n");
    expect(lines[0]).toBe("Inside the Internet Computer");
    expect(lines[1]).toBe("How The Internet Computer Works — Describing its Technology · 2021-12-27 19:38 · 26 entries");
    expect(lines).toContain("YouTube › In-site Pages");
    expect(text).toMatch(/^22 {2}consensus-overview +Consensus Overview +Manu Drijvers +talk +youtube\.com$/m);
  });

  it("cuts long titles with an ellipsis instead of wrapping", () => {
    const text = renderList(catalog, catalog.entries, terminal(60));
    expect(text).toMatch(/Non-interactive.*…/);
    expect(text.split("\n").length).toBe(renderList(catalog, catalog.entries, terminal(200)).split("\n").length);
  });

  it("colours only when the style says so", () => {
    expect(renderList(catalog, catalog.entries, terminal(100, 0))).not.toMatch(ESC);
    expect(renderList(catalog, catalog.entries, terminal(100, 1))).toMatch(ESC);
    expect(renderList(catalog, catalog.entries, terminal(100, 3))).toMatch(ESC);
  });

  it("shows descriptions in the width that is left, and drops them when the rest needs it", () => {
    const page = catalogFromText("## S\n\n- [agent-rs](https://github.com/dfinity/agent-rs) - Collection of libraries for the IC using Rust.");
    expect(renderList(page, page.entries, terminal(120))).toMatch(/agent-rs {2}agent-rs {2}repo {2}github\.com {2}Collection of libraries for the IC using Rust\.$/m);
    const long = catalogFromText("## S\n\n- [A rather long title for a library of agents](https://github.com/dfinity/agent-rs) - Collection of libraries for the IC using Rust.");
    const narrow = renderList(long, long.entries, terminal(60));
    expect(narrow).not.toMatch(/Collection/);
    expect(narrow).toMatch(/A rather long title/);
  });

  // #12: from 120 columns, `search` of a page with descriptions (an awesome list) shows them.
  it("shows descriptions in a search of an awesome list from 120 columns", () => {
    const awesome = catalogOf(AWESOME_COPY);
    const hits = awesome.entries.filter((e) => e.description).slice(0, 40);
    const rows = entryRows(hits, terminal(120), { showSection: true });
    rows.forEach((row, i) => expect(row).toContain(hits[i]!.description!.slice(0, 10)));
  });

  // #12: at 60 columns titles were cut to 12 while ids kept 30 columns.
  it("cuts the id before titles go below about 24 columns on a 60-column terminal", () => {
    const rows = entryRows(catalog.entries, terminal(60));
    for (const [i, row] of rows.entries()) {
      const e = catalog.entries[i]!;
      expect(displayWidth(row)).toBeLessThanOrEqual(60);
      expect(row).toContain(e.title.slice(0, 23));
    }
    expect(rows.some((row) => row.includes("…"))).toBe(true);
  });

  it("highlights what a search matched", () => {
    const [row] = entryRows([catalog.entries[21]!], terminal(100, 1), { query: "consen" });
    expect(row).toContain("\x1b[7mConsen\x1b[27m");
  });
});

describe("list in a pipe", () => {
  it("prints id, title, url, speaker and section separated by tabs, without colour or padding", () => {
    const text = renderList(catalog, catalog.entries, pipe);
    const lines = text.trimEnd().split("\n");
    expect(lines.map((l) => l.split("\t")[0])).toEqual(catalog.entries.map((e) => e.id));
    expect(lines[21]).toBe("consensus-overview\tConsensus Overview\thttps://www.youtube.com/watch?v=vVLRRYh3JYo\tManu Drijvers\tYouTube");
    expect(lines[0]!.split("\t")).toEqual(["internet-computer-technology", "Internet Computer Technology", "https://medium.com/dfinity/https-medium-com-dfinity-technology/home", "", "Medium"]);
    expect(text).not.toMatch(ESC);
  });

  it("cannot be broken by tabs or newlines in a page", () => {
    const page = catalogFromText("- [A\tB](https://a.example) - x");
    expect(tsvLine(page.entries[0]!).split("\t")).toEqual(["a-b", "A B", "https://a.example", "", "page"]);
  });

  // tsvLines checks a whole output at once and falls back to sanitising field by field: entries
  // built by hand here carry what the parser would never let through.
  it.each([
    ["an escape sequence", "A\x1b]0;owned\x07B", "AB"],
    ["a tab", "A\tB", "A B"],
    ["a newline", "A\nB", "A B"],
    ["a bidirectional override", "A\u202eB", "AB"],
  ])("prints the same lines one by one or all at once, even with %s in a title", (_what, title, shown) => {
    const entries = catalog.entries.slice(0, 3).map((e, i) => (i === 1 ? { ...e, title } : e));
    const out = tsvLines(entries);
    expect(out).toBe(entries.map((e) => `${tsvLine(e)}\n`).join(""));
    expect(out.split("\n")[1]!.split("\t")[1]).toBe(shown);
    expect(tsvLines(catalog.entries)).toBe(catalog.entries.map((e) => `${tsvLine(e)}\n`).join(""));
    expect(tsvLines([])).toBe("");
    // Told the entries were checked (by the cache, on writing), it prints them as they are.
    expect(tsvLines(catalog.entries, true)).toBe(tsvLines(catalog.entries));
    expect(tsvLines(entries, true)).toBe(entries.map((e) => `${[e.id, e.title, e.url, e.speaker ?? "", e.section].join("\t")}\n`).join(""));
  });
});

describe("show", () => {
  it("prints every field, aligned on a terminal and tab-separated in a pipe", () => {
    const e = catalog.entries[21]!;
    const tty = renderShow(e, terminal(100));
    expect(tty).toMatch(/^id +consensus-overview$/m);
    expect(tty).toMatch(/^speaker +Manu Drijvers$/m);
    expect(tty).toMatch(/^source +.*inside-icp\.md:48$/m);
    expect(renderShow(e, pipe)).toMatch(/^url\thttps:\/\/www\.youtube\.com\/watch\?v=vVLRRYh3JYo$/m);
  });
});

describe("table", () => {
  it.each([
    ["short", 10, "short"],
    ["a long title here", 8, "a long …"],
    ["日本語のタイトル", 7, "日本語…"],
    ["x", 0, ""],
  ])("truncate(%j, %i) = %j", (text, width, expected) => expect(truncate(text, width)).toBe(expected));

  it("drops and cuts columns in the order given", () => {
    const lines = renderTable(
      [
        { key: "a", cells: ["aaaa"] },
        { key: "b", cells: ["bbbbbbbbbb"] },
        { key: "c", cells: ["cccc"] },
      ],
      14,
      [{ key: "c", drop: true }, { key: "b", to: 3 }],
    );
    expect(lines).toEqual(["aaaa  bbbbbbb…"]);
  });
});

describe("colour decision", () => {
  it.each([
    [{ noColorFlag: false, env: {}, isTTY: true }, 1],
    [{ noColorFlag: true, env: {}, isTTY: true }, 0],
    [{ noColorFlag: false, env: { NO_COLOR: "1" }, isTTY: true }, 0],
    [{ noColorFlag: false, env: { NO_COLOR: "" }, isTTY: true }, 1],
    [{ noColorFlag: false, env: { TERM: "dumb" }, isTTY: true }, 0],
    [{ noColorFlag: false, env: {}, isTTY: false }, 0],
    [{ noColorFlag: false, env: { FORCE_COLOR: "1" }, isTTY: false }, 1],
    [{ noColorFlag: false, env: { FORCE_COLOR: "3" }, isTTY: false }, 3],
    [{ noColorFlag: false, env: { FORCE_COLOR: "0" }, isTTY: true }, 0],
    [{ noColorFlag: false, env: { FORCE_COLOR: "1", NO_COLOR: "1" }, isTTY: true }, 1],
    [{ noColorFlag: true, env: { FORCE_COLOR: "1" }, isTTY: true }, 0],
    [{ noColorFlag: false, env: { COLORTERM: "truecolor" }, isTTY: true }, 3],
    [{ noColorFlag: false, env: { TERM: "xterm-256color" }, isTTY: true }, 2],
  ])("%j → level %i", (inputs, level) => expect(colorLevel(inputs)).toBe(level));

  it.each([
    [120, {}, 120],
    [undefined, { COLUMNS: "90" }, 90],
    [undefined, {}, 80],
    [10, {}, 40],
  ])("width from %j and %j is %i", (columns, env, width) => expect(terminalWidth(columns, env)).toBe(width));
});
