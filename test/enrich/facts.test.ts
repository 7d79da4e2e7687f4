// The readers of link facts (#27): ISO 8601 durations, reading times, dates, and the cleaning every
// fact passes from the network and from the store. Table-driven.
import { describe, expect, it } from "vitest";
import { cleanFacts, isoDate, isoDuration, keptValidator, readingTime } from "../../src/catalog/link-facts";
import { headSaysEnough, readOembed, readPage } from "../../src/enrich/extract";
import { mergeFacts, patchColumns, withFacts } from "../../src/catalog/merge-facts";
import { columnsOf } from "../../src/columns/build";
import { catalogFromText } from "../helpers/pages";

describe("isoDuration", () => {
  it.each([
    ["PT28M14S", 1694], ["PT1H2M3S", 3723], ["PT754S", 754], ["PT12M", 720], ["P0DT0H5M0S", 300], ["pt3m", 180],
    ["PT", undefined], ["P", undefined], ["28:14", undefined], ["PT-5M", undefined], ["P30D", undefined], [42, undefined],
  ])("%s → %s", (text, wanted) => expect(isoDuration(text)).toBe(wanted));
});

describe("readingTime", () => {
  it.each([["7 min read", 420], ["12 minutes", 720], ["1 hour read", 3600], ["about 3 min", 180], ["read later", undefined], ["", undefined]])("%s → %s", (text, wanted) => expect(readingTime(text)).toBe(wanted));
});

describe("isoDate", () => {
  it.each([
    ["2021-06-02", "2021-06-02"], ["2021-06-02T09:00:12-07:00", "2021-06-02"], ["2013-08-19 10:32:46", "2013-08-19"], ["2021-04-12T17:03:51.123Z", "2021-04-12"], ["2021", "2021"],
    ["June 8, 2021", undefined], ["2021-13-01", undefined], ["1066-10-14", undefined], ["", undefined],
  ])("%s → %s", (text, wanted) => expect(isoDate(text)).toBe(wanted));
});

describe("cleanFacts", () => {
  it("keeps known fields of the right type, sanitized and bounded", () => {
    expect(cleanFacts({ title: " A\u001b[31m  red\u202e title ", duration: "1694", published: "2021-06-02T00:00:00Z", authors: ["Ann", "Ann", 3, "\u0007"], channel: "", type: "video", extra: "x" }))
      .toEqual({ title: "A red title", duration: 1694, published: "2021-06-02", authors: ["Ann"], type: "video" });
    expect(cleanFacts({ duration: -5, type: "virus", description: "x".repeat(600) })).toEqual({ description: `${"x".repeat(500)}…` });
    expect(cleanFacts(null)).toEqual({});
    expect(cleanFacts("text")).toEqual({});
  });

  it("keeps a validator a header can carry back, and no other", () => {
    expect(keptValidator('W/"abc"')).toBe('W/"abc"');
    for (const bad of ["", "a\r\nSet-Cookie: x", "é", "x".repeat(201), undefined]) expect(keptValidator(bad)).toBeUndefined();
  });
});

describe("readPage", () => {
  it("prefers the structured data's name to the <title>, and OpenGraph's description", () => {
    const html = `<html><head><title>Site | Talk</title><meta property="og:description" content="OG desc"><meta name="description" content="meta desc">
<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["BlogPosting"],"headline":"Talk","datePublished":"2020-01-02","author":[{"name":"A"},{"name":"B"}]}]}</script></head></html>`;
    expect(readPage(html, "https://x.example/").facts).toEqual({ type: "article", title: "Talk", description: "OG desc", published: "2020-01-02", authors: ["A", "B"] });
  });

  it("an oEmbed link is made absolute; a javascript: one is dropped; broken JSON-LD says nothing", () => {
    expect(readPage('<link rel="alternate" type="application/json+oembed" href="/oembed?u=1"><title>T</title>', "https://x.example/a/b").oembed).toBe("https://x.example/oembed?u=1");
    expect(readPage('<link rel="alternate" type="application/json+oembed" href="javascript:alert(1)">', "https://x.example/").oembed).toBeUndefined();
    expect(readPage('<script type="application/ld+json">{broken</script><title>T</title>', "https://x.example/").facts).toEqual({ type: "page", title: "T" });
  });

  it("article:author given as a profile URL is no name; meta author is", () => {
    expect(readPage('<meta property="og:type" content="article"><meta property="article:author" content="https://medium.com/@x"><meta name="author" content="Jo"><title>T</title>', "https://x/").facts.authors).toEqual(["Jo"]);
  });

  it("the head says enough for a page with a title, an article with its date, a video with its length", () => {
    expect(headSaysEnough({ type: "page", title: "T" })).toBe(true);
    expect(headSaysEnough({ type: "video", title: "T" })).toBe(false);
    expect(headSaysEnough({ type: "video", title: "T", duration: 5 })).toBe(true);
    expect(headSaysEnough({ type: "article", title: "T" })).toBe(false);
    expect(headSaysEnough({ type: "page" })).toBe(false);
  });

  it("reads oEmbed answers: YouTube's title and channel, Vimeo's duration and date; junk is nothing", () => {
    expect(readOembed('{"type":"video","title":"T","author_name":"Chan"}')).toEqual({ type: "video", title: "T", channel: "Chan" });
    expect(readOembed('{"type":"video","title":"T","author_name":"SL","duration":2412,"upload_date":"2013-09-20 11:02:03"}')).toEqual({ type: "video", title: "T", channel: "SL", duration: 2412, published: "2013-09-20" });
    expect(readOembed("<html>")).toEqual({});
    expect(readOembed("null")).toEqual({});
  });
});

