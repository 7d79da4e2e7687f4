// The scoring of the extraction corpus (#23), shared by `npm run bench:extraction`
// (bench/extraction.mjs, through the built binary) and test/corpus/extraction.test.ts (in
// process). Pure apart from loadCorpus, which reads test/corpus/extraction/<split>/<slug>/.
//
// A page's truth (truth.json beside page.md) was written by hand from reading the page; its
// entries are matched to what `list --json` prints by url, exactly as written. Each figure is a
// count of successes over the judged entries it applies to, so pages and splits add up.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const CORPUS = new URL("../test/corpus/extraction/", import.meta.url).pathname;
export const SPLITS = ["dev", "held-out"];
/** Pages on which no entry is a talk: any speaker the tool finds there is a false one. */
export const NEGATIVE_SHAPES = ["library-list", "app-list"];

/**
 * The figures, in the order they are printed. Each is { ok, n }: of the n judged entries the
 * figure applies to, ok were right.
 */
export const FIELDS = [
  ["found", "truth entries present (matched by url)"],
  ["titles", "title equal, case and space folded"],
  ["cleanTitles", "title holds no speaker/author/event/year text the true title lacks"],
  ["speakers", "talks naming a speaker: the set equal, case folded"],
  ["authors", "entries with authors: the set equal, case folded"],
  ["years", "entries with a year: equal"],
  ["events", "entries with an event or venue: equal, case and space folded"],
  ["lengths", "entries with a length: equal, in seconds"],
  ["kinds", "every found entry: kind equal"],
];

/** Counts that should be 0, printed beside the figures. */
export const ERRORS = [
  ["falseSpeakers", "entries with speakers on a library or app list (but its judged talks)"],
  ["spuriousSpeakers", "judged entries with no speaker given one"],
  ["spuriousYears", "judged entries with no year given one"],
  ["spuriousEvents", "judged entries with no event given one"],
  ["spuriousLengths", "judged entries with no length given one"],
  ["notEntriesPresent", "links the truth says are no entries, listed as entries"],
];

export const fold = (s) =>
  String(s ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

const sameSet = (a, b) => {
  const x = [...new Set(a.map(fold))].sort();
  const y = [...new Set(b.map(fold))].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** What the tool said of an entry, from one object of `list --json` (a missing field is empty). */
export function told(entry) {
  const list = (v) => (Array.isArray(v) ? v.filter((s) => typeof s === "string" && s.trim() !== "") : []);
  return {
    url: entry.url,
    title: entry.title ?? "",
    kind: entry.kind ?? null,
    speakers: list(entry.speakers),
    authors: list(entry.authors),
    event: entry.event ?? null,
    year: entry.year ?? null,
    length: entry.duration ?? entry.length ?? null,
  };
}

/**
 * Whether `title` holds text of the true facts that the true title does not: a speaker's or
 * author's name, the event, the year. ("Linus Torvalds on Git" by Linus Torvalds is clean.)
 */
export function cleanTitle(title, truth) {
  const t = ` ${fold(title)} `;
  const own = ` ${fold(truth.title)} `;
  const facts = [...truth.speakers, ...truth.authors];
  if (truth.event) facts.push(truth.event);
  if (truth.year) facts.push(String(truth.year));
  return facts.every((f) => {
    const v = fold(f);
    return v === "" || own.includes(v) || !t.includes(v);
  });
}

const zero = () => Object.fromEntries(FIELDS.map(([k]) => [k, { ok: 0, n: 0 }]));
const zeroErrors = () => Object.fromEntries(ERRORS.map(([k]) => [k, 0]));

/**
 * Scores one page: `truth` its truth.json, `shape` its source.json's shape, `listed` the objects
 * `list --json` printed for it. Returns { fields, errors, misses } where misses names, per
 * field, the urls that failed (for --verbose on the dev half).
 */
export function scorePage(truth, shape, listed) {
  const fields = zero();
  const errors = zeroErrors();
  const misses = Object.fromEntries(FIELDS.map(([k]) => [k, []]));
  const byUrl = new Map();
  for (const e of listed) if (!byUrl.has(e.url)) byUrl.set(e.url, told(e));
  const count = (field, applies, ok, url, got) => {
    if (!applies) return;
    fields[field].n++;
    if (ok) fields[field].ok++;
    else misses[field].push({ url, got });
  };
  for (const t of truth.entries) {
    const want = { speakers: [], authors: [], event: null, year: null, length: null, ...t };
    const got = byUrl.get(t.url);
    count("found", true, Boolean(got), t.url, null);
    if (!got) continue;
    count("titles", true, fold(got.title) === fold(want.title), t.url, got.title);
    const hasFacts = want.speakers.length > 0 || want.authors.length > 0 || want.event !== null || want.year !== null;
    count("cleanTitles", hasFacts, cleanTitle(got.title, want), t.url, got.title);
    count("speakers", want.speakers.length > 0, sameSet(got.speakers, want.speakers), t.url, got.speakers);
    count("authors", want.authors.length > 0, sameSet(got.authors, want.authors), t.url, got.authors);
    count("years", want.year !== null, got.year === want.year, t.url, got.year);
    count("events", want.event !== null, fold(got.event) === fold(want.event), t.url, got.event);
    count("lengths", want.length !== null, got.length === want.length, t.url, got.length);
    count("kinds", true, got.kind === want.kind, t.url, got.kind);
    if (want.speakers.length === 0 && got.speakers.length > 0) errors.spuriousSpeakers++;
    if (want.year === null && got.year !== null) errors.spuriousYears++;
    if (want.event === null && got.event !== null) errors.spuriousEvents++;
    if (want.length === null && got.length !== null) errors.spuriousLengths++;
  }
  // On a library or app list every speaker is false, but for the few talks the truth names with
  // their speakers (a "Resources" section of talks on a library list).
  if (NEGATIVE_SHAPES.includes(shape)) {
    const talks = new Set(truth.entries.filter((t) => (t.speakers ?? []).length > 0).map((t) => t.url));
    errors.falseSpeakers = [...byUrl.values()].filter((e) => e.speakers.length > 0 && !talks.has(e.url)).length;
  }
  errors.notEntriesPresent = (truth.notEntries ?? []).filter((u) => byUrl.has(u)).length;
  return { fields, errors, misses };
}

/** The sum of several pages' scores. */
export function addUp(scores) {
  const fields = zero();
  const errors = zeroErrors();
  for (const s of scores) {
    for (const [k] of FIELDS) {
      fields[k].ok += s.fields[k].ok;
      fields[k].n += s.fields[k].n;
    }
    for (const [k] of ERRORS) errors[k] += s.errors[k];
  }
  return { fields, errors };
}

/** A figure as a share, or null when it applies to no entry. */
export const share = ({ ok, n }) => (n === 0 ? null : ok / n);

/** The pages of a split: [{ split, slug, dir, page, truth, source }], sorted by slug. */
export function loadCorpus(split) {
  const root = join(CORPUS, split);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "truth.json")))
    .map((d) => d.name)
    .sort()
    .map((slug) => {
      const dir = join(root, slug);
      return {
        split,
        slug,
        dir,
        page: join(dir, "page.md"),
        truth: JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")),
        source: JSON.parse(readFileSync(join(dir, "source.json"), "utf8")),
      };
    });
}
