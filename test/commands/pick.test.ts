// pick, in process (#6, #15): the prompt is a fake chooser (ctx.choose) that "types" a term,
// reads the rows the command offers for it, and presses Enter on one of them (or leaves). What
// is opened, printed and remembered is the command's; the real prompt in a terminal is
// test/e2e/pick.e2e.test.ts's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryStateStore, runInProcess, type InProcessOptions } from "../helpers/context";
import { catalogFromText, SEED } from "../helpers/pages";
import type { Choice, ChooseConfig } from "../../src/command-kit/context";
import { stateKey } from "../../src/state/model";
import { UsageError, ValueError } from "../../src/errors";
import type { FactsRecord } from "../../src/catalog/link-facts";

const page = readFileSync(SEED, "utf8");
const UTF8 = { LANG: "C.UTF-8" };

interface Prompt {
  config?: ChooseConfig;
  /** The rows offered for the term typed (the initial one when none). */
  offered: Choice[];
}

/** A chooser that types `term` (undefined: keeps the initial query) and picks row `row`; `leave` is Esc. */
function chooser(how: { term?: string; row?: number; leave?: boolean } = {}): { prompt: Prompt; choose: NonNullable<InProcessOptions["choose"]> } {
  const prompt: Prompt = { offered: [] };
  return {
    prompt,
    choose: async (config) => {
      prompt.config = config;
      prompt.offered = config.source(how.term ?? config.initial, 100);
      if (how.leave) return undefined;
      return prompt.offered[how.row ?? 0]?.value;
    },
  };
}

const idOf = (c: Choice) => c.name.trim().split(/\s+/)[0];

