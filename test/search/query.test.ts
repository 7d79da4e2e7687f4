// The query language of search and pick (#14): table-driven.
import { describe, expect, it } from "vitest";
import { parseQuery, highlightWords } from "../../src/search/query";
import { IcpError, ValueError } from "../../src/errors";

const terms = (q: string) => parseQuery(q).terms.map((t) => `${t.field ? `${t.field}:` : ""}${t.phrase ? `"${t.words.join(" ")}"` : t.words[0]}`);
const excluded = (q: string) => parseQuery(q).exclude.map((t) => `${t.field ? `${t.field}:` : ""}${t.phrase ? `"${t.words.join(" ")}"` : t.words[0]}`);

describe("parseQuery", () => {
  it.each([
    ["consensus", ["consensus"]],
    ["Chain  KEY", ["chain", "key"]],
    ["consensus consensus", ["consensus"]],
    ["peer-to-peer", ["peer", "to"]],
    ['"chain key" nns', ['"chain key"', "nns"]],
    ['"Björn"', ["bjorn"]],
    ["title:consensus", ["title:consensus"]],
    ['Title:"chain key"', ['title:"chain key"']],
    ["speaker:camenisch key", ["speaker:camenisch", "key"]],
    ["section:youtube tag:dfinity event:icc", ["section:youtube", "tag:dfinity", "event:icc"]],
    ["https://forum.dfinity.org", ["https", "forum", "dfinity", "org"]],
    ["Cryptography: breakthrough", ["cryptography", "breakthrough"]],
    ["DBIx::Class", ["dbix", "class"]],
    ["title:Try::Tiny", ["title:try", "title:tiny"]],
    ["peer - to", ["peer", "to"]],
    ["!!!", []],
  ])("%s → %j", (query, expected) => expect(terms(query)).toEqual(expected));

  it.each([
    ["consensus -nns", ["nns"]],
    ['-"chain key"', ['"chain key"']],
    ["-peer-to-peer", ['"peer to peer"']],
    ["-speaker:manu", ["speaker:manu"]],
  ])("%s excludes %j", (query, expected) => expect(excluded(query)).toEqual(expected));

  it("reads kind: and year: as filters", () => {
    const q = parseQuery("kind:talks -kind:site year:2021 year:2019..2018 -year:2020");
    expect(q.kinds).toEqual(["talk"]);
    expect(q.excludeKinds).toEqual(["site"]);
    expect(q.years).toEqual([{ from: 2021, to: 2021 }, { from: 2018, to: 2019 }]);
    expect(q.excludeYears).toEqual([{ from: 2020, to: 2020 }]);
    expect(q.terms).toEqual([]);
  });

  it.each([
    ['"chain key', /unclosed quote/],
    ["colour:camenisch", /unknown field 'colour:'/],
    ["kind:video", /unknown kind 'video'/],
    ["year:21", /year:21 is not a year/],
    ['title:"!!"', /has no words/],
  ])("%s is a ValueError, which the command line reports as a usage error", (query, message) => {
    expect(() => parseQuery(query)).toThrow(ValueError);
    expect(() => parseQuery(query)).not.toThrow(IcpError);
    expect(() => parseQuery(query)).toThrow(message);
  });

  it("ends an unclosed phrase at the end when lenient (the picker, while typing)", () => {
    expect(parseQuery('"chain ke', { lenient: true }).terms.map((t) => t.words)).toEqual([["chain", "ke"]]);
  });

  it("highlights what is searched for, not what is excluded", () => {
    expect(highlightWords(parseQuery('"chain key" title:overview -nns kind:talk'))).toEqual(["chain", "key", "overview"]);
  });
});
