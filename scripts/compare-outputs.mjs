// node scripts/compare-outputs.mjs <other checkout>: runs this checkout's built CLI and another's
// (built too) on the same ~75 command lines, cold and then warm, each in its own temporary HOME
// and XDG folders, and prints every difference of exit code, stdout or stderr. For a change that
// promises no change in behaviour (#15): the differences it prints are the ones to explain.
// Paths of the two checkouts, the temporary HOME and bookmark timestamps are made alike first.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const here = new URL("..", import.meta.url).pathname;
const other = process.argv[2]?.replace(/\/?$/, "/");
if (!other) {
  console.error("usage: node scripts/compare-outputs.mjs <other checkout, built>");
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "icp-links-compare-"));
const fixture = (name) => join(here, "test/fixtures", name);
const AW = fixture("awesome-internet-computer.md");
const TALK = fixture("talk-list.md");
const LIB = fixture("library-list.md");
const UNSAFE = fixture("unsafe.md");
const cases = [
  ["list"], ["list", "--json"], ["list", "--kind", "talk"], ["list", "--kind", "talks"], ["list", "--kind", "video"], ["list", "--section", "youtube"], ["list", "--speaker", "manu"],
  ["list", "--sort", "title"], ["list", "--sort", "bogus"], ["list", "--year", "x"], ["list", "-n", "0"], ["list", "--todo", "--done"],
  ["search", "consensus"], ["search", "consensus", "--json"], ["search", "camenish"], ["search", "--", "consensus", "-overview"], ["search", "speaker:camenisch", "kind:talk"],
  ["search", "\"chain key"], ["search", "foo:bar"], ["search", "zzzzqqq"], ["search", "nns", "--fields", "id,title,url"], ["search", "nns", "--fields", "bogus"],
  ["search", "consensus", "--sort", "year"], ["search", "consensus", "--kind", "article"],
  ["show", "consensus-overview"], ["show", "3"], ["show", "nope"], ["show", "c"], ["--json", "show", "1"],
  ["open", "--print", "consensus-overview"], ["open", "--print", "1", "2"], ["open", "--print", "key", "resharing"], ["open", "--print", "executoin"],
  ["sections"], ["speakers"], ["events"], ["years"], ["--json", "sections"],
  ["export", "--format", "csv"], ["export", "--format", "md"], ["export", "--format", "json"], ["export", "--format", "html"], ["export", "--format", "xml"],
  ["completion", "bash"], ["completion", "zsh"], ["completion", "fish"], ["completion", "tcsh"],
  ["next", "--print"], ["recent"], ["state", "path"], ["tag", "1"], ["note", "1", "--print"],
  ["--file", AW, "list"], ["--file", AW, "search", "motoko"], ["--file", AW, "search", "motoko", "--kind", "repo"], ["--file", AW, "sections"], ["--file", AW, "search", "etherium"],
  ["--file", AW, "--json", "search", "section:testing"], ["--file", AW, "list", "--section", "tools", "--sort", "title"],
  ["--file", TALK, "list"], ["--file", TALK, "speakers"], ["--file", TALK, "events"], ["--file", TALK, "list", "--year", "2014..2016", "--sort", "length"], ["--file", TALK, "list", "--max-length", "30m", "--json"],
  ["--file", LIB, "list"], ["--file", LIB, "search", "erlang"],
  ["--file", UNSAFE, "list"], ["--file", UNSAFE, "--json", "list"], ["--file", UNSAFE, "export", "--format", "csv"],
  ["--file", "/nonexistent.md", "list"], ["--file", "/etc", "list"], ["bogus"], ["help", "search"], ["search", "--help"], ["--version"],
];
const run = (bin, args, home) => {
  const env = { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, "c"), XDG_STATE_HOME: join(home, "s"), XDG_CONFIG_HOME: join(home, "cfg"), BROWSER: "/bin/false", LANG: "C.UTF-8" };
  const r = spawnSync("node", [bin, ...args], { env, encoding: "utf8" });
  const norm = (t) => t.replaceAll(home, "HOME").replaceAll(other, "ROOT/").replaceAll(here, "ROOT/").replace(/(ADD_DATE|LAST_MODIFIED)="\d+"/g, '$1="0"');
  return { code: r.status, out: norm(r.stdout), err: norm(r.stderr) };
};
let diffs = 0;
for (const pass of ["cold", "warm"]) {
  for (const args of cases) {
    const a = run(join(other, "bin/icp-links.cjs"), args, join(work, "a"));
    const b = run(join(here, "bin/icp-links.cjs"), args, join(work, "b"));
    if (a.code !== b.code || a.out !== b.out || a.err !== b.err) {
      diffs++;
      console.log(`--- ${pass} ${JSON.stringify(args)}: code ${a.code} vs ${b.code}`);
      if (a.out !== b.out) console.log(`  stdout differs (${a.out.length} vs ${b.out.length} chars)\n  A: ${JSON.stringify(a.out.slice(0, 300))}\n  B: ${JSON.stringify(b.out.slice(0, 300))}`);
      if (a.err !== b.err) console.log(`  A err: ${JSON.stringify(a.err.slice(0, 300))}\n  B err: ${JSON.stringify(b.err.slice(0, 300))}`);
    }
  }
}
console.log(`${diffs} differences in ${cases.length * 2} runs`);
rmSync(work, { recursive: true, force: true });
