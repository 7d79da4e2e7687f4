// Bundles src/cli.ts into dist/ with esbuild: one entry file plus lazily loaded chunks,
// so that start-up pays for neither module resolution nor code a command does not use (#4).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

const root = new URL("..", import.meta.url).pathname;

/** Every source file and the lockfile, hashed: a new build never trusts an old build's cache. */
function buildId() {
  const hash = createHash("sha256").update(pkg.version);
  const visit = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else hash.update(path).update(readFileSync(join(root, path)));
    }
  };
  visit("src");
  hash.update(readFileSync(join(root, "package-lock.json")));
  return hash.digest("hex").slice(0, 16);
}

/**
 * markdown-it 15's published build turns the class fields of its Token into calls of a generic
 * `_defineProperty` helper (toPropertyKey, typeof checks, an `in` test) for every field of every
 * token: half a second of a cold 100,000-link page (#4). On a freshly constructed token, whose
 * fields are not yet defined anywhere on its prototype chain, the helper always takes its
 * `e[r] = t` branch; the replacement takes it directly.
 */
const fastTokenFields = {
  name: "fast-token-fields",
  setup(b) {
    b.onLoad({ filter: /markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const helper = /function _defineProperty\(e, r, t\) \{[\s\S]*?\n\}/;
      if (!helper.test(source)) {
        console.warn("build: markdown-it's _defineProperty helper was not found; parsing stays slower");
        return { contents: source, loader: "js" };
      }
      // Better still, a field of `this` becomes a plain assignment: a store V8 sees by name, not a
      // keyed store through one shared helper (another 220 ms of a cold 100,000-link page).
      let fields = 0;
      const contents = source
        .replace(helper, "function _defineProperty(e, r, t) {\n\te[r] = t;\n\treturn e;\n}")
        .replace(/_defineProperty\(\s*this,\s*(?:\/\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",\s*([^;]*?)\s*\);/g, (_, name, value) => {
          fields++;
          return `this.${name} = ${value};`;
        });
      if (fields === 0) console.warn("build: markdown-it's field definitions were not found; parsing stays slower");
      return { contents, loader: "js" };
    });
  },
};

/**
 * Built-in modules that start-up would load for nothing (#4). chalk detects colour support by
 * loading tty and os, but the tool decides the level itself (io/terminal.ts) and passes it to
 * Chalk: its detection is replaced by "none". commander requires child_process at load for
 * executable subcommands, which the tool does not have: it gets child_process on first use.
 * Together about 5 ms of every start here (valgrind counts: 9 and 16 million instructions).
 */
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "no-color-detection" }));
    b.onLoad({ filter: /.*/, namespace: "no-color-detection" }, () => ({
      contents: "export default { stdout: false, stderr: false };",
      loader: "js",
    }));
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy-child-process" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-child-process" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, name) => require("node:child_process")[name] });',
      loader: "js",
    }));
  },
};

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
  alias: { "js-yaml": "./scripts/no-js-yaml.cjs" },
  define: { __VERSION__: JSON.stringify(pkg.version), __BUILD_ID__: JSON.stringify(buildId()) },
  // gray-matter and its YAML engine are CommonJS and call require() for Node built-ins.
  banner: { js: 'import { createRequire as __icpCreateRequire } from "node:module"; const require = __icpCreateRequire(import.meta.url);' },
  logLevel: "warning",
  plugins: [fastTokenFields, lazyBuiltins],
});

// The bundled page's cache entry ships with the build (dist/seed-cache), so that the first
// `icp-links list` after an install needs neither the markdown parser nor a writable cache.
const scratch = mkdtempSync(join(tmpdir(), "icp-links-build-"));
const made = spawnSync(process.execPath, [join(root, "dist/cli.js"), "list"], {
  env: { ...process.env, XDG_CACHE_HOME: scratch, ICP_LINKS_FILE: "", ICP_LINKS_NO_CACHE: "" },
  stdio: ["ignore", "ignore", "inherit"],
});
if (made.status !== 0) throw new Error("the built CLI could not list the bundled page");
mkdirSync(join(root, "dist/seed-cache"));
for (const name of readdirSync(join(scratch, "icp-links"))) {
  renameSync(join(scratch, "icp-links", name), join(root, "dist/seed-cache", name));
  chmodSync(join(root, "dist/seed-cache", name), 0o644);
}
rmSync(scratch, { recursive: true, force: true });
