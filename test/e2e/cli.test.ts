// End-to-end: the built binary, spawned with an isolated environment (#3).
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedHome, run } from "../helpers/cli";
import { ROOT } from "../helpers/pages";

const FIX = join(ROOT, "test/fixtures");
const ONE_LINE_ERROR = /^icp-links: .+\n$/;

describe("list", () => {
  it("prints the bundled page as tab-separated lines in a pipe", async () => {
    const r = await run(["list"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(26);
    expect(lines[0]).toBe("internet-computer-technology\tInternet Computer Technology\thttps://medium.com/dfinity/https-medium-com-dfinity-technology/home\t\tMedium");
    expect(r.stdout).not.toMatch(/\x1b/);
  });

  it("filters by section, kind, speaker and tag, and limits", async () => {
    const ids = async (...args: string[]) => (await run(["list", ...args])).stdout.trimEnd().split("\n").filter(Boolean).map((l) => l.split("\t")[0]);
    expect(await ids("--section", "youtube")).toHaveLength(15);
    expect(await ids("--speaker", "manu")).toEqual(["resumption", "consensus-overview"]);
    expect(await ids("--kind", "forum")).toEqual(["dev-forum"]);
    expect(await ids("--section", "in-site", "--kind", "site", "--limit", "2")).toEqual(["overview", "technology"]);
    expect(await ids("--tag", "dfinity", "--limit", "1")).toEqual(["internet-computer-technology"]);
  });

  it("says so on stderr when the filters match nothing", async () => {
    const r = await run(["list", "--speaker", "nobody"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("icp-links: no entries match these filters (see 'icp-links sections' and 'icp-links speakers')\n");
  });

  it("prints JSON with the documented fields", async () => {
    const r = await run(["list", "--json", "--speaker", "Manu Drijvers"]);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data).toHaveLength(2);
    expect(Object.keys(data[1]).sort()).toEqual(["check", "description", "duration", "event", "host", "id", "kind", "line", "position", "related", "section", "sectionPath", "source", "speaker", "speakers", "state", "tags", "target", "title", "url", "year"]);
    expect(data[1]).toMatchObject({ id: "consensus-overview", position: 22, speaker: "Manu Drijvers", kind: "talk", section: "YouTube", line: 48 });
  });

  it("rejects an unknown kind and a bad limit with exit 2", async () => {
    const kind = await run(["list", "--kind", "video"]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^icp-links: unknown kind 'video' \(use one of: talk, paper, article, repo, forum, site, page\)\n$/);
    const limit = await run(["list", "--limit", "zero"]);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(ONE_LINE_ERROR);
  });

  it("ends quietly when the reader goes away (list | head -1)", async () => {
    const { spawnSync } = await import("node:child_process");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${ROOT}bin/icp-links.cjs" --file "${FIX}/awesome-internet-computer.md" list | head -1`], { encoding: "utf8" });
    expect(r.stdout.split("\n")[0]).toMatch(/^internet-computer\t/);
    expect(r.stderr).toBe("");
  });
});

describe("search", () => {
  it.each([
    // "Consensus Overview" is the query and one word: it comes first (#14).
    [["consensus"], ["consensus-overview", "achieving-consensus-on-the"]],
    [["jan", "camenisch"], ["chain-key-cryptography"]],
    [["camenish"], ["chain-key-cryptography"]],
    [["consensys"], ["achieving-consensus-on-the", "consensus-overview"]],
  ])("%j finds %j", async (words, ids) => {
    const r = await run(["search", ...words]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n").map((l) => l.split("\t")[0])).toEqual(ids);
  });

  it("says so when nothing matches, with exit 1", async () => {
    const r = await run(["search", "zzzqqq"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("icp-links: no entry matches 'zzzqqq' (try fewer or other words, or 'icp-links list')\n");
  });

  // #12: the README promised colour in a pipe with FORCE_COLOR; piped search lost its highlighting.
  it("keeps its highlighting in a pipe with FORCE_COLOR, in the same columns, for less -R", async () => {
    const plain = await run(["search", "consensus"]);
    const forced = await run(["search", "consensus"], { env: { FORCE_COLOR: "1" } });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("\x1b[7mConsensus\x1b[27m Overview\t");
    expect(forced.stdout.replace(/\x1b\[\d+m/g, "")).toBe(plain.stdout);
    expect(plain.stdout).not.toMatch(/\x1b/);
    expect((await run(["search", "consensus"], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } })).stdout).toMatch(/\x1b/);
    expect((await run(["--no-color", "search", "consensus"], { env: { FORCE_COLOR: "1" } })).stdout).toBe(plain.stdout);
  });

  it("prints JSON with scores, and [] for no match", async () => {
    const r = await run(["search", "nns", "--json"]);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: "network-nervous-system-nns", score: expect.any(Number) });
    const none = await run(["search", "zzzqqq", "--json"]);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });
});

describe("open", () => {
  it("opens the entry's URL through $BROWSER, as one argument", async () => {
    const r = await run(["open", "consensus-overview"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(""); // "Opening …" is for terminals only
    expect(r.opened).toEqual([["https://www.youtube.com/watch?v=vVLRRYh3JYo"]]);
  });

  it("opens with --browser through the `open` package, the browser named as a program", async () => {
    // `open` (an ES module) is loaded by a real import() beside the CommonJS bundle: this is the
    // path no other test takes. The "browser" is the recorder, found on PATH under a name.
    const home = isolatedHome();
    const bin = join(home, "bin");
    mkdirSync(bin);
    symlinkSync(join(home, "browser.sh"), join(bin, "recording-browser"));
    const r = await run(["open", "consensus-overview", "--browser", "recording-browser"], { home, env: { BROWSER: undefined, PATH: `${bin}:${process.env.PATH}` } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    // open() does not wait for the browser: give the recorder a moment to write.
    for (let i = 0; i < 50 && !existsSync(join(home, "opened")); i++) await new Promise((done) => setTimeout(done, 100));
    expect(readFileSync(join(home, "opened"), "utf8")).toBe("https://www.youtube.com/watch?v=vVLRRYh3JYo\0\n");
  });

  it("prints instead of opening with --print", async () => {
    const r = await run(["open", "--print", "execution", "16"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("https://www.youtube.com/watch?v=UHA7W-8My_I\nhttps://www.youtube.com/watch?v=mPjiO2bk2lI\n");
    expect(r.opened).toEqual([]);
  });

  it("opens several refs, a position and search words", async () => {
    const r = await run(["open", "execution", "22"]);
    expect(r.opened).toEqual([["https://www.youtube.com/watch?v=UHA7W-8My_I"], ["https://www.youtube.com/watch?v=vVLRRYh3JYo"]]);
    const words = await run(["open", "key", "resharing"]);
    expect(words.opened).toEqual([["https://www.youtube.com/watch?v=gKUi-2T7tdc"]]);
  });

  it("asks for --yes before opening more than 5", async () => {
    const refs = ["8", "9", "10", "11", "12", "13"];
    const r = await run(["open", ...refs]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/that would open 6 links at once \(add --yes/);
    expect(r.opened).toEqual([]);
    expect((await run(["open", "--yes", ...refs])).opened).toHaveLength(6);
  });

  it("lists the candidates of an ambiguous ref and opens nothing", async () => {
    const r = await run(["open", "c"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^icp-links: 'c' matches \d+ entries \(give more of the id\)\n/);
    expect(r.stderr).toContain("  canister-lifecycle  Canister Lifecycle\n");
    expect(r.opened).toEqual([]);
  });

  it("suggests the nearest id for an unknown ref", async () => {
    const r = await run(["open", "executoin"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("icp-links: no entry 'executoin' (did you mean execution?)\n");
  });

  // Links that can never be opened make no entry (#12): there is nothing to refuse.
  it.each([["script"], ["shouty-script"], ["data"], ["local-file"], ["vb"], ["protocol-relative"], ["entity"]])("makes no entry of the unsafe link %s", async (id) => {
    const r = await run(["--file", join(FIX, "unsafe.md"), "open", id]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^icp-links: no entry '${id}'`));
    expect(r.opened).toEqual([]);
    const printed = await run(["--file", join(FIX, "unsafe.md"), "open", "--print", id]);
    expect(printed.code).toBe(1);
    expect(printed.stdout).toBe("");
  });

  it("refuses an http(s) link that is not a valid URL", async () => {
    const r = await run(["--file", join(FIX, "unsafe.md"), "open", "bad-host"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: refusing to open 'bad-host': .+ \(only http: and https: links are opened\)\n$/);
    expect(r.opened).toEqual([]);
  });

  it("opens nothing when one of several links is refused", async () => {
    const r = await run(["--file", join(FIX, "unsafe.md"), "open", "safe", "bad-host"]);
    expect(r.code).toBe(2);
    expect(r.opened).toEqual([]);
  });

  it("opens a site link against a base URL, and says how to set one when there is none", async () => {
    const none = await run(["open", "overview"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^icp-links: 'overview' is a site link \(\/dfinity-overview\) and no base URL is known \(pass --base-url .*ICP_LINKS_BASE_URL.*\)\n$/);
    const option = await run(["open", "--print", "--base-url", "https://example.org", "overview"]);
    expect(option.stdout).toBe("https://example.org/dfinity-overview\n");
    const env = await run(["open", "overview"], { env: { ICP_LINKS_BASE_URL: "https://env.example/" } });
    expect(env.opened).toEqual([["https://env.example/dfinity-overview"]]);
    const fm = await run(["--file", join(FIX, "site.md"), "open", "--print", "about"]);
    expect(fm.stdout).toBe("https://site.example/about\n");
  });

  it("reports a browser that fails", async () => {
    const r = await run(["open", "execution"], { env: { BROWSER: "false" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: cannot open https:\/\/www\.youtube\.com\/watch\?v=UHA7W-8My_I: the browser 'false' exited with status 1 \(set \$BROWSER .*--print/);
  });

  // #12: with no browser to start, `open` printed "Opening …" and exited 0.
  it("says so, exit 2, when $BROWSER is a script that exits 1", async () => {
    const home = isolatedHome();
    writeFileSync(join(home, "fails.sh"), "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    const r = await run(["open", "execution"], { home, env: { BROWSER: join(home, "fails.sh") } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: cannot open \S+: the browser '.*fails\.sh' exited with status 1 \(set \$BROWSER to a browser command, or use --print to get the URL\)\n$/);
  });

  it("says so, exit 2, when there is no $BROWSER and the system opener exits 3 (no desktop)", async () => {
    const home = isolatedHome();
    const bin = join(home, "bin");
    mkdirSync(bin);
    // A PATH with only this xdg-open: whichever xdg-open the `open` package runs (this one, or
    // its bundled script, which finds no desktop, no browser and no tools on this PATH), it fails.
    writeFileSync(join(bin, "xdg-open"), "#!/bin/sh\nexit 3\n", { mode: 0o755 });
    const r = await run(["open", "execution"], { home, env: { BROWSER: undefined, PATH: bin } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: cannot open \S+: the system's opener 'xdg-open' exited with status [1-9]\d* \(set \$BROWSER/);
  });
});

describe("show, sections, speakers", () => {
  it("shows every field of an entry", async () => {
    const r = await run(["show", "consensus-overview"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("id\tconsensus-overview\n");
    expect(r.stdout).toContain("speaker\tManu Drijvers\n");
    expect(r.stdout).toMatch(/source\t.*data\/inside-icp\.md:48\n/);
    const json = JSON.parse((await run(["show", "22", "--json"])).stdout);
    expect(json).toMatchObject({ id: "consensus-overview", title: "Consensus Overview", url: "https://www.youtube.com/watch?v=vVLRRYh3JYo" });
  });

  it("lists sections with counts", async () => {
    const r = await run(["sections"]);
    // The fourth field: how many are done (#16).
    expect(r.stdout).toBe("Medium\t3\tMedium\t0\nHow ICP Works\t1\tHow ICP Works\t0\nCommunity Conversations\t2\tCommunity Conversations\t0\nDev Forum\t1\tDev Forum\t0\nYouTube\t15\tYouTube\t0\nIn-site Pages\t4\tYouTube › In-site Pages\t0\n");
    const json = JSON.parse((await run(["sections", "--json"])).stdout);
    expect(json[5]).toEqual({ name: "In-site Pages", path: ["YouTube", "In-site Pages"], count: 4, done: 0 });
  });

  it("lists speakers with their talks", async () => {
    const r = await run(["speakers"]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe("Manu Drijvers\t2\tresumption,consensus-overview\t0");
    const json = JSON.parse((await run(["speakers", "--json"])).stdout);
    expect(json[1]).toMatchObject({ name: "Yavonne-anne Pignolet", count: 2 });
    expect(json[1].talks.map((t: { id: string }) => t.id)).toEqual(["ingress-message-lifecycle", "state-synchronization"]);
  });
});

describe("pages", () => {
  it("reads a fixture page with --file, and several files and folders", async () => {
    const r = await run(["--file", join(FIX, "site.md"), "list"]);
    expect(r.stdout.trimEnd().split("\n").map((l) => l.split("\t")[0])).toEqual(["about", "home", "talk"]);
    const folder = await run(["list", "--json", "--file", join(FIX, "folder")]);
    const entries = JSON.parse(folder.stdout);
    expect(entries.map((e: { id: string }) => e.id)).toEqual(["first", "second", "first-" + entries[2].id.slice(6)]);
    expect(entries.map((e: { position: number }) => e.position)).toEqual([1, 2, 3]);
  });

  it("reads standard input for -", async () => {
    const r = await run(["--file", "-", "list"], { stdin: "## S\n\n- [From stdin](https://stdin.example)\n" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("from-stdin\tFrom stdin\thttps://stdin.example\t\tS\n");
  });

  it("never waits on standard input unless - is given", async () => {
    const r = await run(["list", "--limit", "1"], { holdStdin: true, timeoutMs: 10_000 });
    expect(r.code).toBe(0);
  });

  it("takes ICP_LINKS_FILE", async () => {
    const r = await run(["list"], { env: { ICP_LINKS_FILE: join(FIX, "site.md") } });
    expect(r.stdout.split("\n")[0]).toMatch(/^about\t/);
  });

  it("strips escape sequences and control characters from what a page says", async () => {
    const r = await run(["--file", join(FIX, "escapes.md"), "list"]);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    expect(r.stdout).toContain("Evil title red\thttps://esc.example/a");
    const show = await run(["--file", join(FIX, "escapes.md"), "show", "1"]);
    expect(show.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(show.stdout).toContain("description\tdesc click here\n");
  });
});

describe("bad input: one line, exit 2, no stack trace", () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    ["a missing file", (dir) => join(dir, "missing.md"), /missing\.md: no such file or folder \(check the path/],
    ["a folder without .md files", (dir) => (mkdirSync(join(dir, "empty")), join(dir, "empty")), /empty: is a folder with no \.md files/],
    ["a binary file", (dir) => (writeFileSync(join(dir, "bin.md"), Buffer.from([0x23, 0x0a, 0x00, 0x01])), join(dir, "bin.md")), /bin\.md:2: is a binary file/],
    ["invalid UTF-8", (dir) => (writeFileSync(join(dir, "latin1.md"), Buffer.from("# ok\n\ncaf\xe9\n", "latin1")), join(dir, "latin1.md")), /latin1\.md:3: is not valid UTF-8 \(save the page as UTF-8\)/],
    // #12: `--file package.json` was read as a page without links, silently empty.
    ["a JSON file", (dir) => (writeFileSync(join(dir, "package.json"), '{ "name": "x", "homepage": "https://x.example/" }\n'), join(dir, "package.json")), /package\.json: is not a markdown page \(a \.json file\) \(name a \.md page; to read it as markdown anyway: --file - < .*package\.json\)/],
    ["invalid YAML", (dir) => (writeFileSync(join(dir, "yaml.md"), "---\ntitle: ok\ntags: [a,\n---\n"), join(dir, "yaml.md")), /yaml\.md:\d+: front matter is not valid YAML: .+ \(fix the YAML/],
  ];
  it.each(cases)("%s", async (_name, make, message) => {
    const r = await run(["list"], {});
    const dir = r.home;
    const bad = await run(["--file", make(dir), "list"], { home: dir });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(ONE_LINE_ERROR);
    expect(bad.stderr).toMatch(message);
  });

  it("shows the stack with --debug", async () => {
    const r = await run(["--debug", "--file", "/nonexistent/x.md", "list"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: .*\n\w*Error: .*\n\s+at /);
  });

  // #12: a page with no links is said so, not a silent empty list; still exit 0.
  it("treats an empty page as an empty catalog, and says it has no links", async () => {
    const r = await run(["--file", "-", "list"], { stdin: "" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("icp-links: standard input: no links found (a link is a markdown link [title](url) or a bare http(s) URL)\n");
    const home = isolatedHome();
    writeFileSync(join(home, "prose.md"), "# Notes\n\nJust prose, no links.\n");
    writeFileSync(join(home, "notes.txt"), "- [A](https://a.example/)\n");
    // Twice: the second run reads the page from the cache.
    for (let i = 0; i < 2; i++) {
      const prose = await run(["--file", join(home, "prose.md"), "--file", join(home, "notes.txt"), "list", "--json"], { home });
      expect(prose.code).toBe(0);
      expect(JSON.parse(prose.stdout)).toHaveLength(1);
      expect(prose.stderr).toBe(`icp-links: ${join(home, "prose.md")}: no links found (a link is a markdown link [title](url) or a bare http(s) URL)\n`);
    }
  });
});

describe("the command line itself", () => {
  it("exits 2 for an unknown option or command", async () => {
    const option = await run(["list", "--bogus"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^icp-links: unknown option '--bogus'.*\(see 'icp-links --help'\)\n$/s);
    const command = await run(["lsit"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command 'lsit'/);
    const missing = await run(["search"]);
    expect(missing.code).toBe(2);
  });

  it("prints help with no command, and for --help, with exit codes and examples", async () => {
    const bare = await run([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/Usage: icp-links/);
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 {4}success/);
    const sub = await run(["open", "--help"]);
    expect(sub.stdout).toMatch(/Examples:\n {2}icp-links open consensus-overview/);
  });

  // A command's options are added when it runs (src/program.ts): its help must hold them either way.
  it.each([
    ["list", "--limit <n>"],
    ["search", "--speaker <name>"],
    ["open", "--base-url <url>"],
    ["check", "--timeout <s>"],
    ["export", "--output <file>"],
  ])("prints the same help, options and examples included, for '%s --help' and 'help %s'", async (command, option) => {
    const flag = await run([command, "--help"]);
    const word = await run(["--json", "help", command]);
    expect(flag.code).toBe(0);
    expect(word.code).toBe(0);
    expect(flag.stdout).toContain(option);
    expect(flag.stdout).toMatch(new RegExp(`Examples:\n {2}icp-links ${command}`));
    expect(word.stdout).toBe(flag.stdout);
  });

  it("prints its version", async () => {
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("events from the cache (#13, #14)", () => {
  it("event: and a typo in an event find the talk whether the page was parsed or read from the cache", async () => {
    const home = isolatedHome();
    const page = join(home, "talks.md");
    writeFileSync(page, "# Talks\n\n- [Simple Made Easy](https://www.infoq.com/presentations/Simple-Made-Easy/) by **Rich Hickey** (Strange Loop 2011) [1:01:26]\n- [Growing a Language](https://www.youtube.com/watch?v=_ahvzDzKdB0) by **Guy Steele** (OOPSLA 1998) [53:30]\n");
    for (const run_ of ["parsed", "cached"]) {
      const field = await run(["--file", page, "search", "event:oopsla"], { home });
      expect(field.stdout, run_).toMatch(/^growing-a-language\t/);
      expect(field.stdout.trim().split("\n"), run_).toHaveLength(1);
      const typo = await run(["--file", page, "search", "strnge"], { home });
      expect(typo.stdout, run_).toMatch(/^simple-made-easy\t/);
    }
    expect(existsSync(join(home, ".cache/icp-links"))).toBe(true);
  });
});
