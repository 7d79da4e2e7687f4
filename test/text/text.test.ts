// Table-driven tests of src/text: folding for search, words, sanitizing for the terminal, edit distance.
import { describe, expect, it } from "vitest";
import { fold, words } from "../../src/text/fold";
import { sanitize } from "../../src/text/sanitize";
import { editDistance } from "../../src/text/distance";
import fc from "fast-check";

describe("fold", () => {
  it.each([
    ["Björn Tackmann", "bjorn tackmann"],
    ["ÉCOLE", "ecole"],
    ["Straße", "strasse"],
    ["Œuvre", "oeuvre"],
    ["plain", "plain"],
  ])("%s → %s", (text, expected) => expect(fold(text)).toBe(expected));
});

describe("words of folded text", () => {
  // ASCII text takes an ASCII class, the rest Unicode's letters and digits: the same words.
  it.each([
    ["Key Resharing, 2021 (Jens Groth)", ["key", "resharing", "2021", "jens", "groth"]],
    ["p2p / nns-ledger_v2", ["p2p", "nns", "ledger", "v2"]],
    ["  --  ", []],
    ["Björn Tackmann: Straße 42", ["bjorn", "tackmann", "strasse", "42"]],
    ["東京 ١٢٣ naïve", ["東京", "١٢٣", "naive"]],
  ])("%s", (text, expected) => expect(words(fold(text))).toEqual(expected));
});

describe("sanitize", () => {
  it.each([
    ["plain text", "plain text"],
    ["red \x1b[31mtext\x1b[0m", "red text"],
    ["title \x1b]0;pwned\x07here", "title here"],
    ["link \x1b]8;;https://evil\x1b\\click\x1b]8;;\x1b\\", "link click"],
    ["line\nbreak\r\nand\ttab", "line break and tab"],
    ["back\bspace", "backspace"],
    ["bidi \u202egnp.exe", "bidi gnp.exe"],
    ["zero\u200bwidth\ufeff", "zerowidth"],
    ["c1 \x9b31mred", "c1 red"],
    ["del\x7f", "del"],
    ["日本語 ⚠️ ok", "日本語 ⚠️ ok"],
  ])("%j → %j", (text, expected) => expect(sanitize(text)).toBe(expected));
});

describe("editDistance", () => {
  it.each([
    ["consensys", "consensus", 2, 1],
    ["camenish", "camenisch", 2, 1],
    ["abcd", "abdc", 1, 1],
    ["kitten", "sitting", 3, 3],
    ["same", "same", 0, 0],
    ["far", "away", 1, 2],
  ])("%s ~ %s (max %i) = %i", (a, b, max, d) => expect(editDistance(a, b, max)).toBe(d));
});

describe("editDistance against the textbook table", () => {
  /** The whole table, no cut-off: what editDistance must equal, or exceed `max` with. */
  function reference(a: string, b: string, max: number): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    const v = d[a.length]![b.length]!;
    return v > max ? max + 1 : v;
  }
  it("agrees on random words, short and long, one after another (its rows are reused between calls)", () => {
    const letters = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 12 });
    const long = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 150 });
    fc.assert(
      fc.property(letters, long, fc.nat(3), fc.nat(20), (a, b, max, k) => {
        expect(editDistance(a, b, max)).toBe(reference(a, b, max));
        expect(editDistance(b, a, max)).toBe(reference(b, a, max));
        // Of b's first k units only: a word's start.
        expect(editDistance(a, b, max, k)).toBe(reference(a, b.slice(0, k), max));
      }),
      { numRuns: 2000 },
    );
  });
});
