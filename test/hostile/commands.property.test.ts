// Random pages and random command lines (#7): no crash, only documented exit codes, nothing
// from the page reaches the output as a control character, and every URL opened or printed is
// http(s) and comes from the page.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runInProcess } from "../helpers/context";
import { parsePage } from "../../src/catalog/parse-page";

const EVIL = ["\x1b[2J", "\x1b]0;owned\x07", "\x1b]8;;https://evil.example\x1b\\x\x1b]8;;\x1b\\", "\r", "\b", "\u202e", "\u200b", "\x07", "\x9b31m", "\x00"];
const evilText = fc.array(fc.oneof(fc.constantFrom(...EVIL), fc.string({ maxLength: 8 }), fc.constantFrom("Consensus", "Manu Drijvers", " / ", "[", "]", "(", ")", "*", "`")), { maxLength: 8 }).map((p) => p.join(""));
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "file:///etc/passwd", "vbscript:x", "//evil.example/x", "&#106;avascript:x", "/site-page", "HTTPS://UPPER.EXAMPLE/P", "https://e.example/\x1b[31m"),
);
const line = fc.oneof(
  fc.tuple(evilText, url, evilText).map(([t, u, d]) => `- [${t}](${u}) - ${d}`),
  fc.tuple(evilText, url).map(([t, u]) => `- [${t}](<${u}>)`),
  url.map((u) => u),
  evilText.map((t) => `## ${t}`),
  fc.constantFrom("", "```", "<!--", "-->", "> quote", "---", "| a | b |"),
);
const page = fc.array(line, { maxLength: 25 }).map((l) => l.join("\n"));

const COMMANDS = ["list", "search", "open", "show", "sections", "speakers", "export", "check", "pick", "completion", "bogus"];
const FLAGS = ["--json", "--print", "--yes", "--strict", "--section", "--kind", "--speaker", "--tag", "--limit", "--format", "--base-url", "--no-color", "--bogus", "-n", "--max-age", "--retries"];
const word = fc.oneof(fc.constantFrom("consensus", "1", "2", "0", "99", "talk", "csv", "md", "html", "json", "bash", "https://base.example", "javascript:x", "-", "--", ""), evilText);
const argv = fc.tuple(fc.constantFrom(...COMMANDS), fc.array(fc.oneof(fc.constantFrom(...FLAGS), word), { maxLength: 5 })).map(([c, rest]) => [c, ...rest]);

// Control characters other than the newline and tab of our own formats.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b]/;

describe("random pages × random command lines", () => {
  it("never crash, exit with documented codes, print no control characters, open only http(s) from the page", async () => {
    await fc.assert(
      fc.asyncProperty(page, argv, fc.boolean(), async (text, args, tty) => {
        const r = await runInProcess(args[0] === "check" ? [...args, "--retries", "0"] : args, text, { tty });
        expect([0, 1, 2, 130]).toContain(r.code);
        expect(r.stderr).not.toMatch(/internal error/);
        // CSV ends its records with CRLF (RFC 4180): that carriage return is the format's, not the
        // page's (page text never keeps one, see test/hostile/pages.slow.test.ts).
        const csv = args[0] === "export" && args.some((a, i) => a === "--format" && args[i + 1] === "csv");
        expect(csv ? r.stdout.replaceAll("\r\n", "\n") : r.stdout).not.toMatch(CONTROL);
        expect(r.stderr).not.toMatch(CONTROL);
        let pageUrls: string[] = [];
        try {
          pageUrls = parsePage(text, "page.md").entries.map((e) => e.url);
        } catch {
          // A page the tool refuses (bad front matter) opens nothing.
        }
        for (const opened of r.opened) {
          expect(opened).toMatch(/^https?:\/\//);
          expect(pageUrls.some((u) => opened === safeHref(u) || opened === safeHref(u, "https://base.example"))).toBe(true);
        }
        if (flagGiven(args, "--print") && r.code === 0 && args[0] === "open" && !flagGiven(args, "--json")) {
          for (const printed of r.stdout.trim().split("\n")) expect(printed).toMatch(/^https?:\/\//);
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});

/** Flags of FLAGS that take a value: `--base-url --print` gives --print as the base URL, not the flag. */
const TAKES_VALUE = new Set(["--section", "--kind", "--speaker", "--tag", "--limit", "--format", "--base-url", "-n", "--max-age", "--retries"]);

/** Whether `flag` is given as a flag: not as the value of the option before it, nor after `--`. */
function flagGiven(args: string[], flag: string): boolean {
  for (let i = 1; i < args.length; i++) {
    if (args[i] === "--") return false;
    if (TAKES_VALUE.has(args[i]!)) i++;
    else if (args[i] === flag) return true;
  }
  return false;
}

function safeHref(raw: string, base?: string): string | undefined {
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return undefined;
  }
}
