// npm run examples: runs every example of the docs on the bundled page with the built binary,
// as a person would type it at a terminal, and writes what each printed (src/docs/examples.ts):
// - each command's --help examples → docs/examples/<command>.txt;
// - the ```console blocks of README.md, docs/topics/*.md and docs/notes/*.md, in place;
// then regenerates the reference (scripts/docs.mjs), which shows those outputs.
// With --check it writes nothing and fails, with a diff of each example that prints something
// else than it shows (test/docs/docs.e2e.test.ts runs it so).
//
// Each file's examples run in order in a sandbox of their own: a fresh HOME (cache, state), a
// folder holding my-links.md (a copy of the bundled page, for the editing examples) and talk-list.md
// (test/fixtures/talk-list.md: talks with events, years and lengths) and ril_export.html (a Pocket
// export, test/fixtures/), `icp-links`
// on the PATH, a BROWSER that opens nothing, `less` that only prints, 100 columns, no colour, UTC. They run under
// script(1), so the tool sees a terminal; the sandbox's path is shown as ~ in outputs, the
// package's as /…, and the
// day they ran on as YYYY-MM-DD (a time of it as hh:mm), so that the outputs hold on another day.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { filesOf, loadTooling, root } from "./docs-tool.mjs";
import { generate } from "./docs.mjs";

const check = process.argv.includes("--check");
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
// The binary run: this checkout's build, or ICP_LINKS_EXAMPLES_BIN (another build of the same sources).
const binary = process.env.ICP_LINKS_EXAMPLES_BIN || join(root, "bin/icp-links.cjs");
// Where that build is installed, shown as /… (the bundled page's path in `show`).
const installed = dirname(dirname(binary));

function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), "icp-links-examples-"));
  const home = join(dir, "home");
  const bin = join(dir, "bin");
  mkdirSync(home);
  mkdirSync(bin);
  writeFileSync(join(bin, "icp-links"), `#!/bin/sh\nexec "${process.execPath}" "${binary}" "$@"\n`);
  writeFileSync(join(bin, "browser"), "#!/bin/sh\nexit 0\n");
  // A pager would wait for a key: here it prints what it was given, once it has all of it (so
  // that what the command wrote on stderr meanwhile comes first, every time).
  writeFileSync(join(bin, "less"), '#!/bin/sh\nout=$(cat; echo .)\nprintf "%s" "${out%.}"\n');
  for (const name of ["icp-links", "browser", "less"]) chmodSync(join(bin, name), 0o755);
  copyFileSync(join(root, "data/inside-icp.md"), join(home, "my-links.md"));
  copyFileSync(join(root, "test/fixtures/talk-list.md"), join(home, "talk-list.md"));
  copyFileSync(join(root, "test/fixtures/ril_export.html"), join(home, "ril_export.html"));
  const env = {
    PATH: `${bin}:${process.env.PATH ?? "/usr/bin:/bin"}`,
    HOME: home,
    TMPDIR: dir,
    BROWSER: join(bin, "browser"),
    LANG: "C.UTF-8",
    TERM: "xterm",
    NO_COLOR: "1",
    COLUMNS: "100",
    LINES: "40",
    TZ: "UTC",
    EDITOR: "false",
  };
  const box = {
    run(command) {
      const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: home, env, encoding: "utf8", input: "", timeout: 60_000 });
      if (r.error) throw new Error(`${command}: ${r.error.message}`);
      const output = undated(r.stdout.replaceAll("\r\n", "\n").replaceAll("\r", "").replaceAll(home, "~").replaceAll(installed, "/…").replace(/[ \t]+$/gm, ""));
      return { command, output, code: r.status ?? 128 };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  return box;
}

/** Today's date (and a time of today) as placeholders. */
function undated(text) {
  const today = new Date().toISOString().slice(0, 10);
  return text
    .replace(new RegExp(`${today}T\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z`, "g"), "YYYY-MM-DDThh:mm:ssZ")
    .replace(new RegExp(`${today} \\d\\d:\\d\\d`, "g"), "YYYY-MM-DD hh:mm")
    .replaceAll(today, "YYYY-MM-DD");
}

function runAll(commands, t) {
  const box = sandbox();
  try {
    return commands.map((command) => {
      const instead = t.notRunOutput(command);
      if (instead === undefined) return box.run(command);
      if (t.NOT_RUN[command] !== undefined) return { command, output: `${instead}\n`, code: 0 };
      // Varies: run it, keep only its exit code.
      const r = box.run(command);
      return { command, output: `${instead}\n`, code: r.code };
    });
  } finally {
    box.remove();
  }
}

const t = await loadTooling();
const differences = [];
function compare(path, now, then) {
  if (now === then) return;
  differences.push(path);
  if (!check) writeFileSync(join(root, path), now);
  else console.error(`examples: ${path} differs:\n${diff(then ?? "", now)}`);
}

/** The lines that differ, as a short unified listing (enough to see which example moved). */
function diff(before, after) {
  const a = before.split("\n");
  const b = after.split("\n");
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 40; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] !== undefined) out.push(`  - ${a[i]}`);
    if (b[i] !== undefined) out.push(`  + ${b[i]}`);
  }
  return out.join("\n");
}

mkdirSync(join(root, "docs/examples"), { recursive: true });
const wanted = (name) => only.length === 0 || only.includes(name);
const goldens = filesOf("docs/examples", ".txt");
for (const spec of t.COMMANDS.filter((c) => !c.hidden && wanted(c.name))) {
  const examples = spec.examples.filter((e) => !t.isComment(e));
  const text = t.formatGolden(runAll(examples, t));
  compare(`docs/examples/${spec.name}.txt`, text, goldens[spec.name]);
}
const pages = ["README.md", ...["topics", "notes"].flatMap((d) => Object.keys(filesOf(`docs/${d}`, ".md")).map((n) => `docs/${d}/${n}.md`))];
for (const path of pages.filter((p) => wanted(p))) {
  const markdown = readFileSync(join(root, path), "utf8");
  const blocks = t.consoleBlocks(markdown);
  if (blocks.length === 0) continue;
  // One sandbox for a page: its blocks run in order, as a reader would type them.
  const runs = runAll(blocks.flatMap((b) => b.runs.map((r) => r.command)), t);
  const perBlock = [];
  let at = 0;
  for (const b of blocks) perBlock.push(runs.slice(at, (at += b.runs.length)));
  compare(path, t.withOutputs(markdown, perBlock), markdown);
}

if (check) {
  if (differences.length > 0) {
    console.error(`examples: ${differences.length} file(s) show outputs the tool no longer prints (run 'npm run examples'): ${differences.join(", ")}`);
    process.exit(1);
  }
} else {
  const stale = await generate(false);
  console.error(`examples: ${differences.length} file(s) of outputs updated; docs: ${stale.length} file(s) regenerated`);
}
