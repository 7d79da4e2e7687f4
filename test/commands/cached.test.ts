// A command cannot tell a page read from the cache from one just parsed (#15): every command
// below prints the same, byte for byte, whether its Catalog holds the parsed entries or the
// cache's (stored columns, entries built one by one when read, TSV lines from summaries).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryStateStore, runInProcess } from "../helpers/context";
import { AWESOME_COPY, SEED } from "../helpers/pages";
import { stateKey } from "../../src/state/model";

const pages = { seed: readFileSync(SEED, "utf8"), awesome: readFileSync(AWESOME_COPY, "utf8") };

const RUNS: [keyof typeof pages, string[], { tty?: boolean; state?: boolean }?][] = [
  ["seed", ["list"]],
  ["seed", ["list"], { tty: true }],
  ["seed", ["--json", "list", "--kind", "talk"]],
  ["seed", ["list", "--sort", "title", "-n", "5"]],
  ["seed", ["search", "consensus"]],
  ["seed", ["search", "consensus"], { tty: true }],
  ["seed", ["search", "camenish"]],
  ["seed", ["--json", "search", "chain", "key"]],
  ["seed", ["search", "nns", "--fields", "id,title,url,score"]],
  ["seed", ["search", "consensus", "--todo"], { state: true }],
  ["seed", ["search", "favourite"], { state: true }],
  ["seed", ["show", "consensus-overview"]],
  ["seed", ["show", "3"]],
  ["seed", ["open", "--print", "consensus-overview", "2"]],
  ["seed", ["sections"]],
  ["seed", ["speakers"], { tty: true }],
  ["seed", ["export", "--format", "csv"]],
  ["seed", ["export", "--format", "md"]],
  ["seed", ["export", "--format", "json"]],
  ["seed", ["next", "--print"], { state: true }],
  ["awesome", ["search", "motoko"]],
  ["awesome", ["search", "motoko", "--kind", "repo"]],
  ["awesome", ["list", "--section", "tools"]],
  ["awesome", ["--json", "search", "section:testing"]],
  ["awesome", ["search", "etherium"]],
  ["awesome", ["sections"]],
  ["awesome", ["export", "--format", "csv", "--tag", "x"]],
];

/** One's own layer with a done entry and a note, so that --todo and note search have something to do. */
function state() {
  const store = memoryStateStore();
  store.data.set(stateKey("https://medium.com/dfinity/achieving-consensus-on-the-internet-computer-ee9fbfbafcbc"), { done: { on: "2026-11-20T10:00:00Z" } });
  store.data.set(stateKey("https://www.youtube.com/watch?v=UHA7W-8My_I"), { note: { text: "my favourite talk", at: "2026-11-20T10:00:00Z" } });
  return store;
}

describe("the same output from the cache as from the parser", () => {
  it.each(RUNS)("%s: %j", async (name, argv, how = {}) => {
    const run = (cached: boolean) => runInProcess(argv, pages[name], { cached, tty: how.tty ?? false, ...(how.state ? { state: state() } : {}) });
    const parsed = await run(false);
    const cached = await run(true);
    expect(cached).toEqual(parsed);
    // Not a comparison of two empty runs.
    expect(parsed.stdout.length + parsed.stderr.length).toBeGreaterThan(0);
  });
});
