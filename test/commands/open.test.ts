// open, in process (#15): what reaches the browser (the opener double), --print, --json, refs,
// site links and their base URL, links never opened, and a browser that fails. The real
// $BROWSER, the `open` package and xdg-open are test/e2e/cli.e2e.test.ts's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryStateStore, runInProcess } from "../helpers/context";
import { ROOT, SEED } from "../helpers/pages";
import type { OpenRequest } from "../../src/io/opener";

const page = readFileSync(SEED, "utf8");
const unsafe = readFileSync(join(ROOT, "test/fixtures/unsafe.md"), "utf8");
const site = readFileSync(join(ROOT, "test/fixtures/site.md"), "utf8");

describe("open", () => {
  it.each([
    [["consensus-overview"], ["https://www.youtube.com/watch?v=vVLRRYh3JYo"]],
    [["22"], ["https://www.youtube.com/watch?v=vVLRRYh3JYo"]],
    [["consensus-ov"], ["https://www.youtube.com/watch?v=vVLRRYh3JYo"]],
    [["execution", "22"], ["https://www.youtube.com/watch?v=UHA7W-8My_I", "https://www.youtube.com/watch?v=vVLRRYh3JYo"]],
    [["22", "execution"], ["https://www.youtube.com/watch?v=vVLRRYh3JYo", "https://www.youtube.com/watch?v=UHA7W-8My_I"]],
    [["key", "resharing"], ["https://www.youtube.com/watch?v=gKUi-2T7tdc"]],
  ])("open %j opens %j, in that order, saying nothing in a pipe", async (refs, urls) => {
    const r = await runInProcess(["open", ...refs], page);
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "", opened: urls });
  });

  it("says what it opens when stderr is a terminal", async () => {
    const r = await runInProcess(["open", "execution"], page, { errTty: true });
    expect(r.stderr).toBe("Opening https://www.youtube.com/watch?v=UHA7W-8My_I in your browser.\n");
  });

  it("passes --browser to the opener", async () => {
    const requests: OpenRequest[] = [];
    const r = await runInProcess(["open", "execution", "--browser", "firefox"], page, { opener: async (request) => void requests.push(request) });
    expect(r.code).toBe(0);
    expect(requests).toEqual([{ url: "https://www.youtube.com/watch?v=UHA7W-8My_I", browser: "firefox" }]);
  });

  it("prints instead of opening with --print", async () => {
    const r = await runInProcess(["open", "--print", "execution", "16"], page);
    expect(r).toMatchObject({ code: 0, stdout: "https://www.youtube.com/watch?v=UHA7W-8My_I\nhttps://www.youtube.com/watch?v=mPjiO2bk2lI\n", stderr: "", opened: [] });
  });

  it("answers in JSON, and opens", async () => {
    const r = await runInProcess(["--json", "open", "execution", "22"], page);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: "execution", title: "Execution", url: "https://www.youtube.com/watch?v=UHA7W-8My_I" },
      { id: "consensus-overview", title: "Consensus Overview", url: "https://www.youtube.com/watch?v=vVLRRYh3JYo" },
    ]);
    expect(r.opened).toEqual(["https://www.youtube.com/watch?v=UHA7W-8My_I", "https://www.youtube.com/watch?v=vVLRRYh3JYo"]);
  });

  it("asks for --yes before opening more than 5", async () => {
    const refs = ["8", "9", "10", "11", "12", "13"];
    const r = await runInProcess(["open", ...refs], page);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: that would open 6 links at once (add --yes to open them all, or --print to list the URLs)\n");
    expect(r.opened).toEqual([]);
    const yes = await runInProcess(["open", "--yes", ...refs], page);
    expect(yes.code).toBe(0);
    expect(yes.opened).toEqual(["UHA7W-8My_I", "FJE1s8ZkUyg", "WaNJINjGleg", "mZbFhRIHIiY", "vGmlfLW3scA", "c5nv6vIG3OQ"].map((v) => `https://www.youtube.com/watch?v=${v}`));
  });

  it("lists the candidates of an ambiguous ref and opens nothing (exit 1)", async () => {
    const r = await runInProcess(["open", "c"], page);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        "icp-links: 'c' matches 6 entries (give more of the id)",
        "  chain-key-cryptography-the  Chain Key Cryptography: The Scientific Breakthrough Behind the Internet Computer",
        "  community-conversations  Community Conversations",
        "  certified-variables  Certified Variables",
        "  canister-lifecycle  Canister Lifecycle",
        "  chain-key-cryptography  Chain Key Cryptography",
        "  consensus-overview  Consensus Overview",
        "",
      ].join("\n"),
    );
    expect(r.opened).toEqual([]);
  });

  it.each([
    // No typo fallback: a guess never opens a browser.
    [["executoin"], "icp-links: no entry 'executoin' (did you mean execution?)\n"],
    [["99"], /^icp-links: no entry '99'.*\n$/],
    [["execution", "nope-nope"], /^icp-links: no entry 'execution nope-nope'.*\n$/],
  ])("open %j opens nothing, exit 1", async (refs, stderr) => {
    const r = await runInProcess(["open", ...refs], page);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
    expect(r.opened).toEqual([]);
  });

  it("is a usage error without a ref", async () => {
    const r = await runInProcess(["open"], page);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: "icp-links: missing required argument 'ref' (see 'icp-links --help')\n", opened: [] });
  });
});

