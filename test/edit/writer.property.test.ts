// The writer speaks the reader's forms (#23): for every layout of speakers the reader knows, an
// entry that `add` writes into a list of that layout reads back with the same title, speakers,
// event, year and length.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openPage } from "../../src/edit/page";
import { addEntry } from "../../src/edit/edits";
import { readStyle, SPEAKER_FORMS, formatItem, DEFAULT_STYLE, type NewItem, type SpeakerForm } from "../../src/edit/style";

/** Two talks of each layout, as a page of that layout has them. */
const LISTS: Record<SpeakerForm, string[]> = {
  slash: ["- [Making things fast / Jane Doe](https://www.youtube.com/watch?v=a1) (Strange Loop 2011) [45:49]", "- [Slow things / John Roe](https://www.youtube.com/watch?v=a2) (PyCon US 2019) [12:01]"],
  by: ["- [Making things fast](https://www.youtube.com/watch?v=a1) by Jane Doe (Strange Loop 2011) [45:49]", "- [Slow things](https://www.youtube.com/watch?v=a2) by John Roe (PyCon US 2019) [12:01]"],
  "bold-by": ["- [Making things fast](https://www.youtube.com/watch?v=a1) by **Jane Doe** (Strange Loop 2011) [45:49]", "- [Slow things](https://www.youtube.com/watch?v=a2) by **John Roe** (PyCon US 2019) [12:01]"],
  colon: ["- [Jane Doe: **Making things fast**](https://www.youtube.com/watch?v=a1) (Strange Loop 2011) [45:49]", "- [John Roe: **Slow things**](https://www.youtube.com/watch?v=a2) (PyCon US 2019) [12:01]"],
  "dash-at": ["- [**Making things fast**](https://www.youtube.com/watch?v=a1) - Jane Doe at Strange Loop 2011 [45:49]", "- [**Slow things**](https://www.youtube.com/watch?v=a2) - John Roe at PyCon US 2019 [12:01]"],
};

const FIRST = ["Ada", "Grace", "Linus", "Barbara", "Edsger", "Donald", "Margaret", "Ken", "Radia", "Niklaus", "Frances", "Alan"];
const LAST = ["Lovelace", "Hopper", "Torvalds", "Liskov", "Dijkstra", "Knuth", "Hamilton", "Thompson", "Perlman", "Wirth", "Allen", "Kay"];
const name = fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST)).map(([f, l]) => `${f} ${l}`);
// A title as talks have them: a capitalised word, then lower-case words (never a person's name).
const word = fc.stringMatching(/^[a-z]{3,9}$/);
const title = fc.tuple(fc.constantFrom("Making", "Building", "Scaling", "Testing", "Why", "Understanding"), fc.array(word, { minLength: 1, maxLength: 5 })).map(([w, rest]) => [w, ...rest].join(" "));
const event = fc.constantFrom("Strange Loop", "PyCon US", "NDC Oslo", "GOTO Berlin", "RustConf", "Clojure Conj");

const page = (form: SpeakerForm) => `# Talks\n\n## Videos\n\n${LISTS[form].join("\n")}\n`;

describe("add writes a talk in its list's layout, and it reads back unchanged", () => {
  it.each(SPEAKER_FORMS)("the page's form is read: %s", (form) => {
    const lines = LISTS[form];
    expect(readStyle(lines, lines).speakerForm).toBe(form);
  });

  it.each(SPEAKER_FORMS)("%s", (form) => {
    fc.assert(
      fc.property(
        title,
        fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
        fc.option(event, { nil: undefined }),
        fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
        fc.option(fc.integer({ min: 60, max: 3 * 3600 }), { nil: undefined }),
        (t, speakers, ev, year, duration) => {
          const url = "https://www.youtube.com/watch?v=new";
          // An event is written with its year, as the lists write it.
          const item: NewItem = { title: t, url, speakers, ...(ev !== undefined && year !== undefined ? { event: ev } : {}), ...(year !== undefined ? { year } : {}), ...(duration !== undefined ? { duration } : {}) };
          const added = addEntry(openPage(page(form), "talks.md"), item, "videos");
          const entry = openPage(added.text, "talks.md").catalog.entries.find((e) => e.url === url)!;
          expect({ title: entry.title, speakers: entry.speakers, event: entry.event, year: entry.year, duration: entry.duration }).toEqual({
            title: t,
            speakers,
            event: item.event,
            year: item.year,
            duration: item.duration,
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("writes the default form when the page shows none", () => {
    expect(formatItem({ title: "Making things fast", url: "https://x.example/v", speakers: ["Jane Doe", "John Roe"], event: "RustConf", year: 2019, duration: 2846 }, DEFAULT_STYLE)).toBe(
      "- [Making things fast / Jane Doe & John Roe](https://x.example/v) (RustConf 2019) [47:26]",
    );
  });
});