describe("pick", () => {
  it.each([
    // [what is typed on the command line, what is typed in the prompt, row, the URL opened]
    [[], "consensus ov", 0, "https://www.youtube.com/watch?v=vVLRRYh3JYo"],
    [["camenish"], undefined, 0, "https://www.youtube.com/watch?v=vUcDRFC09J0"],
    [["--speaker", "manu"], "", 1, "https://www.youtube.com/watch?v=vVLRRYh3JYo"],
    [[], "", 0, "https://medium.com/dfinity/https-medium-com-dfinity-technology/home"],
  ])("pick %j, typing %j, row %i, opens %s", async (args, term, row, url) => {
    const { choose } = chooser({ ...(term === undefined ? {} : { term }), row });
    const r = await runInProcess(["pick", ...args], page, { choose });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("");
    expect(r.opened).toEqual([url]);
  });

  it("offers the rows of the query in search's order, the initial query being the words given", async () => {
    const { prompt, choose } = chooser();
    await runInProcess(["pick", "consensus"], page, { choose });
    expect(prompt.config!.initial).toBe("consensus");
    expect(prompt.config!.message).toBe("Open");
    expect(prompt.offered.map(idOf)).toEqual(["consensus-overview", "achieving-consensus-on-the"]);
    expect(prompt.offered.map((c) => c.value)).toEqual([22, 2]);
    // The details below the list: the url, then the speaker.
    expect(prompt.offered[0]!.description).toBe("https://www.youtube.com/watch?v=vVLRRYh3JYo\nManu Drijvers");
  });

  it.each([false, true])("the preview shows what the link's own page says, its length and year marked (cached: %s)", async (cached) => {
    // Stored as enrich stores them (#27): the page gives this talk a speaker, the link its length, date and description.
    const url = "https://www.youtube.com/watch?v=vVLRRYh3JYo";
    const facts = new Map<string, FactsRecord>([[url, { url, readAt: "2026-01-01T00:00:00.000Z", state: "ok", facts: { duration: 1475, published: "2021-09-08", description: "How the nodes agree.", channel: "DFINITY" } }]]);
    const { prompt, choose } = chooser();
    const r = await runInProcess(["pick", "consensus"], page, { choose, facts, cached });
    expect(r.code).toBe(0);
    expect(prompt.offered.map(idOf)).toEqual(["consensus-overview", "achieving-consensus-on-the"]);
    expect(prompt.offered[0]!.description).toBe(`${url}\nHow the nodes agree.\nManu Drijvers \u00b7 2021 (from the link) \u00b7 24:35 (from the link)`);
    // Without the facts: the page's alone.
    const plain = chooser();
    await runInProcess(["pick", "consensus", "--no-cache"], page, { choose: plain.choose, facts, cached });
    expect(plain.prompt.offered[0]!.description).toBe(`${url}\nManu Drijvers`);
  });

  it("offers every entry of the filters in page order before anything is typed", async () => {
    const { prompt, choose } = chooser({ term: "" });
    await runInProcess(["pick", "--kind", "site", "--section", "in-site"], page, { choose });
    expect(prompt.offered.map(idOf)).toEqual(["overview", "technology", "development", "roadmap"]);
  });

  it("prints the URL with --print, opening and remembering nothing", async () => {
    const state = memoryStateStore();
    const { choose } = chooser({ term: "resumption" });
    const r = await runInProcess(["pick", "--print"], page, { choose, state });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("https://www.youtube.com/watch?v=H7HCqonSMFU\n");
    expect(r.opened).toEqual([]);
    expect(state.data.size).toBe(0);
  });

  it("remembers what it opened, for recent", async () => {
    const state = memoryStateStore();
    const { choose } = chooser({ term: "resumption" });
    await runInProcess(["pick"], page, { choose, state });
    expect([...state.data.keys()]).toEqual([stateKey("https://www.youtube.com/watch?v=H7HCqonSMFU")]);
    const recent = await runInProcess(["recent"], page, { state });
    expect(recent.stdout).toBe("2026-11-23T12:00:00.000Z\tresumption\tResumption\thttps://www.youtube.com/watch?v=H7HCqonSMFU\n");
  });

  it("marks done entries and leaves them out with --todo", async () => {
    const state = memoryStateStore();
    await runInProcess(["done", "resumption"], page, { state, env: UTF8 });
    const marked = chooser({ term: "" });
    await runInProcess(["pick", "--speaker", "manu"], page, { choose: marked.choose, state, env: UTF8 });
    expect(marked.prompt.offered.map((c) => c.name.trim().split(/\s+/).slice(0, 2))).toEqual([["\u2713", "resumption"], ["consensus-overview", "Consensus"]]);
    const todo = chooser({ term: "" });
    await runInProcess(["pick", "--speaker", "manu", "--todo"], page, { choose: todo.choose, state, env: UTF8 });
    expect(todo.prompt.offered.map(idOf)).toEqual(["consensus-overview"]);
  });

  it("opens a site link against --base-url, and refuses one without a base URL (exit 2), opening nothing", async () => {
    const ok = await runInProcess(["pick", "--base-url", "https://example.org"], page, chooser({ term: "roadmap" }));
    expect(ok.opened).toEqual(["https://example.org/dfinity-roadmap"]);
    const refused = await runInProcess(["pick"], page, chooser({ term: "roadmap" }));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^icp-links: 'roadmap' is a site link \(\/dfinity-roadmap\) and no base URL is known \(.*\)\n$/);
    expect(refused.opened).toEqual([]);
  });

  it("leaving the prompt (Esc, Ctrl-C) is exit 130, quietly, nothing opened", async () => {
    const r = await runInProcess(["pick"], page, chooser({ leave: true }));
    expect(r).toMatchObject({ code: 130, stdout: "", stderr: "", opened: [] });
  });

  it("a malformed query throws a ValueError for the prompt to show; a phrase being typed does not", async () => {
    let malformed: unknown;
    let phrase: Choice[] = [];
    const r = await runInProcess(["pick", "--print"], page, {
      choose: async (config) => {
        try {
          config.source("year:abc", 100);
        } catch (error) {
          malformed = error;
        }
        phrase = config.source('"chain key', 100);
        return phrase[0]!.value;
      },
    });
    expect(malformed).toBeInstanceOf(ValueError);
    expect((malformed as ValueError).message).toBe("year:abc is not a year");
    expect(phrase.map(idOf)).toEqual(["chain-key-cryptography-the", "chain-key-cryptography"]);
    expect(r.stdout).toBe("https://medium.com/dfinity/chain-key-technology-one-public-key-for-the-internet-computer-6a3644901e28\n");
  });

  it("a browser that fails is exit 2, with the hint", async () => {
    const r = await runInProcess(["pick"], page, {
      ...chooser({ term: "resumption" }),
      opener: async () => {
        throw new Error("the browser 'false' exited with status 1");
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: cannot open https://www.youtube.com/watch?v=H7HCqonSMFU: the browser 'false' exited with status 1 (set $BROWSER to a browser command, or use --print to get the URL)\n");
  });

  it("→ follows the highlighted entry into the list it links to, then opens from there (#18)", async () => {
    const talks = catalogFromText("# Talks\n\n- [Simple Made Easy / Rich Hickey](https://talks.example/simple)\n- [Hammock Driven Development / Rich Hickey](https://talks.example/hammock)\n", "talks.md");
    const followed: string[] = [];
    const prompts: ChooseConfig[] = [];
    const r = await runInProcess(["pick", "--print"], "# Lists\n\n- [Talk lists](talks.md) - more lists.\n- [Rust](https://www.rust-lang.org/) - a site.\n", {
      choose: async (config) => {
        prompts.push(config);
        if (prompts.length === 1) {
          config.onFollow!();
          return config.source("", 100)[0]!.value;
        }
        return config.source("hammock", 100)[0]!.value;
      },
      follow: async (_from, entry) => (followed.push(entry.id), talks),
    });
    expect(r.code).toBe(0);
    expect(followed).toEqual(["talk-lists"]);
    expect(prompts.map((p) => p.initial)).toEqual(["", ""]);
    expect(r.stdout).toBe("https://talks.example/hammock\n");
  });

  it("→ on an entry it cannot follow stays in the picker, on that entry and query, saying why (#22)", async () => {
    const prompts: ChooseConfig[] = [];
    const r = await runInProcess(["pick", "--print"], "# Lists\n\n- [Talk lists](talks.md) - more lists.\n- [Rust](https://www.rust-lang.org/) - a site.\n", {
      choose: async (config) => {
        prompts.push(config);
        if (prompts.length === 1) {
          const rust = config.source("rust", 100)[0]!;
          config.onFollow!();
          return rust.value;
        }
        return config.source(config.initial, 100)[0]!.value;
      },
      follow: async (_from, entry) => {
        throw new UsageError(`'${entry.id}' links to www.rust-lang.org, not to a markdown page or a repository`);
      },
    });
    expect(r.code).toBe(0);
    expect(prompts).toHaveLength(2);
    expect(prompts[1]!.notice).toBe("cannot follow rust: 'rust' links to www.rust-lang.org, not to a markdown page or a repository");
    expect(prompts[1]!.initial).toBe("rust");
    expect(prompts[1]!.highlighted).toBe(2);
    // Enter on it then opens it, as ever.
    expect(r.stdout).toBe("https://www.rust-lang.org/\n");
  });

  it("← goes back from a followed list to the page it came from, with its query and entry (#22)", async () => {
    const talks = catalogFromText("# Talks\n\n- [Simple Made Easy / Rich Hickey](https://talks.example/simple)\n", "talks.md");
    const prompts: ChooseConfig[] = [];
    const r = await runInProcess(["pick", "--print"], "# Lists\n\n- [Rust](https://www.rust-lang.org/) - a site.\n- [Talk lists](talks.md) - more lists.\n", {
      choose: async (config) => {
        prompts.push(config);
        if (prompts.length === 1) {
          const lists = config.source("talk", 100)[0]!;
          config.onFollow!();
          return lists.value;
        }
        if (prompts.length === 2) {
          config.onBack!();
          return undefined;
        }
        return config.source("rust", 100)[0]!.value;
      },
      follow: async () => talks,
    });
    expect(r.code).toBe(0);
    expect(prompts[0]!.onBack).toBeUndefined();
    expect(prompts[1]!.onBack).toBeDefined();
    expect([prompts[2]!.initial, prompts[2]!.highlighted, prompts[2]!.onBack]).toEqual(["talk", 2, undefined]);
    // Back on the first page: its entries are the ones offered and opened.
    expect(r.stdout).toBe("https://www.rust-lang.org/\n");
  });

  it("at 60 columns the title keeps more room than the id (#22)", async () => {
    const { prompt, choose } = chooser({ leave: true });
    await runInProcess(["pick"], page, { choose });
    const rows = prompt.config!.source(undefined, 60);
    const entries = catalogFromText(page).entries;
    for (const [i, row] of rows.entries()) {
      const title = entries[i]!.title;
      const start = row.name.indexOf(title.slice(0, 8));
      expect(start).toBeGreaterThan(0);
      const idWidth = start - 2;
      const titleShown = row.name.slice(start).split(/ {2,}/)[0]!;
      expect(titleShown.length >= Math.min(title.length, idWidth + 1)).toBe(true);
    }
  });

  it("without a terminal (no chooser) is a usage error that points to search and open", async () => {
    const r = await runInProcess(["pick"], page);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("icp-links: pick needs a terminal (in scripts, use 'icp-links search' and 'icp-links open')\n");
  });

  it("a bad filter is exit 2 before any prompt", async () => {
    let asked = false;
    const r = await runInProcess(["pick", "--kind", "video"], page, { choose: async () => ((asked = true), undefined) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: option '-k, --kind <kind>' argument 'video' is invalid. unknown kind 'video' (use one of: talk, podcast, paper, article, repo, forum, site, page) (see 'icp-links --help')\n");
    expect(asked).toBe(false);
  });
});
