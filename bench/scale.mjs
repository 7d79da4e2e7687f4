// npm run bench, part two (#26): scale. Generates, in a temporary folder, folders of 1, 100 and
// 3,000 notes (15 links each: 45,000 links at 3,000, as nb or Obsidian users keep them), a page of
// 100,000 links, one of 1,000,000 (read with ICP_LINKS_MAX_SIZE=128) and a dense page of
// 3,100,000 tiny links, and times whole processes of the built CLI: warm (the cache filled by an
// earlier run), cold (an empty cache: the run parses and fills it) and --no-cache. Medians, peak
// RSS from /usr/bin/time, and the ratio to `node -e 0` measured in the same run. When fzf or buku
// are installed, the same searches with them, side by side. No assertions: the figures go into
// BENCHMARKS.md. BENCH_SCALE picks rows ("folder,100k,1m,dense,bundled"; all by default);
// BENCH_BIN runs another build's bin/icp-links.cjs (a "before" copy); BENCH_WAYS picks the ways
// ("warm,cold,no cache"; all by default) and BENCH_NOTES the folder sizes ("1,100,3000").
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { random, WORDS } from "./synthetic-page.mjs";

const root = new URL("..", import.meta.url).pathname;
const bin = process.env.BENCH_BIN ?? join(root, "bin/icp-links.cjs");
const work = mkdtempSync(join(tmpdir(), "icp-links-scale-"));
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PICK = new Set((process.env.BENCH_SCALE ?? "bundled,folder,100k,1m,dense").split(","));
const WAYS = process.env.BENCH_WAYS?.split(",");
const NOTE_COUNTS = (process.env.BENCH_NOTES ?? "1,100,3000").split(",").map(Number);
const cacheHome = join(work, "cache");
const baseEnv = { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: "1", ICP_LINKS_FILE: "" };

// The seeded generator and the words of the synthetic pages (bench/synthetic-page.mjs).
const NAMES = "Manu Yvonne Jan Jens Lara Akhi Bogdan David Stefan Yotam Drijvers Pignolet Camenisch Groth Schmidt Singhania Warinschi Derler Kaestle Harchol".split(" ");

function writer(seed) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  return { rnd, pick, words, cap };
}

/** A note of a folder: front matter, a heading or two, 15 links of the usual shapes. */
function note(i) {
  const { rnd, pick, words, cap } = writer(i + 1);
  const out = ["---", `title: ${cap(words(3))} ${i}`, `tags: [${pick(WORDS)}, ${pick(WORDS)}]`, "---", "", `# ${cap(words(3))}`, "", cap(words(12)) + ".", ""];
  for (let k = 0; k < 15; k++) {
    if (k === 8) out.push("", `## ${cap(words(2))}`, "");
    const id = `${i}-${k}`;
    const r = rnd();
    if (r < 0.3) out.push(`- [${cap(words(3))} ${id} / ${pick(NAMES)} ${pick(NAMES)}](https://www.youtube.com/watch?v=v${id})`);
    else if (r < 0.7) out.push(`- [${cap(words(4))} ${id}](https://blog.example.org/${id}) - ${cap(words(7))}.`);
    else out.push(`- [${cap(words(2))} ${id}](https://github.com/org${i % 97}/repo-${id}) - ${cap(words(5))}.`);
  }
  return `${out.join("\n")}\n`;
}

