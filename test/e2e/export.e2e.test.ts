// export -o with the built binary (#6): a real file written atomically, never replaced without
// --force, a missing or read-only folder. What each format holds is tested in process
// (test/commands/export.test.ts).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, isolatedHome } from "../helpers/cli";

describe("export -o", () => {
  it("writes the file, refuses to replace it without --force, and leaves no temporary file", async () => {
    const home = isolatedHome();
    const out = join(home, "links.csv");
    const first = await run(["export", "--format", "csv", "-o", out], { home });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    const before = readFileSync(out, "utf8");
    writeFileSync(out, "mine");
    const again = await run(["export", "--format", "json", "-o", out], { home });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`icp-links: ${out} exists (add --force to replace it)\n`);
    expect(readFileSync(out, "utf8")).toBe("mine");
    const forced = await run(["export", "--format", "csv", "-o", out, "--force"], { home });
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(before);
    expect(readdirSync(home).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("says so when the folder is missing or read-only, writing nothing", async () => {
    const home = isolatedHome();
    const missing = await run(["export", "--format", "csv", "-o", join(home, "no/such/dir/x.csv")], { home });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^icp-links: cannot write .*x\.csv: its folder does not exist \(create the folder first/);
    const locked = join(home, "locked");
    mkdirSync(locked);
    writeFileSync(join(locked, "x.csv"), "old");
    chmodSync(locked, 0o555);
    const r = await run(["export", "--format", "csv", "-o", join(locked, "x.csv"), "--force"], { home });
    // As root the folder's mode does not stop writes; as anyone else it must fail cleanly.
    if (process.getuid?.() !== 0) {
      expect(r.code).toBe(2);
      expect(readFileSync(join(locked, "x.csv"), "utf8")).toBe("old");
    }
    expect(readdirSync(locked).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    chmodSync(locked, 0o755);
    expect(existsSync(join(home, "no"))).toBe(false);
  });
});
