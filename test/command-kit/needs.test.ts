// Each command declares the part of the world it reads (#25), and gets only that: TypeScript
// refuses a run() that reads a member it did not name; here each command runs in process on a
// world whose undeclared members throw, and every member it names is read by one of its runs.
// And the whole Context stays at the top: no file of src/ but the commands, their kit,
// program.ts and cli.ts names it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram, COMMANDS, worldOf } from "../../src/program";
import type { Context, GlobalOptions, Need } from "../../src/command-kit/context";
import type { CommandSpec } from "../../src/command-kit/spec";
import { inProcessContext, memoryStateStore, type InProcessOptions } from "../helpers/context";
import { catalogFromText, SEED } from "../helpers/pages";
import { markDone } from "../../src/state/model";
import type { HttpClient } from "../../src/check/types";

const seedText = readFileSync(SEED, "utf8");
const TALKS = readFileSync(join(import.meta.dirname, "../fixtures/talk-list.md"), "utf8");

/** What each command read of the world, over all the runs below. */
const used = new Map<string, Set<string>>();

class Undeclared extends Error {}

/** A world of `ctx` with only `spec`'s members: reading another throws (and fails the test). */
function strictWorld(spec: CommandSpec<never>, ctx: Context): object {
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== "string") return undefined;
        if (!(spec.needs as readonly string[]).includes(key)) throw new Undeclared(`${spec.name} reads ctx.${key}, which it does not declare in its needs`);
        (used.get(spec.name) ?? used.set(spec.name, new Set()).get(spec.name)!).add(key);
        return ctx[key as Need];
      },
    },
  );
}

const answering: HttpClient = async (request) => ({
  status: request.url.includes("moved") ? 301 : 200,
  statusText: "OK",
  header: (name) => (name === "location" && request.url.includes("moved") ? "https://h.example/new" : name === "content-type" ? "text/html" : undefined),
  body: '<html><head><title>A title</title><meta itemprop="duration" content="PT12M5S"></head></html>',
});

/** Runs one command line as main() does, but through strictWorld; returns what went wrong, if it was an undeclared read. */
async function runStrict(argv: string[], page: string, options: InProcessOptions = {}): Promise<string | undefined> {
  const out = { stdout: "", stderr: "", opened: [] as string[], written: new Map<string, string>() };
  const context = inProcessContext(page, options, out);
  const program = buildProgram(
    { version: "0", write: () => undefined, context },
    async (spec, args, command) => {
      const ctx = context(command.optsWithGlobals() as GlobalOptions);
      await spec.run(strictWorld(spec, ctx) as never, args, command.optsWithGlobals() as never);
    },
    argv,
  );
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    // A command may fail for its own reasons (nothing found, no terminal): only an undeclared read counts here.
    if (error instanceof Undeclared) return error.message;
  }
  return undefined;
}

/** One's state with entry 22 done and opened: what --todo, marks and `recent` read. */
const URL_22 = catalogFromText(seedText).entries.find((e) => e.position === 22)!.url;
const someState = () => memoryStateStore(new Map([[URL_22, { ...markDone({}, "2026-01-01T00:00:00Z"), opened: "2026-01-02T00:00:00Z" }]]));
const TALK_PAGE = "## Talks\n\n- [A talk / Some One](https://h.example/a) [10:00]\n- [B talk / Other One](https://h.example/b)\n";

const memoryPage = (text = seedText): InProcessOptions => ({ editTarget: () => ({ path: "my-links.md", text, write: () => undefined }) });
const tty: InProcessOptions = { tty: true, errTty: true };

