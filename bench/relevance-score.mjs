// Scoring of the relevance corpus (#24), shared by `npm run bench:relevance -- --split …` (the
// built CLI) and test/corpus/relevance.test.ts (the search in process): the pages of
// test/corpus/relevance/<split>/<slug>/ (page.md, queries.json) and, per query class, the figures
// #24 measures. Known items (a library's or talk's name): mean reciprocal rank of the entry (1 /
// its rank in the top 10, else 0) and the share ranked first. Topics (a section, a typo of one, a
// speaker, a two-word need): the share whose top 3 are all relevant (of a query with fewer than 3
// relevant entries, its first ones) and nDCG@10 with the judgments' grades. Both: answers with no
// result to a query whose words all occur on the page. Pure but for reading the corpus.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const SPLITS = ["dev", "held-out"];

/** The pages of a split ("dev", "held-out" or "all"), each with its queries, in slug order. */
export function corpusPages(root, split) {
  const splits = split === "all" ? SPLITS : [split];
  if (!splits.every((s) => SPLITS.includes(s))) throw new Error(`--split takes dev, held-out or all, not '${split}'`);
  const pages = [];
  for (const s of splits) {
    const dir = join(root, "test/corpus/relevance", s);
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir).sort()) {
      const file = join(dir, slug, "queries.json");
      if (!existsSync(file)) continue;
      const { queries } = JSON.parse(readFileSync(file, "utf8"));
      pages.push({ split: s, slug, page: join(dir, slug, "page.md"), queries });
    }
  }
  return pages;
}

const fold = (s) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
const wordsOf = (s) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** The words of a page's text, folded: whether a query's words all occur on it. */
export function pageWords(text) {
  return new Set(wordsOf(text));
}

const dcg = (grades) => grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

/**
 * The figures of one query, from the urls of the hits (best first, at least the first 10) and the
 * words of its page.
 */
export function scoreQuery(q, hitUrls, words) {
  const gradeOf = new Map(q.relevant.map((r) => [r.url, r.grade]));
  const got = hitUrls.slice(0, 10).map((u) => gradeOf.get(u) ?? 0);
  const zero = hitUrls.length === 0 && wordsOf(q.query).every((w) => words.has(w));
  if (q.class === "known") {
    const best = Math.max(...q.relevant.map((r) => r.grade));
    const at = got.findIndex((g) => g === best);
    return { rr: at >= 0 ? 1 / (at + 1) : 0, first: at === 0, zero, rank: at + 1 };
  }
  const wanted = Math.min(3, q.relevant.length);
  const allTop3 = got.length >= wanted && got.slice(0, wanted).every((g) => g > 0);
  const ideal = q.relevant.map((r) => r.grade).sort((a, b) => b - a).slice(0, 10);
  return { allTop3, ndcg: dcg(got) / dcg(ideal), zero };
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Per class: known {count, mrr, first}, topic {count, allTop3, ndcg}, and zero-result answers. */
export function summarize(results) {
  const known = results.filter((r) => r.class === "known");
  const topic = results.filter((r) => r.class === "topic");
  return {
    queries: results.length,
    known: { count: known.length, mrr: mean(known.map((r) => r.rr)), first: mean(known.map((r) => (r.first ? 1 : 0))) },
    topic: { count: topic.length, allTop3: mean(topic.map((r) => (r.allTop3 ? 1 : 0))), ndcg: mean(topic.map((r) => r.ndcg)) },
    zeroResults: results.filter((r) => r.zero).length,
  };
}

/** Scores every query of `pages` with `hitsOf(page, query)` → urls, best first. */
export function scoreCorpus(pages, hitsOf) {
  const results = [];
  for (const p of pages) {
    const words = pageWords(readFileSync(p.page, "utf8"));
    for (const q of p.queries) results.push({ split: p.split, slug: p.slug, query: q.query, class: q.class, ...scoreQuery(q, hitsOf(p, q.query), words) });
  }
  return results;
}
