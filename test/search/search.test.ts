// Relevance on the bundled page (#4), typo tolerance and ranking rules (#3).
import { describe, expect, it } from "vitest";
import { search, matchRanges, rank } from "../../src/search/search";
import { entriesOf } from "../../src/catalog/entries";
import { applyFilters, facetMatches } from "../../src/search/filters";
import { catalogOf, catalogFromText, SEED } from "../helpers/pages";

const catalog = catalogOf(SEED);
const top = (query: string, n: number) => search(catalog, query).slice(0, n).map((h) => h.entry.id);
const all = (query: string) => search(catalog, query).map((h) => h.entry.id);

describe("relevance on the bundled page", () => {
  it.each([
    ["consensus", ["achieving-consensus-on-the", "consensus-overview"]],
    ["consen", ["achieving-consensus-on-the", "consensus-overview"]],
    ["consensys", ["achieving-consensus-on-the", "consensus-overview"]],
    ["manu", ["resumption", "consensus-overview"]],
    ["p2p", ["peer-to-peer-p2p"]],
    ["camenish", ["chain-key-cryptography"]],
    ["ecdsa", ["threshold-ecdsa-signing"]],
    ["nns", ["network-nervous-system-nns"]],
    ["key resharing", ["non-interactive-distributed-key"]],
    ["forum", ["dev-forum"]],
    ["bjorn", ["identity-and-authentication-on"]],
    ["BJÖRN", ["identity-and-authentication-on"]],
    ["pignolet", ["ingress-message-lifecycle", "state-synchronization"]],
  ])("%s → %j first", (query, expected) => {
    expect(new Set(top(query, expected.length))).toEqual(new Set(expected));
  });

  it("requires every word to match", () => {
    expect(all("consensus manu")).toEqual(["consensus-overview"]);
    expect(all("consensus zzzz")).toEqual([]);
  });

  it("ranks title matches above description or url matches", () => {
    const page = catalogFromText("- [Other](https://a.example/consensus)\n- [Notes](https://b.example) - about consensus\n- [Consensus](https://c.example)");
    expect(search(page, "consensus").map((h) => h.entry.title)).toEqual(["Consensus", "Notes", "Other"]);
  });

  it("ranks typo matches below exact ones", () => {
    const page = catalogFromText("- [Consensys wallet](https://a.example)\n- [Consensus](https://b.example)");
    // A word on fewer entries than a screenful brings its near words too, after it (#24): a
    // misspelling that is on the page does not hide the entries spelt right.
    const hits = search(page, "consensus");
    expect(hits.map((h) => h.entry.title)).toEqual(["Consensus", "Consensys wallet"]);
    const typo = search(page, "consensuss");
    // Both are within the typo budget of the query (two edits from 9 letters): fewer typos first
    // (#24, rule 2), so "consensus" (one edit) before "consensys" (two).
    expect(typo.map((h) => h.entry.title)).toEqual(["Consensus", "Consensys wallet"]);
  });

  it("finds nothing for words with no letters or digits", () => {
    expect(all("!!!")).toEqual([]);
  });
});

describe("highlighting", () => {
  it.each([
    ["Consensus Overview", "consen", [[0, 6]]],
    ["Björn Tackmann", "bjorn", [[0, 5]]],
    ["Peer-to-Peer (P2P)", "p2p peer", [[0, 4], [8, 12], [14, 17]]],
  ])("%s / %s", (text, query, ranges) => expect(matchRanges(text, query)).toEqual(ranges));
});

describe("filters", () => {
  it.each([
    ["Manu Drijvers", "manu", true],
    ["Manu Drijvers", "drijvers", true],
    ["Manu Drijvers", "MANU drijvers", true],
    ["Manu Drijvers", "dri", false],
    ["Björn Tackmann", "bjorn", true],
    ["YouTube", "youtube", true],
    ["In-site Pages", "pages", true],
    ["In-site Pages", "in-site", true],
    ["YouTube", "", false],
  ])("%s matches %j: %s", (value, wanted, expected) => expect(facetMatches(value, wanted)).toBe(expected));

  it("combines filters with AND", () => {
    const ids = (f: Parameters<typeof applyFilters>[2]) => applyFilters(catalog, catalog.entries, f).map((e) => e.id);
    expect(ids({ section: "youtube" })).toEqual(catalog.entries.filter((e) => e.section === "YouTube").map((e) => e.id));
    expect(ids({ section: "youtube" }).slice(0, 2)).toEqual(["execution", "ingress-message-lifecycle"]);
    expect(ids({ speaker: "manu" })).toEqual(["resumption", "consensus-overview"]);
    expect(ids({ kind: "talks", section: "community" })).toEqual(["threshold-ecdsa-signing"]);
    expect(ids({ kind: "site" })).toEqual(["overview", "technology", "development", "roadmap"]);
    expect(ids({ tag: "dfinity" })).toEqual(catalog.entries.map((e) => e.id));
    expect(() => ids({ kind: "video" })).toThrow(/unknown kind 'video'/);
  });
});

