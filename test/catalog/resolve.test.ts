import { describe, expect, it } from "vitest";
import { resolve } from "../../src/catalog/resolve";
import { selectEntries } from "../../src/command-kit/select";
import { NotFoundError } from "../../src/errors";
import { redirectTarget } from "../../src/catalog/urls";
import { AWESOME_COPY, catalogFromText, catalogOf, SEED } from "../helpers/pages";

const catalog = catalogOf(SEED);

describe("resolve", () => {
  it.each([
    ["consensus-overview", "consensus-overview"],
    ["22", "consensus-overview"],
    ["consensus", "consensus-overview"],
    ["CONSENSUS-OVERVIEW", "consensus-overview"],
    ["exec", "execution"],
  ])("%s → %s", (ref, id) => expect(resolve(catalog, ref).id).toBe(id));

  it("lists the candidates of an ambiguous prefix", () => {
    try {
      resolve(catalog, "c");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).message).toMatch(/'c' matches \d+ entries/);
      expect((error as NotFoundError).suggestions.map((s) => s.id)).toContain("canister-lifecycle");
    }
  });

  it("suggests the nearest ids for an unknown ref", () => {
    const hintOf = (ref: string) => {
      try {
        resolve(catalog, ref);
      } catch (error) {
        return (error as NotFoundError).hint;
      }
    };
    expect(hintOf("executoin")).toBe("did you mean execution?");
    expect(hintOf("upgrade-s")).toMatch(/did you mean upgrades/);
    expect(() => resolve(catalog, "99")).toThrow(/no entry '99'/);
    expect(() => resolve(catalog, "0")).toThrow(NotFoundError);
  });
});

describe("selectEntries", () => {
  it("takes several refs", () => expect(selectEntries(catalog, ["execution", "16"]).map((e) => e.id)).toEqual(["execution", "upgrades"]));
  it("takes search words that select one entry", () => expect(selectEntries(catalog, ["key", "resharing"]).map((e) => e.id)).toEqual(["non-interactive-distributed-key"]));
  it("takes a unique prefix alone", () => expect(selectEntries(catalog, ["exec"]).map((e) => e.id)).toEqual(["execution"]));

  // #12: `open gorilla mux` opened two tabs, each word the unique prefix of one id.
  it("takes several words as several entries only when each is an exact id or a position", () => {
    const awesome = catalogOf(AWESOME_COPY);
    expect(selectEntries(awesome, ["access-control", "SETUP-DFX", "3"]).map((e) => e.id)).toEqual(["access-control", "setup-dfx", awesome.entries[2]!.id]);
    // "backup" and "hosting" are each the unique prefix of an id; together they are a search.
    expect(resolve(awesome, "backup").id).toBe("backup-and-restore");
    expect(resolve(awesome, "hosting").id).toBe("hosting-erc-721-metadata");
    expect(() => selectEntries(awesome, ["backup", "hosting"])).toThrow(NotFoundError);
    // Words that select one entry by search still do, even when one is also an id prefix.
    expect(selectEntries(awesome, ["stable", "structures"]).map((e) => e.id)).toEqual(["stable-structures"]);
  });

  it("refuses search words that select several", () => expect(() => selectEntries(catalog, ["lifecycle"])).toThrow(/matches 2 entries/));
});

import { buildCatalog } from "../../src/catalog/catalog";
import { parsePage } from "../../src/catalog/parse-page";

describe("several pages", () => {
  it("merges them with positions across pages, unique ids, and site links to loaded permalinks", () => {
    const a = parsePage("---\npermalink: /a\n---\n- [Same](https://x.example/1)\n- [To B](/b/)\n- [Nowhere](/c)", "a.md");
    const b = parsePage("---\npermalink: /b\n---\n- [Same](https://x.example/2)\n- [Back to A](/a)", "b.md");
    const catalog = buildCatalog([a, b]);
    expect(catalog.entries.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(catalog.entries.map((e) => e.id)).size).toBe(5);
    expect(catalog.entries.map((e) => e.target)).toEqual([undefined, "b.md", undefined, undefined, "a.md"]);
  });
});

describe("redirectTarget: where a redirect leads (check, add's title, pages from the web)", () => {
  it.each([
    ["/b", "https://h.example/a", { url: "https://h.example/b" }],
    ["b?x=1", "https://h.example/dir/a", { url: "https://h.example/dir/b?x=1" }],
    ["//other.example/p", "https://h.example/a", { url: "https://other.example/p" }],
    ["HTTP://Other.Example", "https://h.example/a", { url: "http://other.example/" }],
    ["javascript:alert(1)", "https://h.example/a", { scheme: "javascript:" }],
    ["file:///etc/passwd", "https://h.example/a", { scheme: "file:" }],
    ["http://[bad", "https://h.example/a", { invalid: "http://[bad" }],
  ])("%s from %s", (location, from, expected) => {
    expect(redirectTarget(location, from)).toEqual(expected);
  });
});

describe("a ref that is an entry's title or repository (#24)", () => {
  const page = catalogFromText(
    [
      "## Talks",
      "- [Simple Made Easy](https://example.org/sme) by **Rich Hickey**",
      "- [Simple Made Easy, revisited](https://example.org/smer)",
      "- [Is TDD Dead?](https://example.org/tdd)",
      "- [Easy and simple: made for you](https://example.org/other) - simple, made, easy",
      "## Libraries",
      "- [tokio-rs/tokio](https://github.com/tokio-rs/tokio) - runtime",
      "- [tokio-rs/axum](https://github.com/tokio-rs/axum) - built on tokio-rs/tokio",
      "- [Café](https://github.com/someone/cafe-lib)",
      "- [Two of a kind](https://example.org/1)",
      "- [Two of a kind](https://example.org/2)",
    ].join("\n"),
  );
  it.each([
    [["Simple Made Easy"], "https://example.org/sme"],
    [["simple", "made", "easy"], "https://example.org/sme"],
    [["is tdd dead"], "https://example.org/tdd"],
    [["tokio-rs/tokio"], "https://github.com/tokio-rs/tokio"],
    [["TOKIO-RS/TOKIO"], "https://github.com/tokio-rs/tokio"],
    [["someone/cafe-lib"], "https://github.com/someone/cafe-lib"],
    [["cafe"], "https://github.com/someone/cafe-lib"],
  ])("%j is that entry", (args, url) => {
    expect(selectEntries(page, args).map((e) => e.url)).toEqual([url]);
    if (args.length === 1) expect(resolve(page, args[0]!).url).toBe(url);
  });

  it("two entries of one title are no answer: the ref stays ambiguous", () => {
    expect(() => selectEntries(page, ["two of a kind"])).toThrow(/matches 2 entries/);
  });
});
