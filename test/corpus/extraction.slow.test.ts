// The extraction corpus (#23) as a floor: every page of test/corpus/extraction/{dev,held-out}/ is
// read in process (`list --json`, as the bench runs the binary) and scored against its
// hand-written truth.json by bench/extraction-score.mjs; a figure below its threshold fails, so a
// later change cannot quietly undo what the reader reads. Held-out figures are computed and
// asserted but never printed: a failure names the split and the field only.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERRORS, FIELDS, addUp, cleanTitle, loadCorpus, scorePage, share, type ErrorName, type FieldName, type Score } from "../../bench/extraction-score.mjs";
import { runInProcess } from "../helpers/context";

/**
 * The floors, as shares of the judged entries each figure applies to (see FIELDS in
 * bench/extraction-score.mjs), less a small margin. dev: the dev figures after the layout reader
 * (found 100%, titles 99.5%, clean titles 98.9%, speakers 97.1%, authors 88.5%, years 94.4%,
 * events 88.7%, lengths 99.2%, kinds 96.9%; with the archive pages of #23's heading-talks.ts: titles
 * 99.6%, speakers 97.8%, years 95.9%; with three paper lists added (21 pages) and their layouts read:
 * titles 99.6%, clean titles 99.2%, authors 96.8%, years 97.2%, events 94.5%, kinds 97.5%; with four talk
 * pages of shapes the half lacked (25 pages, 1,602 judged entries), read with the family vote: titles 98.9%,
 * clean titles 98.0%, speakers 92.4%, authors 97.2%, years 95.6%, events 76.2%, lengths 99.1%, kinds 97.7% —
 * the speakers and events floors are over the larger half, whose new pages state events in forms
 * the reader does not yet read; then the event column of the layout reader, which reads an event with no
 * year beside it ("Jane Doe, JSConf EU", "Jane Doe at Docker Galway"): speakers 95.0%, years 96.0%,
 * events 95.5%; with events after names read by the fixed rules, in brackets, before the link and at the end
 * of a link's text, and a table's cells kept apart: years 97.1%, events 97.5%; with two pages of events stated
 * in ways the half lacked (27 pages, 1,664 judged entries: hudi-talks, minikube-presentations), read: titles
 * 98.9%, speakers 94.6%, years 96.7%, events 96.5%; with a title's capitalised words told from names by the
 * column more like names, a bracketed year ending a link's text, and the text after a link read whatever
 * stands before it: titles 99.3%, clean titles 99.0%, speakers 95.4%, years 98.4%, events 97.0%; with a
 * page of short topic lists of "Speaker (Affiliation) Year" added (28 pages, 1,718 judged entries) and read:
 * titles 99.4%, speakers 95.5%, years 98.4%, events 97.0%; with three paper lists of shapes the half lacked
 * (31 pages: knowledge-editing-papers, llm-reasoning-papers, self-supervised-papers) and their papers read as
 * citations, the list voting for a chunk of names (citations.ts), 1,875 judged entries: titles 99.4%, clean titles
 * 99.1%, speakers 95.5%, authors 98.3%, years 98.6%, events 97.6%, kinds 97.9%; with a talk list of events
 * linked after "at" added (syzkaller-talks), its PDFs under a talks heading read as decks and its labelling
 * profiles as no entries, and the odd item of a list voting for one end read at its other end after a dash
 * ("Malte Ubl - Title" among "Title - Jane Doe"): titles 99.5%, clean titles 99.3%, speakers 95.9%). heldOut: the held-out half as the lead scored it on
 * the merged tree (found 100%, titles 73.2%, clean titles 66.7%, speakers 20.1%, authors 6.1%,
 * years 51.8%, events 0%, lengths 100%, kinds 90.6%; kinds 92.8% with podcast shows on blogs and dated
 * posts of #23's kinds work; after the citation column, on the tree merged with the talk lists' work: titles 76.5%,
 * clean titles 67.7%, speakers 32.1%, authors 41.7% (22.7% before it), years 71.8% (60.5% before), events 3.4%,
 * kinds 92.9%) — far below #23's targets (speakers 95%,
 * authors 90%, years 95%, events 90%, lengths 98%, kinds 95%, clean titles 95%): these floors
 * keep what is reached, they do not say the targets are met. Raise them as the reader improves;
 * never lower one to make a change pass.
 * On 2026-12-03 the held-out half grew by six pages nobody has developed on (19 pages, 1,055 judged
 * entries; before them, on the same tree: 13 pages, 690 entries, found 100%, titles 76.5%, clean titles
 * 67.7%, speakers 32.1%, authors 22.7%, years 60.5%, events 3.4%, lengths 100%, kinds 92.9%), and the
 * heldOut floors were re-based on the grown half, not lowered for a change: its figures then were
 * found 99.7%, titles 71.7%, clean titles 60.6%, speakers 44.9%, authors 13.9%, years 68.0%,
 * events 48.9%, lengths 98.4%, kinds 93.7%, each floor that less a margin of 1-2 points.
 * With the citation column (citations.ts) on the grown half: authors 13.9% -> 25.5%, years 68.0% -> 73.8%, the
 * other fields unchanged; the authors and years floors raised to that less a margin.
 */
