// Nothing unsafe reaches a terminal or a spreadsheet (#12): invisible and bidirectional
// characters, JSON that carries them raw, CSV cells that a spreadsheet runs, hosts that read as
// another, and links that can never be opened.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { sanitize, safeLines } from "../../src/text/sanitize";
import { json } from "../../src/render/json";
import { resolveLink, shownHost } from "../../src/catalog/urls";
import { parsePage } from "../../src/catalog/parse-page";
import { runInProcess } from "../helpers/context";
import { AWESOME_COPY, catalogFromText } from "../helpers/pages";

/** Every character the guarantees say never reaches a terminal raw. */
const RAW = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]|\udb40[\udc00-\udc7f]/;

describe("sanitize: characters that hide or reorder text", () => {
  it.each([
    ["C1 CSI with its parameters", "a\x9b31mb", "ab"],
    ["C1 NEL", "a\x85b", "ab"],
    ["C1 OSC string", "a\x9d0;owned\x07b", "ab"],
    ["right-to-left override", "file\u202egnp.exe", "filegnp.exe"],
    ["left-to-right embedding and pop", "a\u202ab\u202cc", "abc"],
    ["isolates", "a\u2066b\u2067c\u2068d\u2069e", "abcde"],
    ["left-to-right and right-to-left marks", "a\u200eb\u200fc", "abc"],
    ["Arabic letter mark", "a\u061cb", "ab"],
    ["tag characters (hidden ASCII)", "Safe\u{E0049}\u{E0047}\u{E004E}\u{E004F}\u{E0052}\u{E0045} title", "Safe title"],
    ["the cancel tag", "x\u{E007F}y", "xy"],
    ["soft hyphen", "pay\u00adpal", "paypal"],
    ["Mongolian vowel separator", "a\u180eb", "ab"],
    ["Hangul choseong filler", "\u115fname", "name"],
    ["Hangul jungseong filler", "a\u1160b", "ab"],
    ["Hangul filler", "\u3164\u3164name", "name"],
    ["halfwidth Hangul filler", "a\uffa0b", "ab"],
    ["Khmer inherent vowels", "a\u17b4\u17b5b", "ab"],
    ["combining grapheme joiner", "a\u034fb", "ab"],
    ["zero-width space", "pay\u200bpal", "paypal"],
    ["zero-width non-joiner", "a\u200cb", "ab"],
    ["zero-width joiner between letters", "a\u200db", "ab"],
    ["word joiner and invisible operators", "a\u2060b\u2062c\u2064d", "abcd"],
    ["deprecated format characters", "a\u206ab\u206fc", "abc"],
    ["byte order mark inside text", "a\ufeffb", "ab"],
    ["interlinear annotation", "a\ufff9hidden\ufffbb", "ahiddenb"],
    ["a run of variation selectors (smuggled bytes)", "x\ufe00\ufe01\ufe02\u{E0100}\u{E01EF}y", "x\ufe00y"],
    ["a joiner with no emoji after it", "\u{1F469}\u200d", "\u{1F469}"],
    ["two joiners between emoji", "\u{1F469}\u200d\u200d\u{1F4BB}", "\u{1F469}\u{1F4BB}"],
  ])("strips %s", (_name, text, expected) => {
    expect(sanitize(text)).toBe(expected);
    expect(safeLines(text)).toBe(false);
    expect(sanitize(expected)).toBe(expected);
  });

  it.each([
    ["an emoji ZWJ sequence", "\u{1F469}\u200d\u{1F4BB} dev"],
    ["an emoji ZWJ sequence with VS16", "\u{1F3F3}\ufe0f\u200d\u{1F308}"],
    ["an emoji ZWJ sequence with a skin tone", "\u{1F469}\u{1F3FD}\u200d\u{1F52C}"],
    ["one variation selector", "\u26a0\ufe0f warning"],
    ["an ideographic variation sequence", "\u845b\u{E0100}"],
    ["right-to-left text itself", "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"],
    ["accents and CJK", "Caf\u00e9 \u65e5\u672c\u8a9e na\u00efve"],
  ])("keeps %s", (_name, text) => {
    expect(sanitize(text)).toBe(text);
    expect(safeLines(text)).toBe(true);
  });
});

