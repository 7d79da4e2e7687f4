// npm run bench:extraction: how well the reader extracts entries from real pages (#23).
// Runs the built CLI (`list --json --file page.md`, in a throwaway HOME and XDG folders) on every
// page of the corpus split and scores what it prints against the page's hand-written truth
// (bench/extraction-score.mjs): per page and overall, entries found, titles exact and free of
// speaker/event/year text, speakers, authors, years, events, lengths and kinds, false speakers on
// library and app lists, and links wrongly listed as entries.
//   --split dev|held-out|all   which half (default dev; the held-out half is the lead's to run)
//   --json                     the figures as one JSON document
//   --verbose                  the failing urls of each field, per page
// ICP_LINKS_BIN runs another build (the figures before a change).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ERRORS, FIELDS, SPLITS, addUp, loadCorpus, scorePage, share } from "./extraction-score.mjs";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const split = option("--split") ?? "dev";
if (![...SPLITS, "all"].includes(split)) {
  console.error(`bench:extraction: --split must be dev, held-out or all, not '${split}'`);
  process.exit(2);
}
const asJson = args.includes("--json");
const verbose = args.includes("--verbose");
const bin = resolve(process.env.ICP_LINKS_BIN ?? join(root, "bin/icp-links.cjs"));

const pages = (split === "all" ? SPLITS : [split]).flatMap(loadCorpus);
if (pages.length === 0) {
  console.error(`bench:extraction: no pages under test/corpus/extraction/${split}`);
  process.exit(2);
}

const home = mkdtempSync(join(tmpdir(), "icp-links-extraction-"));
const env = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: home,
  XDG_CACHE_HOME: join(home, ".cache"),
  XDG_CONFIG_HOME: join(home, ".config"),
  XDG_DATA_HOME: join(home, ".local/share"),
  XDG_STATE_HOME: join(home, ".local/state"),
  NO_COLOR: "1",
  LANG: "C.UTF-8",
};

function list(page) {
  const r = spawnSync(process.execPath, [bin, "list", "--json", "--file", page], { env, cwd: home, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status === 0) return JSON.parse(r.stdout);
  if (r.status === 1 && r.stdout.trim() === "") return [];
  throw new Error(`icp-links list --json --file ${page}: exit ${r.status}: ${r.stderr}`);
}

let results;
try {
  results = pages.map((p) => ({ ...p, score: scorePage(p.truth, p.source.shape, list(p.page)) }));
} finally {
  rmSync(home, { recursive: true, force: true });
}

const bySplit = Object.fromEntries(
  [...new Set(results.map((r) => r.split))].map((s) => [s, addUp(results.filter((r) => r.split === s).map((r) => r.score))]),
);
const overall = addUp(results.map((r) => r.score));

if (asJson) {
  const figures = (s) => ({
    fields: Object.fromEntries(FIELDS.map(([k]) => [k, { ...s.fields[k], share: share(s.fields[k]) }])),
    errors: s.errors,
  });
  const doc = {
    split,
    bin,
    pages: results.map((r) => ({ split: r.split, slug: r.slug, shape: r.source.shape, ...figures(r.score) })),
    splits: Object.fromEntries(Object.entries(bySplit).map(([s, v]) => [s, figures(v)])),
    overall: figures(overall),
  };
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
} else {
  const pct = (f) => (f.n === 0 ? "-" : `${((100 * f.ok) / f.n).toFixed(1)}% ${f.ok}/${f.n}`);
  const short = { found: "found", titles: "titles", cleanTitles: "clean", speakers: "speakers", authors: "authors", years: "years", events: "events", lengths: "lengths", kinds: "kinds" };
  const head = ["page", "split", "shape", ...FIELDS.map(([k]) => short[k]), "falseSp", "notEnt"];
  const row = (name, sp, shape, s) => [name, sp, shape, ...FIELDS.map(([k]) => pct(s.fields[k])), String(s.errors.falseSpeakers), String(s.errors.notEntriesPresent)];
  const rows = results.map((r) => row(r.slug, r.split, r.source.shape, r.score));
  for (const [s, v] of Object.entries(bySplit)) rows.push(row(`ALL ${s}`, s, "", v));
  if (Object.keys(bySplit).length > 1) rows.push(row("ALL", split, "", overall));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  console.log(`extraction (${bin}), split ${split}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log("");
  for (const [k, d] of FIELDS) console.log(`${k.padEnd(18)} ${pct(overall.fields[k]).padEnd(16)} ${d}`);
  for (const [k, d] of ERRORS) console.log(`${k.padEnd(18)} ${String(overall.errors[k]).padEnd(16)} ${d}`);
  if (verbose) {
    for (const r of results) {
      for (const [k] of FIELDS) {
        for (const m of r.score.misses[k]) console.log(`${r.slug} ${k}: ${m.url}${m.got === null ? "" : ` -> ${JSON.stringify(m.got)}`}`);
      }
    }
  }
}
