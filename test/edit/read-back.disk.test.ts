// What is written into a page reads back as exactly what was meant (#22): one function writes a
// URL as a link destination for every writer (add, check --fix, export --format md), and
// check --fix never copies a server's redirect target into the page in a form that reads as
// another link.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { catalogFromText } from "../helpers/pages";
import { linkDestination, unwritableUrl } from "../../src/text/link-destination";
import { openPage } from "../../src/edit/page";
import { rewriteUrls } from "../../src/edit/edits";
import { exportMarkdown } from "../../src/render/export";
import type { HttpClient } from "../../src/check/types";
import { tempDir } from "../helpers/temp";

function fileWith(text: string): string {
  const dir = tempDir("icp-links-readback-");
  const file = join(dir, "links.md");
  writeFileSync(file, text);
  return file;
}

// URLs a server may redirect to (as new URL(...).href gives them) or a page may hold.
const HOSTILE = [
  "https://h.example/ok.md?x=)[pwn](https://evil.example/)",
  "https://h.example/a(b",
  "https://h.example/a)b",
  "https://h.example/a\\b",
  "https://h.example/?q=a>b<c",
  "https://h.example/?q=`code`",
  "https://h.example/?q=[x]",
  "https://h.example/?a=1&amp;b=2",
  "https://h.example/?a=1&#41;",
  "https://h.example/a b (c)",
  "https://h.example/<x>",
  "https://h.example/*em*_x_~~s~~",
  "https://h.example/a|b",
];

const urlsOf = (text: string) => catalogFromText(text).entries.map((e) => [e.url, e.related.map((r) => r.url)]);

describe("linkDestination", () => {
  it.each(HOSTILE)("writes %s so that it reads back as itself, one link", (url) => {
    for (const angle of [false, true]) {
      const written = linkDestination(url, { angle });
      if (!("text" in written)) throw new Error(written.why);
      expect(urlsOf(`- [Title](${written.text}) - after\n`)).toEqual([[url, []]]);
      // In a table cell too.
      const table = linkDestination(url, { angle, table: true });
      if (!("text" in table)) throw new Error(table.why);
      expect(urlsOf(`| Link | Note |\n|---|---|\n| [Title](${table.text}) | x |\n`)).toEqual([[url, []]]);
    }
  });

  it.each([
    ["https://h.example/a\u202eb", /U\+202E.*%E2%80%AE/],
    ["https://h.example/a\u2028b", /a line break \(U\+2028\)/],
    ["https://h.example/a\nb", /a line break \(U\+000A\)/],
    ["https://h.example/a\tb", /white space other than a space/],
    ["https://h.example/a  b", /two in a row/],
  ])("has no form for %j, and says why", (url, why) => {
    const written = linkDestination(url);
    expect("why" in written && written.why).toMatch(why);
    expect(unwritableUrl(url)).toMatch(why);
  });

  it("export --format md writes an entry's URL so that it reads back", () => {
    const page = `- [Title](https://h.example/?a=1\\&amp;b=2)\n`;
    expect(catalogFromText(page).entries[0]!.url).toBe("https://h.example/?a=1&amp;b=2");
    const catalog = catalogFromText(page);
    const md = exportMarkdown(catalog, catalog.entries);
    expect(catalogFromText(md).entries.map((e) => e.url)).toEqual(["https://h.example/?a=1&amp;b=2"]);
  });
});