describe("merging: the page's own facts win", () => {
  const catalog = catalogFromText(`## Talks

- [Talk / Ann Smith](https://www.youtube.com/watch?v=1) [10:00]
- [Bare talk](https://www.youtube.com/watch?v=2)
- https://www.youtube.com/watch?v=3
- https://www.youtube.com/watch?v=4
- [Article](https://a.example/1) - Own description.
`);
  const [withLength, plainTalk, bare, bare2, article] = catalog.entries;
  const facts = { title: "Link title", description: "Link description", duration: 1694, published: "2021-06-02", authors: ["Byline"], channel: "Chan" };

  it.each([
    ["a talk with its own length keeps it", withLength!, { duration: 600, year: 2021, description: "Link description", published: "2021-06-02", channel: "Chan", from: { description: "link", published: "link", year: "link", channel: "link" } }],
    ["a talk without fills them, its title and speakers the page's", plainTalk!, { title: "Bare talk", duration: 1694, year: 2021, authors: ["Byline"], from: { description: "link", duration: "link", published: "link", year: "link", authors: "link", channel: "link" } }],
    ["a bare link takes the link's title", bare!, { title: "Link title", from: { title: "link", description: "link", duration: "link", published: "link", year: "link", authors: "link", channel: "link" } }],
    ["an article keeps its own description", article!, { description: "Own description.", duration: 1694 }],
  ])("%s", (_name, entry, wanted) => expect(withFacts(entry, facts)).toMatchObject(wanted));

  it("a talk's speakers are not overruled by a byline", () => {
    expect(withLength!.speakers).toEqual(["Ann Smith"]);
    expect(withFacts(withLength!, facts).authors).toEqual([]);
  });
  it("no facts: the same entries; none for these links: undefined", () => {
    expect(withFacts(bare2!, undefined)).toBe(bare2);
    expect(mergeFacts(catalog.entries, new Map())).toBeUndefined();
    expect(mergeFacts(catalog.entries, new Map([["https://elsewhere/", { facts }]]))).toBeUndefined();
  });
});

describe("patchColumns: the stored columns with the facts' fields patched in", () => {
  // Non-ASCII, a newline and an empty value: what moves where the entries start.
  const catalog = catalogFromText(`## Talks

- https://a.example/1
- [Talk / Ann](https://a.example/2) - Own.
- https://a.example/3
- [Article](https://a.example/4)
- [Last](https://a.example/5)
`);
  const facts = new Map([
    ["https://a.example/1", { facts: { title: "Zoë's talk", description: "Long\ndescription", authors: ["Byline", "Other"] } }],
    ["https://a.example/2", { facts: { description: "not taken", authors: ["not taken"] } }],
    ["https://a.example/4", { facts: { description: "", authors: ["Only"] } }],
    ["https://a.example/5", { facts: { title: "not taken", description: "ñ" } }],
  ]);
  it("equals the columns of the merged entries, without a stored vocabulary", () => {
    const merged = mergeFacts(catalog.entries, facts)!;
    const changed = new Map(merged.flatMap((e, i) => (e !== catalog.entries[i] ? [[i, e] as const] : [])));
    expect(changed.size).toBe(4);
    const stored = { ...columnsOf(catalog.entries), vocabulary: { text: "stale", ascii: true } };
    expect(patchColumns(stored, merged.length, changed)).toEqual(columnsOf(merged));
  });
  it("columns stored without authors get them where a fact gives some", () => {
    const merged = mergeFacts(catalog.entries, facts)!;
    const changed = new Map(merged.flatMap((e, i) => (e !== catalog.entries[i] ? [[i, e] as const] : [])));
    const { author: _none, ...stored } = columnsOf(catalog.entries);
    expect(patchColumns(stored, merged.length, changed).author).toEqual(columnsOf(merged).author);
  });
});
