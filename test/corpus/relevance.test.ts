// The relevance corpus (#24), scored through the search in process: both halves, each against
// its row of THRESHOLDS. The held-out half is never developed on: its figures are computed here,
// and only the figures (never a query or a page) are shown when it falls short.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusPages, scoreCorpus, summarize, type Summary } from "../../bench/relevance-score.mjs";
import { buildCatalog } from "../../src/catalog/catalog";
import { parsePage } from "../../src/catalog/parse-page";
import { search } from "../../src/search/search";
import { ROOT } from "../helpers/pages";

/**
 * The least each half must reach, per query class. dev: what the development half reached when
 * the ranking was rebuilt (known MRR 1.000, 100 % first; topics 97 % with all of the top 3
 * relevant, nDCG@10 0.970; no zero-result answer), less a margin. held-out: what the held-out
 * half reached when it was scored on the merged tree (known MRR 0.986, 99 % first; topics 73 % with
 * all of the top 3 relevant, nDCG@10 0.717), less a margin: a floor, so that no later change undoes
 * it. #24's targets there are 0.9 / 90 % / 90 %; the topic figure is short of its target, and the
 * floor rises as the ranking reaches it — never lowered to make a change pass.
 * On 2026-12-03 the held-out half grew by two library lists nobody has developed on (awesome-lua,
 * awesome-flutter; 8 pages, 83 known and 83 topic queries; before them, on the same tree: known 69,
 * MRR 0.978, 97 % first; topics 71, 75 % with all of the top 3 relevant, nDCG@10 0.745), and its
 * floors were re-based on the grown half, not lowered for a change: known MRR 0.982, 98 % first;
 * topics 73 % with all of the top 3 relevant, nDCG@10 0.755; no zero-result answer — each less a
 * margin of about 2 points. On 2026-12-04 a section's intro line came to count for its entries:
 * topics 78 % with all of the top 3 relevant, nDCG@10 0.773, and the floors rose with them.
 */
const THRESHOLDS = {
  dev: { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.97, topicNdcg: 0.97, zeroResults: 0 },
  "dev-added": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.9, topicNdcg: 0.81, zeroResults: 0 },
  "dev-added-later": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.93, topicNdcg: 0.86, zeroResults: 0 },
  "dev-lib": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.95, topicNdcg: 0.86, zeroResults: 0 },
  "dev-new": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.86, topicNdcg: 0.86, zeroResults: 0 },
  "dev-tools": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.83, topicNdcg: 0.8, zeroResults: 0 },
  "dev-more": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.82, topicNdcg: 0.79, zeroResults: 0 },
  "dev-trial": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.89, topicNdcg: 0.65, zeroResults: 0 },
  "dev-trial-2": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.78, topicNdcg: 0.81, zeroResults: 0 },
  "dev-trial-3": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.86, topicNdcg: 0.81, zeroResults: 0 },
  "dev-trial-4": { knownMrr: 0.95, knownFirst: 0.95, topicAllTop3: 0.82, topicNdcg: 0.74, zeroResults: 0 },
  "held-out": { knownMrr: 0.96, knownFirst: 0.96, topicAllTop3: 0.76, topicNdcg: 0.76, zeroResults: 0 },
} as const;

/**
 * The pages added to the development half later (a .NET and a Swift library list and a list of
 * lists, with 100 queries, most of them topics): `dev` keeps its floor on the pages it was set on,
 * and `dev-added` holds these at what they reached when the ranking rules were extended for them
 * (known MRR 1.000, 100 % first; topics 89 % with all of the top 3 relevant, nDCG@10 0.795),
 * less a margin. Their topic queries are harder (two-word needs, typos, grade 2 for the
 * best-known answers), so the two are kept apart rather than the dev floor lowered.
 */
const ADDED = new Set(["awesome-dotnet", "awesome-swift", "lists"]);
/**
 * The pages added after those (a Neovim plugin list, a Scala library list written as tables, a
 * Haskell list of category links; 85 queries, judged before any was run), on which the word
 * forms, typos beside exact words and dotted repository names were found: held to what they
 * reached then, less a margin.
 */
