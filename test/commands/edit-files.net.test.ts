// The editing commands in process (#17), on real files in a temporary folder, and with a local
// HTTP server (127.0.0.1) for titles and for check --fix.
import { chmodSync, chownSync, copyFileSync, mkdirSync, readFileSync, statSync, symlinkSync, lstatSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { closedPort, startServer, type TestServer } from "../helpers/server";
import { catalogFromText, SEED } from "../helpers/pages";
import { fetchClient } from "../../src/io/http";
import { openEditTarget } from "../../src/io/edit/file";
import { tempDir } from "../helpers/temp";

const seedText = readFileSync(SEED, "utf8");
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function copyOf(text: string, name = "links.md"): string {
  const dir = tempDir("icp-links-edit-");
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const http = fetchClient("icp-links-test");
const ids = (text: string) => catalogFromText(text).entries.map((e) => e.id);

describe("add", () => {
  it("appends the entry, prints its id, and keeps every other entry's id", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "add", "https://www.youtube.com/watch?v=zz", "--section", "youtube", "--title", "Subnets", "--speaker", "Jan Camenisch"], seedText);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("subnets\n");
    const after = readFileSync(file, "utf8");
    expect(after).toBe(seedText.replace("(https://www.youtube.com/watch?v=vVLRRYh3JYo)\n", "(https://www.youtube.com/watch?v=vVLRRYh3JYo)\n- [Subnets / Jan Camenisch](https://www.youtube.com/watch?v=zz)\n"));
    expect(ids(after).filter((id) => id !== "subnets")).toEqual(ids(seedText));
  });

  it("reads the title from the page: og:title, through a redirect", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "add", `${server.base}/title-redirect`, "--section", "medium"], seedText, { http });
    expect(r.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain(`- [A talk & its slides](${server.base}/title-redirect)\n`);
  });

  it("sanitises a title read from a page", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "add", `${server.base}/title-escapes`, "--section", "medium"], seedText, { http });
    expect(r.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain(`- [Safe title](${server.base}/title-escapes)\n`);
  });

  it.each([
    ["offline", async () => `http://127.0.0.1:${await closedPort()}/x`, /cannot read the title of .*connection refused \(give it with --title\)/],
    ["a page without a title", async () => `${server.base}/untitled`, /has no title \(give it with --title\)/],
    ["not a web page", async () => `${server.base}/pdf`, /not a web page \(application\/pdf\)/],
    ["a 404", async () => `${server.base}/404`, /404/],
    ["a site path", async () => "/new-page", /site path has no page to read a title from/],
  ])("asks for --title: %s", async (_name, url, message) => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "add", await url()], seedText, { http });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(file, "utf8")).toBe(seedText);
  });

  it("refuses a URL already on the page with exit 1, naming the entry, without asking the network", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "add", "https://www.youtube.com/watch?v=vVLRRYh3JYo"], seedText, {
      http: async () => {
        throw new Error("no request expected");
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("icp-links: https://www.youtube.com/watch?v=vVLRRYh3JYo is already on the page: consensus-overview (line 48) (nothing added)\n");
    expect(readFileSync(file, "utf8")).toBe(seedText);
  });

  it("prints the diff and writes nothing with --dry-run", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "add", "https://x.example/", "--title", "X", "--section", "Newsletters", "--new-section", "--dry-run"], seedText);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`--- ${file}\n+++ ${file}\n@@ -53,3 +53,7 @@\n - [Technology](/inside-icp)\n - [Development](/dfinity-coding)\n - [Roadmap](/dfinity-roadmap)\n+\n+## Newsletters\n+\n+- [X](https://x.example/)\n`);
    expect(readFileSync(file, "utf8")).toBe(seedText);
  });

  it("answers in JSON with --json", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--json", "--file", file, "add", "/tokenomics", "--title", "Tokenomics"], seedText);
    expect(JSON.parse(r.stdout)).toEqual({ id: "tokenomics", title: "Tokenomics", url: "/tokenomics", section: "In-site Pages", newSection: false, line: 56, file, written: true });
  });

  it("gives the diff in the JSON of a dry run, and writes nothing", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--json", "--file", file, "remove", "1", "--dry-run"], seedText);
    const out = JSON.parse(r.stdout) as { written: boolean; diff: string };
    expect(out.written).toBe(false);
    expect(out.diff).toContain("\n-- [Internet Computer Technology](https://medium.com/dfinity/https-medium-com-dfinity-technology/home)\n");
    expect(readFileSync(file, "utf8")).toBe(seedText);
  });

  it("says when an entry sharing the new one's title changes id", async () => {
    const text = "## A\n\n- [Execution](https://z.example/execution)\n";
    const file = copyOf(text);
    const r = await runInProcess(["--file", file, "add", "https://a.example/execution", "--title", "Execution", "--section", "a"], text);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^icp-links: note: execution is now execution-\w{4} \(entries with the same title: the smallest URL has the plain id\)\n$/);
    expect(r.stdout).toBe("execution\n");
  });

  it("refuses what is not an http(s) URL or a site path", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "add", "javascript:alert(1)", "--title", "x"], seedText);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an http\(s\) URL or a site path/);
  });
});

