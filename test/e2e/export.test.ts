// export: what is written is read back by real parsers and equals the catalog (#6).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseHtml, type DefaultTreeAdapterMap } from "parse5";
import { run, isolatedHome } from "../helpers/cli";
import { catalogOf, catalogFromText, ROOT, SEED, AWESOME_COPY } from "../helpers/pages";

const TRICKY = join(ROOT, "test/fixtures/tricky-titles.md");
type Node = DefaultTreeAdapterMap["node"];

/** What two readings of the same links must agree on. */
const essence = (e: { title: string; url: string; speaker?: string | undefined; sectionPath: string[]; description?: string | undefined; kind: string; related: unknown[] }) => ({
  title: e.title, url: e.url, speaker: e.speaker, sectionPath: e.sectionPath, description: e.description, kind: e.kind, related: e.related,
});

describe("export --format md", () => {
  it.each([["the bundled page", SEED], ["the awesome page", AWESOME_COPY], ["tricky titles", TRICKY]])("reads back into the same entries: %s", async (_name, file) => {
    const r = await run(["--file", file, "export", "--format", "md"]);
    expect(r.code).toBe(0);
    const back = catalogFromText(r.stdout, "export.md").entries.map(essence);
    expect(back).toEqual(catalogOf(file).entries.map(essence));
    expect(catalogFromText(r.stdout, "export.md").pages[0]!.frontMatter.title).toBe(catalogOf(file).pages[0]!.frontMatter.title ?? "Links");
  });

  it("exports only what the filters keep", async () => {
    const r = await run(["export", "--format", "md", "--kind", "talk", "--speaker", "manu"]);
    expect(catalogFromText(r.stdout).entries.map((e) => e.title)).toEqual(["Resumption", "Consensus Overview"]);
  });
});

describe("export --format csv", () => {
  it("is RFC 4180 that a CSV parser reads back", async () => {
    const r = await run(["--file", TRICKY, "export", "--format", "csv"]);
    expect(r.stdout).toContain("\r\n");
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    const entries = catalogOf(TRICKY).entries;
    expect(rows).toHaveLength(entries.length);
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
    const text = (n: Node): string => ("value" in n ? String(n.value) : "childNodes" in n ? n.childNodes.map(text).join("") : "");
    const walk = (n: Node) => {
      if ("tagName" in n && n.tagName === "h3") folder = text(n);
      if ("tagName" in n && n.tagName === "a") {
        const attr = (name: string) => n.attrs.find((a) => a.name === name)?.value ?? "";
        out.push({ href: attr("href"), tags: attr("tags"), text: text(n), folder });
      }
      if ("childNodes" in n) n.childNodes.forEach(walk);
    };
    walk(doc);
    return out;
  }

  it("is a Netscape bookmark file with a folder per section, every text escaped", async () => {
    const r = await run(["--file", TRICKY, "export", "--format", "html"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>")).toBe(true);
    const found = links(parseHtml(r.stdout));
    const entries = catalogOf(TRICKY).entries;
    expect(found.map((l) => l.text)).toEqual(entries.map((e) => e.title));
    expect(found[0]).toMatchObject({ href: "https://q.example/a?x=1&y=2", folder: "Quotes, commas & <brackets>" });
    expect(found[1]!.text).toBe("Less < more & ampersands");
    expect(found.find((l) => l.text === "Site link")!.href).toBe("https://tricky.example/about");
    expect(found.find((l) => l.text === "Talk")!.tags).toBe("talk,Ada Lovelace,a,b c");
  });

  it("leaves out links it must not bookmark, and says so", async () => {
    const r = await run(["--file", join(ROOT, "test/fixtures/unsafe.md"), "export", "--format", "html"]);
    expect(links(parseHtml(r.stdout)).map((l) => l.href)).toEqual(["https://safe.example/page"]);
    // Links that can never be opened are no entries (#12); an http(s) link that is no valid URL is left out, and named.
    expect(r.stderr).toMatch(/^icp-links: left out of the bookmarks .*: bad-host\n$/);
  });
});

describe("export --format json", () => {
  it("is the list --json entries plus the front matter", async () => {
    const r = await run(["export", "--format", "json"]);
    const data = JSON.parse(r.stdout);
    expect(data.pages[0].frontMatter).toMatchObject({ title: "Inside the Internet Computer", permalink: "/inside-icp" });
    const list = JSON.parse((await run(["list", "--json"])).stdout);
    expect(data.entries).toEqual(list);
  });
});

describe("export -o", () => {
  it("writes the file, refuses to replace it without --force, and leaves no temporary file", async () => {
    const home = isolatedHome();
    const out = join(home, "links.csv");
    const first = await run(["export", "--format", "csv", "-o", out], { home });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    const before = readFileSync(out, "utf8");
    writeFileSync(out, "mine");
    const again = await run(["export", "--format", "json", "-o", out], { home });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`icp-links: ${out} exists (add --force to replace it)\n`);
    expect(readFileSync(out, "utf8")).toBe("mine");
    const forced = await run(["export", "--format", "csv", "-o", out, "--force"], { home });
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(before);
    expect(readdirSync(home).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("says so when the folder is missing or read-only, writing nothing", async () => {
    const home = isolatedHome();
    const missing = await run(["export", "--format", "csv", "-o", join(home, "no/such/dir/x.csv")], { home });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^icp-links: cannot write .*x\.csv: its folder does not exist \(create the folder first/);
    const locked = join(home, "locked");
    mkdirSync(locked);
    writeFileSync(join(locked, "x.csv"), "old");
    chmodSync(locked, 0o555);
    const r = await run(["export", "--format", "csv", "-o", join(locked, "x.csv"), "--force"], { home });
    // As root the folder's mode does not stop writes; as anyone else it must fail cleanly.
    if (process.getuid?.() !== 0) {
      expect(r.code).toBe(2);
      expect(readFileSync(join(locked, "x.csv"), "utf8")).toBe("old");
    }
    expect(readdirSync(locked).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    chmodSync(locked, 0o755);
    expect(existsSync(join(home, "no"))).toBe(false);
  });

  it("needs a known format", async () => {
    const r = await run(["export", "--format", "xml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected one of json, csv, md, html/);
    expect((await run(["export"])).code).toBe(2);
  });
});