describe("ranking and the search's columns", () => {
  it("finds a word written in the other spelling of English, after the spelling typed (#24)", () => {
    const c = catalogFromText(["- [Dialogic](https://a.example/1) - Create dialogs and cutscenes.", "- [Talk](https://a.example/2) - A dialogue system.", "- [Paint](https://a.example/3) - Colour picker.", "- [Other](https://a.example/4) - Nothing here."].join("\n"));
    expect(search(c, "dialogue").map((h) => h.entry.title)).toEqual(["Talk", "Dialogic"]);
    expect(search(c, "dialog").map((h) => h.entry.title)).toEqual(["Dialogic", "Talk"]);
    expect(search(c, "color picker").map((h) => h.entry.title)).toEqual(["Paint"]);
  });


  it("keeps document order among equal scores, and rank() agrees with search()", () => {
    const c = catalogFromText(["- [Alpha node](https://a.example/1)", "- [Beta](https://a.example/2) - a node", "- [Gamma node](https://a.example/3)", "- [Node](https://a.example/4)"].join("\n"));
    const hits = search(c, "node");
    // "Node" is the query itself (#14); the two titles of the query and one word tie, in page order.
    expect(hits.map((h) => h.entry.title)).toEqual(["Node", "Alpha node", "Gamma node", "Beta"]);
    const ranked = rank(c, "node");
    expect(Array.from(ranked.indexes)).toEqual(hits.map((h) => h.entry.position - 1));
    expect(Array.from(ranked.scores)).toEqual(hits.map((h) => h.score));
  });

  it("forgives a typo in text that is not ASCII as in text that is", () => {
    const c = catalogFromText(["- [Zürich talk / Anna Müller](https://a.example/1)", "- [Plain talk / Anna Miller](https://a.example/2)", "- [Other](https://a.example/3)"].join("\n"));
    expect(search(c, "mullr").map((h) => h.entry.title)).toEqual(["Zürich talk"]);
    expect(search(c, "zurch").map((h) => h.entry.title)).toEqual(["Zürich talk"]);
    const plain = catalogFromText(["- [Plain talk / Anna Miller](https://a.example/2)", "- [Other](https://a.example/3)"].join("\n"));
    expect(search(plain, "millr").map((h) => h.entry.title)).toEqual(["Plain talk"]);
  });

  it("matches a section or tag word for every entry under it", () => {
    const c = catalogFromText(["---", "tags: [research]", "---", "## Consensus", "- [One](https://a.example/1)", "- [Two](https://a.example/2)", "## Other", "- [Three](https://a.example/3)"].join("\n"));
    expect(search(c, "consensus").map((h) => h.entry.title)).toEqual(["One", "Two"]);
    expect(search(c, "research").map((h) => h.entry.title)).toEqual(["One", "Two", "Three"]);
    expect(search(c, "consensus one").map((h) => h.entry.title)).toEqual(["One"]);
  });
});