/** A page of `links` list items, a section every 50; about 80 bytes a link when `compact`. */
function bigPage(links, compact) {
  const { rnd, pick, words, cap } = writer(links);
  const out = ["---", `title: Synthetic page of ${links} links`, "---", ""];
  for (let i = 0; i < links; i++) {
    if (i % 50 === 0) out.push("", `## ${cap(words(2))} ${i / 50}`, "");
    const title = `${cap(words(compact ? 3 : 2 + Math.floor(rnd() * 4)))} ${i}`;
    if (compact) out.push(`- [${title}](https://e.org/${i.toString(36)}) - ${pick(NAMES)} ${pick(NAMES)}`);
    else if (rnd() < 0.4) out.push(`- [${title} / ${pick(NAMES)} ${pick(NAMES)}](https://www.youtube.com/watch?v=v${i.toString(36)})`);
    else out.push(`- [${title}](https://github.com/org${i % 97}/repo-${i}) - ${cap(words(7))}, see [docs](https://docs.example.org/${i}).`);
  }
  return `${out.join("\n")}\n`;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One timed run: wall ms, and from /usr/bin/time the CPU ms (user + system) and peak RSS. */
function once(argv, env) {
  const file = join(work, "time");
  const cmd = TIME ? [TIME, ["-f", "%U %S %M", "-o", file, ...argv]] : [argv[0], argv.slice(1)];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd[1], { env: { ...baseEnv, ...env }, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const [user, system, rss] = TIME ? readFileSync(file, "utf8").trim().split("\n").pop().split(" ").map(Number) : [NaN, NaN, NaN];
  return { wall, cpu: (user + system) * 1000, rss: rss / 1024, status: r.status, stderr: r.stderr.toString() };
}

/**
 * Median wall time, CPU time and peak RSS of `argv`, and of `node -e 0` run just before each
 * run of it: on a shared machine whose load moves by the minute, the ratio of the two medians
 * compares runs made under the same load. `before` runs ahead of each timed run (empties the
 * cache, for "cold"). One untimed run first unless `warmup` is false: the files are then in the
 * OS's cache.
 */
function measure(argv, { env = {}, runs = RUNS, before, warmup = true } = {}) {
  const own = [];
  const base = [];
  if (warmup) spawnSync(argv[0], argv.slice(1), { env: { ...baseEnv, ...env }, stdio: "ignore" });
  for (let i = 0; i < runs; i++) {
    base.push(once([process.execPath, "-e", "0"], {}));
    before?.();
    own.push(once(argv, env));
  }
  const m = (list, k) => median(list.map((x) => x[k]));
  const last = own.at(-1);
  return { wall: m(own, "wall"), cpu: m(own, "cpu"), rss: m(own, "rss"), base: m(base, "wall"), baseCpu: m(base, "cpu"), status: last.status, stderr: last.stderr };
}

/**
 * Waits until the files just written are as a person's notes are: older than the cache's clock
 * tick (src/io/cache/keys.ts, SETTLED_MS, 3 s), which it reads again rather than trust a file
 * written within it. Without the wait a warm run of a small folder, all of it written a second
 * before, re-reads every note and times a cold run.
 */
function settle() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3100);
}

const rows = [];
const notes = [];
const baseline = measure([process.execPath, "-e", "0"], { runs: RUNS }).wall;
process.stderr.write(`node -e 0: ${baseline.toFixed(0)} ms\n`);
const clear = () => rmSync(cacheHome, { recursive: true, force: true });
const row = (name, argv, options = {}) => {
  const m = measure(argv, options);
  const failed = m.status !== 0 && m.status !== 1;
  rows.push({ name, ...m, ratio: m.wall / m.base, failed });
  process.stderr.write(`  ${name}: ${m.wall.toFixed(0)} ms (node -e 0: ${m.base.toFixed(0)}), cpu ${m.cpu.toFixed(0)} ms (${m.baseCpu.toFixed(0)}), ${m.rss.toFixed(0)} MB, exit ${m.status}${failed ? `: ${m.stderr.trim().split("\n")[0]}` : ""}\n`);
  return m;
};
const cli = (...args) => [process.execPath, bin, ...args];
/** warm, cold (empty cache) and --no-cache rows of one search. */
const threeWays = (label, args, { env = {}, runs = RUNS, ways: own = ["warm", "cold", "no cache"] } = {}) => {
  const ways = WAYS ? own.filter((w) => WAYS.includes(w)) : own;
  if (ways.includes("warm")) {
    clear();
    measure(cli(...args), { env, runs: 1, warmup: false });
    row(`${label}, warm`, cli(...args), { env, runs });
  }
  if (ways.includes("cold")) row(`${label}, cold (empty cache)`, cli(...args), { env, runs, before: clear });
  if (ways.includes("no cache")) row(`${label}, --no-cache`, cli("--no-cache", ...args), { env, runs });
};
/** A row of another tool, when it is installed (`tool`), run through sh for its redirection. */
const side = (name, tool, script) => {
  if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) return notes.push(`${tool} is not installed here: "${name}" is left out.`);
  row(name, ["sh", "-c", script]);
};

if (PICK.has("bundled")) {
  row("bundled page: list, warm", cli("list"));
  row("bundled page: search consensus, warm", cli("search", "consensus"));
}

if (PICK.has("folder")) {
  for (const count of NOTE_COUNTS) {
    const dir = join(work, `notes-${count}`);
    mkdirSync(dir);
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `note-${String(i).padStart(4, "0")}.md`), note(i));
    settle();
    const label = `folder of ${count.toLocaleString("en")} note${count === 1 ? "" : "s"}: search consensus`;
    threeWays(label, ["--file", dir, "search", "consensus"], { runs: count >= 3000 ? Math.max(3, Math.ceil(RUNS / 2)) : RUNS });
    if (count === 3000 && (!WAYS || WAYS.includes("edited"))) {
      // One note edited: the run re-reads it (and only it, with a catalog cache).
      const edited = join(dir, "note-1500.md");
      row(`${label}, one note edited before each run`, cli("--file", dir, "search", "consensus"), {
        runs: 3,
        before: () => writeFileSync(edited, `${note(1500)}- [Consensus edit ${Date.now()}](https://edit.example.org/${Date.now()})\n`),
      });
    }
  }
}

