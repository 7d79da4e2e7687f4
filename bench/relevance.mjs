// npm run bench:relevance: how well the search ranks what a person would accept (#14).
// Runs every query of bench/relevance-judgments.mjs through the built CLI (`search --json`) and
// reports, per page and overall, precision at 3 (relevant hits in the top 3, out of at most 3
// relevant entries the page has), mean reciprocal rank (1 / rank of the first relevant hit in the
// top 10), nDCG at 3 with the judgments' grades, and the share of category queries whose top 3
// are all relevant (of a page with fewer than 3
// relevant entries, its first ones). ICP_LINKS_BIN runs another build (the figures before a change); --pages
// a.md,b.md with --judgments file.mjs runs other judgments (pages never seen, kept out of git).
//
// --split dev|held-out|all scores the relevance corpus instead (#24, bench/relevance-score.mjs):
// per split and query class, known items' MRR and share first, topics' share with all of the top 3
// relevant and nDCG@10, and zero-result answers to queries whose words are all on the page. Each
// query's rank (known) or top 3 (topic) is listed only for dev, or with --verbose.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const verbose = args.includes("--verbose");
const bin = resolve(process.env.ICP_LINKS_BIN ?? join(root, "bin/icp-links.cjs"));
const judgmentsFile = option("--judgments") ? pathToFileURL(resolve(option("--judgments"))).href : "./relevance-judgments.mjs";
const { PAGES, JUDGMENTS } = await import(judgmentsFile);
const pageRoot = option("--judgments") ? "" : root;
const cache = mkdtempSync(join(tmpdir(), "icp-links-relevance-"));
const env = { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: "1", ICP_LINKS_FILE: "" };
const split = option("--split");
if (split !== undefined) {
  await scoreSplit(split);
  process.exit(0);
}

async function scoreSplit(which) {
  const { corpusPages, scoreCorpus, summarize } = await import("./relevance-score.mjs");
  const pages = corpusPages(root, which);
  if (pages.length === 0) throw new Error(`no pages with queries.json under test/corpus/relevance/ for --split ${which}`);
  const shown = new Map();
  const results = scoreCorpus(pages, (p, query) => {
    const hits = cli(["--file", p.page, "search", "--json", "--limit", "10", "--", ...query.split(" ")]);
    shown.set(`${p.split}/${p.slug}/${query}`, hits.slice(0, 3).map((e) => e.title));
    return hits.map((e) => e.url);
  });
  rmSync(cache, { recursive: true, force: true });
  const pct = (x) => `${(100 * x).toFixed(0)} %`;
  const line = (name, rs) => {
    const s = summarize(rs);
    return `| ${name} | ${s.known.count} | ${s.known.mrr.toFixed(3)} | ${pct(s.known.first)} | ${s.topic.count} | ${pct(s.topic.allTop3)} | ${s.topic.ndcg.toFixed(3)} | ${s.zeroResults} |`;
  };
  console.log(`Build: ${bin}\n`);
  console.log("| pages | known | MRR | first | topic | all top 3 relevant | nDCG@10 | zero-result |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const s of new Set(pages.map((p) => p.split))) {
    for (const p of pages.filter((p) => p.split === s)) console.log(line(`${s}/${p.slug}`, results.filter((r) => r.split === s && r.slug === p.slug)));
    console.log(line(`**${s}**`, results.filter((r) => r.split === s)));
  }
  const misses = results.filter((r) => (verbose || r.split === "dev") && (r.class === "known" ? !r.first : !r.allTop3 || r.zero));
  if (misses.length) console.log(`\nShort of first / all top 3 relevant:\n`);
  for (const r of misses) console.log(`- ${r.split}/${r.slug} ${r.class} '${r.query}': ${r.class === "known" ? `rank ${r.rank || "> 10"}` : `nDCG ${r.ndcg.toFixed(2)}`}; top 3: ${shown.get(`${r.split}/${r.slug}/${r.query}`).join("; ") || "(nothing)"}`);
}

