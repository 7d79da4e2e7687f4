// Hostile pages (#7): each is read without a crash, in bounded time and memory, or refused with
// a typed error that names the file.
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/catalog/parse-page";
import { buildCatalog } from "../../src/catalog/catalog";
import { decodePage } from "../../src/io/decode";
import { PageError } from "../../src/errors";
import { runInProcess } from "../helpers/context";

const parse = (text: string) => parsePage(text, "evil.md");
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));

describe("front matter", () => {
  it.each([
    ["empty", "", 0],
    ["only front matter", "---\ntitle: Only\n---\n", 0],
    ["empty front matter", "---\n---\n- [a](https://a.example)", 1],
    ["tags as a number", "---\ntags: 7\n---\n- [a](https://a.example)", 1],
    ["title as a list", "---\ntitle: [x, y]\n---\n", 0],
    ["title as a map", "---\ntitle: {a: 1}\n---\n", 0],
    ["a __proto__ key", "---\n__proto__: {polluted: true}\ntitle: t\n---\n", 0],
  ])("%s is a page", (_name, text, entries) => {
    const page = parse(text);
    expect(page.entries).toHaveLength(entries);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("an unclosed block is a typed error", () => expect(() => parse("---\ntitle: x\n- [a](https://a.example)\n")).toThrow(PageError));

  it("a billion-laughs document fails fast instead of expanding", () => {
    const levels = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const before = process.memoryUsage().heapUsed;
    expect(() => parse(`---\n${levels.join("\n")}\n---\n`)).toThrow(/not valid YAML.*alias/i);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it("JavaScript front matter is refused, never run", () => {
    expect(() => parse("---js\n{ title: (globalThis.ran = true) }\n---\n")).toThrow(/not supported/);
    expect((globalThis as Record<string, unknown>).ran).toBeUndefined();
  });
});

describe("bytes that are not UTF-8 text", () => {
  it.each([
    ["a NUL byte", bytes("# t\n\0\n"), /binary file/],
    ["invalid UTF-8", bytes("# t\n", [0xc3, 0x28]), /not valid UTF-8/],
    ["an overlong encoding", bytes([0xc0, 0xaf]), /not valid UTF-8/],
    ["a lone surrogate", bytes([0xed, 0xa0, 0x80]), /not valid UTF-8/],
    ["a truncated sequence", bytes("ok", [0xe2, 0x82]), /not valid UTF-8/],
  ])("%s is refused, naming the file and line", (_name, data, message) => {
    expect(() => decodePage(data, "evil.md")).toThrow(message);
    expect(() => decodePage(data, "evil.md")).toThrow(/^evil\.md:\d+: /);
  });

  it.each([
    ["UTF-16 LE", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("- [Ünï](https://u.example)\n", "utf16le")])],
    ["UTF-16 BE", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("- [Ünï](https://u.example)\n", "utf16le").swap16()])],
  ])("%s with a byte order mark is read", (_name, data) => {
    expect(parse(decodePage(data, "evil.md")).entries.map((e) => e.title)).toEqual(["Ünï"]);
  });
});

describe("shapes that break naive parsers", () => {
  it.each([
    ["a 1 MB single line", `- ${"word ".repeat(200_000)}[x](https://a.example) - end`, 1],
    ["10,000 nested list levels", `${"- ".repeat(10_000)}[deep](https://d.example)`, 0],
    ["10,000 nested blockquotes", `${"> ".repeat(10_000)}[deep](https://d.example)`, 0],
    ["10,000 nested brackets", `${"[".repeat(10_000)}x${"]".repeat(10_000)}(https://b.example)`, 1],
    ["10,000 nested parentheses in a URL", `- [x](https://e.example/${"(".repeat(10_000)}${")".repeat(10_000)})`, 1],
    ["100,000 open brackets", `- ${"[".repeat(100_000)}`, 0],
    ["a 2 MB URL", `- [long](https://a.example/${"a".repeat(2_000_000)})`, 1],
    ["10,000 emphasis markers", `- [x](https://e.example) ${"*".repeat(10_000)}a${"*".repeat(10_000)}`, 1],
  ])("%s", (_name, text, atMost) => {
    const page = parse(text);
    expect(page.entries.length).toBeLessThanOrEqual(atMost);
    for (const e of page.entries) expect(e.url).toMatch(/^https:\/\//);
  });

  it("100,000 identical titles keep unique, url-stable ids", () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `- [Same title](https://s.example/${i % 7})`).join("\n");
    const catalog = buildCatalog([parse(text)]);
    const ids = catalog.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(100_000);
    expect(ids[0]).toBe("same-title");
  }, 60_000);
});

describe("text that attacks the terminal", () => {
  const page = [
    "## Sec\x1b[2Jtion\u202e",
    "- [Evil\x1b]0;owned\x07 title\r\x08\u200b](https://e.example/a) - desc \x1b]8;;https://phish.example\x1b\\click\x1b]8;;\x1b\\ \x9b31mred",
    "- [Tab\there / Ev\x1bil Speaker](https://e.example/b)",
  ].join("\n");

  it.each([["list"], ["list", "--json"], ["search", "evil"], ["show", "1"], ["show", "1", "--json"], ["sections"], ["speakers"], ["export", "--format", "csv"], ["export", "--format", "md"], ["export", "--format", "html"]])(
    "%s prints no control character",
    async (...argv) => {
      for (const tty of [true, false]) {
        const r = await runInProcess(argv, page, { tty });
        expect(r.code).toBe(0);
        // CSV ends its records with CRLF (RFC 4180): the only carriage return allowed.
        expect((r.stdout + r.stderr).replace(/\r\n/g, "\n")).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
      }
    },
  );
});

describe("unsafe links", () => {
  it.each([
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "\tjavascript:alert(1)", "&#106;avascript:alert(1)", "java&#x09;script:alert(1)",
    "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "vbscript:msgbox(1)", "//evil.example/x", "\\\\evil.example\\share", "ftp://example.org/",
    `https://${"a".repeat(3000)}.example/`.replace("https", "javascript"),
  ])("%j is neither opened nor printed", async (url) => {
    const page = `- [x](<${url}>)\n- [y](${url})`;
    for (const args of [["open", "1"], ["open", "--print", "1"], ["open", "2"], ["open", "--print", "--yes", "1", "2"]]) {
      const r = await runInProcess(args, page);
      expect(r.opened).toEqual([]);
      expect(r.stdout).toBe("");
      expect(r.code).not.toBe(0);
    }
  });
});
