// What the build ships for start-up (#4): the bundle, V8's code cache of it, the vendored
// libraries, and nothing that needs a module loader inside the bundle.
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { AWESOME_COPY, ROOT } from "../helpers/pages";
import { BIN } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

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
    // markdown-it went through the token-field patch (scripts/build.mjs): its helper is a plain store.
    expect(readFileSync(join(dist, "vendor/markdown-it.cjs"), "utf8")).toContain("function _defineProperty(e,r,t){return e[r]=t,e}");
  });

  it("ships only ASCII in the bundle: one non-ASCII character makes V8 hold all of it as a two-byte string", () => {
    expect(readFileSync(join(dist, "cli.cjs"), "utf8")).toMatch(/^[\x00-\x7f]*$/);
  });
});

// What a start of the bundled page's list and search loads (#4): neither node:crypto nor Node's
// stream modules (their seed needs no hash; output to a pipe or /dev/null is written directly),
// nor tty, nor the markdown parser. Not a timing: a structural check that can fail.
describe("the start of the bundled page's commands", () => {
  const preload = join(ROOT, "test/fixtures/preload/loaded-modules.cjs");
  function loaded(args: string[], stdout: "pipe" | number, home = tempDir("icp-links-test-")) {
    const r = spawnSync(process.execPath, ["-r", preload, BIN, ...args], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, XDG_CACHE_HOME: join(home, ".cache"), LANG: "C.UTF-8" },
      stdio: ["ignore", stdout, "pipe"],
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stderr.trim().split("\n").at(-1)!) as { builtins: string[]; files: string[] };
    return { report, stdout: r.stdout };
  }

  it.each([[["list"]], [["search", "consensus"]]])("icp-links %j, to a pipe and to /dev/null", (args) => {
    const toPipe = loaded(args, "pipe");
    expect(toPipe.stdout).toMatch(/consensus/i);
    const devNull = openSync("/dev/null", "w");
    try {
      for (const { report } of [toPipe, loaded(args, devNull)]) {
        const builtins = report.builtins.filter((m) => m.startsWith("NativeModule ")).map((m) => m.slice("NativeModule ".length));
        expect(builtins).toContain("vm");
        for (const name of ["crypto", "stream", "net", "tty", "internal/fs/sync_write_stream"]) expect(builtins).not.toContain(name);
        expect(report.files.filter((f) => f.includes("/vendor/"))).toEqual([]);
      }
    } finally {
      closeSync(devNull);
    }
  });

  it("a warm run of another page: no crypto once the page's key is noted, nor the parser", async () => {
    const home = tempDir("icp-links-test-");
    const page = join(home, "awesome.md");
    copyFileSync(AWESOME_COPY, page);
    const copied = Date.now();
    const cold = loaded(["--file", page, "search", "canister"], "pipe", home);
    expect(cold.report.files.some((f) => f.includes("/vendor/markdown-it"))).toBe(true);
    // A key is noted once the file has been left alone for 3 s (src/io/cache/keys.ts, SETTLED_MS).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, copied + 3200 - Date.now())));
    const hashed = loaded(["--file", page, "search", "canister"], "pipe", home);
    expect(hashed.report.builtins).toContain("NativeModule crypto");
    const warm = loaded(["--file", page, "search", "canister"], "pipe", home);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.report.builtins).not.toContain("NativeModule crypto");
    expect(warm.report.files.filter((f) => f.includes("/vendor/"))).toEqual([]);
  });
});

