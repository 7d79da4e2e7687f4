// The state's model (#16), as properties: keys are stable, merging is a join, toJson and fromJson
// agree. Apart from test/state/model.test.ts: many runs, for `npm test` rather than the unit set.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fromJson, mergeState, stateKey, toJson, type EntryState, type StateData } from "../../src/state/model";

describe("stateKey", () => {
  it("is idempotent", () => {
    fc.assert(fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (url) => stateKey(stateKey(url)) === stateKey(url)));
  });
});

const time = fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }).map((n) => new Date(n).toISOString());
const flag = fc.record({ on: time, off: time }, { requiredKeys: [] });
const entryState: fc.Arbitrary<EntryState> = fc.record(
  {
    done: flag,
    opened: time,
    note: fc.record({ text: fc.string(), at: time }),
    tags: fc.dictionary(fc.constantFrom("a", "b", "c"), flag),
  },
  { requiredKeys: [] },
);
const stateData: fc.Arbitrary<StateData> = fc.dictionary(fc.constantFrom("https://a.org/1", "https://a.org/2", "https://b.org/"), entryState).map((d) => new Map(Object.entries(d)));
const plain = (d: StateData) => JSON.parse(JSON.stringify(toJson(d))) as unknown;

describe("merge", () => {
  it("is commutative, associative and idempotent", () => {
    fc.assert(
      fc.property(stateData, stateData, stateData, (a, b, c) => {
        expect(plain(mergeState(a, b))).toEqual(plain(mergeState(b, a)));
        expect(plain(mergeState(mergeState(a, b), c))).toEqual(plain(mergeState(a, mergeState(b, c))));
        expect(plain(mergeState(a, a))).toEqual(plain(a));
      }),
    );
  });
});

describe("fromJson", () => {
  it("reads back what toJson wrote", () => {
    fc.assert(fc.property(stateData, (d) => {
      expect(plain(fromJson(plain(d)))).toEqual(plain(d));
    }));
  });
});
