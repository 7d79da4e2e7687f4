// node bench/patches.mjs: what each patch of scripts/build.mjs pays (#25). Builds the tool once
// with every patch and once without each (ICP_LINKS_BUILD_WITHOUT), and counts the instructions
// of two runs with valgrind's callgrind — the same count whatever else a shared machine does:
// - start-up: `icp-links list` of the bundled page (its seed cache: no parser loaded);
// - cold parse: `--no-cache list` of a synthetic page of BENCH_PATCH_LINKS links (1,000) with
//   front matter (the parser, gray-matter and yaml loaded, every token made).
// Each count follows one uncounted run (what a first run writes, it writes).
// Each count is the median of BENCH_PATCH_RUNS runs (3); the spread is printed beside it. Also the
// median wall time of 15 runs of the start-up, for what it is worth on a loaded machine. Rebuilds
// with every patch at the end. Without NODE_EXTRA_CA_CERTS (it costs every process ~400 M).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { page } from "./synthetic-page.mjs";

const root = new URL("..", import.meta.url).pathname;
const bin = join(root, "bin/icp-links.cjs");
const RUNS = Number(process.env.BENCH_PATCH_RUNS ?? 3);
const LINKS = Number(process.env.BENCH_PATCH_LINKS ?? 1000);
const work = mkdtempSync(join(tmpdir(), "icp-links-patches-"));
const file = join(work, "page.md");
writeFileSync(file, page(LINKS, LINKS));
const { NODE_EXTRA_CA_CERTS: _certs, ...inherited } = process.env;
const env = { ...inherited, XDG_CACHE_HOME: join(work, "cache"), NO_COLOR: "1", ICP_LINKS_FILE: "" };

const WORKLOADS = {
  "start-up": ["list"],
  "cold parse": ["--file", file, "--no-cache", "list"],
};
// Which workload each patch is for (the other does not run its code).
const VARIANTS = [
  ["all patches", ["start-up", "cold parse"]],
  ["token-fields", ["cold parse"]],
  ["no-js-yaml", ["cold parse"]],
  ["no-color-detection", ["start-up"]],
  ["lazy-child-process", ["start-up"]],
];

function buildWithout(name) {
  const r = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { env: { ...env, ICP_LINKS_BUILD_WITHOUT: name }, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`build without ${name} failed`);
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
function instructions(args) {
  // One run first, not counted: it writes what a first run writes (the cache's key note).
  spawnSync(process.execPath, [bin, ...args], { env, stdio: "ignore" });
  const counts = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, bin, ...args], { env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    const n = Number(/Collected : (\d+)/.exec(r.stderr)?.[1]);
    if (!Number.isFinite(n)) throw new Error(`callgrind gave no count for ${args.join(" ")}: ${r.stderr.slice(-300)}`);
    counts.push(n);
  }
  return { median: median(counts), spread: Math.max(...counts) - Math.min(...counts) };
}
function wall(args, runs = 15) {
  spawnSync(process.execPath, [bin, ...args], { env, stdio: "ignore" });
  const walls = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, [bin, ...args], { env, stdio: "ignore" });
    walls.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(walls);
}

const results = {};
try {
  for (const [name, workloads] of VARIANTS) {
    buildWithout(name === "all patches" ? "" : name);
    results[name] = {};
    for (const w of workloads) {
      results[name][w] = { ...instructions(WORKLOADS[w]), ...(w === "start-up" ? { wall: wall(WORKLOADS[w]) } : {}) };
      const r = results[name][w];
      process.stderr.write(`  ${name}, ${w}: ${(r.median / 1e6).toFixed(1)} M instructions (spread ${(r.spread / 1e6).toFixed(1)} M)${r.wall ? `, ${r.wall.toFixed(0)} ms` : ""}\n`);
    }
  }
} finally {
  buildWithout("");
  rmSync(work, { recursive: true, force: true });
}

console.log(`Instructions (valgrind --tool=callgrind, median of ${RUNS}; cold parse: ${LINKS.toLocaleString("en")} links), Node ${process.version}\n`);
console.log("| build | workload | million instructions | spread (M) | patch pays (M) | start-up wall (ms) |");
console.log("| --- | --- | ---: | ---: | ---: | ---: |");
const all = results["all patches"];
for (const [name, workloads] of VARIANTS) {
  for (const w of workloads) {
    const r = results[name][w];
    const pays = name === "all patches" ? "" : ((r.median - all[w].median) / 1e6).toFixed(1);
    console.log(`| ${name === "all patches" ? name : `without ${name}`} | ${w} | ${(r.median / 1e6).toFixed(1)} | ${(r.spread / 1e6).toFixed(1)} | ${pays} | ${r.wall ? r.wall.toFixed(0) : ""} |`);
  }
}
