// The commands of one's own layer, in process (#16): done, undone, next, random, recent, note,
// tag, state, and what list, search, show, sections, speakers, export and open make of it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryStateStore, runInProcess } from "../helpers/context";
import { catalogFromText, SEED } from "../helpers/pages";
import { markDone, markOpened, setNote, stateKey, type StateData } from "../../src/state/model";
import type { StateStore } from "../../src/io/state/store";
import { UsageError } from "../../src/errors";

const page = readFileSync(SEED, "utf8");
const UTF8 = { LANG: "C.UTF-8" };

/** Runs commands one after the other over one state, as a person would in a shell. */
function session(data: StateData = new Map()) {
  const state = memoryStateStore(data);
  return {
    state,
    run: (argv: string[], options: Parameters<typeof runInProcess>[2] = {}) => runInProcess(argv, page, { env: UTF8, state, ...options }),
  };
}

/** A store that fails the test if it is read. */
const untouchable: StateStore = {
  enabled: true,
  file: "/nowhere/state.json",
  load: () => {
    throw new Error("the state was read");
  },
  update: () => {
    throw new Error("the state was written");
  },
};

describe("done and undone", () => {
  it("marks entries done with the date, keeps the first date, and takes it back", async () => {
    const s = session();
    const r = await s.run(["done", "3", "consensus-overview"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("chain-key-cryptography-the\tChain Key Cryptography: The Scientific Breakthrough Behind the Internet Computer\t(done 2026-11-23)");
    expect(r.stdout).toContain("consensus-overview\tConsensus Overview\t(done 2026-11-23)");
    const again = await s.run(["done", "3"], { now: new Date("2026-12-01T00:00:00Z") });
    expect(again.stdout).toContain("(already done on 2026-11-23)");
    const show = await s.run(["show", "3"]);
    expect(show.stdout).toContain("done\t2026-11-23");
    const back = await s.run(["undone", "3"]);
    expect(back.stdout).toContain("(not done any more)");
    expect((await s.run(["show", "3"])).stdout).not.toMatch(/^done\t/m);
    expect((await s.run(["undone", "3"])).stdout).toContain("(was not done)");
  });

  it("keeps the state by normalised URL: the page, not the id, decides", async () => {
    const s = session();
    await s.run(["done", "consensus-overview"]);
    expect([...s.state.data.keys()]).toEqual([stateKey("https://www.youtube.com/watch?v=vVLRRYh3JYo")]);
    // The same link written another way on an edited page keeps its mark.
    const edited = page.replace("https://www.youtube.com/watch?v=vVLRRYh3JYo", "http://WWW.YouTube.com/watch?v=vVLRRYh3JYo&si=shared&utm_source=x");
    const r = await runInProcess(["list", "--done"], edited, { env: UTF8, state: s.state });
    expect(r.stdout).toBe("consensus-overview\tConsensus Overview\thttp://WWW.YouTube.com/watch?v=vVLRRYh3JYo&si=shared&utm_source=x\tManu Drijvers\tYouTube\n");
  });

  it("an unknown ref is exit 1 and marks nothing", async () => {
    const s = session();
    const r = await s.run(["done", "3", "no-such-entry-anywhere"]);
    expect(r.code).toBe(1);
    expect(s.state.data.size).toBe(0);
  });
});

describe("--todo, --done and marks", () => {
  it("list --todo and --done split the page; both at once is a usage error", async () => {
    const s = session();
    await s.run(["done", "1", "2"]);
    const todo = await s.run(["list", "--todo"]);
    const done = await s.run(["list", "--done"]);
    expect(done.stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0])).toEqual(["internet-computer-technology", "achieving-consensus-on-the"]);
    expect(todo.stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0])).toEqual(catalogFromText(page).entries.slice(2).map((e) => e.id));
    const both = await s.run(["list", "--todo", "--done"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--todo and --done exclude each other");
  });

  it("rows on a terminal carry ✓, or 'done' where the locale is not UTF-8", async () => {
    const s = session();
    await s.run(["done", "1"]);
    const utf8 = await s.run(["list"], { tty: true });
    expect(utf8.stdout).toMatch(/^\s*1\s+\u2713\s+internet-computer-t/m);
    expect(utf8.stdout).toMatch(/^\s*2\s+achieving-consensus-on-/m);
    const ascii = await s.run(["list"], { tty: true, env: { LANG: "C" } });
    expect(ascii.stdout).toMatch(/^\s*1\s+done\s+internet-computer-t/m);
    expect(ascii.stdout).not.toContain("\u2713");
    const search = await s.run(["search", "internet", "computer", "technology"], { tty: true });
    expect(search.stdout).toMatch(/1\s+\u2713\s+internet-computer-t/);
  });

  it("search, export and check take --todo and --done", async () => {
    const s = session();
    await s.run(["done", "consensus-overview"]);
    expect((await s.run(["search", "consensus", "--done"])).stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0])).toEqual(["consensus-overview"]);
    expect((await s.run(["search", "consensus", "--todo"])).stdout).not.toContain("consensus-overview");
    const csv = await s.run(["export", "--format", "csv", "--done"]);
    expect(csv.stdout.split("\r\n").slice(1).map((row) => row.split(",")[0])).toEqual(["consensus-overview", ""]);
    const checked: string[] = [];
    const check = await s.run(["check", "--todo", "--kind", "talk", "--retries", "0", "--interval", "0"], { http: async (req) => (checked.push(req.url), { status: 200, statusText: "OK", header: () => undefined, body: "" }) });
    expect(check.code).toBe(0);
    // Every talk but the one done, each once.
    const talks = catalogFromText(page).entries.filter((e) => e.kind === "talk" && e.id !== "consensus-overview").map((e) => e.url);
    expect([...checked].sort()).toEqual([...talks].sort());
  });

  it("a list in a pipe without --todo, --done or --tag does not read the state", async () => {
    const r = await runInProcess(["list"], page, { state: untouchable });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await runInProcess(["list"], page)).stdout);
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(26);
  });
});

