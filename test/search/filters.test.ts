// The length grammar of src/search/filters.ts: --max-age's, a bare number in minutes.
import { describe, expect, it } from "vitest";
import { parseLength } from "../../src/search/filters";

describe("parseLength (--min-length, --max-length): the same grammar as --max-age, a bare number in minutes", () => {
  it.each([["45", 2700], ["20m", 1200], ["1h30m", 5400], ["1.5h", 5400], ["90s", 90], ["1:04:34", 3874], ["90 minutes", 5400]])("%j = %i s", (text, seconds) =>
    expect(parseLength(text)).toBe(seconds),
  );
  it.each(["long", "-5m", "5y", ""])("%j is refused", (text) => expect(() => parseLength(text, "--max-length")).toThrow(/is not a length/));
});
