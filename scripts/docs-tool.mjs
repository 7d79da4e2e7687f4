// Loads src/docs/tooling.ts for the docs scripts: bundled by esbuild into a temporary file,
// imported, and the file removed at once.
import { build } from "esbuild";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;

export async function loadTooling() {
  const dir = mkdtempSync(join(tmpdir(), "icp-links-docs-"));
  try {
    const outfile = join(dir, "tooling.mjs");
    await build({
      entryPoints: [join(root, "src/docs/tooling.ts")],
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outfile,
      logLevel: "warning",
      define: { __VERSION__: JSON.stringify(pkg().version), __BUILD_ID__: '"docs"' },
      // CommonJS libraries inside an ES module need a require.
      banner: { js: 'import { createRequire as __icpRequire } from "node:module"; const require = __icpRequire(import.meta.url);' },
    });
    return await import(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pkg = () => JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** The files of a folder with this extension, by name without it, sorted. */
export function filesOf(dir, ext) {
  let names = [];
  try {
    names = readdirSync(join(root, dir)).filter((n) => n.endsWith(ext)).sort();
  } catch {
    // No such folder: none.
  }
  return Object.fromEntries(names.map((n) => [n.slice(0, -ext.length), readFileSync(join(root, dir, n), "utf8")]));
}

/** Everything referenceFiles needs, read from the sources and docs/. */
export function referenceInput(t) {
  const p = pkg();
  return {
    version: p.version,
    description: t.DESCRIPTION,
    commands: t.COMMANDS,
    globalOptions: t.GLOBAL_OPTIONS,
    exitCodes: t.commandExitCodesHelp,
    programExitCodes: t.EXIT_CODES_HELP,
    environment: t.ENVIRONMENT_HELP,
    goldens: filesOf("docs/examples", ".txt"),
    notes: filesOf("docs/notes", ".md"),
    topics: filesOf("docs/topics", ".md"),
  };
}
