// Talk facts (#13), as properties: recognising them never loses a URL nor changes an id. Apart
// from test/catalog/talk-facts.test.ts: many runs, for `npm test` rather than the unit set.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePage } from "../../src/catalog/parse-page";
import { assignIds } from "../../src/catalog/ids";

const TALKS = "# Talks\n\n";

describe("properties", () => {
  const name = fc.constantFrom("Ann Lee", "Thierry de Pauw", "Juan Pedro Bolívar", "Bob Ray", "lvh");
  const fact = fc.oneof(
    name.map((n) => ` by ${n}`),
    name.map((n) => ` by **${n}**`),
    fc.constantFrom(" (2014)", " (Strange Loop 2011)", " [45:49]", " (1h 05m)", " - PyCon US 2019", " @ NDC Oslo 2017", " - a description", " [slides](https://s.example/x)"),
  );
  const title = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 :-]{0,30}$/);

  it("recognising facts never loses a URL nor changes an entry's id", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(title, fc.array(fact, { maxLength: 4 })), { minLength: 1, maxLength: 6 }), (rows) => {
        const lines = rows.map(([t, facts], i) => `- [${t}](https://v.example/${i})${facts.join("")}`);
        const bare = rows.map(([t], i) => `- [${t}](https://v.example/${i})`);
        const withFacts = parsePage(`${TALKS}${lines.join("\n")}\n`, "t.md").entries;
        const plain = parsePage(`${TALKS}${bare.join("\n")}\n`, "t.md").entries;
        const urls = (es: typeof withFacts) => es.flatMap((e) => [e.url, ...e.related.map((r) => r.url)]);
        for (const [i, [, facts]] of rows.entries()) {
          for (const f of facts) {
            const m = /\((https:[^)]+)\)/.exec(f);
            if (m) expect(urls(withFacts)).toContain(m[1]);
          }
          expect(withFacts[i]!.url).toBe(`https://v.example/${i}`);
        }
        expect(assignIds(withFacts)).toEqual(assignIds(plain));
      }),
      { numRuns: 300 },
    );
  });
});
