// Word forms (#24): the stems that make "scheduler" find "Scheduling".
import { describe, expect, it } from "vitest";
import { singular, spellings, stem } from "../../src/search/stem";

describe("stem", () => {
  it.each([
    [["scheduler", "scheduling", "schedule", "schedules"], "schedul"],
    [["loader", "loading", "loads"], "load"],
    [["parser", "parsing", "parse", "parsers"], "pars"],
    [["modelling", "modeling", "model", "models"], "model"],
    [["library", "libraries"], "librar"],
    [["plugin", "plugins"], "plugin"],
  ])("gives %j one stem", (forms, want) => {
    for (const w of forms) expect(stem(w), w).toBe(want);
  });

  it("leaves short words, words not a-z, and -ss/-us/-is words' endings alone", () => {
    expect(stem("user")).toBeUndefined();
    expect(stem("http")).toBeUndefined();
    expect(stem("café")).toBeUndefined();
    expect(stem("status")).toBe("status");
    expect(stem("consensus")).toBe("consensus");
  });

  it("gives a short plural its singular, and no other word", () => {
    expect(singular("orms")).toBe("orm");
    expect(singular("apis")).toBe("api");
    expect(singular("guis")).toBe("gui");
    for (const w of ["bus", "mess", "ss", "tests", "orm", "ab1s", "Orms"]) expect(singular(w), w).toBeUndefined();
  });
});

describe("spellings", () => {
  it.each([
    ["dialogue", ["dialog"]], ["dialogs", ["dialogues"]], ["catalog", ["catalogue"]],
    ["colour", ["color"]], ["colors", ["colours"]], ["favorite", ["favourite"]], ["behaviour", ["behavior"]],
    ["optimise", ["optimize"]], ["normalization", ["normalisation"]], ["analyzer", ["analyser"]],
    ["centre", ["center"]], ["meters", ["metres"]], ["licence", ["license"]], ["defense", ["defence"]],
  ])("gives %s its other spelling", (word, want) => {
    expect(spellings(word)).toEqual(want);
  });

  it("leaves words alone that no spelling changes, short words and words not a-z", () => {
    for (const w of ["editor", "monitor", "router", "filter", "canister", "consensus", "size", "blog", "tour", "café"]) expect(spellings(w), w).toEqual([]);
  });
});
