// Types of relevance-score.mjs, for test/corpus/relevance.test.ts.
export interface Judged {
  query: string;
  class: "known" | "topic";
  relevant: { url: string; grade: number }[];
  why: string;
}
export interface CorpusPage {
  split: "dev" | "held-out";
  slug: string;
  page: string;
  queries: Judged[];
}
export interface Result {
  split: string;
  slug: string;
  query: string;
  class: "known" | "topic";
  rr?: number;
  first?: boolean;
  rank?: number;
  allTop3?: boolean;
  ndcg?: number;
  zero: boolean;
}
export interface Summary {
  queries: number;
  known: { count: number; mrr: number; first: number };
  topic: { count: number; allTop3: number; ndcg: number };
  zeroResults: number;
}
export const SPLITS: readonly ["dev", "held-out"];
export function corpusPages(root: string, split: "dev" | "held-out" | "all"): CorpusPage[];
export function pageWords(text: string): Set<string>;
export function scoreQuery(q: Judged, hitUrls: readonly string[], words: Set<string>): Omit<Result, "split" | "slug" | "query" | "class">;
export function summarize(results: readonly Result[]): Summary;
export function scoreCorpus(pages: readonly CorpusPage[], hitsOf: (page: CorpusPage, query: string) => readonly string[]): Result[];