describe("rewriteUrls", () => {
  const forms: [string, (url: string) => string][] = [
    ["a link", (url) => `- [Moved](${url}) - note`],
    ["a link in <…>", (url) => `- [Moved](<${url}>) - note`],
    ["an autolink", (url) => `- <${url}> - note`],
    ["a bare link", (url) => `- ${url} - note`],
    ["a table row", (url) => `| [Moved](${url}) | note |`],
    ["an autolink in a table row", (url) => `| <${url}> | note |`],
    ["a bare link in a table row", (url) => `| ${url} | note |`],
  ];
  it.each(forms.flatMap(([name, line]) => HOSTILE.filter((u) => !u.includes(" ") && !u.includes("<")).map((to) => [name, to, line] as const)))("%s to %s: reads back as the new URL, nothing more", (_name, to, line) => {
    const head = line("https://h.example/old").startsWith("|") ? "| Link | Note |\n|---|---|\n" : "";
    const text = `## Links\n\n${head}${line("https://h.example/old")}\n- [Other](https://other.example/)\n`;
    const page = openPage(text, "links.md");
    const result = rewriteUrls(page, [{ entry: page.catalog.entries[0]!, to }]);
    expect(result.skipped).toEqual([]);
    expect(urlsOf(result.text)).toEqual([
      [to, []],
      ["https://other.example/", []],
    ]);
  });

  it("refuses a new URL with no form that reads back, naming why, and changes nothing", () => {
    const text = "- [Moved](https://h.example/old)\n";
    const page = openPage(text, "links.md");
    const result = rewriteUrls(page, [{ entry: page.catalog.entries[0]!, to: "https://h.example/a\u202eb" }]);
    expect(result.done).toEqual([]);
    expect(result.skipped.map((s) => [s.unsafe, s.why])).toEqual([[true, expect.stringMatching(/cannot be written so that it reads back as it \(it holds an invisible or control character \(U\+202E\)/)]]);
    expect(result.text).toBe(text);
  });
});

/** A server whose /old moves for good to `to` (as a Location header), and whose other pages answer. */
function movingTo(to: string): HttpClient {
  return async ({ url }) => (url === "http://127.0.0.1:9/old" ? { status: 301, statusText: "Moved", header: (n) => (n === "location" ? to : undefined), body: "" } : { status: 200, statusText: "OK", header: () => undefined, body: "" });
}

describe("check --fix writes only what reads back", () => {
  it.each([
    ["a link", "- [Moved](http://127.0.0.1:9/old) - note\n"],
    ["a link in <…>", "- [Moved](<http://127.0.0.1:9/old>) - note\n"],
    ["an autolink", "- <http://127.0.0.1:9/old> - note\n"],
    ["a bare link", "- http://127.0.0.1:9/old - note\n"],
  ])("a redirect to '/ok.md?x=)[pwn](https://evil.example/)' stays one link to that URL: %s", async (_name, line) => {
    const text = `## Links\n\n${line}- [Other](http://127.0.0.1:9/other)\n`;
    const file = fileWith(text);
    const r = await runInProcess(["--file", file, "check", "--fix", "--yes", "--interval", "0"], text, { http: movingTo("/ok.md?x=)[pwn](https://evil.example/)") });
    expect(r.stderr).toMatch(/fixed 1 link in/);
    const after = readFileSync(file, "utf8");
    expect(urlsOf(after)).toEqual([
      ["http://127.0.0.1:9/ok.md?x=)[pwn](https://evil.example/)", []],
      ["http://127.0.0.1:9/other", []],
    ]);
  });
});

describe("check --fix refuses a move the page cannot hold", () => {
  it("exit 2, naming the link and why, and writes the others", async () => {
    // The unpaired backtick of the title would pair with one in the new URL: a code span, no link.
    const text = "## Links\n\n- [a`b](http://127.0.0.1:9/old)\n- [Fine](http://127.0.0.1:9/old2)\n";
    const file = fileWith(text);
    const http: HttpClient = async ({ url }) => {
      const to = url.endsWith("/old") ? "/new?q=`x" : url.endsWith("/old2") ? "/new2" : undefined;
      return to ? { status: 301, statusText: "Moved", header: (n) => (n === "location" ? to : undefined), body: "" } : { status: 200, statusText: "OK", header: () => undefined, body: "" };
    };
    const r = await runInProcess(["--file", file, "check", "--fix", "--yes", "--interval", "0"], text, { http });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not fixed: a-b \(line 3\): its new URL http:\/\/127\.0\.0\.1:9\/new\?q=`x would not read back as it on its line; edit it by hand/);
    expect(r.stderr).toMatch(/fixed 1 link in/);
    expect(readFileSync(file, "utf8")).toBe(text.replace("/old2)", "/new2)"));
  });
});

describe("add says what is wrong with a URL the page could not hold", () => {
  it.each([
    ["https://h.example/a\u202eb", /cannot be written into a page: it holds an invisible or control character \(U\+202E\)/],
    ["https://h.example/a\u2028b", /cannot be written into a page: it holds a line break \(U\+2028\)/],
    ["https://h.example/?a=1&amp;b=2", /holds '&amp;', which is how HTML writes '&' .*write '&' instead/],
  ])("%j", async (url, message) => {
    const text = "## Links\n\n- [One](https://one.example/)\n";
    const file = fileWith(text);
    const r = await runInProcess(["--file", file, "add", url, "--title", "New"], text);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/code block/);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
