// npm run bench: whole-process timings of the built CLI (#4).
// Generates deterministic synthetic pages of 1,000, 10,000 and 100,000 links in a temporary folder,
// runs each command several times, and prints the median wall time, the peak RSS (from
// /usr/bin/time) and the ratio to `node -e 0` measured in the same run. No assertions: the
// figures go into BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { page } from "./synthetic-page.mjs";

const root = new URL("..", import.meta.url).pathname;
const bin = join(root, "bin/icp-links.cjs");
const work = mkdtempSync(join(tmpdir(), "icp-links-bench-"));
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time and peak RSS of `argv`, run with `env` over `inherited` (this process's). */
function measure(argv, env, runs = RUNS, inherited = process.env) {
  const walls = [];
  const rss = [];
  const rssFile = join(work, "rss");
  // One run first, not timed: the files it reads are then in the page cache for every timed run.
  spawnSync(argv[0], argv.slice(1), { env: { ...inherited, ...env }, stdio: "ignore" });
  for (let i = 0; i < runs; i++) {
    const cmd = TIME ? [TIME, ["-f", "%M", "-o", rssFile, ...argv]] : [argv[0], argv.slice(1)];
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd[0], cmd[1], { env: { ...inherited, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    walls.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(" ")} failed: ${r.stderr}`);
    if (TIME) rss.push(Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024);
  }
  return { wall: median(walls), rss: TIME ? median(rss) : NaN };
}

const rows = [];
const cacheHome = join(work, "cache");
const baseEnv = { XDG_CACHE_HOME: cacheHome, NO_COLOR: "1", ICP_LINKS_FILE: "" };
const baseline = measure([process.execPath, "-e", "0"], {}, RUNS * 2);
const add = (name, argv, env = {}, runs) => {
  const m = measure([process.execPath, bin, ...argv], { ...baseEnv, ...env }, runs);
  rows.push({ name, ...m, ratio: m.wall / baseline.wall });
  process.stderr.write(`  ${name}: ${m.wall.toFixed(0)} ms\n`);
};

process.stderr.write(`node -e 0: ${baseline.wall.toFixed(0)} ms\n`);
add("list (bundled page)", ["list"]);
add("search consensus (bundled page)", ["search", "consensus"]);

const QUERIES = [["word", ["consensus"]], ["prefix", ["consen"]], ["typo", ["consensys"]], ["speaker", ["camenisch"]], ["two words", ["chain", "key"]]];
for (const size of SIZES) {
  const file = join(work, `page-${size}.md`);
  writeFileSync(file, page(size, size));
  const runs = size >= 100000 ? Math.max(3, Math.ceil(RUNS / 2)) : RUNS;
  const label = size.toLocaleString("en");
  add(`${label}: list --json, cold`, ["--file", file, "--no-cache", "list", "--json"], {}, runs);
  for (const [name, words] of QUERIES) add(`${label}: search ${name}, cold`, ["--file", file, "--no-cache", "search", ...words], {}, runs);
  rmSync(cacheHome, { recursive: true, force: true });
  measure([process.execPath, bin, "--file", file, "list"], baseEnv, 1); // fills the cache
  add(`${label}: list --json, warm`, ["--file", file, "list", "--json"], {}, runs);
  for (const [name, words] of QUERIES) add(`${label}: search ${name}, warm`, ["--file", file, "search", ...words], {}, runs);
}

// Start-up, the 1.5 × target: `node -e 0` and the bundled page's list and search, run in turns
// (one of each per round) so that a change in the machine's load falls on all three alike, and
// spawned directly (no /usr/bin/time, whose own start would be added to both sides of the
// ratio). As the machine runs Node, and, when it sets NODE_EXTRA_CA_CERTS, without it: Node then
// reads every certificate of that file at start, in every process (about 60 ms here, 416 million
// instructions), which moves every figure and flattens every ratio to `node -e 0`.
const BUNDLED = [
  ["list (bundled page)", ["list"]],
  ["search consensus (bundled page)", ["search", "consensus"]],
];
const STARTUP = [["`node -e 0`", ["-e", "0"]], ...BUNDLED.map(([name, args]) => [name, [bin, ...args]])];
function inTurns(commands, rounds, inherited) {
  const env = { ...inherited, ...baseEnv };
  const walls = commands.map(() => []);
  for (const [, args] of commands) spawnSync(process.execPath, args, { env, stdio: "ignore" });
  for (let round = 0; round < rounds; round++) {
    commands.forEach(([, args], i) => {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, args, { env, stdio: "ignore" });
      walls[i].push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  const base = median(walls[0]);
  return commands.map(([name], i) => ({ name, wall: median(walls[i]), ratio: median(walls[i]) / base }));
}
/** This process's environment without NODE_EXTRA_CA_CERTS, when it sets it. */
const withoutCertsEnv = process.env.NODE_EXTRA_CA_CERTS ? (({ NODE_EXTRA_CA_CERTS: _, ...rest }) => rest)(process.env) : undefined;
const STARTUP_ROUNDS = RUNS * 4;
const startup = [{ title: "as this machine runs Node", rows: inTurns(STARTUP, STARTUP_ROUNDS, process.env) }];
if (withoutCertsEnv) startup.push({ title: "without NODE_EXTRA_CA_CERTS", rows: inTurns(STARTUP, STARTUP_ROUNDS, withoutCertsEnv) });
for (const { title, rows: r } of startup) process.stderr.write(`  start-up ${title}: ${r.map((x) => `${x.wall.toFixed(0)} ms`).join(", ")}\n`);

// The 100,000-link warm searches without NODE_EXTRA_CA_CERTS, when it is set.
const WARM_100K = SIZES.includes(100000) ? QUERIES.map(([name, words]) => [`100,000: search ${name}, warm`, ["--file", join(work, "page-100000.md"), "search", ...words]]) : [];
const withoutCerts = [];
if (withoutCertsEnv && WARM_100K.length > 0) {
  const plain = (argv, runs = RUNS) => measure(argv, baseEnv, runs, withoutCertsEnv).wall;
  const base = plain([process.execPath, "-e", "0"], RUNS * 2);
  withoutCerts.push({ name: "`node -e 0`", wall: base, ratio: 1 });
  for (const [name, argv] of WARM_100K) {
    const wall = plain([process.execPath, bin, ...argv]);
    withoutCerts.push({ name, wall, ratio: wall / base });
    process.stderr.write(`  without NODE_EXTRA_CA_CERTS, ${name}: ${wall.toFixed(0)} ms\n`);
  }
}

// Instructions executed (valgrind's callgrind: the same count whatever else the machine does),
// with BENCH_INSTRUCTIONS=1. User-space instructions only: reading files is not counted.
const instructions = [];
if (process.env.BENCH_INSTRUCTIONS === "1" && spawnSync("valgrind", ["--version"]).status === 0) {
  const count = (argv) => {
    const r = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", ...argv], { env: { ...process.env, ...baseEnv }, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    return Number(/Collected : (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  };
  const base = count([process.execPath, "-e", "0"]);
  instructions.push({ name: "`node -e 0`", count: base, ratio: 1 });
  for (const [name, argv] of [...BUNDLED, ...WARM_100K]) {
    const n = count([process.execPath, bin, ...argv]);
    instructions.push({ name, count: n, ratio: n / base });
    process.stderr.write(`  instructions, ${name}: ${(n / 1e6).toFixed(0)} M\n`);
  }
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`Date: ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpu} · ${RUNS} runs (half at 100,000), medians\n`);
console.log(`\`node -e 0\`: ${baseline.wall.toFixed(0)} ms, ${baseline.rss.toFixed(0)} MB\n`);
console.log("| command | wall (ms) | × node -e 0 | peak RSS (MB) |");
console.log("| --- | ---: | ---: | ---: |");
for (const r of rows) console.log(`| ${r.name} | ${r.wall.toFixed(0)} | ${r.ratio.toFixed(2)} | ${Number.isNaN(r.rss) ? "n/a" : r.rss.toFixed(0)} |`);
console.log(`\nStart-up, in turns (${STARTUP_ROUNDS} rounds of one run each, spawned directly, medians):\n`);
console.log(`| command | ${startup.map((t) => `${t.title}: wall (ms) | ×`).join(" | ")} |`);
console.log(`| --- | ${startup.map(() => "---: | ---:").join(" | ")} |`);
STARTUP.forEach(([name], i) => console.log(`| ${name} | ${startup.map((t) => `${t.rows[i].wall.toFixed(0)} | ${t.rows[i].ratio.toFixed(2)}`).join(" | ")} |`));
if (withoutCerts.length > 0) {
  console.log(`\nThe 100,000-link warm searches without NODE_EXTRA_CA_CERTS (set here to ${process.env.NODE_EXTRA_CA_CERTS}):\n`);
  console.log("| command | wall (ms) | × node -e 0 |");
  console.log("| --- | ---: | ---: |");
  for (const r of withoutCerts) console.log(`| ${r.name} | ${r.wall.toFixed(0)} | ${r.ratio.toFixed(2)} |`);
}
if (instructions.length > 0) {
  console.log("\nInstructions (valgrind --tool=callgrind, one run each, environment as above):\n");
  console.log("| command | million instructions | × node -e 0 |");
  console.log("| --- | ---: | ---: |");
  for (const r of instructions) console.log(`| ${r.name} | ${(r.count / 1e6).toFixed(0)} | ${r.ratio.toFixed(2)} |`);
}
rmSync(work, { recursive: true, force: true });
