// Types of bench/extraction-score.mjs, for test/corpus/extraction.test.ts.
export interface Figure {
  ok: number;
  n: number;
}
export type FieldName = "found" | "titles" | "cleanTitles" | "speakers" | "authors" | "years" | "events" | "lengths" | "kinds";
export type ErrorName = "falseSpeakers" | "spuriousSpeakers" | "spuriousYears" | "spuriousEvents" | "spuriousLengths" | "notEntriesPresent";
export interface TruthEntry {
  url: string;
  title: string;
  kind: string;
  speakers: string[];
  authors: string[];
  event: string | null;
  year: number | null;
  length: number | null;
}
export interface Truth {
  entryCount: number;
  entries: TruthEntry[];
  notEntries: string[];
  notes: string;
}
export interface Source {
  repo: string;
  path: string;
  commit: string;
  url: string;
  licence: string;
  licenceWhere: string;
  shape: string;
}
export interface Score {
  fields: Record<FieldName, Figure>;
  errors: Record<ErrorName, number>;
}
export interface PageScore extends Score {
  misses: Record<FieldName, { url: string; got: unknown }[]>;
}
export interface CorpusPage {
  split: string;
  slug: string;
  dir: string;
  page: string;
  truth: Truth;
  source: Source;
}
export const CORPUS: string;
export const SPLITS: string[];
export const NEGATIVE_SHAPES: string[];
export const FIELDS: [FieldName, string][];
export const ERRORS: [ErrorName, string][];
export function fold(s: unknown): string;
export function cleanTitle(title: string, truth: TruthEntry): boolean;
export function scorePage(truth: Truth, shape: string, listed: Record<string, unknown>[]): PageScore;
export function addUp(scores: Score[]): Score;
export function share(figure: Figure): number | null;
export function loadCorpus(split: string): CorpusPage[];
