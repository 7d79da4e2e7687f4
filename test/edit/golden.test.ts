// Golden before/after files for every edit (#17): the edit's lines change, every other byte of
// the file stays (front matter, CRLF, BOM, trailing spaces, a missing final newline, other
// entries). UPDATE_GOLDEN=1 rewrites the after-files; they are reviewed by hand before commit.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPage, type EditablePage } from "../../src/edit/page";
import { addEntry, moveEntry, removeEntries, rewriteUrls } from "../../src/edit/edits";
import type { Entry } from "../../src/catalog/types";
import { AWESOME_COPY, ROOT, SEED } from "../helpers/pages";

const FIXTURES = join(ROOT, "test/fixtures/edit");
const GOLDEN = join(FIXTURES, "golden");
const INPUTS: Record<string, string> = {
  seed: SEED,
  awesome: AWESOME_COPY,
  crlf: join(FIXTURES, "crlf-bom.md"),
  star: join(FIXTURES, "star-bullets.md"),
  nested: join(FIXTURES, "nested.md"),
  table: join(FIXTURES, "table.md"),
};

/** The entry whose URL is this one. */
function byUrl(page: EditablePage, url: string): Entry {
  const entry = page.catalog.entries.find((e) => e.url === url);
  if (!entry) throw new Error(`no entry ${url}`);
  return entry;
}

const CASES: [name: string, input: keyof typeof INPUTS, edit: (page: EditablePage) => string][] = [
  ["add-seed-talk", "seed", (p) => addEntry(p, { title: "Subnet Splitting", url: "https://www.youtube.com/watch?v=new1", speakers: ["Jan Camenisch"] }, "youtube").text],
  ["add-seed-no-list", "seed", (p) => addEntry(p, { title: "Governance category", url: "https://forum.dfinity.org/c/governance", speakers: [] }, "dev forum").text],
  ["add-seed-new-section", "seed", (p) => addEntry(p, { title: "ICP Newsletter", url: "https://newsletter.example/icp", speakers: [], description: "weekly news" }, "Newsletters", true).text],
  ["add-seed-default-section", "seed", (p) => addEntry(p, { title: "Tokenomics", url: "/dfinity-tokenomics", speakers: [] }, undefined).text],
  ["remove-seed-first", "seed", (p) => removeEntries(p, [p.catalog.entries[0]!], false)],
  ["remove-seed-bare-list", "seed", (p) => removeEntries(p, [byUrl(p, "https://www.youtube.com/watch?v=MulbKPwv6_s")], false)],
  ["move-seed-talk", "seed", (p) => moveEntry(p, byUrl(p, "https://www.youtube.com/watch?v=UHA7W-8My_I"), "medium").text],
  ["add-awesome-trail", "awesome", (p) => addEntry(p, { title: "ic-cdk-timers", url: "https://crates.io/crates/ic-cdk-timers", speakers: [], description: "Timers for Rust canisters." }, "Canister Development Kits / Rust").text],
  ["remove-awesome", "awesome", (p) => removeEntries(p, [byUrl(p, "https://internetcomputer.org/docs/current/developer-docs/best-practices/considerations-for-nft-devs"), byUrl(p, "https://lbp.sonic.ooo")], false)],
  ["move-awesome", "awesome", (p) => moveEntry(p, byUrl(p, "https://github.com/dfinity/ic-eth-starter"), "messaging").text],
  ["add-crlf-by-speaker", "crlf", (p) => addEntry(p, { title: "Chain-key signatures", url: "https://talks.example/chain-key", speakers: ["Ada Lovelace"], description: "threshold ECDSA" }, "conference").text],
  ["remove-crlf-last", "crlf", (p) => removeEntries(p, [byUrl(p, "https://blog.example/cycles")], false)],
  ["move-crlf", "crlf", (p) => moveEntry(p, byUrl(p, "https://talks.example/scaling"), "articles").text],
  ["add-star-colon", "star", (p) => addEntry(p, { title: "ic-repl", url: "https://tools.example/ic-repl", speakers: [], description: "a REPL" }, "tools").text],
  ["add-star-indented", "star", (p) => addEntry(p, { title: "ic-go", url: "https://libs.example/go", speakers: [] }, "libraries").text],
  ["add-star-loose-ordered", "star", (p) => addEntry(p, { title: "Third", url: "https://loose.example/3", speakers: [] }, "loose").text],
  ["move-star-reindent", "star", (p) => moveEntry(p, byUrl(p, "https://tools.example/vessel"), "libraries").text],
  ["remove-star-loose", "star", (p) => removeEntries(p, [byUrl(p, "https://loose.example/2")], false)],
  ["add-nested-end-of-list", "nested", (p) => addEntry(p, { title: "Examples", url: "https://learn.example/examples", speakers: [], description: "code to read" }, "learning").text],
  ["add-nested-no-final-newline", "nested", (p) => addEntry(p, { title: "Token", url: "https://samples.example/token", speakers: [] }, "samples").text],
  ["remove-nested-force", "nested", (p) => removeEntries(p, [byUrl(p, "https://learn.example/docs")], true)],
  ["remove-nested-child", "nested", (p) => removeEntries(p, [byUrl(p, "https://learn.example/tutorials")], false)],
  ["remove-nested-last-line", "nested", (p) => removeEntries(p, [byUrl(p, "https://samples.example/counter")], false)],
  ["move-nested-with-children", "nested", (p) => moveEntry(p, byUrl(p, "https://learn.example/docs"), "samples").text],
  ["add-table-row", "table", (p) => addEntry(p, { title: "Kinic", url: "https://projects.example/kinic", speakers: [], description: "search | discovery" }, "projects").text],
  ["remove-table-row", "table", (p) => removeEntries(p, [byUrl(p, "https://projects.example/openchat")], false)],
  ["fix-crlf", "crlf", (p) => rewriteUrls(p, [{ entry: byUrl(p, "https://talks.example/subnets"), to: "https://talks.example/2024/subnets" }]).text],
  ["fix-awesome", "awesome", (p) => rewriteUrls(p, [{ entry: byUrl(p, "https://dacade.org/communities/icp/"), to: "https://moved.example/a" }, { entry: byUrl(p, "https://github.com/Code-and-State/typescript-bootcamp"), to: "https://moved.example/b (2)" }]).text],
];

describe("golden before/after files", () => {
  it.each(CASES)("%s", (name, input, edit) => {
    const before = readFileSync(INPUTS[input]!, "utf8");
    const after = edit(openPage(before, INPUTS[input]!));
    const file = join(GOLDEN, `${name}.md`);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, after);
    expect(after).not.toBe(before);
    expect(after).toBe(readFileSync(file, "utf8"));
  });
});
