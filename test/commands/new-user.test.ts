// What a new user met (#12): help, `show` of several refs, headings with " › ". In process:
// main() with the in-memory world (test/helpers/context.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { SEED } from "../helpers/pages";
import { sectionPathText } from "../../src/render/entries";

const page = readFileSync(SEED, "utf8");

describe("help", () => {
  it("says in one line that `help nope` names no command, exit 2", async () => {
    const r = await runInProcess(["help", "nope"], page);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("icp-links: unknown command 'nope' (see 'icp-links --help' for the commands)\n");
    const known = await runInProcess(["help", "show"], page);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^Usage: icp-links show/);
  });

  it("shows the global options in each command's --help", async () => {
    const r = await runInProcess(["show", "--help"], page);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Global Options:\n(.*\n)*\s+-f, --file <path>/);
    expect(r.stdout).toContain("--json");
  });

  it.each([
    ["list", ["0", "2", "130"]],
    ["export", ["0", "2", "130"]],
    ["search", ["0", "1", "2", "130"]],
    ["show", ["0", "1", "2", "130"]],
    ["check", ["0", "1", "3", "2", "130"]],
  ])("%s --help lists only its own exit codes", async (command, codes) => {
    const r = await runInProcess([command, "--help"], page);
    const block = r.stdout.slice(r.stdout.indexOf("Exit codes:"));
    expect([...block.matchAll(/^ {2}(\d+) /gm)].map((m) => m[1])).toEqual(codes);
    if (command !== "check") expect(block).not.toContain("broken link");
  });
});

describe("each command's help", () => {
  // A command's options are added when it runs (src/program.ts): its help must hold them either way.
  it.each([
    ["list", "--limit <n>"],
    ["search", "--speaker <name>"],
    ["open", "--base-url <url>"],
    ["check", "--timeout <s>"],
    ["export", "--output <file>"],
    ["pick", "--print"],
    ["next", "--open"],
    ["note", "--clear"],
    ["add", "--dry-run"],
  ])("%s: the same help, %s and the examples included, for '<command> --help' and 'help <command>'", async (command, option) => {
    const flag = await runInProcess([command, "--help"], page);
    const word = await runInProcess(["--json", "help", command], page);
    expect(flag.code).toBe(0);
    expect(word.code).toBe(0);
    expect(flag.stdout).toContain(option);
    expect(flag.stdout).toMatch(new RegExp(`Examples:\n {2}icp-links (--file \\S+ )?${command}[ \n]`));
    expect(word.stdout).toBe(flag.stdout);
  });

  it("the program's help, with no command or --help: usage, exit codes and examples, exit 0", async () => {
    const bare = await runInProcess([], page);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: icp-links /);
    const help = await runInProcess(["--help"], page);
    expect(help.stdout).toBe(bare.stdout);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 {4}success/);
    expect((await runInProcess(["open", "--help"], page)).stdout).toMatch(/Examples:\n {2}icp-links open consensus-overview/);
  });

  it.each([
    [["lsit"], /^icp-links: unknown command 'lsit'.*\(see 'icp-links --help'\)\n$/],
    [["list", "--bogus"], /^icp-links: unknown option '--bogus'.*\(see 'icp-links --help'\)\n$/],
  ])("%j is a usage error, exit 2", async (argv, stderr) => {
    const r = await runInProcess(argv, page);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(stderr);
  });
});

describe("show of several refs", () => {
  it("shows each entry, a blank line between, and an array in JSON", async () => {
    const r = await runInProcess(["show", "22", "23"], page);
    expect(r.code).toBe(0);
    const blocks = r.stdout.split("\n\n");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/^id\tconsensus-overview\n/);
    expect(blocks[1]).toMatch(/^id\t\S+\nposition\t23\n/);
    const json = JSON.parse((await runInProcess(["--json", "show", "22", "23"], page)).stdout);
    expect(json.map((e: { position: number }) => e.position)).toEqual([22, 23]);
    expect(JSON.parse((await runInProcess(["--json", "show", "22"], page)).stdout)).toMatchObject({ id: "consensus-overview" });
  });

  it("takes other words as one search", async () => {
    const r = await runInProcess(["show", "key", "resharing"], page);
    expect(r.stdout).toMatch(/^id\tnon-interactive-distributed-key\n/);
  });
});

// #12: a heading with " › " in it was cut in two by `sections`, and its path in CSV/TSV was
// indistinguishable from two headings.
describe("a heading that contains ' › '", () => {
  const tricky = "# Page\n\n## Tools › Rust\n\n- [A](https://a.example/)\n\n## Tools\n\n### Rust\n\n- [B](https://b.example/)\n";

  it("is one section in `sections`, its path escaped in the TSV", async () => {
    const json = JSON.parse((await runInProcess(["--json", "sections"], tricky)).stdout);
    expect(json).toEqual([
      { name: "Tools › Rust", path: ["Page", "Tools › Rust"], count: 1, entries: 1, done: 0, timeLeft: 0, unknownLength: 1 },
      { name: "Rust", path: ["Page", "Tools", "Rust"], count: 1, entries: 1, done: 0, timeLeft: 0, unknownLength: 1 },
    ]);
    const tsv = (await runInProcess(["sections"], tricky)).stdout;
    // The fourth field is the done count (#16), then the time left and the entries of unknown length (#27).
    expect(tsv).toBe("Tools › Rust\t1\tPage › Tools \\› Rust\t0\t0\t1\nRust\t1\tPage › Tools › Rust\t0\t0\t1\n");
  });

  it("cannot be confused with two headings in the CSV export", async () => {
    const { parse } = await import("csv-parse/sync");
    const csv = (await runInProcess(["export", "--format", "csv"], tricky)).stdout;
    const rows = parse(csv, { columns: true }) as { section: string }[];
    expect(rows.map((r) => r.section)).toEqual(["Page › Tools \\› Rust", "Page › Tools › Rust"]);
    expect(sectionPathText(["a\\b", "c"])).toBe("a\\\\b › c");
  });
});