const page = (name, make) => {
  const file = join(work, name);
  writeFileSync(file, make());
  settle();
  return file;
};

if (PICK.has("100k")) {
  const file = page("page-100000.md", () => bigPage(100_000, false));
  notes.push(`The 100,000-link page is ${(readFileSync(file).length / 1e6).toFixed(0)} MB.`);
  threeWays("100,000 links: search consensus canister", ["--file", file, "search", "consensus", "canister"], { runs: 3 });
  row("100,000 links: search a word that matches nothing, warm", cli("--file", file, "search", "zzzqqq"));
  const titles = join(work, "titles-100000.txt");
  writeFileSync(titles, readFileSync(file, "utf8").split("\n").filter((l) => l.startsWith("- [")).map((l) => l.slice(3, l.indexOf("]("))).join("\n"));
  side("100,000 titles: fzf --filter 'consensus canister'", "fzf", `fzf --filter 'consensus canister' < '${titles}' > /dev/null`);
  if (spawnSync("sh", ["-c", "command -v buku"]).status === 0) {
    // buku's own database of the same links, filled once (not timed).
    const db = join(work, "buku");
    mkdirSync(db);
    const urls = readFileSync(file, "utf8").split("\n").filter((l) => l.startsWith("- [")).map((l) => `<DT><A HREF="${l.slice(l.indexOf("](") + 2, l.indexOf(")", l.indexOf("](")))}">${l.slice(3, l.indexOf("]("))}</A>`);
    writeFileSync(join(db, "links.html"), `<DL>\n${urls.join("\n")}\n</DL>\n`);
    spawnSync("sh", ["-c", `XDG_DATA_HOME='${db}' buku --nostdin --tacit -i '${join(db, "links.html")}' < /dev/null > /dev/null`]);
    side("100,000 links: buku -S consensus canister", "buku", `XDG_DATA_HOME='${db}' buku --nostdin --np -S consensus canister > /dev/null`);
  } else notes.push('buku is not installed here: "100,000 links: buku -S consensus canister" is left out.');
}

if (PICK.has("1m")) {
  const file = page("page-1000000.md", () => bigPage(1_000_000, true));
  notes.push(`The 1,000,000-link page is ${(readFileSync(file).length / 1e6).toFixed(0)} MB.`);
  threeWays("1,000,000 links: search consensus canister", ["--file", file, "search", "consensus", "canister"], { env: { ICP_LINKS_MAX_SIZE: "128" }, runs: 3, ways: ["warm", "cold"] });
}

if (PICK.has("dense")) {
  const file = page("dense.md", () => "- [a](https://a.b)\n".repeat(3_100_000));
  const m = row("dense page, 3,100,000 tiny links: search a, --no-cache", cli("--file", file, "--no-cache", "search", "a"), { env: { ICP_LINKS_MAX_SIZE: "128" }, runs: 1, warmup: false });
  notes.push(`The dense page (${(readFileSync(file).length / 1e6).toFixed(0)} MB): exit ${m.status}${m.stderr ? `, "${m.stderr.trim().split("\n")[0]}"` : ""}.`);
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`Date: ${new Date().toISOString().slice(0, 16)} · Node ${process.version} · ${cpus().length} × ${cpu} · ${RUNS} runs (3 for the big pages), medians\n`);
console.log(`\`node -e 0\` at the start: ${baseline.toFixed(0)} ms. Each row's \`node -e 0\` ran just before each of its runs; × is the ratio of the two medians, wall and CPU (user + system).\n`);
console.log("| command | wall (ms) | node -e 0 (ms) | × node -e 0 | CPU (ms) | CPU × | peak RSS (MB) | exit |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) console.log(`| ${r.name} | ${r.wall.toFixed(0)} | ${r.base.toFixed(0)} | ${r.ratio.toFixed(2)} | ${r.cpu.toFixed(0)} | ${(r.cpu / r.baseCpu).toFixed(2)} | ${Number.isNaN(r.rss) ? "n/a" : r.rss.toFixed(0)} | ${r.status} |`);
if (notes.length > 0) console.log(`\n${notes.map((n) => `- ${n}`).join("\n")}`);
rmSync(work, { recursive: true, force: true });