describe("the one JSON writer", () => {
  const hostile = "a\x9b31m\x85\u202e\u2066\u200e\u200f\u061c\u00ad\u200b\ufeff\u{E0041}\u2028\u2029\x7f\x1b]0;x\x07z";

  it("writes every character a terminal could act on as \\uXXXX, and reads back the same", () => {
    const text = json({ [hostile]: [hostile, { nested: hostile }] });
    expect(text).not.toMatch(RAW);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toContain("\\u009b");
    expect(text).toContain("\\u202e");
    expect(text).toContain("\\udb40\\udc41");
    expect(JSON.parse(text)).toEqual({ [hostile]: [hostile, { nested: hostile }] });
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("leaves clean text, emoji and layout alone", () => {
    expect(json({ a: "Caf\u00e9 \u26a0\ufe0f", b: [1, null] })).toBe('{\n  "a": "Caf\u00e9 \u26a0\ufe0f",\n  "b": [\n    1,\n    null\n  ]\n}\n');
  });
});

// Front matter reaches `export --format json` as read; the reason phrase a server sends reaches
// `check --json`. YAML's "\x9b" and "\u202e" escapes make the raw characters.
const HOSTILE_PAGE = [
  "---",
  'title: "Title\\x9b31m\\u202e"',
  'description: "line one\\u2066\\nline two\\x85"',
  'extra: "\\u202egnp.exe\\x9b2J\\U000E0041"',
  '"key\\u202e": ["\\x9d0;owned\\x07"]',
  "---",
  "## Sec\u00adtion\u3164",
  "- [=cmd|' /C calc'!A0 \u202e\u{E0041}](https://a.example/) - +HYPERLINK(\"https://evil.example\") \u2066",
  "- [@SUM(1+1)](https://b.example/) - -2+3",
  "- [Plain](https://c.example/) - fine",
].join("\n");

describe("no JSON output carries a raw control, bidi or invisible character", () => {
  // A 200 (one request per link: the in-process clock stands still) whose reason phrase is hostile.
  const http = async () => ({ status: 200, statusText: "O\x9b31mK\u202e\u2066", header: () => undefined, body: "" });
  it.each([
    [["list", "--json"]],
    [["search", "plain", "--json"]],
    [["show", "1", "--json"]],
    [["sections", "--json"]],
    [["speakers", "--json"]],
    [["open", "--print", "--json", "3"]],
    [["check", "--json", "--retries", "0"]],
    [["export", "--format", "json"]],
  ])("%j", async (argv) => {
    const r = await runInProcess(argv, HOSTILE_PAGE, { http });
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).not.toMatch(/[\u2028\u2029]/);
    JSON.parse(r.stdout);
  });

  it("front matter in the json export is sanitised, its line breaks kept", async () => {
    const r = await runInProcess(["export", "--format", "json"], HOSTILE_PAGE);
    const meta = JSON.parse(r.stdout).pages[0].frontMatter;
    expect(meta).toEqual({ title: "Title", description: "line one\nline two", extra: "gnp.exe", key: [""] });
  });
});

describe("CSV export and formulas", () => {
  it("prefixes every cell a spreadsheet would run with a single quote (OWASP), and nothing else", async () => {
    const r = await runInProcess(["export", "--format", "csv"], HOSTILE_PAGE);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.title)).toEqual(["'=cmd|' /C calc'!A0", "'@SUM(1+1)", "Plain"]);
    expect(rows.map((row) => row.description)).toEqual(["'+HYPERLINK(\"https://evil.example\")", "'-2+3", "fine"]);
    expect(rows.map((row) => row.url)).toEqual(["https://a.example/", "https://b.example/", "https://c.example/"]);
    expect(rows.map((row) => row.position)).toEqual(["1", "2", "3"]);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(r.stdout.replaceAll("\r\n", "\n")).not.toMatch(RAW);
  });

  it.each([["=1+1"], ["+1"], ["-1"], ["@x"], ["\t=1"], ["\r=1"]])("a title %j is never a formula", async (title) => {
    // Through the parser a tab or CR is a space by then; the writer is checked on its own too.
    const { csvCell } = await import("../../src/render/export");
    expect(csvCell(title)).toMatch(/^'/);
  });
});