/** Command lines that reach, between them, every member each command declares. */
const RUNS: [string[], string?, InProcessOptions?][] = [
  [["list"]], [["list", "--todo"], seedText, tty], [["list", "--json"]], [["list", "--fields", "id,title"]], [["list", "--section", "nothing-such"]],
  [["search", "consensus"]], [["search", "consensus"], seedText, tty], [["search", "consensus", "--json"]], [["search", "consensus", "--fields", "id"]], [["search", "zzzqqqxxx"]], [["search", "consensus", "zzzqqqxxx"]],
  [["open", "22"], seedText, tty], [["open", "22", "--json"]],
  [["show", "22"]], [["show", "22", "--json"]], [["show", "22", "--fields", "id"]],
  [["pick", "consensus", "--print"], seedText, { ...tty, choose: async (config) => (config.source("", undefined), 22), follow: async (c) => c }], [["pick", "consensus"], seedText, { ...tty, choose: async () => 22 }], [["pick", "consensus"]],
  [["sections"], seedText, tty], [["sections", "--json"]], [["speakers"], seedText, tty], [["speakers", "--json"]], [["speakers"], "## L\n\n- [A](https://h.example/a)\n"], [["authors"], seedText, tty], [["authors", "--json"]],
  [["events"], TALKS, tty], [["events"]], [["years"]], [["events", "--json"], TALKS], [["years"], TALKS, tty], [["years", "--json"], TALKS],
  [["check", "--retries", "0", "--fix", "--archive", "--dry-run"], "## L\n\n- [Moved](https://h.example/moved)\n- [Site](/x)\n", { ...tty, http: answering, progressBar: async () => ({ update: () => undefined, stop: () => undefined }), ...memoryPage("## L\n\n- [Moved](https://h.example/moved)\n"), confirm: async () => false }],
  [["check", "--retries", "0", "--todo"], "## L\n\n- [A](https://h.example/a)\n", { http: answering }], [["check", "--retries", "0", "--json", "--fix"], "## L\n\n- [Moved](https://h.example/moved)\n", { http: answering, ...memoryPage("## L\n\n- [Moved](https://h.example/moved)\n"), confirm: async () => false }],
  [["enrich", "--json"], "## L\n\n- [A](https://h.example/a)\n", { http: answering }],
  [["enrich", "--todo", "--json"], "## L\n\n- [A](https://h.example/a)\n", { http: answering }],
  [["enrich", "--write", "--interval", "0", "--retries", "0"], TALK_PAGE, { ...tty, http: answering, progressBar: async () => ({ update: () => undefined, stop: () => undefined }), ...memoryPage(TALK_PAGE), confirm: async () => false }],
  [["export", "--format", "md"]], [["export", "--format", "html", "-o", "out.html"]],
  [["import", "bookmarks.html", "--file", "my-links.md", "--dry-run"], seedText, { ...tty, inputs: { "bookmarks.html": '<DL><DT><A HREF="https://h.example/b">B</A></DL>' }, ...memoryPage() }],
  [["import", "bookmarks.html", "--file", "my-links.md", "--json", "--dry-run"], seedText, { inputs: { "bookmarks.html": '<DL><DT><A HREF="https://h.example/b">B</A></DL>' }, ...memoryPage() }],
  [["import", "bookmarks.html", "-o", "x.md"], seedText, { inputs: { "bookmarks.html": '<DL><DT><A HREF="https://h.example/b">B</A></DL>' } }],
  [["import", "bookmarks.html", "--file", "my-links.md", "--section", "YouTube"], seedText, { inputs: { "bookmarks.html": '<DL><DT><A HREF="https://h.example/b">B</A></DL>' }, ...memoryPage(), confirm: async () => false }],
  [["done", "22"], seedText, tty], [["done", "22", "--json"]], [["undone", "22"], seedText, tty], [["undone", "22", "--json"]],
  [["next"], seedText, tty], [["next", "--json"]], [["next", "--open"], seedText, tty], [["next", "--fields", "id"]],
  [["random"], seedText, tty], [["random", "--json"]], [["random", "--open"], seedText, tty],
  [["recent"], seedText, tty], [["recent", "--json"]],
  [["note", "22", "a", "note"]], [["note", "22", "--json", "a"]], [["note", "22"], seedText, { ...tty, edit: async (t) => t }],
  [["tag", "22", "+mine"]], [["tag", "22", "--json", "+mine"]],
  [["state", "export", "--json"]], [["state", "export", "-o", "s.json"]], [["state", "import", "s.json"], seedText, { inputs: { "s.json": "{}" } }], [["state", "path"]],
  [["add", "https://h.example/new-one", "--dry-run"], seedText, { ...tty, http: answering, ...memoryPage() }], [["add", "https://h.example/new-one", "--title", "T", "--json", "--dry-run"], seedText, memoryPage()], [["add", "https://h.example/new-one", "--title", "T"], seedText, { ...tty, ...memoryPage() }],
  [["remove", "22", "--dry-run"], seedText, { ...tty, ...memoryPage() }], [["remove", "22", "--json", "--dry-run"], seedText, memoryPage()], [["remove", "22"], seedText, { ...tty, ...memoryPage() }],
  [["move", "22", "--section", "Medium", "--dry-run"], seedText, { ...tty, ...memoryPage() }], [["move", "22", "--section", "Medium", "--json", "--dry-run"], seedText, memoryPage()], [["move", "22", "--section", "Medium"], seedText, { ...tty, ...memoryPage() }],
  [["completion", "bash"]], [["__complete", "ids", "con"]],
];

