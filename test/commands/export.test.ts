// export, in process (#6, #15): what is written is read back by real parsers (markdown-it
// through our own reader, csv-parse, parse5) and equals the catalog; filters, -o through the
// injected writer, and bad input. Writing a real file (refusing to replace one, a read-only
// folder, no temporary file left) is test/e2e/export.e2e.test.ts's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseHtml, type DefaultTreeAdapterMap } from "parse5";
import { runInProcess } from "../helpers/context";
import { AWESOME_COPY, catalogFromText, ROOT, SEED } from "../helpers/pages";

const TRICKY = join(ROOT, "test/fixtures/tricky-titles.md");
const UNSAFE = join(ROOT, "test/fixtures/unsafe.md");
const text = (file: string) => readFileSync(file, "utf8");
const page = text(SEED);
type Node = DefaultTreeAdapterMap["node"];

/** What two readings of the same links must agree on. */
const essence = (e: { title: string; url: string; speaker?: string | undefined; sectionPath: string[]; description?: string | undefined; kind: string; related: unknown[] }) => ({
  title: e.title, url: e.url, speaker: e.speaker, sectionPath: e.sectionPath, description: e.description, kind: e.kind, related: e.related,
});

describe("export --format md", () => {
  it.each([["the bundled page", SEED], ["the awesome page", AWESOME_COPY], ["tricky titles", TRICKY]])("reads back into the same entries: %s", async (_name, file) => {
    const r = await runInProcess(["export", "--format", "md"], text(file));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const back = catalogFromText(r.stdout, "export.md");
    const original = catalogFromText(text(file));
    expect(back.entries.map(essence)).toEqual(original.entries.map(essence));
    // A page without front matter keeps its name (its first heading), not "Links" (#22).
    const { pageName } = await import("../../src/render/export");
    expect(back.pages[0]!.frontMatter.title).toBe(pageName(original.pages[0]!));
  });

  it("exports only what the filters keep; markdown is a name for md", async () => {
    const r = await runInProcess(["export", "--format", "markdown", "--kind", "talk", "--speaker", "manu"], page);
    expect(catalogFromText(r.stdout).entries.map((e) => e.title)).toEqual(["Resumption", "Consensus Overview"]);
  });
});

describe("export --format csv", () => {
  it("is RFC 4180 that a CSV parser reads back", async () => {
    const r = await runInProcess(["export", "--format", "csv"], text(TRICKY));
    expect(r.stdout).toContain("\r\n");
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    const entries = catalogFromText(text(TRICKY)).entries;
    expect(rows.map((row) => row.id)).toEqual(entries.map((e) => e.id));
    rows.forEach((row, i) => {
      const e = entries[i]!;
      expect(row).toMatchObject({ id: e.id, position: String(e.position), title: e.title, url: e.url, kind: e.kind, speaker: e.speaker ?? "", description: e.description ?? "" });
    });
    expect(rows[0]!.title).toBe('He said "hi", then left');
    expect(rows[2]).toMatchObject({ title: "日本語のタイトル", speaker: "Taro Yamada" });
  });
});

