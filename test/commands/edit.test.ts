// add, remove and move (#17), in process on a page held in memory (the edit target is a double):
// what each writes, prints and refuses. On real files (modes, links, a page changed under the
// command, folders, a local server for titles) they are test/commands/edit-files.net.test.ts's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runInProcess, type InProcessOptions } from "../helpers/context";
import { catalogFromText, SEED } from "../helpers/pages";
import { UsageError } from "../../src/errors";
import type { HttpClient } from "../../src/check/types";

const seedText = readFileSync(SEED, "utf8");
const ids = (text: string) => catalogFromText(text).entries.map((e) => e.id);

/** A page in memory: the text the command reads, and every text it writes. */
function memoryPage(text = seedText, failing?: string): { written: string[]; options: InProcessOptions } {
  const written: string[] = [];
  return {
    written,
    options: {
      editTarget: () => ({
        path: "my-links.md",
        text,
        write: (after) => {
          if (failing) throw new UsageError(failing);
          written.push(after);
        },
      }),
    },
  };
}

const noRequest: HttpClient = async () => {
  throw new Error("no request expected");
};

describe("add", () => {
  it("appends the entry to the section's list and prints its id", async () => {
    const page = memoryPage();
    const r = await runInProcess(["add", "https://www.youtube.com/watch?v=zz", "--section", "youtube", "--title", "Subnets", "--speaker", "Jan Camenisch"], seedText, { ...page.options, http: noRequest });
    expect(r).toMatchObject({ code: 0, stdout: "subnets\n", stderr: "" });
    expect(page.written).toEqual([seedText.replace("(https://www.youtube.com/watch?v=vVLRRYh3JYo)\n", "(https://www.youtube.com/watch?v=vVLRRYh3JYo)\n- [Subnets / Jan Camenisch](https://www.youtube.com/watch?v=zz)\n")]);
    expect(ids(page.written[0]!).filter((id) => id !== "subnets")).toEqual(ids(seedText));
  });

  it("reads the title from the page at the URL (og:title, through a redirect)", async () => {
    const page = memoryPage();
    const seen: string[] = [];
    const http: HttpClient = async ({ url }) => {
      seen.push(url);
      return url.endsWith("/moved")
        ? { status: 301, statusText: "Moved", header: (n) => (n === "location" ? "/talk" : undefined), body: "" }
        : { status: 200, statusText: "OK", header: (n) => (n === "content-type" ? "text/html; charset=utf-8" : undefined), body: '<html><head><meta property="og:title" content="A talk &amp; its slides"><title>Site - A talk</title></head></html>' };
    };
    const r = await runInProcess(["add", "https://t.example/moved", "--section", "medium"], seedText, { ...page.options, http });
    expect(r.code).toBe(0);
    expect(seen).toEqual(["https://t.example/moved", "https://t.example/talk"]);
    expect(page.written[0]).toContain("- [A talk & its slides](https://t.example/moved)\n");
  });

  it("gives up on a title after 5 s of the Context's clock, and follows no redirect out of http(s)", async () => {
    // A server that never answers: only the timer can end the request.
    const hanging: HttpClient = ({ signal }) => new Promise((_resolve, reject) => signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    const timers: number[] = [];
    const page = memoryPage();
    const r = await runInProcess(["add", "https://t.example/slow", "--section", "medium"], seedText, {
      ...page.options,
      http: hanging,
      // The clock's timer fires at once, and says for how long it was set.
      after: (ms, fire) => {
        timers.push(ms);
        queueMicrotask(fire);
        return () => undefined;
      },
    });
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: "icp-links: cannot read the title of https://t.example/slow: no answer within 5 s (give it with --title)\n" });
    expect(timers).toEqual([5000]);
    expect(page.written).toEqual([]);
    const odd: HttpClient = async () => ({ status: 302, statusText: "Found", header: (n) => (n === "location" ? "javascript:alert(1)" : undefined), body: "" });
    const redirected = await runInProcess(["add", "https://t.example/odd", "--section", "medium"], seedText, { ...memoryPage().options, http: odd });
    expect(redirected).toMatchObject({ code: 2, stderr: "icp-links: cannot read the title of https://t.example/odd: too many or odd redirects (give it with --title)\n" });
  });

  it("gives the diff and writes nothing with --dry-run; --json says what it did", async () => {
    const dry = memoryPage();
    const r = await runInProcess(["add", "https://x.example/", "--title", "X", "--section", "Newsletters", "--new-section", "--dry-run"], seedText, dry.options);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("--- a/my-links.md\n+++ b/my-links.md\n@@ -53,3 +53,7 @@\n - [Technology](/inside-icp)\n - [Development](/dfinity-coding)\n - [Roadmap](/dfinity-roadmap)\n+\n+## Newsletters\n+\n+- [X](https://x.example/)\n");
    expect(dry.written).toEqual([]);
    const page = memoryPage();
    const json = await runInProcess(["--json", "add", "/tokenomics", "--title", "Tokenomics"], seedText, page.options);
    expect(JSON.parse(json.stdout)).toEqual({ id: "tokenomics", title: "Tokenomics", url: "/tokenomics", section: "In-site Pages", newSection: false, line: 56, file: "my-links.md", written: true });
    expect(page.written).toHaveLength(1);
  });

  it.each([
    [["https://www.youtube.com/watch?v=vVLRRYh3JYo"], 1, "icp-links: https://www.youtube.com/watch?v=vVLRRYh3JYo is already on the page: consensus-overview (line 48) (nothing added)\n"],
    [["javascript:alert(1)", "--title", "x"], 2, /^icp-links: .*not an http\(s\) URL or a site path.*\n$/],
    [["/new-page"], 2, /^icp-links: a site path has no page to read a title from: \/new-page \(give the title with --title\)\n$/],
    [["https://x.example/", "--title", "  "], 2, "icp-links: --title is empty (give the link a title)\n"],
    [[], 2, "icp-links: missing required argument 'url' (see 'icp-links --help')\n"],
  ])("add %j: exit %i in one line, nothing written, nothing asked", async (args, code, stderr) => {
    const page = memoryPage();
    const r = await runInProcess(["add", ...args], seedText, { ...page.options, http: noRequest });
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
    expect(page.written).toEqual([]);
  });

  it("asks for --title when the page at the URL has none to give", async () => {
    const page = memoryPage();
    const http: HttpClient = async () => ({ status: 404, statusText: "Not Found", header: () => undefined, body: "" });
    const r = await runInProcess(["add", "https://x.example/gone"], seedText, { ...page.options, http });
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: "icp-links: cannot read the title of https://x.example/gone: 404 Not Found (give it with --title)\n" });
    expect(page.written).toEqual([]);
  });
});