const ADDED_LATER = new Set(["awesome-neovim", "awesome-scala", "awesome-haskell"]);
/**
 * Library lists of three more languages and platforms (Crystal, Elixir-style; Perl, plural
 * categories with 'Libraries for X' intros and `Module::Name` titles; iOS, 2,500 items in
 * sub-sections; 138 queries, judged before any was run): held to what they reached when added
 * (known MRR 1.000, 100 % first; topics 89 % with all of the top 3 relevant, nDCG@10 0.844), less
 * a margin. Raised when fewer than a screenful with every word let those with fewer follow, and
 * inflected forms that start with the word ("caches" for "cache") became whole words: dev 98.7 %
 * / 0.977, dev-added 88.7 % / 0.814, dev-added-later 93.8 % / 0.874, dev-lib 96.6 % / 0.868. Raised
 * again when rule 1 came to count an entry's words (2 of 3 before the first alone) and a short
 * plural's singular ("orms": ORM) became a form: dev 98.7 % / 0.977, dev-added 90.3 % / 0.817,
 * dev-added-later 93.8 % / 0.874, dev-lib 97.8 % / 0.877.
 */
const LIB = new Set(["awesome-crystal", "awesome-perl", "awesome-ios"]);
/**
 * Library lists of three more platforms (Android, Dart, Nim; 119 queries, judged before any was
 * run): when added, known MRR 0.976, 97.6 % first, topics 85.7 % / nDCG@10 0.884; held to what they
 * reached once a field starts with a whole word only and a section's trail is read as one name
 * ("web framework": Frameworks under Web): 97.6 % first, topics 88.3 % / 0.889, less a margin.
 */
const NEW = new Set(["awesome-android", "awesome-dart", "awesome-nim"]);
/**
 * Two tool lists of other topics (shell, Docker; 111 queries, judged before any was run), most of
 * whose category headings have an intro line under them. When added (through the CLI): known MRR
 * 1.000, 100 % first; topics 84 % with all of the top 3 relevant, nDCG@10 0.816; one zero-result
 * answer ("cheatsheets", a bold label over a list, which no field keeps). Once a section's intro
 * line became its description and a field of its entries: topics 85 % / 0.820 here; held to that,
 * less a margin, and to its one zero-result answer until bold labels are read.
 */
const TOOLS = new Set(["awesome-shell", "awesome-docker"]);
/**
 * A Django package list and a sysadmin tool list (2026-12-07; 90 queries, judged by a helper before
 * any was run): when added, known MRR 1.000, 100 % first; topics 71 % with all of the top 3
 * relevant (Django 86 %, sysadmin 57 %: each sysadmin category opens with a sentence about a
 * Wikipedia link, "[Backup](…) software.", which was an entry equal to the query). Once such a
 * sentence became its section's description: topics 84 %, nDCG@10 0.813; held to that, less a margin.
 */
const MORE = new Set(["awesome-django", "awesome-sysadmin"]);
/**
 * An API catalogue written as tables and a list of Mac apps with badges and nested items
 * (2026-12-07, night; 79 queries, judged by a helper from the page alone before any was run): their
 * first scores, before any change to the ranking, are this stop's measure on pages not developed
 * on: known MRR 1.000, 100 % first; topics 91 % with all of the top 3 relevant, nDCG@10 0.667.
 * Held to that, less a margin.
 */
const TRIAL = new Set(["public-apis", "awesome-mac"]);
/**
 * A Node.js and a Zig library list (2026-12-08; 120 queries, judged by a helper from the page alone,
 * the judgments hashed before any was run): first scores, before any change to the ranking, known
 * MRR 1.000, 100 % first (58 of 58); topics 79 % with all of the top 3 relevant (Node.js 89 %, Zig
 * 71 %), nDCG@10 0.84. Held to that, less a margin; raised when compounds came to match written
 * apart and joined (topics 81 %, nDCG@10 0.843).
 */
