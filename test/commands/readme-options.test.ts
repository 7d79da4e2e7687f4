// Options are data for real (#15): the README's option tables and the command specs name the
// same flags, so neither can drift from the other unnoticed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FILTER_OPTIONS, LIMIT_OPTION, SORT_OPTION, GLOBAL_OPTIONS, type OptionSpec } from "../../src/command-kit/spec";
import { open } from "../../src/commands/open";
import { check } from "../../src/commands/check";
import { add } from "../../src/commands/add";
import { remove } from "../../src/commands/remove";
import { move } from "../../src/commands/move";
import { COMMANDS } from "../../src/program";
import { STATE_FILTER_OPTIONS } from "../../src/command-kit/spec";
import { FIX_OPTIONS } from "../../src/command-kit/check-fix";

const README = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");

/** "-s, --section <name>" → ["--section"]; "--fix`, `-y, --yes" → ["--fix", "--yes"]. */
function longFlags(text: string): string[] {
  return [...text.matchAll(/(?<![\w-])--[a-z][\w-]*/g)].map((m) => m[0]);
}

const flagsOf = (options: OptionSpec[]) => [...new Set(options.flatMap((o) => longFlags(o.flags)))].sort();

/** The option tables of the README: a table whose first column is "option", as its rows' flags. */
function optionTables(markdown: string): string[][] {
  const tables: string[][] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^\| option \|/.test(lines[i]!)) continue;
    const flags: string[] = [];
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith("|"); j++) flags.push(...longFlags(lines[j]!.split("|")[1]!));
    tables.push([...new Set(flags)].sort());
  }
  return tables;
}

const tables = optionTables(README);
const ALL = COMMANDS as { options: OptionSpec[] }[];

describe("README option tables", () => {
  it("reads the tables it checks", () => {
    expect(longFlags("| `-s, --section <name>` | x --not-this |".split("|")[1]!)).toEqual(["--section"]);
    expect(tables.length).toBeGreaterThanOrEqual(4);
  });

  it("the filter table lists exactly the shared filters, --sort and --limit", () => {
    const table = tables.find((t) => t.includes("--section") && t.includes("--kind"));
    expect(table).toEqual(flagsOf([...FILTER_OPTIONS, SORT_OPTION, LIMIT_OPTION]));
  });

  it("open's table lists exactly open's options", () => {
    const table = tables.find((t) => t.includes("--print"));
    expect(table).toEqual(flagsOf(open.options));
  });

  it("check's table lists exactly check's own options and --max-age", () => {
    // Its filters are in the filter table, --todo/--done under progress, and the options of
    // --fix (--yes, --dry-run, --into) in the editing table.
    const table = tables.find((t) => t.includes("--concurrency"));
    const fixFlags = FIX_OPTIONS.filter((o) => !o.flags.includes("--fix"));
    const own = check.options.filter((o) => !FILTER_OPTIONS.includes(o) && !STATE_FILTER_OPTIONS.includes(o) && !fixFlags.includes(o));
    expect(table).toEqual(flagsOf([...own, GLOBAL_OPTIONS.find((o) => o.flags.includes("--max-age"))!]));
  });

  it("the editing table lists exactly the options of add, remove and move, and check --fix's", () => {
    const table = tables.find((t) => t.includes("--dry-run"));
    expect(table).toEqual(flagsOf([...add.options, ...remove.options, ...move.options, ...check.options.filter((o) => /--fix|--yes/.test(o.flags))]));
  });

  it("every flag in any option table is a flag of some command or a global option", () => {
    const known = new Set(flagsOf([...GLOBAL_OPTIONS, ...ALL.flatMap((c) => c.options)]));
    expect(tables.flat().filter((f) => !known.has(f))).toEqual([]);
  });
});
