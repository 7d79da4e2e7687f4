// icp-links sections, speakers and authors (#23): each facet with its count of entries.
import type { CommandSpec } from "../command-kit/spec";
import type { Facet } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import type { Entry } from "../catalog/types";
import { formatDuration, json, sectionPathText } from "../render/entries";
import { renderTable } from "../render/table";
import { sanitize } from "../text/sanitize";
import { doneMark, ownLayer, progress, type OwnLayer } from "../state/layer";
import { isDone } from "../state/model";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const SECTIONS_NEEDS = ["out", "view", "json", "catalog", "checks", "state"] as const;
const PEOPLE_NEEDS = ["out", "err", "view", "env", "platform", "json", "catalog", "checks", "state"] as const;
const TALK_NEEDS = ["out", "err", "view", "json", "catalog"] as const;

/** "5/15" where something of the page is done, else the count alone (#16). */
function countText(done: number, total: number, any: boolean): string {
  return any ? `${done}/${total}` : String(total);
}

function entriesOf(catalog: Catalog, facet: Facet) {
  return facet.entries.map((p) => catalog.entries[p - 1]!);
}

/** Done entries per facet, and whether anything of the page is done at all. */
function progressOf(catalog: Catalog, facets: Facet[], layer: OwnLayer | undefined): { done: number[]; any: boolean } {
  const done = facets.map((f) => progress(entriesOf(catalog, f), layer).done);
  return { done, any: layer !== undefined && layer.data.size > 0 && progress(catalog.entries, layer).done > 0 };
}

/** The time a section takes (#27): the lengths of its entries not done, and how many of those have none. */
function timeLeftOf(entries: readonly Entry[], layer: OwnLayer | undefined): { timeLeft: number; unknownLength: number } {
  let timeLeft = 0;
  let unknownLength = 0;
  for (const e of entries) {
    if (isDone(layer?.get(e))) continue;
    if (e.duration === undefined) unknownLength++;
    else timeLeft += e.duration;
  }
  return { timeLeft, unknownLength };
}

/** "████░░░░░░": done of total, `width` cells. */
function bar(done: number, total: number, width = 10): string {
  const full = total === 0 ? 0 : Math.round((done / total) * width);
  return "\u2588".repeat(full) + "\u2591".repeat(width - full);
}

/** "5:48:12 left", "5:48:12 left + 3 of unknown length", "" when nothing is known. */
function timeLeftText(timeLeft: number, unknownLength: number, notDone: number): string {
  if (notDone === 0) return "done";
  if (unknownLength === notDone) return "";
  return `${formatDuration(timeLeft)} left${unknownLength > 0 ? ` + ${unknownLength} of unknown length` : ""}`;
}

export const sections: CommandSpec<Record<string, never>, (typeof SECTIONS_NEEDS)[number]> = {
  name: "sections",
  needs: SECTIONS_NEEDS,
  summary: "list the sections with their entries done of total and the time left",
  options: [],
  examples: ["icp-links sections", "icp-links sections --json"],
  async run(ctx) {
    const catalog = await ctx.catalog();
    const facets = catalog.bySection;
    const layer = ownLayer(ctx);
    const { done, any } = progressOf(catalog, facets, layer);
    const times = facets.map((f) => timeLeftOf(entriesOf(catalog, f), layer));
    if (ctx.json) {
      ctx.out.write(json(facets.map((f, i) => ({ name: f.name, path: f.path ?? [f.name], count: f.entries.length, entries: f.entries.length, done: done[i]!, timeLeft: times[i]!.timeLeft, unknownLength: times[i]!.unknownLength, ...(f.description !== undefined ? { description: f.description } : {}) }))));
      return;
    }
    if (!ctx.view.tty) {
      // Done, time left (seconds) and entries of unknown length follow the three a script may already cut.
      ctx.out.write(facets.map((f, i) => `${sanitize(f.name)}\t${f.entries.length}\t${sanitize(sectionPathText(f.path ?? [f.name]))}\t${done[i]}\t${times[i]!.timeLeft}\t${times[i]!.unknownLength}\n`).join(""));
      return;
    }
    const { style } = ctx.view;
    // The bar and the time left show once something is done or some length is known.
    const lengths = times.some((t, i) => t.unknownLength < facets[i]!.entries.length);
    const lines = renderTable(
      [
        { key: "count", cells: facets.map((f, i) => countText(done[i]!, f.entries.length, any || lengths)), align: "right", format: (c) => style.dim(c) },
        { key: "name", cells: facets.map((f) => "  ".repeat(Math.max(0, (f.path?.length ?? 1) - 1)) + sanitize(f.name)), format: (c) => style.title(c) },
        ...(any || lengths ? [{ key: "bar", cells: facets.map((f, i) => bar(done[i]!, f.entries.length)), format: (c: string) => style.ok(c) }] : []),
        ...(lengths ? [{ key: "left", cells: facets.map((f, i) => timeLeftText(times[i]!.timeLeft, times[i]!.unknownLength, f.entries.length - done[i]!)), format: (c: string) => style.dim(c) }] : []),
      ],
      ctx.view.width,
      [{ key: "left", drop: true }, { key: "bar", drop: true }, { key: "name", to: 10 }],
    );
    ctx.out.write(lines.map((l) => `${l}\n`).join(""));
  },
};

const talksOf = entriesOf;

/**
 * `speakers` and `authors` (#23): each person with their talks (papers), most first. `key` is
 * what the --json objects call their entries: "talks" for speakers (as before), "entries" for
 * authors, whose entries are papers and articles.
 */