describe("remove", () => {
  it("removes entries by id, position and prefix; the others keep their ids", async () => {
    const page = memoryPage();
    const r = await runInProcess(["remove", "consensus-overview", "1", "ingress"], seedText, page.options);
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(ids(page.written[0]!)).toEqual(ids(seedText).filter((id) => !["consensus-overview", "internet-computer-technology", "ingress-message-lifecycle"].includes(id)));
  });

  it("says what it removed in JSON", async () => {
    const r = await runInProcess(["--json", "remove", "22"], seedText, memoryPage().options);
    expect(JSON.parse(r.stdout)).toEqual({ removed: [{ id: "consensus-overview", title: "Consensus Overview", url: "https://www.youtube.com/watch?v=vVLRRYh3JYo", line: 48 }], file: "my-links.md", written: true });
  });

  it.each([
    [["no-such-entry"], 1, /^icp-links: no entry 'no-such-entry'.*\n$/],
    // Refs only: words that would find an entry remove nothing.
    [["key", "resharing"], 1, /^icp-links: no entry 'key'.*\n$/],
    [["c"], 1, /^icp-links: 'c' matches 6 entries \(give more of the id\)\n/],
    [[], 2, /^icp-links: missing required argument 'ref' \(see 'icp-links --help'\)\n$/],
  ])("remove %j: exit %i, nothing written", async (args, code, stderr) => {
    const page = memoryPage();
    const r = await runInProcess(["remove", ...args], seedText, page.options);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(stderr);
    expect(page.written).toEqual([]);
  });

  it("refuses an item with nested items unless --force", async () => {
    const text = "## A\n\n- [Docs](https://d.example)\n  - [Child](https://c.example)\n- [Other](https://o.example)\n";
    const refused = memoryPage(text);
    const r = await runInProcess(["remove", "docs"], text, refused.options);
    expect(r).toMatchObject({ code: 2, stderr: "icp-links: docs (line 3) has nested items (add --force to remove them with it)\n" });
    expect(refused.written).toEqual([]);
    const forced = memoryPage(text);
    expect((await runInProcess(["remove", "docs", "--force"], text, forced.options)).code).toBe(0);
    expect(forced.written).toEqual(["## A\n\n- [Other](https://o.example)\n"]);
  });

  it("a page that cannot be written is exit 2, said in one line", async () => {
    const page = memoryPage(seedText, "my-links.md changed since it was read; nothing was written");
    const r = await runInProcess(["remove", "1"], seedText, page.options);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: "icp-links: my-links.md changed since it was read; nothing was written\n" });
  });
});

describe("move", () => {
  it("moves an entry to the end of another section, and says so on a terminal", async () => {
    const page = memoryPage();
    const r = await runInProcess(["move", "consensus-overview", "--section", "medium"], seedText, { ...page.options, errTty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("Moved consensus-overview to Medium in my-links.md\n");
    const after = catalogFromText(page.written[0]!);
    expect(after.entries.filter((e) => e.section === "Medium").map((e) => e.id)).toEqual(["internet-computer-technology", "achieving-consensus-on-the", "chain-key-cryptography-the", "consensus-overview"]);
    expect([...after.entries.map((e) => e.id)].sort()).toEqual([...ids(seedText)].sort());
  });

  it("makes a new section with --new-section, and says so in JSON", async () => {
    const r = await runInProcess(["--json", "move", "22", "--section", "Favourites", "--new-section", "--dry-run"], seedText, memoryPage().options);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ id: "consensus-overview", section: "Favourites", newSection: true, file: "my-links.md", written: false });
    expect(out.diff).toContain("+## Favourites\n");
  });

  it.each([
    [["22"], 2, "icp-links: move needs --section (name the section to move the entry to)\n"],
    [["nope", "--section", "medium"], 1, /^icp-links: no entry 'nope'.*\n$/],
  ])("move %j: exit %i, nothing written", async (args, code, stderr) => {
    const page = memoryPage();
    const r = await runInProcess(["move", ...args], seedText, page.options);
    expect(r.code).toBe(code);
    if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
    expect(page.written).toEqual([]);
  });
});