function cli(argv) {
  const r = spawnSync(process.execPath, [bin, ...argv], { env, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status === 0) return JSON.parse(r.stdout);
  if (r.status === 1) return [];
  throw new Error(`icp-links ${argv.join(" ")}: exit ${r.status}: ${r.stderr}`);
}

const fold = (s) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
const words = (s) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** The grade of an entry for a judgment: 2 best, 1 acceptable, 0 not. */
function grade(j, e) {
  if (j.best !== undefined && e.title === j.best) return 2;
  if (j.titles?.includes(e.title)) return 1;
  if (j.sections?.some((s) => e.sectionPath.includes(s))) return 1;
  if (j.orTitle) {
    const t = ` ${words(e.title).join(" ")} `;
    if (t.includes(` ${words(j.query).join(" ")} `)) return 1;
  }
  return 0;
}

const all = new Map();
const entriesOf = (page) => {
  if (!all.has(page)) all.set(page, cli(["--file", join(pageRoot, PAGES[page]), "list", "--json"]));
  return all.get(page);
};

const results = [];
for (const j of JUDGMENTS) {
  const entries = entriesOf(j.page);
  const grades = entries.map((e) => grade(j, e)).sort((a, b) => b - a);
  const relevantCount = grades.filter((g) => g > 0).length;
  if (relevantCount === 0) throw new Error(`judgment '${j.query}' (${j.page}) names no entry of the page`);
  if (j.best !== undefined && !entries.some((e) => e.title === j.best)) throw new Error(`judgment '${j.query}': no entry '${j.best}'`);
  const hits = cli(["--file", join(pageRoot, PAGES[j.page]), "search", "--json", "--limit", "10", "--", ...j.query.split(" ")]);
  const got = hits.map((e) => grade(j, e));
  const top3 = got.slice(0, 3);
  const p3 = top3.filter((g) => g > 0).length / Math.min(3, relevantCount);
  const first = got.findIndex((g) => g > 0);
  const rr = first >= 0 ? 1 / (first + 1) : 0;
  const dcg = (gs) => gs.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ndcg = dcg(top3) / dcg(grades.slice(0, 3));
  // All of the top 3 relevant, or, when the page has fewer relevant entries, all the first ones.
  const wanted = Math.min(3, relevantCount);
  const allTop3 = top3.length >= wanted && top3.slice(0, wanted).every((g) => g > 0);
  results.push({ ...j, p3, rr, ndcg, allTop3, top: hits.slice(0, 3).map((e, i) => `${got[i] ? "+" : "-"}${e.title} [${e.section}]`) });
}
rmSync(cache, { recursive: true, force: true });

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const row = (name, rs) => {
  const cat = rs.filter((r) => r.category);
  const allCat = cat.filter((r) => r.allTop3).length;
  return `| ${name} | ${rs.length} | ${mean(rs.map((r) => r.p3)).toFixed(3)} | ${mean(rs.map((r) => r.rr)).toFixed(3)} | ${mean(rs.map((r) => r.ndcg)).toFixed(3)} | ${cat.length ? `${allCat}/${cat.length} (${Math.round((100 * allCat) / cat.length)} %)` : "-"} |`;
};
console.log(`Build: ${bin}\n`);
console.log("| page | queries | P@3 | MRR | nDCG@3 | category queries with all top 3 relevant |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const page of Object.keys(PAGES)) {
  const rs = results.filter((r) => r.page === page);
  if (rs.length) console.log(row(page, rs));
}
console.log(row("all", results));
const misses = results.filter((r) => r.p3 < 1 || r.rr < 1);
if (misses.length) {
  console.log(`\nQueries short of P@3 = 1 or MRR = 1 (+ relevant, - not):\n`);
  for (const r of misses) console.log(`- ${r.page}: '${r.query}' P@3 ${r.p3.toFixed(2)}, RR ${r.rr.toFixed(2)}${verbose || r.p3 < 1 ? `: ${r.top.join("; ") || "(nothing)"}` : ""}`);
}
