// The help a new user reads, and `show` of several refs (#12). In process: main() with the
// in-memory world (test/helpers/context.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { SEED } from "../helpers/pages";

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
    ["check", ["0", "1", "2", "130"]],
  ])("%s --help lists only its own exit codes", async (command, codes) => {
    const r = await runInProcess([command, "--help"], page);
    const block = r.stdout.slice(r.stdout.indexOf("Exit codes:"));
    expect([...block.matchAll(/^ {2}(\d+) /gm)].map((m) => m[1])).toEqual(codes);
    if (command !== "check") expect(block).not.toContain("broken link");
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