describe("each command's needs (#25)", () => {
  it("the program hands a command only what it declared, read when the command reads it", () => {
    let reads = 0;
    const whole = { out: { isTTY: false, write: () => undefined }, get json() { reads++; return true; } } as unknown as Context;
    const world = worldOf(whole, ["json"]);
    expect(Object.keys(world)).toEqual(["json"]);
    expect(reads).toBe(0);
    expect(world.json).toBe(true);
    expect(reads).toBe(1);
    expect("out" in world).toBe(false);
  });

  it("no command reads a member of the world it did not declare", async () => {
    const undeclared: string[] = [];
    for (const [argv, page, options] of RUNS) {
      const wrong = await runStrict(argv, page ?? seedText, { state: someState(), ...options });
      if (wrong) undeclared.push(`${argv.join(" ")}: ${wrong}`);
    }
    expect(undeclared).toEqual([]);
    // The runs reached every command, or the check below says nothing of the ones they missed.
    expect(COMMANDS.map((c) => c.name).filter((name) => !used.has(name))).toEqual([]);
  });

  it("every member a command declares, one of its runs reads", () => {
    expect(used.size).toBeGreaterThan(0);
    const unread = COMMANDS.flatMap((c) => c.needs.filter((need) => !used.get(c.name)?.has(need)).map((need) => `${c.name}: ${need}`));
    expect(unread).toEqual([]);
  });
});

/** The folders and files of src/ that may name the whole Context: where it is declared, built and narrowed. */
const MAY_NAME_CONTEXT = /^(command-kit\/|commands\/|program\.ts$|cli\.ts$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the whole Context stays at the top (#25)", () => {
  const SRC = join(import.meta.dirname, "../../src");
  const importsContext = (source: string) => /import\s+(?:type\s+)?\{[^}]*\bContext\b[^}]*\}\s+from\s+["'][^"']*command-kit\/context["']/.test(source);

  it("tells an import of the Context from one of its parts", () => {
    expect(importsContext('import type { Context, GlobalOptions } from "../command-kit/context";')).toBe(true);
    expect(importsContext('import type { Printer } from "../command-kit/context";')).toBe(false);
  });

  it("no file of src/ outside command-kit/, commands/, program.ts and cli.ts imports Context", () => {
    const files = sourceFiles(SRC).map((path) => relative(SRC, path).replaceAll("\\", "/"));
    expect(files.length).toBeGreaterThan(50);
    const offending = files.filter((file) => !MAY_NAME_CONTEXT.test(file) && importsContext(readFileSync(join(SRC, file), "utf8")));
    expect(offending).toEqual([]);
  });
});
