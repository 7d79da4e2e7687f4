// Bundles src/cli.ts into dist/ with esbuild (#4):
// - dist/cli.cjs: the tool, one CommonJS file: no module resolution at start-up, and no ESM
//   loader (a third of a start's own work when it was an ES module);
// - dist/vendor/*.cjs: the big libraries only some commands need (the markdown parser, front
//   matter, the prompt, the progress bar, CSV), each bundled alone and required on first use;
// - dist/cli.v8cache: V8's code cache of cli.cjs after a search of the bundled page, which
//   bin/icp-links.cjs hands to V8 so that a run does not parse and compile those functions again;
// - dist/seed-cache: the bundled page's cache entry and the page's bytes it was made from, so a
//   run needs neither the parser nor a hash of the page while the page is unchanged.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

const root = new URL("..", import.meta.url).pathname;

/**
 * The patches below are each kept for a measured gain (their figures: bench/patches.mjs, whose
 * method BENCHMARKS.md gives). ICP_LINKS_BUILD_WITHOUT=name,name builds without them, to measure
 * again; a release build never sets it.
 */
const without = new Set((process.env.ICP_LINKS_BUILD_WITHOUT ?? "").split(",").filter(Boolean));
const patch = (name, plugin) => (without.has(name) ? [] : [plugin]);

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
 * token (#4). On a freshly constructed token, whose fields are not yet defined anywhere on its
 * prototype chain, the helper always takes its `e[r] = t` branch; the replacement takes it
 * directly. Pays: 92 million instructions of a cold parse of 1,000 links (1,296 → 1,204 M, 7 %;
 * bench/patches.mjs, 2026-12-02). Rewriting each `_defineProperty(this, "f", v)` as `this.f = v`
 * on top of it was measured too and dropped: 13 M at 1,000 links (within the runs' spread of
 * 9–15 M) and 2.59 → 2.55 s of CPU for a cold parse of 100,000 links (6 runs in turns; spread
 * ±0.2 s), not the 220 ms it once saved.
 */
const fastTokenFields = {
  name: "fast-token-fields",
  setup(b) {
    b.onLoad({ filter: /markdown-it[\\/]dist[\\/]markdown-it\.(?:mjs|cjs\.js)$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const helper = /function _defineProperty\(e, r, t\) \{[\s\S]*?\n\}/;
      if (!helper.test(source)) {
        console.warn("build: markdown-it's _defineProperty helper was not found; parsing stays slower");
        return { contents: source, loader: "js" };
      }
      return { contents: source.replace(helper, "function _defineProperty(e, r, t) {\n\te[r] = t;\n\treturn e;\n}"), loader: "js" };
    });
  },
};

/**
 * Built-in modules that start-up would load for nothing (#4). chalk detects colour support by
 * loading tty and os, but the tool decides the level itself (io/terminal.ts) and passes it to
 * Chalk: its detection is replaced by "none". Pays: 10 million instructions of every start
 * (bundled `list`: 152.9 → 142.7 M, 7 %; spread 3–6 M; bench/patches.mjs, 2026-12-02).
 */
const noColorDetection = {
  name: "no-color-detection",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "no-color-detection" }));
    b.onLoad({ filter: /.*/, namespace: "no-color-detection" }, () => ({
      contents: "export default { stdout: false, stderr: false };",
      loader: "js",
    }));
  },
};

/**
 * commander requires child_process at load for executable subcommands, which the tool does not
 * have: it gets child_process on first use. Pays: 16 million instructions of every start
 * (bundled `list`: 158.9 → 142.7 M, 10 %; spread 3–8 M; bench/patches.mjs, 2026-12-02).
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy-child-process" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-child-process" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, name) => require("node:child_process")[name] });',
      loader: "js",
    }));
  },
};

/**
 * CommonJS libraries bundled apart, each into dist/vendor/<name>.cjs, and required from there on
 * first use. (ES-module libraries, the prompt and CSV, stay in the bundle, initialised on first
 * use: apart, their default export would cross two module systems.)
 */
const VENDORS = ["markdown-it", "gray-matter", "yaml", "cli-progress", "diff", "htmlparser2"];
const vendorPath = (name) => `./vendor/${name.replace(/^@/, "").replace(/\//g, "-")}.cjs`;
const vendorsApart = {
  name: "vendors-apart",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (args.kind !== "entry-point" && VENDORS.includes(args.path) ? { path: vendorPath(args.path), external: true } : undefined));
  },
};