/** A link destination in markdown: backslashes escaped, in angle brackets. */
const md = (url: string) => `<${url.replace(/\\/g, "\\\\")}>`;

describe("the host a person reads is the host that opens", () => {
  it.each([
    ["https:evil.example/x", "evil.example"],
    ["https:\\\\evil.example/x", "evil.example"],
    ["https:/\\evil.example/x", "evil.example"],
    ["HTTPS://EVIL.EXAMPLE/x", "evil.example"],
    ["http://2130706433/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["https://evil.example\\@good.example/", "evil.example"],
    ["https://good.example@evil.example/", "evil.example"],
    ["https://good.example%2F@evil.example/", "evil.example"],
    ["https://evil.example\\good.example/", "evil.example"],
    ["https://\u0430pple.com/", "xn--pple-43d.com"],
    ["https://www.xn--pple-43d.com/", "xn--pple-43d.com"],
    ["https://b\u00fccher.example/", "xn--bcher-kva.example"],
    ["https://evil.example\u3002com/", "evil.example.com"],
    ["https://\uff45vil.example/", "evil.example"],
    ["http://[::1]:8080/", "[::1]"],
    ["https://www.youtube.com/watch?v=x", "youtube.com"],
  ])("%j shows and opens %s in list, show, open and check", async (url, host) => {
    const page = `## S\n\n- [X](${md(url)})\n`;
    expect(parsePage(page, "p.md").entries.map((e) => e.url)).toEqual([url]);
    const target = resolveLink(url, undefined);
    expect(target).toMatchObject({ ok: true, host });
    expect(shownHost(url)).toBe(host);

    const opened = await runInProcess(["open", "1"], page);
    expect(opened.code).toBe(0);
    expect(opened.opened).toEqual([target.ok ? target.url : "(not a link)"]);
    const openedHost = new URL(opened.opened[0]!).hostname.replace(/^www\./, "");
    expect(openedHost).toBe(host);

    const list = await runInProcess(["list"], page, { tty: true });
    const row = list.stdout.split("\n").find((l) => /^\s*1 /.test(l))!;
    expect(row.split(/\s{2,}/)).toContain(host);
    const listJson = JSON.parse((await runInProcess(["list", "--json"], page)).stdout);
    expect(listJson[0].host).toBe(host);

    const show = await runInProcess(["show", "1"], page);
    expect(show.stdout).toContain(`host\t${host}\n`);

    const check = await runInProcess(["check", "--json", "1"], page);
    const checked = JSON.parse(check.stdout);
    expect(new URL(checked[0].url).hostname.replace(/^www\./, "")).toBe(host);
  });

  it.each([
    ["a space in the host", "https://exa mple.example/"],
    ["a host the IDNA rules refuse", "https://xn--a.example/"],
    ["a port out of range", "https://a.example:99999/"],
  ])("%s: no host is shown, and nothing opens", async (_name, url) => {
    const page = `- [X](${md(url)})\n`;
    expect(shownHost(url)).toBe("");
    const r = await runInProcess(["open", "1"], page);
    expect(r.code).toBe(2);
    expect(r.opened).toEqual([]);
    expect((await runInProcess(["show", "1"], page)).stdout).not.toMatch(/^host\t/m);
  });

  it("for any URL, the host shown is the host of the URL that opens (the quick path agrees with the parser)", () => {
    const host = fc.oneof(
      fc.domain(),
      fc.constantFrom("WWW.Example.COM", "0x7f.1", "2130706433", "127.1", "1.2.3.4", "[::1]", "xn--pple-43d.com", "\u0430pple.com", "b\u00fccher.de", "a..b", "a.b.", "ex_ample.com", "-a.example", "a.0x10", "a.123"),
    );
    const url = fc.tuple(fc.constantFrom("https://", "http://", "HTTP://", "https:", "https:\\\\", "https:/\\", "https://user@", "https://good.example\\@"), host, fc.constantFrom("", "/", "/p?q#f", ":8080/", ":99999/", "\\x", "%2F@evil.example/", "?@evil.example")).map((parts) => parts.join(""));
    fc.assert(
      fc.property(url, (u) => {
        const target = resolveLink(u, undefined);
        if (target.ok) {
          expect(shownHost(u)).toBe(new URL(target.url).hostname.replace(/^www\./, ""));
          expect(target.host).toBe(shownHost(u));
        } else expect(shownHost(u)).toBe("");
      }),
      { numRuns: 2000 },
    );
  });

  it.each([["\\\\evil.example/x"], ["/\\evil.example/x"], ["\\/evil.example/x"]])("the site link %j cannot leave the site", (url) => {
    expect(resolveLink(url, "https://site.example/")).toMatchObject({ ok: false, reason: expect.stringMatching(/leaves the site/) });
    expect(resolveLink("/about", "https://site.example/")).toEqual({ ok: true, url: "https://site.example/about", host: "site.example" });
  });
});

describe("links that can never be opened make no entry", () => {
  // A real awesome list whose prose asks for contributions by e-mail: on main, entry 2 was the
  // mailto: link "here", and `open 1 2 3 4 5 6` refused all six.
  const awesome = readFileSync(AWESOME_COPY, "utf8").replace(
    "\n---\n",
    "\nSuggestions are welcome: write to us [here](mailto:awesome@example.org) or call [+1 555](tel:+1555).\n\n---\n",
  );

  it("open 1 2 3 4 5 6 opens six http(s) links", async () => {
    const r = await runInProcess(["open", "--yes", "1", "2", "3", "4", "5", "6"], awesome);
    expect(r.code).toBe(0);
    expect(r.opened).toEqual(catalogFromText(awesome).entries.slice(0, 6).map((e) => e.url));
    for (const url of r.opened) expect(url).toMatch(/^https?:\/\//);
  });

  it("export html skips nothing and says nothing; no entry has a scheme other than http(s)", async () => {
    const r = await runInProcess(["export", "--format", "html"], awesome);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const entries = parsePage(awesome, "a.md").entries;
    for (const e of entries) {
      expect(e.url).toMatch(/^(?:https?:|[^:]*$)/i);
      for (const related of e.related) expect(related.url).toMatch(/^(?:https?:|[^:]*$)/i);
    }
  });

  it("the other entries keep their ids", () => {
    const plain = readFileSync(AWESOME_COPY, "utf8");
    expect(parsePage(awesome, "a.md").entries.map((e) => [e.slug, e.url])).toEqual(parsePage(plain, "a.md").entries.map((e) => [e.slug, e.url]));
  });

  it.each([["mailto:a@b.example"], ["tel:+1555"], ["javascript:alert(1)"], ["data:text/html,x"], ["ftp://f.example/"], ["//evil.example/"], ["\\\\evil.example\\x"]])(
    "%j between two links: positions 1 and 2 are the two http(s) links",
    async (url) => {
      const page = `- [A](https://a.example/)\n- [here](${md(url)})\n- [B](https://b.example/)\n`;
      const r = await runInProcess(["open", "--print", "1", "2"], page);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("https://a.example/\nhttps://b.example/\n");
    },
  );
});
