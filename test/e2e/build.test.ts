// What the build ships for start-up (#4): the bundle, V8's code cache of it, the vendored
// libraries, and nothing that needs a module loader inside the bundle.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/pages";

const dist = join(ROOT, "dist");

describe("the build", () => {
  it("ships a code cache that this Node accepts for the bundle, as bin/icp-links.cjs loads it", () => {
    const file = join(dist, "cli.cjs");
    const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`;
    const script = new Script(source, { filename: file, cachedData: readFileSync(join(dist, "cli.v8cache")) });
    expect(script.cachedDataRejected).toBe(false);
    // The same cache for another source is refused by V8: the check above can fail.
    const other = new Script(`${source}\n`, { filename: file, cachedData: readFileSync(join(dist, "cli.v8cache")) });
    expect(other.cachedDataRejected).toBe(true);
  });

  it("leaves no import() in the bundle (it runs as a vm.Script) and requires vendored libraries by path", () => {
    const bundle = readFileSync(join(dist, "cli.cjs"), "utf8");
    expect(bundle).not.toMatch(/\bimport\(/);
    for (const name of ["markdown-it", "gray-matter", "yaml", "cli-progress"]) expect(bundle).toContain(`require("./vendor/${name}.cjs")`);
    // markdown-it went through the token-field patch (scripts/build.mjs).
    expect(readFileSync(join(dist, "vendor/markdown-it.cjs"), "utf8")).toContain("this.map=null");
  });
});