describe("remove and move", () => {
  it("removes entries by id, position and prefix", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "remove", "consensus-overview", "1", "ingress"], seedText);
    expect(r.code).toBe(0);
    const after = readFileSync(file, "utf8");
    expect(ids(after)).toEqual(ids(seedText).filter((id) => !["consensus-overview", "internet-computer-technology", "ingress-message-lifecycle"].includes(id)));
  });

  it("exits 1 on an unknown ref and writes nothing", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "remove", "no-such-entry"], seedText);
    expect(r.code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe(seedText);
  });

  it("refuses an item with nested items unless --force", async () => {
    const text = "## A\n\n- [Docs](https://d.example)\n  - [Child](https://c.example)\n- [Other](https://o.example)\n";
    const file = copyOf(text);
    const refused = await runInProcess(["--file", file, "remove", "docs"], text);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/docs \(line 3\) has nested items \(add --force to remove them with it\)/);
    expect(readFileSync(file, "utf8")).toBe(text);
    expect((await runInProcess(["--file", file, "remove", "docs", "--force"], text)).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe("## A\n\n- [Other](https://o.example)\n");
  });

  it("moves an entry to another section", async () => {
    const file = copyOf(seedText);
    const r = await runInProcess(["--file", file, "move", "execution", "--section", "medium"], seedText);
    expect(r.code).toBe(0);
    const after = catalogFromText(readFileSync(file, "utf8"));
    expect(after.entries.find((e) => e.id === "execution")!.section).toBe("Medium");
    expect(after.entries.map((e) => e.id).sort()).toEqual(ids(seedText).sort());
  });

  it("needs --section to move", async () => {
    const file = copyOf(seedText);
    expect((await runInProcess(["--file", file, "move", "execution"], seedText)).stderr).toMatch(/move needs --section/);
  });
});

describe("which page is edited", () => {
  it("never the bundled page, and says how to make one's own copy", async () => {
    const r = await runInProcess(["add", "https://x.example", "--title", "X"], seedText, { files: [] });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: the bundled page is never edited (make your own copy with 'icp-links export --format md -o my-links.md' and edit it with --file my-links.md)\n");
  });

  it("not standard input, not two pages, not a folder without --into", async () => {
    const dir = tempDir("icp-links-edit-");
    mkdirSync(join(dir, "pages"));
    writeFileSync(join(dir, "pages/a.md"), seedText);
    writeFileSync(join(dir, "b.md"), seedText);
    expect((await runInProcess(["--file", "-", "remove", "1"], seedText)).stderr).toMatch(/standard input cannot be edited/);
    expect((await runInProcess(["--file", join(dir, "pages/a.md"), "--file", join(dir, "b.md"), "remove", "1"], seedText)).stderr).toMatch(/editing needs one page, and 2 were given/);
    expect((await runInProcess(["--file", join(dir, "pages"), "remove", "1"], seedText)).stderr).toMatch(/is a folder \(add --into <file>/);
    expect((await runInProcess(["--file", join(dir, "pages"), "remove", "1", "--into", join(dir, "b.md")], seedText)).stderr).toMatch(/is not one of the pages given with --file/);
    const r = await runInProcess(["--file", join(dir, "pages"), "remove", "1", "--into", join(dir, "pages/a.md")], seedText);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "pages/a.md"), "utf8")).not.toBe(seedText);
  });

  it("refuses to write a file that changed since it was read, and keeps the other change", async () => {
    const file = copyOf(seedText);
    const theirs = `${seedText}\n- [Theirs](https://theirs.example)\n`;
    const r = await runInProcess(["--file", file, "remove", "1"], seedText, {
      editTarget: (into) => {
        const target = openEditTarget({ specs: [file], into, maxBytes: 1e8 });
        writeFileSync(file, theirs);
        return target;
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/changed since it was read .*nothing was written \(run the command again\)/);
    expect(readFileSync(file, "utf8")).toBe(theirs);
  });

  it("keeps the file's mode, and a symbolic link stays a link to the edited page", async () => {
    const file = copyOf(seedText);
    chmodSync(file, 0o600);
    const link = join(tempDir("icp-links-edit-"), "link.md");
    symlinkSync(file, link);
    const r = await runInProcess(["--file", link, "remove", "1"], seedText);
    expect(r.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, "utf8")).not.toBe(seedText);
  });

  it.runIf(process.getuid?.() === 0)("keeps the file's owner where allowed (as root)", async () => {
    const file = copyOf(seedText);
    chownSync(file, 1234, 2345);
    expect((await runInProcess(["--file", file, "remove", "1"], seedText)).code).toBe(0);
    expect([statSync(file).uid, statSync(file).gid]).toEqual([1234, 2345]);
  });

  it("keeps a CRLF page with a BOM byte for byte outside the edit", async () => {
    const source = join(import.meta.dirname, "../fixtures/edit/crlf-bom.md");
    const file = join(tempDir("icp-links-edit-"), "crlf.md");
    copyFileSync(source, file);
    const text = readFileSync(file, "utf8");
    const r = await runInProcess(["--file", file, "add", "https://talks.example/chain-key", "--section", "conference", "--title", "Chain-key signatures", "-p", "Ada Lovelace", "-d", "threshold ECDSA"], text);
    expect(r.code).toBe(0);
    expect(readFileSync(file)).toEqual(readFileSync(join(import.meta.dirname, "../fixtures/edit/golden/add-crlf-by-speaker.md")));
  });
});