describe("next and random", () => {
  it("next is the first entry in page order not done; --open opens it and remembers it", async () => {
    const s = session();
    expect((await s.run(["next"])).stdout).toMatch(/^internet-computer-technology\t/);
    await s.run(["done", "1"]);
    expect((await s.run(["next"])).stdout).toMatch(/^achieving-consensus-on-the\t/);
    expect((await s.run(["next", "--kind", "talk"])).stdout).toMatch(/^threshold-ecdsa-signing\t/);
    const opened = await s.run(["next", "--kind", "talk", "--open"]);
    expect(opened.opened).toEqual(["https://www.youtube.com/watch?v=MulbKPwv6_s"]);
    expect((await s.run(["recent"])).stdout).toMatch(/^2026-11-23T12:00:00.000Z\tthreshold-ecdsa-signing\tThreshold ECDSA Signing\t/);
    const json = JSON.parse((await s.run(["next", "--json"])).stdout);
    expect(json).toMatchObject({ id: "achieving-consensus-on-the", progress: { done: 1, total: 26 } });
  });

  it("nothing left is exit 1, said", async () => {
    const s = session();
    await s.run(["done", "resumption", "consensus-overview"]);
    const r = await s.run(["next", "--speaker", "manu"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("all 2 entries are done here");
    expect((await s.run(["random", "--speaker", "manu"])).code).toBe(1);
  });

  it("random picks among the entries not done, with the random source given", async () => {
    const s = session();
    await s.run(["done", "consensus-overview"]);
    const last = await s.run(["random", "--speaker", "manu"], { random: () => 0.999 });
    expect(last.stdout).toMatch(/^resumption\t/);
    const first = await s.run(["random", "--kind", "talk"], { random: () => 0 });
    expect(first.stdout).toMatch(/^threshold-ecdsa-signing\t/);
  });
});

describe("open and recent", () => {
  it("open remembers what was opened and when; --print does not", async () => {
    const s = session();
    await s.run(["open", "--print", "3"]);
    expect(s.state.data.size).toBe(0);
    await s.run(["open", "3"], { now: new Date("2026-11-20T10:00:00Z") });
    await s.run(["open", "consensus-overview"], { now: new Date("2026-11-21T10:00:00Z") });
    const r = await s.run(["recent", "--json"]);
    expect(JSON.parse(r.stdout).map((x: { id: string }) => x.id)).toEqual(["consensus-overview", "chain-key-cryptography-the"]);
    expect((await s.run(["recent", "-n", "1"])).stdout).toBe("2026-11-21T10:00:00.000Z\tconsensus-overview\tConsensus Overview\thttps://www.youtube.com/watch?v=vVLRRYh3JYo\n");
  });

  it("recent lists entries that left the page by the title they had; nothing opened is exit 1", async () => {
    const data: StateData = new Map([["https://gone.example/talk", { ...markOpened({}, "2026-11-01T00:00:00.000Z"), title: "A talk that left", id: "a-talk" }]]);
    const r = await session(data).run(["recent"], { tty: true });
    expect(r.stdout).toContain("(not on this page)");
    expect(r.stdout).toContain("A talk that left");
    expect((await session().run(["recent"])).code).toBe(1);
  });

  it("a failure to remember an opening is said, and the link is open", async () => {
    const failing: StateStore = { enabled: true, file: "/x/state.json", load: () => new Map(), update: () => { throw new UsageError("the state is locked by process 1"); } };
    const r = await runInProcess(["open", "3"], page, { state: failing });
    expect(r.code).toBe(0);
    expect(r.opened).toEqual(["https://medium.com/dfinity/chain-key-technology-one-public-key-for-the-internet-computer-6a3644901e28"]);
    expect(r.stderr).toContain("opened, but not remembered: the state is locked by process 1");
  });
});

describe("note and tag", () => {
  it("a note is set, shown, searched and cleared", async () => {
    const s = session();
    await s.run(["note", "3", "rewatch", "the", "part", "on", "finality"]);
    expect((await s.run(["show", "3"])).stdout).toContain("note\trewatch the part on finality");
    expect((await s.run(["search", "finality"])).stdout).toMatch(/^chain-key-cryptography-the\t/);
    await s.run(["note", "3", "--clear"]);
    expect((await s.run(["show", "3"])).stdout).not.toContain("note\t");
    expect((await s.run(["search", "finality"])).code).toBe(1);
    expect((await s.run(["note", "3", "--clear", "text"])).code).toBe(2);
  });

  it("with no text, the editor gets the note and saves what it returns", async () => {
    const s = session();
    await s.run(["note", "3", "first"]);
    let given = "";
    const r = await s.run(["note", "3"], { edit: async (text, name) => ((given = `${name}:${text}`), "second line one\nline two\n\n") });
    expect(r.code).toBe(0);
    expect(given).toBe("icp-links-note-chain-key-cryptography-the:first");
    const show = await s.run(["show", "3"]);
    expect(show.stdout).toContain("note\tsecond line one\n\tline two\n");
  });

  it("with no text and no terminal, no editor starts: exit 2, say to give the text, the note unchanged (#22)", async () => {
    const s = session();
    await s.run(["note", "3", "first"]);
    const r = await s.run(["note", "3"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: no terminal to run an editor on (give the note as text, or run it in a terminal: icp-links note chain-key-cryptography-the 'the text')\n");
    expect((await s.run(["show", "3"])).stdout).toContain("note\tfirst");
  });

  it("own tags: +name, -name, matched by --tag and searched", async () => {
    const s = session();
    const r = await s.run(["tag", "3", "+rewatch", "+Fav", "-old"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("chain-key-cryptography-the\tfav rewatch\n");
    expect((await s.run(["list", "--tag", "rewatch"])).stdout).toMatch(/^chain-key-cryptography-the\t/);
    expect((await s.run(["search", "rewatch"])).stdout).toMatch(/^chain-key-cryptography-the\t/);
    await s.run(["tag", "3", "-rewatch"]);
    expect((await s.run(["list", "--tag", "rewatch"])).stdout).toBe("");
    // Page tags still match.
    expect((await s.run(["list", "--tag", "dfinity"])).stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0])).toEqual(catalogFromText(page).entries.map((e) => e.id));
    const bad = await s.run(["tag", "3", "+a b"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'+a b' is not a tag change");
  });
});

describe("progress in sections and speakers", () => {
  it("shows done/total per section and speaker", async () => {
    const s = session();
    await s.run(["done", "consensus-overview", "execution"]);
    const sections = await s.run(["sections"], { tty: true });
    expect(sections.stdout).toMatch(/2\/15\s+YouTube/);
    expect(sections.stdout).toMatch(/0\/3\s+Medium/);
    expect(JSON.parse((await s.run(["sections", "--json"])).stdout).find((f: { name: string }) => f.name === "YouTube")).toMatchObject({ count: 15, done: 2 });
    expect((await s.run(["sections"])).stdout).toContain("YouTube\t15\tYouTube\t2\t0\t13\n");
    const speakers = await s.run(["speakers"], { tty: true });
    expect(speakers.stdout).toContain("Manu Drijvers (1/2)");
    expect(speakers.stdout).toMatch(/\u2713\s+consensus-overview/);
    // Nothing done: the counts alone, as before.
    expect((await session().run(["sections"], { tty: true })).stdout).toMatch(/15\s+YouTube/);
  });
});

describe("exports and state export/import", () => {
  it("export json and csv carry the state", async () => {
    const s = session();
    await s.run(["done", "3"]);
    await s.run(["note", "3", "a note, with a comma"]);
    await s.run(["tag", "3", "+rewatch"]);
    const json = JSON.parse((await s.run(["export", "--format", "json"])).stdout);
    expect(json.entries[2].state).toEqual({ done: "2026-11-23T12:00:00.000Z", opened: null, note: "a note, with a comma", tags: ["rewatch"] });
    expect(json.entries[0].state).toBeNull();
    const csv = (await s.run(["export", "--format", "csv"])).stdout;
    expect(csv.split("\r\n")[0]).toBe("id,position,title,url,kind,section,speaker,description,tags,source,line,event,year,duration,done,opened,note,own_tags,authors");
    expect(csv).toContain(',2026-11-23T12:00:00.000Z,,"a note, with a comma",rewatch,\r\n');
  });

  it("state export writes everything, entries that left the page too; import merges", async () => {
    const gone: StateData = new Map([["https://gone.example/x", { ...markDone({}, "2026-10-01T00:00:00.000Z"), title: "Gone", id: "gone" }]]);
    const s = session(gone);
    await s.run(["done", "1"]);
    const exported = await s.run(["state", "export"]);
    const file = JSON.parse(exported.stdout);
    expect(Object.keys(file.entries).sort()).toEqual(["https://gone.example/x", "https://medium.com/dfinity/https-medium-com-dfinity-technology/home"]);

    const other = session(new Map([["https://medium.com/dfinity/https-medium-com-dfinity-technology/home", setNote({}, "from the laptop", "2026-11-01T00:00:00.000Z")]]));
    const r = await other.run(["state", "import", "from-desktop.json"], { inputs: { "from-desktop.json": exported.stdout } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("merged 2 entries from from-desktop.json");
    const show = await other.run(["show", "1"]);
    expect(show.stdout).toContain("done\t2026-11-23");
    expect(show.stdout).toContain("note\tfrom the laptop");
    // Twice is once.
    const before = JSON.stringify([...other.state.data]);
    await other.run(["state", "import", "from-desktop.json"], { inputs: { "from-desktop.json": exported.stdout } });
    expect(JSON.stringify([...other.state.data])).toBe(before);
  });

  it("a file that is not a state file imports nothing, exit 2", async () => {
    const s = session();
    await s.run(["done", "1"]);
    const before = JSON.stringify([...s.state.data]);
    const r = await s.run(["state", "import", "bad.json"], { inputs: { "bad.json": '{"version":1,"entries":{"u":{"done":"yes"}}}' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.json: not a state file");
    expect(JSON.stringify([...s.state.data])).toBe(before);
    expect((await s.run(["state", "import"])).code).toBe(2);
    expect((await s.run(["state", "frobnicate"])).code).toBe(2);
  });
});

describe("a link that moved", () => {
  it("keeps its state when check recorded a permanent redirect and the page now has the new URL", async () => {
    const s = session();
    await s.run(["done", "consensus-overview"]);
    const moved = page.replace("https://www.youtube.com/watch?v=vVLRRYh3JYo", "https://videos.example/consensus-overview");
    // check finds the old URL redirected (the page still has it), then the page is edited.
    const http = async (req: { url: string }) =>
      req.url.includes("vVLRRYh3JYo") ? { status: 301, statusText: "Moved", header: (n: string) => (n.toLowerCase() === "location" ? "https://videos.example/consensus-overview" : undefined), body: "" } : { status: 200, statusText: "OK", header: () => undefined, body: "" };
    const checks = new Map();
    await runInProcess(["check", "consensus-overview", "--retries", "0", "--interval", "0"], page, { env: UTF8, state: s.state, http, checks });
    const r = await runInProcess(["list", "--done"], moved, { env: UTF8, state: s.state, checks });
    expect(r.stdout).toMatch(/^consensus-overview\t.*videos\.example/);
  });
});

describe("--no-state and ICP_LINKS_NO_STATE=1", () => {
  it("neither read nor write the state", async () => {
    for (const how of [{ argv: ["--no-state"], env: UTF8 }, { argv: [], env: { ...UTF8, ICP_LINKS_NO_STATE: "1" } }]) {
      const list = await runInProcess([...how.argv, "list"], page, { state: untouchable, env: how.env, tty: true });
      expect(list.code).toBe(0);
      const search = await runInProcess([...how.argv, "search", "consensus"], page, { state: untouchable, env: how.env });
      expect(search.code).toBe(0);
      const opened = await runInProcess([...how.argv, "open", "3"], page, { state: untouchable, env: how.env });
      expect(opened.code).toBe(0);
      const done = await runInProcess([...how.argv, "done", "3"], page, { state: untouchable, env: how.env });
      expect(done.code).toBe(2);
      expect(done.stderr).toContain("the state is off");
    }
  });
});

describe("bad input: one line, the documented exit code, nothing changed", () => {
  it.each([
    [["done"], 2, "icp-links: missing required argument 'ref' (see 'icp-links --help')\n"],
    [["done", "nope"], 1, "icp-links: no entry 'nope' (run 'icp-links list' to see the ids)\n"],
    [["undone", "nope"], 1, "icp-links: no entry 'nope' (run 'icp-links list' to see the ids)\n"],
    [["note", "3", "--clear", "text"], 2, "icp-links: --clear takes no text (give either --clear or the note's text)\n"],
    [["note", "nope", "text"], 1, "icp-links: no entry 'nope' (run 'icp-links list' to see the ids)\n"],
    [["note", "3", "x".repeat(64 * 1024 + 1)], 2, "icp-links: the note is 65537 characters; at most 65536 (keep notes short, or link to a file)\n"],
    [["tag", "nope", "+x"], 1, "icp-links: no entry 'nope' (run 'icp-links list' to see the ids)\n"],
    [["tag", "3", "+a/b"], 2, "icp-links: '+a/b' is not a tag change (write +name to add a tag, -name to remove one (letters, digits, . _ -))\n"],
    [["recent"], 1, "icp-links: nothing opened yet (open an entry with 'icp-links open', 'pick' or 'next --open')\n"],
    [["recent", "-n", "0"], 2, "icp-links: option '-n, --limit <n>' argument '0' is invalid. expected a whole number of 1 or more (see 'icp-links --help')\n"],
    [["state", "frobnicate"], 2, "icp-links: unknown action 'frobnicate' (use one of: path, export, import)\n"],
    [["state", "import"], 2, "icp-links: 'state import' needs a file (give the file 'state export' wrote, or - for standard input)\n"],
    [["state", "import", "missing.json"], 2, "icp-links: cannot read missing.json: no such file (check the path)\n"],
  ])("%j: exit %i", async (argv, code, stderr) => {
    const s = session();
    const r = await s.run(argv);
    expect(r).toMatchObject({ code, stdout: "", stderr });
    expect(s.state.data.size).toBe(0);
    expect(s.state.writes).toBe(0);
  });
});
