// Properties of editing (#17): adding an entry and removing it gives back the same bytes, and
// no edit changes the id of another entry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openPage } from "../../src/edit/page";
import { addEntry, comparableUrl, removeEntries } from "../../src/edit/edits";
import { tidyTitle } from "../../src/edit/title";
import { IcpError, ValueError } from "../../src/errors";
import { AWESOME_COPY, ROOT, SEED } from "../helpers/pages";

const FIXTURES = join(ROOT, "test/fixtures/edit");
const PAGES = [SEED, AWESOME_COPY, ...["crlf-bom.md", "star-bullets.md", "nested.md", "table.md"].map((f) => join(FIXTURES, f))].map((file) => ({
  file,
  text: readFileSync(file, "utf8"),
}));
const NAMES = ["Jan Camenisch", "Ada Lovelace", "Björn Tackmann", "Yvonne-Anne Pignolet"];

const item = fc.record({
  title: fc.string({ minLength: 1, maxLength: 40, unit: "grapheme" }),
  url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.stringMatching(/^\/[a-z0-9-]{1,12}$/)),
  speakers: fc.subarray(NAMES, { maxLength: 1 }),
  description: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
});

describe("add then remove", () => {
  it("gives back the same bytes, on every page, in any of its sections", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAGES), item, fc.nat(), ({ file, text }, raw, pick) => {
        const page = openPage(text, file);
        const title = tidyTitle(raw.title);
        const description = raw.description === undefined ? undefined : tidyTitle(raw.description) || undefined;
        fc.pre(title !== "");
        const names = [undefined, ...page.sections.map((s) => s.path.join(" / "))];
        const section = names[pick % names.length];
        let added;
        try {
          added = addEntry(page, { title, url: raw.url, speakers: raw.speakers, ...(description ? { description } : {}) }, section);
        } catch (error) {
          // A URL already on the page, a trail that fits two sections: refused, nothing to undo.
          if (error instanceof IcpError || error instanceof ValueError) return;
          throw error;
        }
        fc.pre(!added.created);
        const after = openPage(added.text, file);
        const mine = after.catalog.entries.filter((e) => comparableUrl(e.url) === comparableUrl(raw.url));
        expect(mine).toHaveLength(1);
        expect(mine[0]!.url).toBe(raw.url);
        // The other entries keep their ids, in the same order, but for those whose slug the new
        // entry shares: the id rules give the plain slug to the smallest URL of a group (see Ids).
        const slug = after.parsed[mine[0]!.position - 1]!.slug;
        const others = after.catalog.entries.filter((e) => e !== mine[0]);
        others.forEach((e, j) => {
          if (after.parsed[e.position - 1]!.slug !== slug) expect(e.id).toBe(page.catalog.entries[j]!.id);
        });
        expect(removeEntries(after, mine, false)).toBe(text);
      }),
      { numRuns: 120 },
    );
  });

  it("reads back the title, speaker and description it wrote", () => {
    fc.assert(
      fc.property(item, (raw) => {
        const text = readFileSync(SEED, "utf8");
        const title = tidyTitle(raw.title);
        const description = raw.description === undefined ? undefined : tidyTitle(raw.description) || undefined;
        fc.pre(title !== "" && !/ \/ /.test(title) && raw.url.startsWith("http"));
        const added = addEntry(openPage(text, SEED), { title, url: raw.url, speakers: raw.speakers, ...(description ? { description } : {}) }, "youtube");
        const entry = openPage(added.text, SEED).catalog.entries.find((e) => e.url === raw.url)!;
        expect(entry.title).toBe(title);
        expect(entry.speaker).toBe(raw.speakers[0]);
        expect(entry.description).toBe(description === title ? undefined : description);
        expect(entry.section).toBe("YouTube");
      }),
      // A case found by a run: "AA00" was read as an event "AA" and the year 2000.
      { numRuns: 120, examples: [[{ title: "!", url: "https://a.example/x", speakers: [], description: "AA00" }]] },
    );
  });
});

describe("remove", () => {
  it.each(PAGES.map((p) => [p.file.replace(/^.*\//, ""), p] as const))("keeps every other entry's id: %s", (_name, { file, text }) => {
    const page = openPage(text, file);
    let shared = 0;
    // On the 347 links of the awesome list: every fourth, and every one whose slug another shares.
    const slugs = page.parsed.map((p) => p.slug);
    const sampled = (i: number) => page.catalog.entries.length < 100 || i % 4 === 0 || slugs.indexOf(slugs[i]!) !== slugs.lastIndexOf(slugs[i]!);
    page.catalog.entries.forEach((entry, i) => {
      const place = page.parsed[i]!.place!;
      if (place.kind === "paragraph" || place.nested || !sampled(i)) return;
      const after = openPage(removeEntries(page, [entry], false), file);
      const slug = page.parsed[i]!.slug;
      const expected = page.catalog.entries.filter((e) => e !== entry).map((e) => e.id);
      after.catalog.entries.forEach((e, j) => {
        // The id rules break a tie of equal slugs by URL: an entry that shared the removed one's
        // slug (a duplicate link, "x-2") may take the plain slug it no longer shares.
        if (e.id !== expected[j] && after.parsed[j]!.slug === slug) shared++;
        else expect(e.id).toBe(expected[j]);
      });
    });
    // Only the awesome list has duplicate links.
    expect(shared > 0).toBe(file === AWESOME_COPY);
  }, 120_000);
});
