// Global setup (vitest.config.ts): the test run gets a temporary folder of its own (TMPDIR, which
// os.tmpdir() and the spawned binary read), and the run fails when a test left anything in it.
// That is how "no test leaves files behind" is kept: a leftover names its test by its prefix.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const OWNER = "ICP_LINKS_TEST_TMPDIR";

export default function setup(): () => void {
  // vitest runs this once per project in one process: the first call owns the folder and the
  // check, the later ones share it (a folder made inside the first would count as left behind).
  if (process.env[OWNER] !== undefined) return () => {};
  const outer = process.env.TMPDIR;
  const own = mkdtempSync(join(tmpdir(), "icp-links-vitest-"));
  process.env.TMPDIR = own;
  process.env[OWNER] = own;
  return () => {
    delete process.env[OWNER];
    let left: string[];
    try {
      left = readdirSync(own);
    } finally {
      rmSync(own, { recursive: true, force: true });
      if (outer === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = outer;
    }
    if (left.length > 0) {
      const shown = left.slice(0, 20).join("\n  ");
      // vitest reports an error thrown here but still exits 0: set the exit code as well.
      process.exitCode = 1;
      throw new Error(`tests left ${left.length} item(s) in the temporary folder:\n  ${shown}${left.length > 20 ? "\n  …" : ""}`);
    }
  };
}