describe("links that are never opened", () => {
  // Links that can never be opened make no entry (#12): there is nothing to refuse.
  it.each(["script", "shouty-script", "data", "local-file", "vb", "protocol-relative", "entity"])("%s makes no entry: exit 1, nothing opened or printed", async (id) => {
    const r = await runInProcess(["open", id], unsafe);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^icp-links: no entry '${id}'`));
    expect(r.opened).toEqual([]);
    const printed = await runInProcess(["open", "--print", id], unsafe);
    expect(printed.code).toBe(1);
    expect(printed.stdout).toBe("");
  });

  it("refuses an http(s) link that is not a valid URL (exit 2), and then opens none of several", async () => {
    const r = await runInProcess(["open", "bad-host"], unsafe);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: refusing to open 'bad-host': 'https://exa mple.example/' is not a valid URL (only http: and https: links are opened)\n");
    const both = await runInProcess(["open", "safe", "bad-host"], unsafe);
    expect(both.code).toBe(2);
    expect(both.opened).toEqual([]);
    expect((await runInProcess(["open", "safe"], unsafe)).opened).toEqual(["https://safe.example/page"]);
  });
});

describe("site links", () => {
  it("need a base URL, and say how to give one (exit 2)", async () => {
    const r = await runInProcess(["open", "overview"], page);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: 'overview' is a site link (/dfinity-overview) and no base URL is known (pass --base-url https://example.org, set ICP_LINKS_BASE_URL, or add base_url to the page's front matter)\n");
    expect(r.opened).toEqual([]);
  });

  it.each([
    ["--base-url", ["--base-url", "https://example.org"], {}, page, "overview", "https://example.org/dfinity-overview"],
    ["ICP_LINKS_BASE_URL", [], { ICP_LINKS_BASE_URL: "https://env.example/" }, page, "overview", "https://env.example/dfinity-overview"],
    ["--base-url over ICP_LINKS_BASE_URL", ["--base-url", "https://option.example"], { ICP_LINKS_BASE_URL: "https://env.example/" }, page, "overview", "https://option.example/dfinity-overview"],
    ["the page's base_url", [], {}, site, "about", "https://site.example/about"],
  ])("open against %s", async (_name, args, env, text, ref, url) => {
    const printed = await runInProcess(["open", "--print", ...args, ref], text, { env });
    expect(printed.stdout).toBe(`${url}\n`);
    const opened = await runInProcess(["open", ...args, ref], text, { env });
    expect(opened.opened).toEqual([url]);
  });
});

describe("a browser that fails", () => {
  it("is exit 2 with the reason and what to do, and nothing is remembered", async () => {
    const state = memoryStateStore();
    const r = await runInProcess(["open", "execution"], page, {
      state,
      opener: async () => {
        throw new Error("the browser 'false' exited with status 1");
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: cannot open https://www.youtube.com/watch?v=UHA7W-8My_I: the browser 'false' exited with status 1 (set $BROWSER to a browser command, or use --print to get the URL)\n");
    expect(r.opened).toEqual([]);
    expect(state.data.size).toBe(0);
  });
});