function peopleFacet(name: "speakers" | "authors", summary: string, of: (catalog: Catalog) => Facet[], key: "talks" | "entries", none: string): CommandSpec<Record<string, never>, (typeof PEOPLE_NEEDS)[number]> {
  return {
    name,
    needs: PEOPLE_NEEDS,
    summary,
    options: [],
    examples: [`icp-links ${name}`, `icp-links ${name} --json`],
    async run(ctx) {
      const catalog = await ctx.catalog();
      const facets = [...of(catalog)].sort((a, b) => b.entries.length - a.entries.length || a.name.localeCompare(b.name));
      const layer = ownLayer(ctx);
      const { done, any } = progressOf(catalog, facets, layer);
      const isDoneEntry = (e: { url: string }) => isDone(layer?.get(e));
      if (ctx.json) {
        ctx.out.write(json(facets.map((f, i) => ({ name: f.name, count: f.entries.length, done: done[i]!, [key]: talksOf(catalog, f).map((e) => ({ id: e.id, position: e.position, title: e.title, url: e.url, done: isDoneEntry(e) })) }))));
        return;
      }
      // Said in a pipe too, as events says it (#22): an empty answer is not left unexplained.
      if (facets.length === 0) ctx.err.write(`icp-links: no ${name} on this page (${none})\n`);
      if (!ctx.view.tty) {
        ctx.out.write(facets.map((f, i) => `${sanitize(f.name)}\t${f.entries.length}\t${talksOf(catalog, f).map((e) => e.id).join(",")}\t${done[i]}\n`).join(""));
        return;
      }
      const mark = doneMark(ctx.env, ctx.platform);
      const { style } = ctx.view;
      // One table over every entry, so that the columns line up across people.
      const talks = facets.flatMap((f) => talksOf(catalog, f));
      const rows = renderTable(
        [
          { key: "position", cells: talks.map((e) => `  ${e.position}`), align: "right", format: (c) => style.position(c) },
          ...(any ? [{ key: "done", cells: talks.map((e) => (isDoneEntry(e) ? mark : "")), format: (c: string) => style.ok(c) }] : []),
          { key: "id", cells: talks.map((e) => sanitize(e.id)), format: (c) => style.id(c) },
          { key: "title", cells: talks.map((e) => sanitize(e.title)) },
        ],
        ctx.view.width,
        [{ key: "title", to: 12 }, { key: "id", to: 12 }],
      );
      const out: string[] = [];
      let row = 0;
      for (const [i, f] of facets.entries()) {
        out.push(`${style.speaker(sanitize(f.name))} ${style.dim(`(${countText(done[i]!, f.entries.length, any)})`)}`);
        for (let i = 0; i < f.entries.length; i++) out.push(rows[row++]!);
      }
      ctx.out.write(out.map((l) => `${l}\n`).join(""));
    },
  };
}

export const speakers = peopleFacet("speakers", "list the speakers with their talks", (c) => c.bySpeaker, "talks", "speakers come from titles like 'Title / Speaker'");
export const authors = peopleFacet("authors", "list the authors with their papers and articles", (c) => c.byAuthor, "entries", "authors come from lines like '[Title](url), A. Author and B. Author, SOSP 2023'");

/** `events` and `years` (#13): each value with its number of talks, as `speakers` lists them. */
function talkFacet(name: "events" | "years", summary: string, of: (catalog: Catalog) => Facet[], example: string): CommandSpec<Record<string, never>, (typeof TALK_NEEDS)[number]> {
  return {
    name,
    needs: TALK_NEEDS,
    summary,
    options: [],
    // On a page of talks that gives events and years (talk-list.md: the docs' examples run on the
    // test fixture test/fixtures/talk-list.md); the bundled page gives none.
    examples: [`icp-links --file talk-list.md ${name}`, `icp-links --file talk-list.md ${name} --json`, example],
    async run(ctx) {
      const catalog = await ctx.catalog();
      const facets = name === "years" ? of(catalog) : [...of(catalog)].sort((a, b) => b.entries.length - a.entries.length || a.name.localeCompare(b.name));
      if (ctx.json) {
        ctx.out.write(json(facets.map((f) => ({ name: name === "years" ? Number(f.name) : f.name, count: f.entries.length, talks: talksOf(catalog, f).map((e) => e.id) }))));
        return;
      }
      if (facets.length === 0) ctx.err.write(`icp-links: no ${name} on this page (they come from lines like '[Title](url) (Strange Loop 2011)')\n`);
      if (!ctx.view.tty) {
        ctx.out.write(facets.map((f) => `${sanitize(f.name)}\t${f.entries.length}\t${talksOf(catalog, f).map((e) => e.id).join(",")}\n`).join(""));
        return;
      }
      const { style } = ctx.view;
      const lines = renderTable(
        [
          { key: "count", cells: facets.map((f) => String(f.entries.length)), align: "right", format: (c) => style.dim(c) },
          { key: "name", cells: facets.map((f) => sanitize(f.name)), format: (c) => style.title(c) },
        ],
        ctx.view.width,
        [{ key: "name", to: 10 }],
      );
      ctx.out.write(lines.map((l) => `${l}\n`).join(""));
    },
  };
}

export const events = talkFacet("events", "list the events of talks with their number of talks", (c) => c.byEvent, "icp-links --file talk-list.md list --event 'strange loop'");
export const years = talkFacet("years", "list the years of talks with their number of talks", (c) => c.byYear, "icp-links --file talk-list.md list --year 2010..2015");
