// Bundles src/cli.ts into dist/ with esbuild: one entry file plus lazily loaded chunks,
// so that start-up pays for neither module resolution nor code a command does not use (#4).
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  // `open` finds its helper scripts next to its own files, so it stays a real import from node_modules.
  external: ["open"],
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // gray-matter and its YAML engine are CommonJS and call require() for Node built-ins.
  banner: { js: 'import { createRequire as __icpCreateRequire } from "node:module"; const require = __icpCreateRequire(import.meta.url);' },
  logLevel: "warning",
});