const openThroughRealImport = {
  name: "open-through-real-import",
  setup(b) {
    b.onResolve({ filter: /^\.\/import-esm\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /src[\\/]io[\\/]open-package\.ts$/ }, () => ({
      contents: 'export function loadOpen() { return require("./import-esm.cjs")("open"); }',
      loader: "js",
    }));
  },
};

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
  // gray-matter imports js-yaml, which icp-links never calls (its YAML engine is `yaml`): a stub
  // instead. Pays: 48 million instructions of a cold parse of a page with front matter (1,000
  // links: 1,239 → 1,191 M, 4 %; spread 9–22 M; bench/patches.mjs, 2026-12-02).
  alias: without.has("no-js-yaml") ? {} : { "js-yaml": "./scripts/no-js-yaml.cjs" },
};

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: "src/cli.ts" },
  outfile: "dist/cli.cjs",
  // `open` finds its helper scripts next to its own files, so it stays a real import from node_modules.
  external: ["open"],
  define: { __VERSION__: JSON.stringify(pkg.version), __BUILD_ID__: JSON.stringify(buildId()), "import.meta.url": "__icpModuleUrl" },
  banner: { js: 'var __icpModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  // Every import() becomes a require() of a bundled module or a built-in: the bundle runs as a
  // vm.Script (bin/icp-links.cjs), where import() has no loader. `open` comes through
  // dist/import-esm.cjs instead.
  supported: { "dynamic-import": false },
  plugins: [vendorsApart, ...patch("no-color-detection", noColorDetection), ...patch("lazy-child-process", lazyChildProcess), openThroughRealImport],
});
writeFileSync(join(root, "dist/import-esm.cjs"), "// A real import(), for the ES-module-only `open` package (src/io/open-package.ts).\nmodule.exports = (specifier) => import(specifier);\n");
for (const name of VENDORS) {
  await build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: "js" },
    outfile: join("dist", vendorPath(name)),
    plugins: patch("token-fields", fastTokenFields),
  });
}

/** Runs the built CLI with a cache folder of its own, which is handed to `keep` and then removed. */
function runBuilt(args, env, keep = () => {}, prepare = () => {}) {
  const scratch = mkdtempSync(join(tmpdir(), "icp-links-build-"));
  try {
    prepare(join(scratch, "icp-links"));
    const run = spawnSync(process.execPath, [join(root, "bin/icp-links.cjs"), ...args], {
      env: { ...process.env, XDG_CACHE_HOME: scratch, ICP_LINKS_FILE: "", ICP_LINKS_NO_CACHE: "", ...env },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (run.status !== 0) throw new Error(`the built CLI failed: icp-links ${args.join(" ")}`);
    keep(join(scratch, "icp-links"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// The bundled page's cache entry ships with the build (dist/seed-cache), so that the first
// `icp-links list` after an install needs neither the markdown parser nor a writable cache.
// Beside it, <key>.md: the page's bytes it was made from, by which a run knows the bundled page
// unchanged without hashing it (src/io/cache/page-cache.ts, fromSeed).
runBuilt(["list"], {}, (cache) => {
  const seeds = join(root, "dist/seed-cache");
  mkdirSync(seeds);
  for (const name of readdirSync(cache)) {
    renameSync(join(cache, name), join(seeds, name));
    chmodSync(join(seeds, name), 0o644);
    if (!name.endsWith(".page")) continue;
    const copy = join(seeds, name.replace(/\.page$/, ".md"));
    copyFileSync(join(root, "data/inside-icp.md"), copy);
    chmodSync(copy, 0o644);
  }
});

// V8's code cache, made by a run that searches the bundled page (the functions a list or a search
// needs), with the seed cache in place. bin/icp-links.cjs writes it when asked by this variable.
// Stored facts of a link (#27) are in place too: a run that merges them finds those functions
// compiled as well (else a warm run with facts compiled them anew, some 10% of its time).
runBuilt(["search", "consensus"], { ICP_LINKS_MAKE_CODE_CACHE: "1" }, () => {}, (cache) => {
  mkdirSync(cache, { recursive: true, mode: 0o700 });
  const url = /https:\/\/www\.youtube\.com\/watch\?v=[\w-]+/.exec(readFileSync(join(root, "data/inside-icp.md"), "utf8"))[0];
  const facts = { type: "video", title: "A talk", description: "A talk.", duration: 1694, published: "2021-06-02", channel: "A channel" };
  writeFileSync(join(cache, "link-facts.json"), JSON.stringify({ version: 1, links: [{ url, readAt: new Date().toISOString(), state: "ok", facts }] }), { mode: 0o600 });
});