const THRESHOLDS: Record<FieldName, { dev: number; heldOut: number }> = {
  found: { dev: 0.99, heldOut: 0.98 },
  titles: { dev: 0.99, heldOut: 0.7 },
  cleanTitles: { dev: 0.99, heldOut: 0.59 },
  speakers: { dev: 0.955, heldOut: 0.43 },
  authors: { dev: 0.975, heldOut: 0.24 },
  years: { dev: 0.98, heldOut: 0.72 },
  events: { dev: 0.97, heldOut: 0.47 },
  lengths: { dev: 0.97, heldOut: 0.97 },
  kinds: { dev: 0.97, heldOut: 0.92 },
};
/** The most of each error count allowed over a split. */
const CEILINGS: Record<ErrorName, { dev: number | null; heldOut: number | null }> = {
  falseSpeakers: { dev: 0, heldOut: 0 },
  spuriousSpeakers: { dev: 5, heldOut: 5 },
  spuriousYears: { dev: 5, heldOut: 5 },
  spuriousEvents: { dev: 5, heldOut: 5 },
  spuriousLengths: { dev: 5, heldOut: 5 },
  notEntriesPresent: { dev: 30, heldOut: 20 },
};

async function scoreSplit(split: string): Promise<{ pages: number; total: Score }> {
  const pages = loadCorpus(split);
  const scores = [];
  for (const p of pages) {
    const r = await runInProcess(["list", "--json"], readFileSync(p.page, "utf8"));
    if (r.code !== 0) throw new Error(`${split} page ${split === "dev" ? p.slug : "?"}: list --json exited ${r.code}`);
    scores.push(scorePage(p.truth, p.source.shape, JSON.parse(r.stdout) as Record<string, unknown>[]));
  }
  return { pages: pages.length, total: addUp(scores) };
}

describe("the extraction corpus", () => {
  for (const [split, column] of [
    ["dev", "dev"],
    ["held-out", "heldOut"],
  ] as const) {
    it(`${split}: every field at or above its floor`, async () => {
      const { pages, total } = await scoreSplit(split);
      expect(pages, `${split}: pages with a truth.json`).toBeGreaterThan(0);
      const below = FIELDS.filter(([k]) => {
        const s = share(total.fields[k]);
        return s !== null && s < THRESHOLDS[k][column];
      }).map(([k]) => (split === "dev" ? `${k} ${total.fields[k].ok}/${total.fields[k].n} < ${THRESHOLDS[k][column]}` : k));
      const over = ERRORS.filter(([k]) => CEILINGS[k][column] !== null && total.errors[k] > (CEILINGS[k][column] ?? 0)).map(([k]) =>
        split === "dev" ? `${k} ${total.errors[k]} > ${CEILINGS[k][column]}` : k,
      );
      expect([...below, ...over], `${split}: fields below their floor`).toEqual([]);
    });
  }
});

describe("the extraction score", () => {
  const truth = {
    entryCount: 3,
    notes: "",
    notEntries: ["https://twitter.com/jane"],
    entries: [
      { url: "https://v/1", title: "Title One", kind: "talk", speakers: ["Jane Doe"], authors: [], event: "SomeConf", year: 2014, length: 60 },
      { url: "https://v/2", title: "Paper", kind: "paper", speakers: [], authors: ["A. Author", "B. Author"], event: null, year: null, length: null },
      { url: "https://v/3", title: "Missing", kind: "page", speakers: [], authors: [], event: null, year: null, length: null },
    ],
  };

  it("matches by url, folds case and space, and reads a missing field as empty", () => {
    const s = scorePage(truth, "paper-list", [
      { url: "https://v/1", title: "title  one", kind: "talk", speakers: ["jane doe"], event: "someconf", year: 2014, duration: 60 },
      { url: "https://v/2", title: "Paper", kind: "page", speakers: [], year: 2001 },
      { url: "https://twitter.com/jane", title: "Jane", kind: "page", speakers: [] },
    ]);
    expect(s.fields.found).toEqual({ ok: 2, n: 3 });
    expect(s.fields.titles).toEqual({ ok: 2, n: 2 });
    expect(s.fields.speakers).toEqual({ ok: 1, n: 1 });
    expect(s.fields.authors).toEqual({ ok: 0, n: 1 });
    expect(s.fields.kinds).toEqual({ ok: 1, n: 2 });
    expect(s.fields.lengths).toEqual({ ok: 1, n: 1 });
    expect(s.errors.spuriousYears).toBe(1);
    expect(s.errors.notEntriesPresent).toBe(1);
    expect(s.errors.falseSpeakers).toBe(0);
  });

  it("counts every speaker on a library or app list as false", () => {
    const s = scorePage({ ...truth, entries: [] }, "library-list", [{ url: "https://g/x", title: "x", kind: "repo", speakers: ["Some One"] }]);
    expect(s.errors.falseSpeakers).toBe(1);
  });

  it.each([
    ["Title One", true],
    ["Jane Doe: Title One", false],
    ["Title One - SomeConf 2014", false],
    ["Title One (2014)", false],
  ])("a title %j is clean: %s", (title, clean) => {
    expect(cleanTitle(title, truth.entries[0]!)).toBe(clean);
  });

  it("keeps a speaker's name that belongs to the true title", () => {
    const own = { ...truth.entries[0]!, title: "Linus Torvalds on Git", speakers: ["Linus Torvalds"], event: "Google", year: 2007 };
    expect(cleanTitle("Linus Torvalds on Git", own)).toBe(true);
  });
});