describe("check --fix", () => {
  const page = () => `## Links\n\n- [Moved](${server.base}/perm) - moved twice, for good\n- [Temporary](${server.base}/temp)\n- [Moved to nothing](${server.base}/moved-dead)\n- [Moved, then temporary](${server.base}/moved-temp#part)\n- [Fine](${server.base}/ok)\n`;

  it("shows the diff and writes nothing without --yes off a terminal", async () => {
    const text = page();
    const file = copyOf(text);
    const r = await runInProcess(["--file", file, "check", "--fix", "--interval", "0"], text, { http });
    expect(r.stdout).toContain(`-- [Moved](${server.base}/perm) - moved twice, for good\n+- [Moved](${server.base}/ok) - moved twice, for good\n`);
    expect(r.stdout).toContain(`+- [Moved, then temporary](${server.base}/temp#part)\n`);
    expect(r.stderr).toMatch(/nothing written: add --yes to write these changes/);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("rewrites permanent moves to where they lead with --yes, and nothing else", async () => {
    const text = page();
    const file = copyOf(text);
    const r = await runInProcess(["--file", file, "check", "--fix", "--yes", "--interval", "0"], text, { http });
    expect(r.stderr).toMatch(/fixed 2 links in/);
    expect(readFileSync(file, "utf8")).toBe(text.replace(`${server.base}/perm)`, `${server.base}/ok)`).replace(`${server.base}/moved-temp#part`, `${server.base}/temp#part`));
  });

  it("asks on a terminal, and writes only after a yes", async () => {
    for (const answer of [false, true]) {
      const text = page();
      const file = copyOf(text);
      const questions: string[] = [];
      await runInProcess(["--file", file, "check", "--fix", "--interval", "0"], text, { http, confirm: async (q) => (questions.push(q), answer) });
      expect(questions).toEqual([`Write 2 fixed links to ${file}?`]);
      expect(readFileSync(file, "utf8") !== text).toBe(answer);
    }
  });

  it("writes nothing with --dry-run, even with --yes", async () => {
    const text = page();
    const file = copyOf(text);
    const r = await runInProcess(["--file", file, "check", "--fix", "--yes", "--dry-run", "--interval", "0"], text, { http });
    expect(r.stdout).toContain("+- [Moved]");
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("leaves a link its line does not hold as written (a reference link), and says so", async () => {
    const text = `## Links\n\n- [Ref][r]\n\n[r]: ${server.base}/perm\n`;
    const file = copyOf(text);
    const r = await runInProcess(["--file", file, "check", "--fix", "--yes", "--interval", "0"], text, { http });
    expect(r.stderr).toMatch(/not fixed: ref \(line 3\): its line does not hold its URL as written/);
    expect(r.stderr).toMatch(/no link to fix/);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("refuses the bundled page before checking anything", async () => {
    const before = server.hits.size;
    const r = await runInProcess(["check", "--fix"], seedText, { http, files: [] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bundled page is never edited/);
    expect(server.hits.size).toBe(before);
  });

  it("wants --fix for --yes", async () => {
    expect((await runInProcess(["check", "--yes"], seedText, { http: async () => ({ status: 200, statusText: "OK", header: () => undefined, body: "" }) })).stderr).toMatch(/go with --fix/);
  });
});