const TRIAL_2 = new Set(["awesome-nodejs", "awesome-zig"]);
/**
 * A Vue.js library list and a Godot add-on list (fresh-eyes trial; 33 queries, judged by a helper
 * from the page alone, the judgments hashed before any was run): first scores, before any change to
 * the ranking, known MRR 1.000, 100 % first (15 of 15); topics 88 % with all of the top 3 relevant
 * (15 of 17: Vue 8 of 9, Godot 7 of 8), nDCG@10 0.834. Held to that, less a margin: one more topic
 * short of its top 3 fails the group.
 */
const TRIAL_3 = new Set(["awesome-vue", "awesome-godot"]);
/**
 * A penetration-testing tool list and a list of machine learning tutorials (fresh-eyes trial; 32
 * queries, judged by a helper from the page alone, the judgments hashed before any was run): first
 * scores, before any change to the ranking, known MRR 1.000, 100 % first (13 of 13); topics 84 % with
 * all of the top 3 relevant (16 of 19: pentest 9 of 10, tutorials 7 of 9), nDCG@10 0.767. Held to
 * that, less a margin: one more topic short of its top 3 fails the group.
 */
const TRIAL_4 = new Set(["awesome-pentest", "machine-learning-tutorials"]);
const groupOf = (slug: string): keyof typeof THRESHOLDS =>
  TRIAL.has(slug)
    ? "dev-trial"
    : TRIAL_2.has(slug)
    ? "dev-trial-2"
    : TRIAL_3.has(slug)
    ? "dev-trial-3"
    : TRIAL_4.has(slug)
    ? "dev-trial-4"
    : ADDED.has(slug)
    ? "dev-added"
    : ADDED_LATER.has(slug)
      ? "dev-added-later"
      : LIB.has(slug)
        ? "dev-lib"
        : NEW.has(slug)
          ? "dev-new"
          : TOOLS.has(slug)
            ? "dev-tools"
            : MORE.has(slug)
              ? "dev-more"
              : "dev";
const pagesOf = (group: keyof typeof THRESHOLDS) =>
  group === "held-out" ? corpusPages(ROOT, "held-out") : corpusPages(ROOT, "dev").filter((p: { slug: string }) => groupOf(p.slug) === group);

const figures = (s: Summary) =>
  `known ${s.known.count}: MRR ${s.known.mrr.toFixed(3)}, first ${(100 * s.known.first).toFixed(0)} %; topic ${s.topic.count}: all top 3 relevant ${(100 * s.topic.allTop3).toFixed(0)} %, nDCG@10 ${s.topic.ndcg.toFixed(3)}; zero-result ${s.zeroResults}`;

describe.each(Object.keys(THRESHOLDS) as (keyof typeof THRESHOLDS)[])("relevance corpus, %s", (split) => {
  it("meets its thresholds", () => {
    const pages = pagesOf(split);
    expect(pages.length, `no page with queries.json for ${split} under test/corpus/relevance/`).toBeGreaterThan(0);
    const catalogs = new Map(pages.map((p) => [p.page, buildCatalog([parsePage(readFileSync(p.page, "utf8"), p.page)])]));
    // As `icp-links search` runs it: the most words when no entry has all of them.
    const results = scoreCorpus(pages, (p, query) => search(catalogs.get(p.page)!, query, { partial: true }).slice(0, 10).map((h) => h.entry.url));
    const s = summarize(results);
    const t = THRESHOLDS[split];
    const short = [
      s.known.mrr < t.knownMrr && `known MRR below ${t.knownMrr}`,
      s.known.first < t.knownFirst && `known first below ${t.knownFirst}`,
      s.topic.allTop3 < t.topicAllTop3 && `topic all-top-3 below ${t.topicAllTop3}`,
      s.topic.ndcg < t.topicNdcg && `topic nDCG@10 below ${t.topicNdcg}`,
      s.zeroResults > t.zeroResults && `more than ${t.zeroResults} zero-result answers`,
    ].filter(Boolean);
    expect(short, `${split}: ${figures(s)}`).toEqual([]);
  });
});
