// One's own layer, end to end (#16): the built binary with an isolated XDG_STATE_HOME.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, isolatedHome, run } from "../helpers/cli";

const stateFile = (home: string) => join(home, ".local/state/icp-links/state.json");
const entries = (home: string) => JSON.parse(readFileSync(stateFile(home), "utf8")).entries as Record<string, { done?: { on?: string }; note?: { text: string } }>;

/** script(1) of util-linux, to give a run a terminal. */
const hasScript = spawnSync("script", ["-qec", "true", "/dev/null"]).status === 0;

/** Runs icp-links on a terminal (a pty from script(1)), as a person at the keyboard would; the exit code and the screen's text. */
function onTerminal(args: string[], home: string, env: Record<string, string | undefined>): { code: number | null; screen: string } {
  const quote = (w: string) => `'${w.replaceAll("'", "'\\''")}'`;
  const full: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, XDG_CACHE_HOME: join(home, ".cache"), XDG_STATE_HOME: join(home, ".local/state"), LANG: "C.UTF-8", TERM: "dumb" };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete full[key];
  else full[key] = value;
  const r = spawnSync("script", ["-qec", [process.execPath, BIN, ...args].map(quote).join(" "), "/dev/null"], { env: full, encoding: "utf8", timeout: 20_000 });
  return { code: r.status, screen: r.stdout };
}

