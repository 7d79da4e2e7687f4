// Random pages × random editing command lines (#17): no crash, documented exit codes, nothing
// from the page reaches the output as a control character, and an edit changes only its lines:
// `add` only adds lines, `remove` only takes lines away, `move` takes lines away and puts the same
// lines (re-indented) elsewhere; a refused edit leaves every byte.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { diffLines } from "diff";
import { runInProcess } from "../helpers/context";
import { tempDir } from "../helpers/temp";

const EVIL = ["\x1b[2J", "\x1b]0;owned\x07", "\r", "\u202e", "\u200b", "\x9b31m", "\ufeff"];
const text = fc.array(fc.oneof(fc.constantFrom(...EVIL), fc.string({ maxLength: 6 }), fc.constantFrom("Talks", "Ada Lovelace", " / ", "[", "]", "*", "`", "|")), { maxLength: 6 }).map((p) => p.join(""));
const url = fc.oneof(fc.webUrl(), fc.constantFrom("/site-page", "https://dup.example/", "javascript:alert(1)"));
const line = fc.oneof(
  fc.tuple(fc.constantFrom("- ", "* ", "  - ", "1. ", "    ", "> - ", "2) "), text, url, fc.constantFrom("", " - d", ": d", "  ")).map(([b, t, u, d]) => `${b}[${t}](${u})${d}`),
  url,
  text.map((t) => `## ${t}`),
  fc.constantFrom("", "", "```", "---", "| a | b |", "|---|---|", "| [x](https://t.example/x) | y |", "title: x", "# Top"),
);
const ending = fc.constantFrom("\n", "\r\n", "\r");
const page = fc.tuple(fc.array(line, { maxLength: 20 }), ending, fc.boolean(), fc.boolean()).map(([lines, eol, bom, final]) => `${bom ? "\ufeff" : ""}${lines.join(eol)}${final ? eol : ""}`);
const ref = fc.constantFrom("1", "1", "2", "2", "3", "4", "x");
const section = fc.constantFrom("talks", "a", "top", "New one", "", "[");
const command = fc.oneof(
  // "--title=…": a value given apart from its option that reads as one ("-V") is that option, as in any commander program.
  fc.tuple(url, text, fc.option(section, { nil: undefined }), fc.option(text, { nil: undefined })).map(([u, t, s, d]) => ["add", u, `--title=${t}`, ...(s === undefined ? [] : ["--section", s]), ...(d === undefined ? [] : [`--description=${d}`])]),
  fc.tuple(fc.array(ref, { minLength: 1, maxLength: 2 }), fc.boolean()).map(([refs, force]) => ["remove", ...refs, ...(force ? ["--force"] : [])]),
  fc.tuple(ref, section).map(([r, s]) => ["move", r, "--section", s]),
);

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b]/;

describe("random pages × random edits", () => {
  it("never crash, change only their own lines, print no control characters", async () => {
    const dir = tempDir("icp-links-hostile-edit-");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(page, command, fc.boolean(), async (before, args, dry) => {
        const file = join(dir, `p${n++}.md`);
        writeFileSync(file, before);
        const r = await runInProcess(["--file", file, ...args, ...(dry ? ["--dry-run"] : [])], before);
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/internal error/);
        expect(r.stderr).not.toMatch(CONTROL);
        expect(r.stdout).not.toMatch(CONTROL);
        const after = readFileSync(file, "utf8");
        if (r.code !== 0 || dry) {
          expect(after).toBe(before);
          return;
        }
        // The byte order mark stays, and is no part of a line.
        expect(after.startsWith("\ufeff")).toBe(before.startsWith("\ufeff"));
        const parts = diffLines(before.replace(/^\ufeff/, ""), after.replace(/^\ufeff/, ""));
        const added = parts.filter((p) => p.added).flatMap((p) => p.value.split(/\r\n|\r|\n/).filter(Boolean));
        const removed = parts.filter((p) => p.removed).flatMap((p) => p.value.split(/\r\n|\r|\n/).filter(Boolean));
        if (args[0] === "add") {
          expect(removed.every((l) => added.includes(l))).toBe(true);
          // Removing what was added gives back the same bytes (unless a section was made for it).
          if (!added.some((l) => /^#{1,6} /.test(l))) {
            const undo = await runInProcess(["--file", file, "remove", r.stdout.trim()], after);
            expect([undo.code, undo.stderr.replace(/^icp-links: note: .*\n/gm, "")]).toEqual([0, ""]);
            expect(readFileSync(file, "utf8")).toBe(before);
          }
        }
        if (args[0] === "remove") expect(added.every((l) => removed.includes(l))).toBe(true);
        if (args[0] === "move") {
          // A line's final ending may move with it; blank lines come and go with items.
          const bare = (list: string[]) => list.map((l) => l.trim().replace(/^([-*+]|\d+[.)])\s+/, "")).filter(Boolean).sort();
          // A section that fits none is made: its heading is new.
          expect(bare(added.filter((l) => !/^#{1,6} /.test(l) || removed.includes(l)))).toEqual(bare(removed));
        }
      }),
      { numRuns: Number(process.env.EDIT_RUNS ?? 250) },
    );
  }, 180_000);
});
