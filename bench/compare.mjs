// node bench/compare.mjs <other checkout>: this checkout's built CLI against another's (built
// too), interleaved run by run so that a change in the machine's load falls on both alike:
// whole processes, warm cache, medians, without NODE_EXTRA_CA_CERTS (BENCHMARKS.md says why).
// For "no command slower" claims on a shared machine, where two `npm run bench` runs minutes
// apart differ by more than the change. RUNS (default 15) and ONLY (a case name's start) tune it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// The pages of bench.mjs, from its own generator.
import { page } from "./synthetic-page.mjs";
const here = new URL("..", import.meta.url).pathname;
const other = process.argv[2];
if (!other) {
  console.error("usage: node bench/compare.mjs <other checkout, built>");
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "ab-"));
const sizes = [10000, 100000];
const files = Object.fromEntries(sizes.map((n) => { const f = join(work, `p${n}.md`); writeFileSync(f, page(n, n)); return [n, f]; }));
const env = { ...process.env }; delete env.NODE_EXTRA_CA_CERTS;
const variants = { base: join(other, "bin/icp-links.cjs"), main: join(here, "bin/icp-links.cjs") };
const homes = {};
for (const v of Object.keys(variants)) { homes[v] = join(work, v); mkdirSync(homes[v]); }
const ALL = [
  ["list (bundled)", ["list"]],
  ["search consensus (bundled)", ["search", "consensus"]],
  ["10,000 search word", ["--file", files[10000], "search", "consensus"]],
  ["10,000 search two words", ["--file", files[10000], "search", "chain", "key"]],
  ["10,000 list --json", ["--file", files[10000], "list", "--json"]],
  ["100,000 search word", ["--file", files[100000], "search", "consensus"]],
  ["100,000 search typo", ["--file", files[100000], "search", "consensys"]],
  ["100,000 search two words", ["--file", files[100000], "search", "chain", "key"]],
];
const cases = process.env.ONLY ? ALL.filter(([n]) => n.startsWith(process.env.ONLY)) : ALL;
const RUNS = Number(process.env.RUNS ?? 15);
const run = (v, args) => { const t = process.hrtime.bigint(); const r = spawnSync("node", [variants[v], ...args], { env: { ...env, HOME: homes[v], XDG_CACHE_HOME: join(homes[v], "c"), XDG_STATE_HOME: join(homes[v], "s") }, stdio: ["ignore", "ignore", "ignore"] }); if (r.status !== 0 && r.status !== 1) throw new Error(`${v} ${args} ${r.status}`); return Number(process.hrtime.bigint() - t) / 1e6; };
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const nodeT = [];
console.log(`| command | ${other} (ms) | this checkout (ms) | ratio |\n| --- | ---: | ---: | ---: |`);
for (const [name, args] of cases) {
  for (const v of Object.keys(variants)) run(v, args); // warm the cache
  const t = { base: [], main: [] };
  for (let i = 0; i < RUNS; i++) for (const v of i % 2 ? ["main", "base"] : ["base", "main"]) t[v].push(run(v, args));
  for (let i = 0; i < 5; i++) { const s = process.hrtime.bigint(); spawnSync("node", ["-e", "0"], { env }); nodeT.push(Number(process.hrtime.bigint() - s) / 1e6); }
  console.log(`| ${name} | ${med(t.base).toFixed(0)} | ${med(t.main).toFixed(0)} | ${(med(t.main) / med(t.base)).toFixed(2)} |`);
}
console.log(`node -e 0 (no NODE_EXTRA_CA_CERTS), median of ${nodeT.length}: ${med(nodeT).toFixed(0)} ms`);
rmSync(work, { recursive: true, force: true });
