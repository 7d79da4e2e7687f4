// Hostile bookmark files at their sizes (#28): nesting 10,000 deep, more bookmarks than kept,
// a title and a description of megabytes, a file past ICP_LINKS_MAX_SIZE. CPU-heavy: "slow".
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_BOOKMARKS, MAX_DEPTH, readBookmarks, type Bookmark, type Folder } from "../../src/import/bookmarks";
import { bookmarksPage } from "../../src/import/page";
import { parsePage } from "../../src/catalog/parse-page";
import { run } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

function all(folder: Folder): Bookmark[] {
  return folder.children.flatMap((c) => (c.kind === "folder" ? all(c) : [c]));
}

describe("hostile bookmark files", () => {
  it("reads a 10,000-deep nesting without overflowing, flattening past MAX_DEPTH", () => {
    const n = 10_000;
    const html = `<DL>${"<DT><H3>f</H3><DL>".repeat(n)}<DT><A HREF="https://deep.example/">deep</A>${"</DL>".repeat(n)}</DL>`;
    const file = readBookmarks(html);
    let depth = 0;
    for (let f: Folder = file.root; f.children[0]?.kind === "folder"; f = f.children[0]) depth++;
    expect(depth).toBe(MAX_DEPTH);
    expect(file.leftOut.flattened).toBe(n - MAX_DEPTH);
    expect(all(file.root).map((b) => b.title)).toEqual(["deep"]);
  });

  it("keeps at most MAX_BOOKMARKS bookmarks and counts the rest", () => {
    const html = `<DL>${'<DT><A HREF="https://a.example/">a</A>\n'.repeat(MAX_BOOKMARKS + 5)}</DL>`;
    const file = readBookmarks(html);
    expect(file.bookmarks).toBe(MAX_BOOKMARKS);
    expect(file.leftOut.beyondLimit).toBe(5);
  });

  it("cuts a huge title and a huge description, and bounds the tags of one link", () => {
    const tags = Array.from({ length: 150 }, (_, i) => `t${i}`).join(",");
    const file = readBookmarks(`<DL><DT><A HREF="https://a.example/" TAGS="${tags}">${"word ".repeat(100_000)}</A><DD>${"x".repeat(1_000_000)}</DL>`);
    const [b] = all(file.root);
    expect(b!.title.length).toBeLessThanOrEqual(200);
    expect(b!.description!.length).toBeLessThanOrEqual(2000);
    expect(b!.tags).toHaveLength(100);
    expect(file.leftOut.tags).toBe(50);
  });

  it("writes a 10,000-deep file as a page that reads back: headings to ######, then labels, capped", () => {
    const n = 10_000;
    const html = `<DL>${"<DT><H3>f</H3><DL>".repeat(n)}<DT><A HREF="https://deep.example/">deep</A>${"</DL>".repeat(n)}</DL>`;
    const page = bookmarksPage(readBookmarks(html), { skip: () => false });
    const [entry] = parsePage(page.text, "deep.md").entries;
    expect(entry!.url).toBe("https://deep.example/");
    // Five headings, then the rest of MAX_DEPTH as labels; a label the same as its section is not repeated.
    expect(page.text.split("\n").filter((l) => l.startsWith("#")).length).toBe(5);
  });

  it("import refuses a file past ICP_LINKS_MAX_SIZE, and -o never replaces a file without --force (the binary)", async () => {
    const dir = tempDir("icp-links-import-e2e-");
    const big = join(dir, "big.html");
    writeFileSync(big, `<DL>${'<DT><A HREF="https://a.example/">a</A>\n'.repeat(30_000)}</DL>`);
    const refused = await run(["import", big], { env: { ICP_LINKS_MAX_SIZE: "1" } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^icp-links: cannot read .*big\.html: larger than 1 MB/);
    const small = join(dir, "small.html");
    writeFileSync(small, '<DL><DT><A HREF="https://a.example/" TAGS="x">a</A><DT><A HREF="javascript:alert(1)">b</A></DL>');
    const out = join(dir, "page.md");
    writeFileSync(out, "mine\n");
    const kept = await run(["import", small, "-o", out]);
    expect(kept.code).toBe(2);
    expect(kept.stderr).toMatch(/exists/);
    const forced = await run(["import", small, "-o", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe(`icp-links: read 1 bookmark from ${small}; left out 1 unsafe link (javascript:); wrote 1 entry to ${out}\n`);
    const shown = await run(["--file", out, "show", "a", "--json"]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ url: "https://a.example/", tags: ["x"], added: null });
  });
});
