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
 * bench/extraction-score.mjs): what each half reached, less a margin of 1-2 points. They keep what
 * is reached; they do not say #23's targets are met (on the held-out half: speakers 95%, authors
 * 90%, years 95%, events 90%, lengths 98%, kinds 95%, clean titles 95%). Raise a floor as the
 * reader improves; never lower one to make a change pass. When a half grows by new pages, its
 * floors are re-based on the grown half (the held-out half did on 2026-12-03: 19 pages, 1,055
 * judged entries; the dev half on 2026-12-04: 40 pages, 2,359 judged entries, and on 2026-12-05: 43 pages, 2,442 judged entries, when three archive pages the reader did not yet read joined it; raised the same day as it learned to read them; and again that evening, 47 pages, 2,716 judged entries, when four pages of new shapes joined it, one of which, dotnetconf-talks-heading-speaker-line-kind-links, the reader did not read at all yet: the floors keep the same slack below the figures as before; raised on 2026-12-07 as it learned to read that page's session layout; re-based the same day on 53 pages, 2,915 judged entries, when six pages of new shapes joined the half, and again on 64 pages, 3,550 judged entries, when eleven more joined it, with the same slack, and on 68 pages, 3,896 judged entries, when four pages found in place of a fresh-eyes trial's unlicensed ones joined it, read by the reader before it had seen them: speakers 17 % and events 0 % on one of them; and on 73 pages, 4,124 judged entries, when five pages of a second fresh-eyes trial joined it, read unseen first (titles 0 % on one, authors 4.9 % on another), then raised with the same slack as the reader learned their layouts (the held-out floors of titles, clean titles and speakers rose with it, as the held-out half, scored once, rose to 79.2, 70.4 and 58.0 %); the lengths floor sits a point below 98.0 % (240 of 245) and the not-entries ceiling four above 71, as the new pages' links to slides and channels the truth says are no entries came with them); and on 2026-12-08 on 76 pages, 4,286 judged entries, with the same slack, when a third fresh-eyes trial's three pages joined it, read unseen first (a talk list of bare urls before their titles: titles, speakers, years and events 0 %; a paper list of Vancouver names: authors and venues 0 %), after the reader learned the Vancouver names (authors 0 -> 83.6 %, venues 0 -> 80.5 % on that page; another page's authors rose too). Re-based again that day on 82 pages, 4,614 judged entries, with the same slack, when a fourth fresh-eyes trial's six pages joined it, read unseen first (a meetup archive of date-titled links: titles, speakers and years 0 %; a paper list of 'Title, 2025' links under venue headings: titles, years, events 0 %; articles 'Title — Author': authors 0 %), after the reader learned those layouts. And on 85 pages, 4,723 judged entries, when a fifth trial's three pages joined it (an APA reading list whose links are DOIs, a talk page of HTML anchors, a table of whole citations; found 5 of 51 on the second, authors 4 of 20 on the third), read unseen first; after the reader learned HTML anchors and DOI-titled links the half stands at titles 96.0, speakers 90.1, authors 94.4, events 86.0 %, and the floors (and the spurious speakers' and events' ceilings, 19 and 8 now) keep the same slack below it. The figures behind each floor, per half and per page, and their history are in
 * BENCHMARKS.md ("Extraction (#23)").
 */
const THRESHOLDS: Record<FieldName, { dev: number; heldOut: number }> = {
  found: { dev: 0.99, heldOut: 0.98 },
  titles: { dev: 0.949, heldOut: 0.76 },
  cleanTitles: { dev: 0.971, heldOut: 0.67 },
  speakers: { dev: 0.887, heldOut: 0.55 },
  authors: { dev: 0.929, heldOut: 0.24 },
  years: { dev: 0.956, heldOut: 0.72 },
  events: { dev: 0.841, heldOut: 0.5 },
  lengths: { dev: 0.972, heldOut: 0.97 },
  kinds: { dev: 0.951, heldOut: 0.93 },
};
/** The most of each error count allowed over a split. */
const CEILINGS: Record<ErrorName, { dev: number | null; heldOut: number | null }> = {
  falseSpeakers: { dev: 0, heldOut: 0 },
  // Re-based on 2026-12-07 when a list of video tutorials joined the dev half: its makers are
  // channels ("Title by Blender Guru."), which the truth says are no speakers and the reader reads as
  // names (9 of the 14).
  spuriousSpeakers: { dev: 20, heldOut: 5 },
  spuriousYears: { dev: 5, heldOut: 5 },
  spuriousEvents: { dev: 9, heldOut: 5 },
  spuriousLengths: { dev: 5, heldOut: 5 },
  notEntriesPresent: { dev: 75, heldOut: 20 },
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
