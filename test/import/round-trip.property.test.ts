// The round trip of #28: `export --format html` of a page, imported again, gives the same
// entries (titles, URLs, tags, descriptions, added dates), sections and order, for random pages.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { catalogFromText } from "../helpers/pages";
import { exportBookmarks } from "../../src/render/export";
import { readBookmarks } from "../../src/import/bookmarks";
import { bookmarksPage } from "../../src/import/page";
import { parsePage } from "../../src/catalog/parse-page";
import { escapeText } from "../../src/edit/style";
import { formatNotes } from "../../src/catalog/item-notes";
import { runInProcess } from "../helpers/context";

const NOW = new Date("2026-03-04T05:06:07Z");

// Words that markdown and HTML both treat specially, and some that are plain.
const word = fc.constantFrom("alpha", "beta", "γάμμα", "x&y", "a*b", "[c]", "_d_", "<e>", "`f`", "#g", "h:", "&amp;", "\"q\"", "it's", "日本", "~t~", "a|b", "!i");
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(" "));
const tag = fc.constantFrom("rust", "self-hosted", "x.y", "a_b", "3d", "ünï");

interface Item {
  title: string;
  tags: string[];
  description?: string;
  added?: string;
}
type Block = { heading: number; text: string } | { item: Item };

const item: fc.Arbitrary<Item> = fc.record(
  {
    title: words(1, 4),
    tags: fc.uniqueArray(tag, { maxLength: 3 }),
    description: words(1, 5).map((d) => `about ${d}`),
    added: fc.date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  },
  { requiredKeys: ["title", "tags"] },
);
const block: fc.Arbitrary<Block> = fc.oneof({ weight: 3, arbitrary: item.map((i) => ({ item: i })) }, { weight: 1, arbitrary: fc.record({ heading: fc.integer({ min: 2, max: 6 }), text: words(1, 3) }) });

/** A page of the blocks: headings with unique names, items with unique URLs, in the page notation. */
function pageOf(title: string, pageTags: string[], blocks: Block[]): string {
  const lines = ["---", `title: ${JSON.stringify(title)}`, ...(pageTags.length > 0 ? [`tags: ${JSON.stringify(pageTags)}`] : []), "---", ""];
  let n = 0;
  for (const b of blocks) {
    n++;
    if ("heading" in b) lines.push("", `${"#".repeat(b.heading)} ${escapeText(b.text)} ${n}`, "");
    else {
      const { title: t, description, tags, added } = b.item;
      lines.push(`- [${escapeText(t)}](https://h${n % 3}.example/p${n})${description ? ` — ${escapeText(description)}` : ""}${formatNotes(tags, added)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const essence = (e: { title: string; url: string; tags: string[]; sectionPath: string[]; description?: string; added?: string }) => ({
  title: e.title,
  url: e.url,
  tags: e.tags,
  sectionPath: e.sectionPath,
  description: e.description ?? null,
  added: e.added ?? null,
});

describe("export --format html, then import", () => {
  it("gives the same entries, sections and order (random pages)", () => {
    fc.assert(
      fc.property(words(1, 3), fc.uniqueArray(tag, { maxLength: 2 }), fc.array(block, { maxLength: 25 }), (title, pageTags, blocks) => {
        const text = pageOf(title, pageTags, blocks);
        const catalog = catalogFromText(text, "random.md");
        const html = exportBookmarks(catalog, catalog.entries, (e) => e.url, NOW);
        const page = bookmarksPage(readBookmarks(html), { skip: () => false });
        const back = parsePage(page.text, "imported.md").entries;
        // An entry without an added date is dated by the export: the day it was exported.
        expect(back.map(essence)).toEqual(catalog.entries.map((e) => ({ ...essence(e), added: e.added ?? "2026-03-04" })));
      }),
      { numRuns: 200 },
    );
  });

  it("holds through the commands too: export --format html | import", async () => {
    const text = pageOf("My links", ["mine"], [
      { item: { title: "top", tags: ["rust"] } },
      { heading: 2, text: "Tools" },
      { item: { title: "a*b [c]", tags: [], description: "about x&y", added: "2020-01-02" } },
      { heading: 4, text: "Deep" },
      { item: { title: "deep", tags: ["x.y", "3d"] } },
      { heading: 2, text: "Other" },
      { item: { title: "other", tags: [] } },
    ]);
    const exported = await runInProcess(["export", "--format", "html"], text, { now: NOW });
    expect(exported.code).toBe(0);
    const imported = await runInProcess(["import", "bookmarks.html"], "", { inputs: { "bookmarks.html": exported.stdout } });
    expect(imported.code).toBe(0);
    const before = parsePage(text, "page.md").entries.map((e) => ({ ...essence(e), added: e.added ?? "2026-03-04" }));
    expect(parsePage(imported.stdout, "imported.md").entries.map(essence)).toEqual(before);
    expect(before.map((e) => e.sectionPath)).toEqual([["My links"], ["Tools 2"], ["Tools 2", "Deep 4"], ["Other 6"]]);
  });
});
