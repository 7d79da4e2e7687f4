// The state's model (#16): URL keys, merging, and what a state file must look like.
import { describe, expect, it } from "vitest";
import { doneMark } from "../../src/state/layer";
import { changeTags, doneAt, fromJson, isDone, markDone, markOpened, markUndone, mergeEntry, mergeState, noteOf, ownTags, setNote, stateKey, type EntryState, type StateData } from "../../src/state/model";

describe("stateKey", () => {
  it.each([
    ["https://Example.ORG/a", "https://example.org/a"],
    ["HTTPS://example.org/a", "https://example.org/a"],
    ["http://example.org/a", "https://example.org/a"],
    ["https://example.org:443/a", "https://example.org/a"],
    ["http://example.org:80/a", "https://example.org/a"],
    ["https://example.org:8443/a", "https://example.org:8443/a"],
    ["https://example.org/a/", "https://example.org/a"],
    ["https://example.org/a//", "https://example.org/a"],
    ["https://example.org/", "https://example.org/"],
    ["https://example.org", "https://example.org/"],
    ["https://example.org/a#section-2", "https://example.org/a"],
    ["https://example.org/#/docs/intro", "https://example.org/#/docs/intro"],
    ["https://example.org/#!/docs", "https://example.org/#!/docs"],
    ["https://example.org/a?utm_source=x&utm_medium=y", "https://example.org/a"],
    ["https://example.org/a?id=3&fbclid=abc", "https://example.org/a?id=3"],
    ["https://example.org/a?b=2&a=1", "https://example.org/a?b=2&a=1"],
    ["https://www.youtube.com/watch?v=vVLRRYh3JYo&si=share123", "https://www.youtube.com/watch?v=vVLRRYh3JYo"],
    ["https://youtu.be/vVLRRYh3JYo?si=abc&feature=shared", "https://youtu.be/vVLRRYh3JYo"],
    // si is only YouTube's sharer id; elsewhere it may be a real parameter.
    ["https://example.org/a?si=1", "https://example.org/a?si=1"],
    ["  https://example.org/a  ", "https://example.org/a"],
    ["/dfinity-overview", "/dfinity-overview"],
    ["mailto:a@b.c", "mailto:a@b.c"],
    ["https://bad host/", "https://bad host/"],
  ])("%s → %s", (url, key) => {
    expect(stateKey(url)).toBe(key);
  });
});

describe("changes", () => {
  const t1 = "2026-11-23T12:00:00.000Z";
  const t2 = "2026-11-24T12:00:00.000Z";

  it("done, undone and done again hold in the order made, even in the same millisecond", () => {
    let s: EntryState = markDone({}, t1);
    expect(isDone(s)).toBe(true);
    expect(doneAt(s)).toBe(t1);
    s = markUndone(s, t1);
    expect(isDone(s)).toBe(false);
    s = markDone(s, t1);
    expect(isDone(s)).toBe(true);
  });

  it("own tags: +name, -name, and +name again", () => {
    let s = changeTags({}, ["rewatch", "fav"], [], t1);
    expect(ownTags(s)).toEqual(["fav", "rewatch"]);
    s = changeTags(s, [], ["rewatch"], t1);
    expect(ownTags(s)).toEqual(["fav"]);
    s = changeTags(s, ["rewatch"], [], t1);
    expect(ownTags(s)).toEqual(["fav", "rewatch"]);
  });

  it("a note set, replaced and cleared", () => {
    let s = setNote({}, "one", t1);
    s = setNote(s, "two", t1);
    expect(noteOf(s)).toBe("two");
    s = setNote(s, "", t2);
    expect(noteOf(s)).toBeUndefined();
  });

  it("opened keeps the latest time", () => {
    expect(markOpened(markOpened({}, t2), t1).opened).toBe(t2);
  });
});

describe("merge", () => {
  it("keeps the latest of each mark: a later undone beats an earlier done, a later note wins", () => {
    const here: EntryState = { done: { on: "2026-01-01T00:00:00.000Z" }, note: { text: "mine", at: "2026-01-02T00:00:00.000Z" } };
    const there: EntryState = { done: { on: "2026-01-01T00:00:00.000Z", off: "2026-02-01T00:00:00.000Z" }, note: { text: "theirs", at: "2026-01-01T00:00:00.000Z" }, tags: { x: { on: "2026-01-01T00:00:00.000Z" } } };
    const m = mergeEntry(here, there);
    expect(isDone(m)).toBe(false);
    expect(noteOf(m)).toBe("mine");
    expect(ownTags(m)).toEqual(["x"]);
  });

  it("keeps entries only one side has", () => {
    const a: StateData = new Map([["https://a.org/1", markDone({}, "2026-01-01T00:00:00.000Z")]]);
    const b: StateData = new Map([["https://b.org/", setNote({}, "n", "2026-01-01T00:00:00.000Z")]]);
    expect([...mergeState(a, b).keys()].sort()).toEqual(["https://a.org/1", "https://b.org/"]);
  });
});

describe("fromJson", () => {
  it("merges two spellings of one URL into one key", () => {
    const data = fromJson({ version: 1, entries: { "http://A.org/x/": { done: { on: "2026-01-01T00:00:00.000Z" } }, "https://a.org/x": { opened: "2026-01-02T00:00:00.000Z" } } }, { rekey: true });
    expect([...data.keys()]).toEqual(["https://a.org/x"]);
    expect(data.get("https://a.org/x")).toEqual({ done: { on: "2026-01-01T00:00:00.000Z" }, opened: "2026-01-02T00:00:00.000Z" });
  });

  it.each([
    ["not a state object", []],
    ["unknown version", { version: 2, entries: {} }],
    ["no entries object", { version: 1 }],
    ["is not an object", { version: 1, entries: { u: 3 } }],
    ["done.on is not an ISO time", { version: 1, entries: { u: { done: { on: "yesterday" } } } }],
    ["opened is not an ISO time", { version: 1, entries: { u: { opened: 5 } } }],
    ["note is not {text, at}", { version: 1, entries: { u: { note: "text" } } }],
    ["bad tag name", { version: 1, entries: { u: { tags: { "a b": { on: "2026-01-01T00:00:00.000Z" } } } } }],
    ["title is not text", { version: 1, entries: { u: { title: 3 } } }],
  ])("refuses damage: %s", (message, value) => {
    expect(() => fromJson(value)).toThrow(message);
  });
});

describe("doneMark", () => {
  it.each([
    [{ LANG: "en_US.UTF-8" }, "linux", "\u2713"],
    [{ LANG: "de_DE.utf8" }, "linux", "\u2713"],
    [{ LANG: "C" }, "linux", "done"],
    [{ LC_ALL: "C", LANG: "en_US.UTF-8" }, "linux", "done"],
    [{ LC_CTYPE: "en_US.UTF-8", LANG: "C" }, "linux", "\u2713"],
    [{}, "linux", "done"],
    [{}, "darwin", "\u2713"],
    [{}, "win32", "\u2713"],
  ] as const)("%o on %s: %s", (env, platform, mark) => {
    expect(doneMark(env, platform)).toBe(mark);
  });
});
