// End-to-end: the built binary, spawned with an isolated environment (#3): what only a real
// process shows (pipes, the environment, $BROWSER, files, exit codes, the bundled page). What the
// commands print is tested in process (test/commands/).
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

  it("ends quietly when the reader goes away (list | head -1)", async () => {
    const { spawnSync } = await import("node:child_process");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${ROOT}bin/icp-links.cjs" --file "${FIX}/awesome-internet-computer.md" list | head -1`], { encoding: "utf8" });
    // The page opens with prose that explains it (a link inside a sentence): no entry (#23).
    expect(r.stdout.split("\n")[0]).toMatch(/^motoko-bootcamp-the-dao\t/);
    expect(r.stderr).toBe("");
  });
});

describe("search", () => {
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

  it("opens a site link against ICP_LINKS_BASE_URL from the environment", async () => {
    const env = await run(["open", "overview"], { env: { ICP_LINKS_BASE_URL: "https://env.example/" } });
    expect(env.opened).toEqual([["https://env.example/dfinity-overview"]]);
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
      expect(JSON.parse(prose.stdout).map((e: { url: string }) => e.url)).toEqual(["https://a.example/"]);
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