describe("the own layer, end to end", () => {
  it("every command, in one session on the bundled page", async () => {
    const home = isolatedHome();
    const r = (args: string[], env: Record<string, string> = {}) => run(args, { home, env });

    expect((await r(["done", "1", "consensus-overview"])).code).toBe(0);
    expect(Object.keys(entries(home))).toHaveLength(2);
    // Not in the cache folder: clearing the cache keeps it.
    expect(existsSync(join(home, ".cache/icp-links/state.json"))).toBe(false);
    expect((await r(["next"])).stdout).toMatch(/^achieving-consensus-on-the\t/);
    expect((await r(["random", "--speaker", "manu"])).stdout).toMatch(/^resumption\t/);
    expect((await r(["undone", "1"])).stdout).toContain("not done any more");
    expect((await r(["list", "--done"])).stdout).toMatch(/^consensus-overview\t/);
    expect((await r(["note", "22", "about", "finality"])).code).toBe(0);
    expect((await r(["search", "finality"])).stdout).toMatch(/^consensus-overview\t/);
    expect((await r(["tag", "22", "+rewatch", "-boring"])).stdout).toBe("consensus-overview\trewatch\n");
    expect((await r(["list", "--tag", "rewatch"])).stdout).toMatch(/^consensus-overview\t/);
    expect((await r(["show", "22"])).stdout).toMatch(/^done\t\d{4}-\d{2}-\d{2}$/m);
    const open = await r(["open", "22"]);
    expect(open.code).toBe(0);
    expect(open.opened).toEqual([["https://www.youtube.com/watch?v=vVLRRYh3JYo"]]);
    expect((await r(["recent"])).stdout).toMatch(/\tconsensus-overview\tConsensus Overview\t/);
    expect((await r(["sections"])).stdout).toContain("YouTube\t15\tYouTube\t1\t0\t14\n");
    expect((await r(["speakers", "--json"])).stdout).toContain('"done": 1');
    expect(JSON.parse((await r(["export", "--format", "json", "--done"])).stdout).entries[0].state.note).toBe("about finality");
    expect((await r(["state", "path"])).stdout).toBe(`${stateFile(home)}\n`);
    const exported = await r(["state", "export"]);
    const other = isolatedHome();
    writeFileSync(join(other, "mine.json"), exported.stdout);
    const imported = await run(["state", "import", "mine.json"], { home: other });
    expect(imported.code).toBe(0);
    expect((await run(["list", "--done"], { home: other })).stdout).toMatch(/^consensus-overview\t/);
    // Marks in the rows of a list in a terminal: not in the TSV of a pipe.
    expect((await r(["list"])).stdout).not.toContain("\u2713");
  });

  it("note with no text and no terminal starts no editor: exit 2 (#22)", async () => {
    const home = isolatedHome();
    const editor = join(home, "ed.sh");
    writeFileSync(editor, `#!/bin/sh\ntouch "${home}/editor-ran"\n`);
    chmodSync(editor, 0o755);
    const r = await run(["note", "3"], { home, env: { EDITOR: editor, VISUAL: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("give the note as text, or run it in a terminal");
    expect(existsSync(join(home, "editor-ran"))).toBe(false);
  });

  it.runIf(hasScript)("note with no text runs $EDITOR on a temporary file, the path one argument (on a terminal)", async () => {
    const home = isolatedHome();
    // An editor command with its own argument and a space in its path, as people set it.
    const dir = join(home, "my editor");
    mkdirSync(dir);
    const editor = join(dir, "ed.sh");
    writeFileSync(editor, `#!/bin/sh\n[ "$1" = "--flag" ] || exit 3\nprintf '%s' "$2" > "${home}/edited-path"\nprintf 'written in the editor\\n' >> "$2"\n`);
    chmodSync(editor, 0o755);
    const r = onTerminal(["note", "3"], home, { EDITOR: `'${editor}' --flag`, VISUAL: undefined });
    expect(r.code).toBe(0);
    const path = readFileSync(join(home, "edited-path"), "utf8");
    expect(path).toMatch(/icp-links-note-.*chain-key-cryptography-the\.md$/);
    // Removed afterwards.
    expect(existsSync(path)).toBe(false);
    expect(Object.values(entries(home))[0]!.note!.text).toBe("written in the editor");
    const failing = onTerminal(["note", "3"], home, { EDITOR: "false" });
    expect(failing.code).toBe(2);
    expect(failing.screen).toContain("the editor 'false' failed (exit 1): the note is unchanged");
    expect(Object.values(entries(home))[0]!.note!.text).toBe("written in the editor");
  });

  it("--no-state and ICP_LINKS_NO_STATE=1 neither read nor write the state", async () => {
    const home = isolatedHome();
    await run(["done", "1"], { home });
    const before = readFileSync(stateFile(home), "utf8");
    const off = await run(["--no-state", "done", "2"], { home });
    expect(off.code).toBe(2);
    expect(off.stderr).toContain("the state is off");
    expect((await run(["list", "--done"], { home, env: { ICP_LINKS_NO_STATE: "1" } })).stdout).toBe("");
    await run(["open", "3"], { home, env: { ICP_LINKS_NO_STATE: "1" } });
    expect(readFileSync(stateFile(home), "utf8")).toBe(before);
  });

  it("a damaged state file is set aside, named in the error (exit 2), and the next run starts afresh", async () => {
    const home = isolatedHome();
    await run(["done", "1"], { home });
    writeFileSync(stateFile(home), "{ not json");
    const r = await run(["list", "--done"], { home });
    expect(r.code).toBe(2);
    const aside = readdirSync(join(home, ".local/state/icp-links")).find((n) => n.startsWith("state.json.damaged-"))!;
    expect(r.stderr).toContain(join(home, ".local/state/icp-links", aside));
    expect(readFileSync(join(home, ".local/state/icp-links", aside), "utf8")).toBe("{ not json");
    expect((await run(["done", "2"], { home })).code).toBe(0);
    expect(Object.keys(entries(home))).toHaveLength(1);
  });

  it("20 concurrent done on different entries all persist", async () => {
    const home = isolatedHome();
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => run(["done", String(i + 1)], { home, timeoutMs: 60_000 })));
    expect(runs.map((x) => x.code)).toEqual(Array(20).fill(0));
    expect(Object.keys(entries(home))).toHaveLength(20);
    expect(readdirSync(join(home, ".local/state/icp-links"))).toEqual(["state.json"]);
  }, 90_000);

  it("a writer killed between writing and renaming leaves the old state, and the next writer goes on", async () => {
    const home = isolatedHome();
    await run(["done", "1"], { home });
    const before = readFileSync(stateFile(home), "utf8");
    const child = spawn(process.execPath, [BIN, "done", "2"], {
      env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, ".cache"), XDG_STATE_HOME: join(home, ".local/state"), ICP_LINKS_TEST_PAUSE_STATE_WRITE: "1" },
    });
    await new Promise<void>((resolve) => child.stderr.on("data", (d: Buffer) => d.toString().includes("paused before rename") && resolve()));
    // Its new state is on disk, not yet in place.
    const dir = join(home, ".local/state/icp-links");
    expect(readdirSync(dir).some((n) => n.endsWith(".tmp"))).toBe(true);
    const closed = new Promise((resolve) => child.on("close", resolve));
    child.kill("SIGKILL");
    await closed;
    expect(readFileSync(stateFile(home), "utf8")).toBe(before);
    // The dead writer's lock is broken, its temporary file removed, and the next write lands.
    const next = await run(["done", "3"], { home });
    expect(next.code).toBe(0);
    expect(Object.keys(entries(home))).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(["state.json"]);
  }, 60_000);
});
