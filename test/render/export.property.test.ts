// The exports (#6, #12): the md export reads back into the same entries, on the shapes real
// awesome lists have and on generated pages; the bookmark file has no empty folder and names pages.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exportBookmarks, exportMarkdown, pageName } from "../../src/render/export";
import type { Entry } from "../../src/catalog/types";
import { buildCatalog } from "../../src/catalog/catalog";
import { parsePage } from "../../src/catalog/parse-page";
import { AWESOME_COPY, catalogFromText, catalogOf, SEED } from "../helpers/pages";

const essence = (e: Entry) => ({ title: e.title, url: e.url, speaker: e.speaker, section: e.sectionPath.slice(1), description: e.description, kind: e.kind, related: e.related });

function roundTrip(page: string): { before: unknown[]; after: unknown[]; md: string } {
  const catalog = catalogFromText(page);
  const md = exportMarkdown(catalog, catalog.entries);
  return { before: catalog.entries.map(essence), after: catalogFromText(md, "export.md").entries.map(essence), md };
}

describe("md export round trip", () => {
  it.each([
    // A related link in the description came back twice: once written as a related link, once
    // found again as a bare URL in the description (#12).
    ["a bare URL in the description", "- [A](https://a.example/) - see https://x.example/y for more"],
    ["an autolink in the description", "- [A](https://a.example/) - see <https://x.example/y> for more"],
    ["a www. name in the description", "- [A](https://a.example/) - mirror at www.mirror.example/a."],
    ["a link shown in code", "- [A](https://a.example/) text `code [x](https://c.example/)`"],
    ["a URL next to backticks", "- [A](https://a.example/) - run `` `https://x.example/` `` now"],
    ["a linked description", "- [A](https://a.example/) - see [docs](https://d.example/) and [repo](https://github.com/x/y)"],
    ["related links first", "- [A](https://a.example/) [(part 2)](https://b.example/) - text"],
    ["a badge", "- [A](https://a.example/) - text [![badge](https://img.example/b.svg)](https://ci.example/)"],
  ])("%s", (_name, line) => {
    const { before, after, md } = roundTrip(`# T\n\n## S\n\n${line}\n`);
    expect(after, md).toEqual(before);
  });

  it.each([["the bundled page", SEED], ["the awesome page", AWESOME_COPY]])("%s", (_name, file) => {
    const catalog = catalogOf(file);
    const md = exportMarkdown(catalog, catalog.entries);
    expect(catalogFromText(md, "export.md").entries.map(essence)).toEqual(catalog.entries.map(essence));
  });

  it("holds for generated descriptions made of the words real lists use", () => {
    const word = fc.constantFrom(
      "see", "the", "docs:", "(beta)", "https://x.example/a", "<https://y.example/b>", "www.w.example", "http://h.example/",
      "[docs](https://d.example/)", "`npm i x`", "`https://c.example/`", "*fast*", "a_b", "100%", "—", "|", "&amp;", "日本",
    );
    const line = fc.record({
      title: fc.constantFrom("Alpha", "Beta / Ada Lovelace", "Gamma [x]", "δ"),
      url: fc.constantFrom("https://a.example/", "https://b.example/(p)", "https://c.example/?q=1&r=2"),
      words: fc.array(word, { maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const page = `# T\n\n## S\n\n${lines.map((l) => `- [${l.title.replace(/[[\]]/g, (c) => `\\${c}`)}](${l.url})${l.words.length ? ` - ${l.words.join(" ")}` : ""}`).join("\n")}\n`;
        const { before, after, md } = roundTrip(page);
        expect(after, md).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe("bookmarks export", () => {
  const urlOf = (e: Entry) => (/^https?:/.test(e.url) ? e.url : undefined);
  const now = new Date("2026-01-01T00:00:00Z");

  // #12: the bundled page's "In-site Pages" (site links only) was an empty folder without --base-url.
  it("writes no folder that would be empty", () => {
    const catalog = catalogOf(SEED);
    const html = exportBookmarks(catalog, catalog.entries, urlOf, now);
    expect(catalog.entries.some((e) => e.section === "In-site Pages")).toBe(true);
    expect(html).not.toContain(">In-site Pages<");
    expect(html).not.toMatch(/<DL><p>\n\s*<\/DL><p>/);
    const none = catalogFromText("# Only site links\n\n- [About](/about)\n");
    expect(exportBookmarks(none, none.entries, urlOf, now)).not.toContain("<H3");
  });

  it.each([
    ["its front matter's title", "---\ntitle: Named\n---\n# Heading\n- [A](https://a.example/)\n", "notes/links.md", "Named"],
    ["its first heading", "Intro text.\n\n# Awesome Things\n\n## Tools\n- [A](https://a.example/)\n", "/home/me/lists/awesome.md", "Awesome Things"],
    ["its file name", "- [A](https://a.example/)\n", "/home/me/lists/reading-list.md", "reading-list"],
  ])("names a page by %s, not by its path", (_name, text, source, folder) => {
    const catalog = catalogFromText(text, source);
    expect(pageName(catalog.pages[0]!)).toBe(folder);
    // One page: its name is the file's (#28: the folders below are its headings).
    const html = exportBookmarks(catalog, catalog.entries, urlOf, now);
    expect(html).toContain(`<TITLE>${folder}</TITLE>\n<H1>${folder}</H1>`);
    expect(html).not.toContain(source);
    // Several pages: a folder each, named so.
    const two = buildCatalog([parsePage(text, source), parsePage("- [B](https://b.example/)\n", "other.md")]);
    expect(exportBookmarks(two, two.entries, urlOf, now)).toContain(`<DT><H3 ADD_DATE="1767225600">${folder}</H3>`);
  });
});
