// The limits of one's state (#22): the file is read with a size cap, `state import` and the
// commands refuse what would pass the state's limits (nothing merged), and keys from data
// (`__proto__`, `constructor`) are keys like any other.
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileStateStore } from "../../../src/io/state/store";
import { changeTags, fromJson, markDone, MAX_NOTE, MAX_STATE_BYTES, MAX_STATE_ENTRIES, MAX_TAGS, mergeEntry, ownTags, setNote, toJson, type StateData } from "../../../src/state/model";
import { memoryStateStore, runInProcess, throughCache } from "../../helpers/context";
import { parsePage } from "../../../src/catalog/parse-page";
import { SEED } from "../../helpers/pages";
import { tempDir } from "../../helpers/temp";

const T = "2026-11-23T12:00:00.000Z";
const uid = process.getuid?.();
const page = readFileSync(SEED, "utf8");

function folder(): string {
  const root = tempDir("icp-links-limits-");
  return join(root, "icp-links");
}

const stateFile = (entries: Record<string, unknown>) => JSON.stringify({ version: 1, entries });

/** Imports `text` into a state holding one done entry; returns the run and the state after it. */
async function importing(text: string) {
  const state = memoryStateStore(new Map([["https://kept.example/", markDone({}, T)]]));
  const r = await runInProcess(["state", "import", "in.json"], page, { state, inputs: { "in.json": text } });
  return { r, data: state.data };
}

describe("the state file's size", () => {
  it("a state file past the cap is refused before it is read, naming the file and the limit", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, "state.json");
    writeFileSync(file, "", { mode: 0o600 });
    truncateSync(file, MAX_STATE_BYTES + 1);
    expect(() => fileStateStore({ dir, uid }).load()).toThrow(`the state file ${file} is larger than 32 MB`);
    // Not taken for damage: the file stays where it is.
    expect(readFileSync(file).length).toBe(MAX_STATE_BYTES + 1);
  });

  it("a change that would pass the number of entries is refused and nothing is written", () => {
    const dir = folder();
    const store = fileStateStore({ dir, uid });
    store.update((d) => d.set("https://a.org/", markDone({}, T)));
    const before = readFileSync(join(dir, "state.json"), "utf8");
    expect(() =>
      store.update((d) => {
        for (let i = 0; i < MAX_STATE_ENTRIES; i++) d.set(`https://e.org/${i}`, markDone({}, T));
        return d;
      }),
    ).toThrow(/more than the 100,000 the state keeps/);
    expect(readFileSync(join(dir, "state.json"), "utf8")).toBe(before);
  });
});

describe("state import keeps the limits of the commands", () => {
  it("a note longer than `note` takes is exit 2, nothing merged", async () => {
    const { r, data } = await importing(stateFile({ "https://a.org/": { note: { text: "x".repeat(MAX_NOTE + 1), at: T } }, "https://b.org/": { done: { on: T } } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the note is 65537 characters; at most 65536");
    expect([...data.keys()]).toEqual(["https://kept.example/"]);
  });

  it("more tags on an entry than `tag` allows is exit 2, nothing merged", async () => {
    const tags = Object.fromEntries(Array.from({ length: MAX_TAGS + 1 }, (_, i) => [`t${i}`, { on: T }]));
    const { r, data } = await importing(stateFile({ "https://a.org/": { tags } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("101 tags; at most 100");
    expect(data.size).toBe(1);
  });

  it("a file larger than the state may be is exit 2, nothing merged", async () => {
    const { r, data } = await importing(stateFile({ "https://a.org/": { done: { on: T } }, pad: { title: "x".repeat(MAX_STATE_BYTES) } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("larger than 32 MB");
    expect(data.size).toBe(1);
  });

  it("a million entries is exit 2, nothing merged, and the state stays as small as it was", async () => {
    const entries: Record<string, unknown> = {};
    for (let i = 0; i < 1_000_000; i++) entries[i] = {};
    const { r, data } = await importing(stateFile(entries));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("more than the 100,000 entries the state keeps");
    expect(data.size).toBe(1);
  });

  it("two files within the limits whose merge would pass them are refused too", async () => {
    const entries = Object.fromEntries(Array.from({ length: MAX_STATE_ENTRIES }, (_, i) => [`https://e.org/${i}`, { done: { on: T } }]));
    const { r, data } = await importing(stateFile(entries));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("100,001 entries, more than the 100,000 the state keeps");
    expect(data.size).toBe(1);
  });

  it("the tag command refuses the tag past the limit", async () => {
    const state = memoryStateStore();
    const add = Array.from({ length: MAX_TAGS }, (_, i) => `+t${i}`);
    expect((await runInProcess(["tag", "3", ...add], page, { state })).code).toBe(0);
    const r = await runInProcess(["tag", "3", "+one-more"], page, { state });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("would have more than 100 tags");
    expect(ownTags([...state.data.values()][0])).toHaveLength(MAX_TAGS);
  });
});

describe("keys from data are keys like any other", () => {
  const names = ["__proto__", "constructor", "toString", "hasOwnProperty"];

  it("the state file keeps entries whose key is an Object property name", () => {
    const dir = folder();
    fileStateStore({ dir, uid }).update((d) => {
      for (const name of names) d.set(name, setNote({}, `note of ${name}`, T));
      return d;
    });
    const back = fileStateStore({ dir, uid }).load();
    expect([...back.keys()].sort()).toEqual([...names].sort());
    for (const name of names) expect(back.get(name)?.note?.text).toBe(`note of ${name}`);
  });

  it("state export and import carry them", async () => {
    const data: StateData = new Map(names.map((n) => [n, markDone({}, T)]));
    const text = JSON.stringify(toJson(data));
    expect(Object.keys(JSON.parse(text).entries).sort()).toEqual([...names].sort());
    const state = memoryStateStore();
    const r = await runInProcess(["state", "import", "in.json"], page, { state, inputs: { "in.json": text } });
    expect(r.code).toBe(0);
    expect([...state.data.keys()].sort()).toEqual([...names].sort());
  });

  it("a tag named like an Object property is one's tag, set, merged and read back", () => {
    const tagged = changeTags({}, ["constructor", "tostring"], [], T);
    expect(ownTags(tagged)).toEqual(["constructor", "tostring"]);
    const merged = mergeEntry(tagged, changeTags({}, ["valueof"], [], T));
    expect(ownTags(merged)).toEqual(["constructor", "tostring", "valueof"]);
    expect(ownTags(mergeEntry({}, changeTags({}, [], ["constructor"], T)))).toEqual([]);
    const back = fromJson(JSON.parse(JSON.stringify(toJson(new Map([["https://a.org/", merged]])))));
    expect(ownTags(back.get("https://a.org/"))).toEqual(["constructor", "tostring", "valueof"]);
  });

  it("front matter keeps keys named like Object properties, fresh and through the cache", () => {
    const page = parsePage("---\ntitle: T\n__proto__: kept\nconstructor: also\nnested:\n  __proto__: deep\n---\n- [a](https://a.example/)\n", "p.md");
    for (const meta of [page.frontMatter.meta, throughCache(page).page.frontMatter.meta]) {
      expect(JSON.parse(JSON.stringify(meta))).toEqual(JSON.parse('{"title":"T","__proto__":"kept","constructor":"also","nested":{"__proto__":"deep"}}'));
    }
  });
});
