// The docs are data (#25): the reference and the man page are what the command specs generate,
// and every example of the README, the docs and each --help prints what it shows, run on the
// bundled page by the built binary (scripts/examples.mjs, under script(1) for a terminal).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/pages";

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function node(script: string, args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
}

describe("docs as data", () => {
  it("docs/ and the man page are what the specs generate (npm run docs)", () => {
    const r = node("scripts/docs.mjs", ["--check"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);

  it("the man page ships in the package", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.files).toContain("docs/icp-links.1");
    expect(pkg.man).toBe("./docs/icp-links.1");
    expect(readFileSync(join(ROOT, "docs/icp-links.1"), "utf8")).toMatch(/^\.TH ICP\\-LINKS 1 /m);
  });

  it.skipIf(!hasScript)("every example prints what it shows (npm run examples)", () => {
    const r = node("scripts/examples.mjs", ["--check"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 600_000);
});
