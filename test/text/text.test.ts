// Table-driven tests of src/text: folding for search, words, sanitizing for the terminal, edit distance.
import { describe, expect, it } from "vitest";
import { fold, words } from "../../src/text/fold";
import { sanitize } from "../../src/text/sanitize";
import { editDistance } from "../../src/text/distance";

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