describe("export --format html", () => {
  function links(doc: Node): { href: string; tags: string; text: string; folder: string }[] {
    const out: { href: string; tags: string; text: string; folder: string }[] = [];
    let folder = "";
    const textOf = (n: Node): string => ("value" in n ? String(n.value) : "childNodes" in n ? n.childNodes.map(textOf).join("") : "");
    const walk = (n: Node) => {
      if ("tagName" in n && n.tagName === "h3") folder = textOf(n);
      if ("tagName" in n && n.tagName === "a") {
        const attr = (name: string) => n.attrs.find((a) => a.name === name)?.value ?? "";
        out.push({ href: attr("href"), tags: attr("tags"), text: textOf(n), folder });
      }
      if ("childNodes" in n) n.childNodes.forEach(walk);
    };
    walk(doc);
    return out;
  }

  it("is a Netscape bookmark file with a folder per section, every text escaped", async () => {
    const r = await runInProcess(["export", "--format", "html"], text(TRICKY));
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n")).toBe(true);
    const found = links(parseHtml(r.stdout));
    expect(found.map((l) => l.text)).toEqual(catalogFromText(text(TRICKY)).entries.map((e) => e.title));
    expect(found[0]).toMatchObject({ href: "https://q.example/a?x=1&y=2", folder: "Quotes, commas & <brackets>" });
    expect(found[1]!.text).toBe("Less < more & ampersands");
    expect(found.find((l) => l.text === "Site link")!.href).toBe("https://tricky.example/about");
    // The entry's tags (#28: what import reads back as its tags).
    expect(found.find((l) => l.text === "Talk")!.tags).toBe("a,b c");
  });

  it("dates the bookmarks with the injected clock", async () => {
    const r = await runInProcess(["export", "--format", "html"], "## S\n\n- [A](https://a.example/)\n", { now: new Date("2026-01-02T03:04:05Z") });
    expect(r.stdout).toContain(`<A HREF="https://a.example/" ADD_DATE="${Date.parse("2026-01-02T03:04:05Z") / 1000}"`);
  });

  it("leaves out links it must not bookmark, and names them", async () => {
    const r = await runInProcess(["export", "--format", "html"], text(UNSAFE));
    expect(links(parseHtml(r.stdout)).map((l) => l.href)).toEqual(["https://safe.example/page"]);
    // Links that can never be opened are no entries (#12); an http(s) link that is no valid URL is left out, and named.
    expect(r.stderr).toBe("icp-links: left out of the bookmarks (not an http(s) link, or a site link without --base-url): bad-host\n");
  });

  it("bookmarks site links against --base-url, and leaves them out without one", async () => {
    const without = await runInProcess(["export", "--format", "html", "--section", "in-site"], page);
    expect(links(parseHtml(without.stdout))).toEqual([]);
    expect(without.stderr).toBe("icp-links: left out of the bookmarks (not an http(s) link, or a site link without --base-url): overview, technology, development, roadmap\n");
    const withBase = await runInProcess(["export", "--format", "html", "--section", "in-site", "--base-url", "https://example.org"], page);
    expect(links(parseHtml(withBase.stdout)).map((l) => l.href)).toEqual(["/dfinity-overview", "/inside-icp", "/dfinity-coding", "/dfinity-roadmap"].map((p) => `https://example.org${p}`));
    expect(withBase.stderr).toBe("");
  });
});

describe("export --format json", () => {
  it("is the list --json entries plus the front matter", async () => {
    const data = JSON.parse((await runInProcess(["export", "--format", "json"], page)).stdout);
    expect(data.pages[0].frontMatter).toMatchObject({ title: "Inside the Internet Computer", permalink: "/inside-icp" });
    const list = JSON.parse((await runInProcess(["list", "--json"], page)).stdout);
    expect(data.entries).toEqual(list);
  });
});

describe("export -o", () => {
  it("writes through the writer, not to stdout, and says so on a terminal", async () => {
    const r = await runInProcess(["export", "--format", "csv", "-o", "links.csv"], page, { errTty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("Wrote 26 entries to links.csv\n");
    expect([...r.written.keys()]).toEqual(["links.csv"]);
    expect(r.written.get("links.csv")).toBe((await runInProcess(["export", "--format", "csv"], page)).stdout);
  });

  it("-o - is standard output", async () => {
    const r = await runInProcess(["export", "--format", "md", "-o", "-"], page);
    expect(r.written.size).toBe(0);
    expect(r.stdout).toBe((await runInProcess(["export", "--format", "md"], page)).stdout);
  });
});

describe("bad input", () => {
  it.each([
    [["export"], "icp-links: export needs --format (one of json, csv, md, html)\n"],
    [["export", "--format", "xml"], "icp-links: option '-F, --format <format>' argument 'xml' is invalid. expected one of json, csv, md, html (see 'icp-links --help')\n"],
    [["export", "--format", "csv", "--kind", "video"], "icp-links: option '-k, --kind <kind>' argument 'video' is invalid. unknown kind 'video' (use one of: talk, podcast, paper, article, repo, forum, site, page) (see 'icp-links --help')\n"],
  ])("%j is a usage error, exit 2, nothing written", async (argv, stderr) => {
    const r = await runInProcess(argv, page);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr });
    expect(r.written.size).toBe(0);
  });
});
