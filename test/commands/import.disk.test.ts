// icp-links import (#28): a bookmark file as a page on stdout, a new page (-o), or added to a
// section of one's page (--file --section) with the diff, the question and --yes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { tempDir } from "../helpers/temp";
import { parsePage } from "../../src/catalog/parse-page";

const BOOKMARKS = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
  <DT><H3>Reading</H3>
  <DL><p>
    <DT><A HREF="https://a.example/" ADD_DATE="1700000000" TAGS="x">A</A>
    <DD>About A
    <DT><A HREF="https://b.example/">B</A>
    <DT><A HREF="javascript:alert(1)">Evil</A>
    <DT><A HREF="https://a.example">A again</A>
  </DL><p>
  <DT><A HREF="https://old.example/page">Old</A>
</DL><p>`;

function pageFile(text: string): string {
  const dir = tempDir("icp-links-import-");
  const file = join(dir, "links.md");
  writeFileSync(file, text);
  return file;
}

const inputs = { "bookmarks.html": BOOKMARKS };

describe("import", () => {
  it("prints the page, and says on stderr what it read, skipped and left out", async () => {
    const r = await runInProcess(["import", "bookmarks.html"], "", { inputs });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`---
title: "Bookmarks"
---

- [Old](https://old.example/page)

## Reading

- [A](https://a.example/) — About A · added 2023-11-14 · \`x\`
- [B](https://b.example/)
`);
    expect(r.stderr).toBe("icp-links: read 4 bookmarks from bookmarks.html; skipped 1 duplicate; left out 1 unsafe link (javascript:)\n");
    const entries = parsePage(r.stdout, "p.md").entries;
    expect(entries.map((e) => [e.title, e.tags, e.added ?? null])).toEqual([["Old", [], null], ["A", ["x"], "2023-11-14"], ["B", [], null]]);
  });

  it("reads a file in UTF-16 (with its BOM) or in the Windows-1252 its META names", async () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from(BOOKMARKS.replace(">B<", ">Café “B”<"), "utf16le")]);
    const cp1252 = Uint8Array.from(Buffer.concat([Buffer.from('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">\n<DL><p><DT><A HREF="https://b.example/">Caf'), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from("B"), Buffer.from([0x94]), Buffer.from("</A>\n</DL>")]));
    for (const bytes of [utf16, cp1252]) {
      const r = await runInProcess(["import", "file.html"], "", { inputs: { "file.html": bytes } });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("- [Café “B”](https://b.example/)");
    }
  });

  it("writes a new page with -o, and --json reports what it did", async () => {
    const r = await runInProcess(["import", "bookmarks.html", "-o", "new.md", "--json"], "", { inputs });
    expect(r.code).toBe(0);
    expect(r.written.get("new.md")).toContain("## Reading");
    expect(JSON.parse(r.stdout)).toMatchObject({ source: "bookmarks.html", bookmarks: 3, duplicates: 1, alreadyOnPage: 0, leftOut: { unsafe: 1, schemes: ["javascript:"] }, output: "new.md", written: true });
  });

  it("adds to a section of the page: skips what the page has, shows the diff, asks, and writes", async () => {
    const file = pageFile("# Mine\n\n## Reading\n\n* [B](https://b.example/)\n\n## Later\n\n* [L](https://l.example/)\n");
    const questions: string[] = [];
    const r = await runInProcess(["--file", file, "import", "bookmarks.html", "--section", "reading"], "", { inputs, confirm: async (q) => (questions.push(q), true) });
    expect(r.code).toBe(0);
    expect(questions).toEqual([`Add 2 links to 'Reading' in ${file}?`]);
    // In the page's style: its bullet, its separator.
    expect(r.stdout).toContain("+* [Old](https://old.example/page)\n+* Reading\n+  - [A](https://a.example/) - About A · added 2023-11-14 · `x`\n");
    expect(r.stderr).toContain("skipped 1 link the page has already; skipped 1 duplicate; left out 1 unsafe link (javascript:)");
    expect(readFileSync(file, "utf8")).toBe("# Mine\n\n## Reading\n\n* [B](https://b.example/)\n* [Old](https://old.example/page)\n* Reading\n  - [A](https://a.example/) - About A · added 2023-11-14 · `x`\n\n## Later\n\n* [L](https://l.example/)\n");
    const after = parsePage(readFileSync(file, "utf8"), file).entries;
    expect(after.find((e) => e.url === "https://a.example/")).toMatchObject({ sectionPath: ["Mine", "Reading"], tags: ["x"], added: "2023-11-14" });
  });

  it("writes nothing when the answer is no, or without a terminal and without --yes", async () => {
    const text = "## Reading\n\n- [B](https://b.example/)\n";
    const file = pageFile(text);
    const no = await runInProcess(["--file", file, "import", "bookmarks.html", "--section", "Reading"], "", { inputs, confirm: async () => false });
    expect(no.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(text);
    const piped = await runInProcess(["--file", file, "import", "bookmarks.html", "--section", "Reading"], "", { inputs });
    expect(piped.stderr).toContain("icp-links: nothing written: add --yes to write these changes\n");
    expect(readFileSync(file, "utf8")).toBe(text);
    const yes = await runInProcess(["--file", file, "import", "bookmarks.html", "--section", "Reading", "--yes"], "", { inputs });
    expect(yes.code).toBe(0);
    expect(parsePage(readFileSync(file, "utf8"), file).entries.map((e) => e.url)).toEqual(["https://b.example/", "https://old.example/page", "https://a.example/"]);
    // Again: everything is on the page now.
    const again = await runInProcess(["--file", file, "import", "bookmarks.html", "--section", "Reading", "--yes"], "", { inputs });
    expect(again.stderr).toBe("icp-links: read 4 bookmarks from bookmarks.html; skipped 4 links the page has already; left out 1 unsafe link (javascript:); nothing to add\n");
  });

  it("--dry-run prints the diff and writes nothing", async () => {
    const text = "## Reading\n\n- [B](https://b.example/)\n";
    const file = pageFile(text);
    const r = await runInProcess(["--file", file, "import", "bookmarks.html", "--section", "Reading", "--dry-run"], "", { inputs });
    expect(r.stdout).toContain("+- [Old](https://old.example/page)");
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it.each([
    [["import", "nope.html"], "icp-links: cannot read nope.html: no such file (check the path)\n"],
    [["import", "plain.txt"], "icp-links: plain.txt is not a bookmark file: it has no links (<A HREF>) (export the bookmarks as HTML from the browser (Firefox: Bookmarks › Manage › Import and Backup › Export; Chrome: Bookmark manager › Export))\n"],
    [["import", "unsafe.html"], "icp-links: unsafe.html holds no http(s) bookmark (left out 2 unsafe links (javascript:, data:)) (nothing to import)\n"],
    [["import", "bookmarks.html", "--section", "x"], "icp-links: --section, --new-section, --yes, --dry-run and --into go with --file (name your page with --file to add the bookmarks to it)\n"],
    [["import", "bookmarks.html", "--force"], "icp-links: --force goes with -o (name the page to write with -o)\n"],
    [["--file", "x.md", "import", "bookmarks.html", "-o", "y.md"], "icp-links: -o and --file: one or the other (-o writes a new page; --file with --section adds to yours)\n"],
  ])("refuses %j", async (argv, stderr) => {
    const r = await runInProcess(argv, "", { inputs: { ...inputs, "plain.txt": "just text", "unsafe.html": '<DL><DT><A HREF="javascript:x">a</A><DT><A HREF="data:,x">b</A></DL>' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe("");
  });

  it("refuses a section the page does not have, naming the nearest, and writes nothing", async () => {
    const text = "## Reading\n\n- [B](https://b.example/)\n";
    const file = pageFile(text);
    const r = await runInProcess(["--file", file, "import", "bookmarks.html", "--section", "Readng", "--yes"], "", { inputs });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no section 'Readng'; did you mean 'Reading'?");
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