describe("ranking rules of #14", () => {
  const titles = (text: string, query: string) => search(catalogFromText(text), query).map((h) => h.entry.title);

  it("puts the entries of the section named by the query first, before entries that only mention it", () => {
    const page = [
      "## Articles", "", "- [Logging in production](https://a.example/1) - Keep logs useful.", "",
      "## Logging", "", "- [zap](https://a.example/2) - Fast, structured.", "- [logfmt](https://a.example/3) - A format.", "",
      "## Benchmarks", "", "- [log-bench](https://a.example/4) - Benchmarks of logging libraries.",
    ].join("\n");
    expect(titles(page, "logging")).toEqual(["zap", "logfmt", "Logging in production", "log-bench"]);
  });

  it("takes another form of a word for it: a section 'Scheduling' is what 'scheduler' asks for, the word as typed first on a tie (#24)", () => {
    const page = [
      "## Misc", "", "- [cronx](https://a.example/1) - Runs things.", "", "## Scheduling", "", "- [quartz](https://a.example/2) - Cron jobs.", "",
      "## Tools", "", "- [jobs](https://a.example/3) - A scheduler for jobs.", "- [plan](https://a.example/4) - Schedules work.", "",
    ].join("\n");
    expect(titles(page, "scheduler")).toEqual(["quartz", "jobs", "plan"]);
    // Both words in one field (a description) before one word in each of two.
    expect(titles(page, "job scheduling")).toEqual(["jobs", "quartz"]);
  });

  it("takes a compound for its two words written apart ('timezone' for 'time zone', 'gameboy' for 'Game Boy'), the word as typed first on a tie (#24)", () => {
    const page = [
      "## Dates", "", "- [zeit](https://a.example/1) - Time zone loading and conversion.", "- [tzif](https://a.example/2) - Timezone files.",
      "- [clock](https://a.example/3) - Time of day, a zone of its own.", "", "## Emulators", "", "- [gbemu](https://a.example/4) - A Game Boy emulator.", "",
    ].join("\n");
    expect(titles(page, "timezone")).toEqual(["tzif", "zeit"]);
    expect(titles(page, "gameboy emulator")).toEqual(["gbemu"]);
    // Parts of three letters or more, of a word of six or more: "into" is not "in to".
    expect(titles("- [a](https://a.example/1) - Go in to the room.\n", "into")).toEqual([]);
  });

  it("takes two words typed for one for the word they make ('chose nim' for Choosenim, a typo of 'chosenim'), after entries with both words (#24)", () => {
    const page = ["- [choosenim](https://a.example/1) - The installer.", "- [Nim](https://a.example/2) - The language.", "- [chosen](https://a.example/3) - A picker for Nim."].join("\n");
    expect(titles(page, "chose nim")).toEqual(["chosen", "choosenim"]);
    expect(titles(page, "choose nim")).toEqual(["choosenim"]);
  });

  it("takes a repository's name without its ecosystem after a dot ('telescope.nvim') as the name (#24)", () => {
    const page = ["- [acme/telescope-media.nvim](https://github.com/acme/telescope-media.nvim) - Media for telescope.", "- [nvim-telescope/telescope.nvim](https://github.com/nvim-telescope/telescope.nvim) - Find things."].join("\n");
    expect(titles(page, "telescope")).toEqual(["nvim-telescope/telescope.nvim", "acme/telescope-media.nvim"]);
  });

  it("counts a heading above the entry's section, but less than its own section", () => {
    const page = ["## Database", "", "### Caches", "", "- [bigcache](https://a.example/1)", "", "### Database Tools", "", "- [dbdiff](https://a.example/2)", "", "## Other", "", "- [Database notes](https://a.example/3) - Notes."].join("\n");
    expect(titles(page, "database")).toEqual(["dbdiff", "bigcache", "Database notes"]);
  });

  it("does not count the heading above every entry (the page's title) as a section", () => {
    const page = ["# Awesome Lang", "", "## Tools", "", "- [alpha](https://a.example/1)", "- [lang-kit](https://a.example/2)", "", "## More", "", "- [beta](https://a.example/3)"].join("\n");
    expect(titles(page, "lang")[0]).toBe("lang-kit");
  });

  it("never matches inside a word (#24)", () => {
    expect(titles("- [gorm](https://a.example/1)\n- [orm tools](https://a.example/2)", "orm")).toEqual(["orm tools"]);
  });

  it("ranks a title that is the query above titles that start with it, those in page order (#24)", () => {
    const page = ["- [Gin web framework for Lang](https://a.example/1)", "- [Gin rummy](https://a.example/2)", "- [Gin](https://a.example/3)"].join("\n");
    expect(titles(page, "gin")).toEqual(["Gin", "Gin web framework for Lang", "Gin rummy"]);
  });

  it("forgives a typo in a word that only descriptions hold", () => {
    expect(titles("- [climate](https://a.example/1) - Autocompletion for command line tools.\n- [other](https://a.example/2)", "autocompletoin")).toEqual(["climate"]);
  });

  it("keeps page order among equal scores", () => {
    expect(titles("- [b](https://a.example/1) - about zeta\n- [a](https://a.example/2) - about zeta", "zeta")).toEqual(["b", "a"]);
  });
});

