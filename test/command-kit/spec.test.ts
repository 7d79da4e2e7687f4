// The option value grammars of src/command-kit/spec.ts.
import { describe, expect, it } from "vitest";
import { parseDuration } from "../../src/command-kit/spec";

describe("parseDuration (--max-age)", () => {
  it.each([["90s", 90_000], ["30m", 1_800_000], ["12h", 43_200_000], ["7d", 604_800_000], ["2w", 1_209_600_000], ["1.5h", 5_400_000], [" 10 M ", 600_000], ["1h30m", 5_400_000], ["90 minutes", 5_400_000], ["1:30:00", 5_400_000]])("%j = %i ms", (text, ms) =>
    expect(parseDuration(text)).toBe(ms),
  );
  it.each(["soon", "10", "-5m", "5y", ""])("%j is refused", (text) => expect(() => parseDuration(text)).toThrow(/expected a duration/));
});
