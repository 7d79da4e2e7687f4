// What is an entry, and what is not (#2), one markdown construct per case.
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/catalog/parse-page";
import { PageError } from "../../src/errors";

const entries = (md: string) => parsePage(md, "t.md").entries;
const titles = (md: string) => entries(md).map((e) => e.title);
const urls = (md: string) => entries(md).map((e) => e.url);

describe("what is an entry", () => {
  it.each([
    ["a list item's first link", "- [A](https://a.example) and [B](https://b.example)", ["https://a.example"]],
    ["a paragraph's first link", "See [A](https://a.example) then [B](https://b.example).", ["https://a.example"]],
    ["a bare URL on its own line", "https://a.example/x", ["https://a.example/x"]],
    ["a www. URL", "www.example.org", ["http://www.example.org"]],
    ["an autolink", "<https://a.example>", ["https://a.example"]],
    ["a reference link", "- [A][ref]\n\n[ref]: https://ref.example", ["https://ref.example"]],
    ["parentheses in a URL", "- [W](https://en.wikipedia.org/wiki/Foo_(bar))", ["https://en.wikipedia.org/wiki/Foo_(bar)"]],
    ["an entity in a URL", "- [Q](https://a.example/?a=1&amp;b=2)", ["https://a.example/?a=1&b=2"]],
    ["a table row", "| name | link |\n|---|---|\n| A | [A](https://a.example) |", ["https://a.example"]],
    ["nested list items, in document order", "- [Outer](https://o.example)\n  - [Inner](https://i.example)", ["https://o.example", "https://i.example"]],
    ["a site path", "- [S](/dfinity-overview) [T](other-page.md)", ["/dfinity-overview"]],
    ["a loose https: form (opened as the browser would)", "- [L](https:evil.example)", ["https:evil.example"]],
    // A link that can never be opened is no entry: the next link of the item is (#12).
    ["the first link that can be opened", "- [here](mailto:a@b.example) [Site](https://s.example)", ["https://s.example"]],
  ])("%s", (_name, md, expected) => expect(urls(md)).toEqual(expected));

  it.each([
    ["a bare word like agent.rs", "Use agent.rs or example.com for that."],
    ["an image", "![logo](https://a.example/logo.png)"],
    ["a badge (a link around an image)", "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"],
    ["an in-page anchor", "- [Contents](#contents)"],
    ["an in-page anchor after ./", "- [Top ML Papers of the Week (June 23 - June 29)](./#top-ml-papers-of-the-week-june-23---june-29)"],
    ["headings that link into the page", "### [Basic Models](#content)\n\n### [Graph Types](#content)\n\n### [Pooling](#content)\n"],
    ["a link in a code span", "- `[A](https://a.example)`"],
    ["a code block", "```\n[A](https://a.example)\n```"],
    ["an indented code block", "    https://a.example"],
    ["an HTML block", "<div>\n<a href=\"https://a.example\">A</a>\n</div>"],
    ["an HTML comment", "<!-- [A](https://a.example) -->"],
    ["a link in a heading", "# Title [A](https://a.example)"],
    ["an e-mail address", "write to someone@example.org"],
    ["an empty page", ""],
    // Links that can never be opened (#12).
    ["a mailto: link", "- [here](mailto:someone@example.org)"],
    ["a tel: link", "- [Call](tel:+15551234)"],
    ["a javascript: link", "- [X](javascript:alert(1))"],
    ["an upper-case JAVASCRIPT: link", "- [X](JAVASCRIPT:alert(1))"],
    ["an entity-encoded javascript: link", "- [X](&#106;avascript:alert(1))"],
    ["a javascript: link with a zero-width space", "- [X](java\u200bscript:alert(1))"],
    ["a data: link", "- [X](data:text/html,x)"],
    ["a file: link", "- [X](file:///etc/passwd)"],
    ["an ftp: link", "- [X](ftp://example.org/)"],
    ["an irc: link", "- [X](irc://irc.libera.chat/x)"],
    ["a protocol-relative link", "- [X](//evil.example/x)"],
    ["a backslash protocol-relative link", "- [X](\\\\\\\\evil.example/x)"],
    ["a slash-backslash link", "- [X](/\\evil.example/x)"],
  ])("not %s", (_name, md) => expect(entries(md)).toEqual([]));

  it("keeps only the related links that can be opened (#12)", () => {
    expect(entries("- [A](https://a.example) [mail](mailto:a@b.example) [B](https://b.example)")[0]!.related.map((r) => r.url)).toEqual(["https://b.example"]);
  });
});