describe("the query language in the search (#14)", () => {
  const ids = (query: string) => search(catalog, query).map((h) => h.entry.id);

  it("finds an exact phrase, its words in order", () => {
    expect(ids('"key resharing"')).toEqual(["non-interactive-distributed-key"]);
    expect(ids('"resharing key"')).toEqual([]);
  });

  it("excludes words and phrases", () => {
    expect(ids("consensus -achieving")).toEqual(["consensus-overview"]);
    expect(ids('cryptography -"chain key"')).toEqual([]);
    expect(ids("manu -consensus")).toEqual(["resumption"]);
  });

  it("looks for a field: word in its field only", () => {
    expect(ids("title:manu")).toEqual([]);
    expect(new Set(ids("speaker:manu"))).toEqual(new Set(["resumption", "consensus-overview"]));
    expect(ids("section:community kind:talk")).toEqual(["threshold-ecdsa-signing"]);
    expect(ids("kind:site")).toEqual(["overview", "technology", "development", "roadmap"]);
    // The in-site pages are filed under YouTube; its talks are left out.
    expect(ids("youtube -kind:talk")).toEqual(["overview", "technology", "development", "roadmap"]);
  });

  it("filters by year and event, once entries have them (#13)", () => {
    const entries = catalogFromText("- [One](https://a.example/1)\n- [Two](https://a.example/2)\n- [Three](https://a.example/3)").entries.map((e, i) => ({ ...e, year: 2019 + i, event: i === 1 ? "ICC Zurich" : undefined }));
    expect(search(entriesOf(entries), "year:2020..2021").map((h) => h.entry.title)).toEqual(["Two", "Three"]);
    expect(search(entriesOf(entries), "-year:2020").map((h) => h.entry.title)).toEqual(["One", "Three"]);
    expect(search(entriesOf(entries), "event:zurich").map((h) => h.entry.title)).toEqual(["Two"]);
    expect(search(entriesOf(entries), "zurich").map((h) => h.entry.title)).toEqual(["Two"]);
  });
});

describe("ranking rules on shapes of library lists and lists of lists (#24)", () => {
  const titles = (text: string, query: string) => search(catalogFromText(text), query).map((h) => h.entry.title);

  it("matches the parts of a camelCase title as words on a page with accented text too", () => {
    const page = "- [Café](https://a.example) - a place\n- [AspectCore](https://b.example) - weaves aspects, dependency injection too\n- [Extensions.DependencyInjection](https://c.example) - the default container";
    expect(titles(page, "dependency injection")).toEqual(["Extensions.DependencyInjection", "AspectCore"]);
    // as on a page of ASCII only
    expect(titles(page.replace("Café", "Cafe"), "dependency injection")).toEqual(["Extensions.DependencyInjection", "AspectCore"]);
  });

  it("does not take a url's scheme for the word http", () => {
    const page = "- [Kafka Client](https://a.example/kafka) - for Apache Kafka\n- [Flurl](https://b.example) - a fluent HTTP client library";
    expect(titles(page, "http client")).toEqual(["Flurl"]);
    expect(titles(page, "http")).toEqual(["Flurl"]);
  });

  it("ranks a bare link nested in a list's item below the list it belongs to", () => {
    const page = "- [awesome-podcasts](https://github.com/a/awesome-podcasts) - for developers\n  - https://podcasts.example.org/\n- [radio](https://github.com/b/radio) - podcasts to hear";
    const got = titles(page, "podcasts");
    expect(got[0]).toBe("awesome-podcasts");
    expect(got).toContain("podcasts.example.org");
    // a bare link whose host is the query is still that entry
    expect(titles(page, "podcasts.example.org")[0]).toBe("podcasts.example.org");
  });

  it("finds a short plural's singular as a whole word only ('orms' is the section ORM)", () => {
    const page = "## ORM\n\n- [avram](https://a.example/avram) - a database wrapper\n\n## Formats\n\n- [ormolu](https://b.example/ormolu) - a formatter";
    expect(titles(page, "orms")).toEqual(["avram"]);
    expect(titles(page, "orm")).toEqual(["avram", "ormolu"]);
  });

  it("starts a field with a whole word only: 'async' is the section Async IO before the title asyncpg", () => {
    const page = "## Drivers\n\n- [asyncpg](https://a.example/pg) - PostgreSQL driver\n\n## Async IO\n\n- [chronos](https://b.example/c) - an efficient library";
    expect(titles(page, "async")).toEqual(["chronos", "asyncpg"]);
  });

  it("reads the heading above a section and the section as one name: 'web framework' is Frameworks under Web", () => {
    const page = "## Client\n\n### Web App Frameworks\n\n- [Karax](https://a.example/k) - single page apps\n\n## Web\n\n### Frameworks\n\n- [Jester](https://b.example/j) - sinatra-like\n\n### Servers\n\n- [Mummy](https://c.example/m) - a framework-free server";
    expect(titles(page, "web framework")).toEqual(["Jester", "Karax", "Mummy"]);
  });

  it("ranks an entry with more of the words first, even when it lacks the first word", () => {
    // 'web client server': two words beat the first word alone, even when that is the title.
    const page = "- [Web](https://a.example/w) - a page\n- [Tool](https://b.example/t) - a client and server\n- [All](https://c.example/a) - web client and server";
    expect(search(catalogFromText(page), "web client server", { partial: true }).map((h) => h.entry.title)).toEqual(["All", "Tool", "Web"]);
  });
});