describe("titles, descriptions and sections", () => {
  it("takes the text after the link as the description", () => {
    const [e] = entries("- [Tool](https://t.example) - Does a thing.");
    expect(e).toMatchObject({ title: "Tool", description: "Does a thing." });
  });

  it("keeps a sentence whole when the link is inside it", () => {
    const [e] = entries("The [Internet Computer](https://ic.example) is a blockchain.");
    expect(e).toMatchObject({ title: "Internet Computer", description: "The Internet Computer is a blockchain." });
  });

  it("names a lone bare URL after its section, and others after their URL", () => {
    expect(titles("## How It Works\n\nhttps://a.example/how")).toEqual(["How It Works"]);
    expect(titles("## Links\n\nhttps://a.example/one\n\nhttps://b.example/two/")).toEqual(["a.example/one", "b.example/two"]);
  });

  it("uses the nearest heading as section and keeps the trail", () => {
    const [e] = entries("# Top\n## Mid\n### Low\n- [A](https://a.example)\n## Next");
    expect(e).toMatchObject({ section: "Low", sectionPath: ["Top", "Mid", "Low"] });
  });

  it.each([
    ["a bold label", "**Cheatsheets**", ["Docs", "Where to Start", "Cheatsheets"]],
    ["a bold label with its colon", "**Web Development:**", ["Docs", "Where to Start", "Web Development"]],
    ["an italic line, which is prose", "*Cheatsheets*", ["Docs", "Where to Start"]],
    ["a bold sentence", "**Read these first.**", ["Docs", "Where to Start"]],
    ["a bold link", "**[back to top](#top)**", ["Docs", "Where to Start"]],
  ])("files the items after %s under it, until the next heading", (_, label, path) => {
    const page = `# Docs\n\n## Where to Start\n\n- [Guide](https://g.example)\n\n${label}\n\n- [eon01](https://github.com/eon01/DockerCheatSheet)\n  - [nested](https://n.example)\n\n## Next\n\n- [After](https://after.example)\n`;
    const byUrl = Object.fromEntries(entries(page).map((e) => [e.url, e]));
    expect(byUrl["https://g.example"]).toMatchObject({ section: "Where to Start", sectionPath: ["Docs", "Where to Start"] });
    expect(byUrl["https://github.com/eon01/DockerCheatSheet"]).toMatchObject({ section: "Where to Start", sectionPath: path });
    expect(byUrl["https://after.example"]).toMatchObject({ section: "Next", sectionPath: ["Docs", "Next"] });
  });

  it.each([
    ["a link and a word", "[Backup](https://en.wikipedia.org/wiki/Backup) software."],
    ["a link as a sentence's subject", "[Configuration management (CM)](https://en.wikipedia.org/wiki/Configuration_management) is a systems engineering process."],
    ["two links, then the sentence", "[Continuous integration](https://en.wikipedia.org/wiki/CI)/[deployment](https://en.wikipedia.org/wiki/CD) software."],
    ["its short form in brackets first", "[Identity management](https://en.wikipedia.org/wiki/IdM) (IdM), also known as IAM, is a framework of policies."],
  ])("reads the first paragraph under a heading, %s over the list, as the section's description", (_, intro) => {
    const page = `# Sysadmin\n\n### Backups\n\n**[back to top](#sysadmin)**\n\n${intro}\n\n- [Borg](https://www.borgbackup.org/) - Deduplicating archiver.\n- [Restic](https://restic.net/) - Fast backups.\n`;
    const page_ = parsePage(page, "t.md");
    expect(page_.entries.map((e) => e.title)).toEqual(["Borg", "Restic"]);
    expect(page_.headings.find((h) => h.text === "Backups")?.description).toBeTruthy();
  });

  it.each([
    ["a link and its description", "[Borgmatic](https://torsion.org/borgmatic/) - Wraps Borg."],
    ["a link alone", "[Borgmatic](https://torsion.org/borgmatic/)"],
    ["a sentence under a list", null],
  ])("keeps %s as an entry", (_, intro) => {
    const page = intro === null
      ? "## Backups\n\n- [Borg](https://www.borgbackup.org/) - Deduplicating archiver.\n\n[Borgmatic](https://torsion.org/borgmatic/) is a wrapper.\n\n- [Restic](https://restic.net/) - Fast backups.\n"
      : `## Backups\n\n${intro}\n\n- [Borg](https://www.borgbackup.org/) - Deduplicating archiver.\n`;
    expect(titles(page)).toContain("Borgmatic");
  });

  it("handles CRLF line endings and a byte order mark", () => {
    const page = parsePage("\ufeff---\r\ntitle: T\r\n---\r\n\r\n## S\r\n\r\n- [A](https://a.example)\r\n", "t.md");
    expect(page.frontMatter.title).toBe("T");
    expect(page.entries[0]).toMatchObject({ title: "A", url: "https://a.example", line: 7, section: "S" });
  });

  it("strips control characters and escape sequences from what it keeps", () => {
    const [e] = entries("- [Evil\x1b]0;owned\x07 title\x1b[2J](https://a.example) - desc\u202e");
    expect(e).toMatchObject({ title: "Evil title", description: "desc" });
  });
});

describe("front matter", () => {
  it("is optional", () => expect(parsePage("- [A](https://a.example)", "t.md").frontMatter).toEqual({ tags: [], meta: {} }));

  it("keeps unknown keys and normalises odd types", () => {
    const fm = parsePage("---\ntitle: [a, b]\ntags: 42\nextra: {x: 1}\n---\n", "t.md").frontMatter;
    expect(fm).toMatchObject({ title: "a b", tags: ["42"], meta: { extra: { x: 1 } } });
  });

  it.each([
    ["invalid YAML", "---\ntitle: [unclosed\n---\n", /t\.md:\d+: front matter is not valid YAML/],
    ["an unclosed block", "---\ntitle: x\n\n- [A](https://a.example)\n", /t\.md:1: front matter opened by '---' is never closed/],
    ["JavaScript front matter (never run)", "---js\n{ title: process.exit(3) }\n---\n", /not supported/],
    ["an alias bomb", `---\na: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(",")}]`).join("\n")}\n---\n`, /not valid YAML/],
  ])("rejects %s with a typed error naming the file", (_name, md, message) => {
    expect(() => parsePage(md, "t.md")).toThrow(PageError);
    expect(() => parsePage(md, "t.md")).toThrow(message);
  });

  it("gives the line of a YAML error within the file", () => {
    try {
      parsePage("---\ntitle: ok\nbad: [\n---\n", "t.md");
      expect.unreachable();
    } catch (error) {
      expect((error as PageError).line).toBeGreaterThanOrEqual(3);
    }
  });
});
