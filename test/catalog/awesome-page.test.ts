// A real page of about 350 links (#2): every list-item link of its sections is an entry,
// none from its Contents list, badges, cover image or HTML.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AWESOME_COPY, catalogOf } from "../helpers/pages";

const catalog = catalogOf(AWESOME_COPY);
const text = readFileSync(AWESOME_COPY, "utf8");

describe("awesome-internet-computer.md", () => {
  // The prose that explains the page and "Client Libraries (Agents)", with a link inside a
  // sentence, is no entry (#23).
  it("has one entry per list item outside the Contents list, and none of its prose", () => {
    const lines = text.split("\n");
    const contentsEnd = lines.findIndex((l) => l.startsWith("## Courses"));
    const items = lines.filter((l, i) => i > contentsEnd && /^- .*\]\(http/.test(l));
    expect(items).toHaveLength(346);
    expect(catalog.entries).toHaveLength(346);
    const itemLines = new Set(lines.map((l, i) => (i > contentsEnd && /^- .*\]\(http/.test(l) ? i + 1 : 0)).filter(Boolean));
    expect(catalog.entries.filter((e) => itemLines.has(e.line))).toHaveLength(346);
    expect(catalog.entries.filter((e) => !itemLines.has(e.line)).map((e) => e.title)).toEqual([]);
  });

  it("takes nothing from the Contents list, badges, the cover image or HTML", () => {
    expect(catalog.entries.some((e) => e.url.startsWith("#"))).toBe(false);
    expect(catalog.entries.some((e) => e.url === "https://awesome.re")).toBe(false);
    expect(catalog.entries.some((e) => e.section === "Contents")).toBe(false);
    expect(catalog.entries.some((e) => e.url.includes("awesome-cover"))).toBe(false);
  });

  it("makes nobody a speaker", () => {
    expect(catalog.bySpeaker).toEqual([]);
  });

  it.each([
    ["Courses", 7], ["Tutorials and Samples", 2], ["Simple / Getting started", 11], ["Advanced", 11], ["Starters", 12],
    ["Client Libraries (Agents)", 1], ["Motoko", 10], ["Ethereum", 22], ["Decentralized AI", 20], ["MCP - Model Context Protocol", 3],
    ["ZK", 4], ["How it works / Deep dives", 4], ["Blogs", 7], ["Communities and Communication", 3], ["Bounties and Grants", 3],
  ])("section %s has %i entries", (section, count) => {
    const entries = catalog.entries.filter((e) => e.section === section);
    expect(entries).toHaveLength(count);
  });

  it("keeps the section's path and the entry's description", () => {
    const e = catalog.entries.find((x) => x.title === "agent-rs")!;
    expect(e.sectionPath).toEqual(["Awesome Internet Computer", "Client Libraries (Agents)", "Rust"]);
    expect(e.description).toBe("Collection of libraries and tools for interfacing with the IC using Rust.");
    const mnist = catalog.entries.find((x) => x.title === "ic-mnist")!;
    expect(mnist.related.map((r) => r.title)).toEqual(["burn", "Try it here"]);
    expect(mnist.description).toMatch(/^MNIST \(considered to be hello world/);
    const bitcoin = catalog.entries.find((x) => x.title === "Code native Bitcoin")!;
    expect(bitcoin.related).toEqual([{ title: "(2nd part)", url: "https://www.youtube.com/watch?v=H6Wu9n9Qwa8" }]);
    expect(bitcoin.description).toBe("Video tutorials on how to use the native Bitcoin integration.");
    const unmaintained = catalog.entries.find((x) => x.title === "ic-go")!;
    expect(unmaintained.description).toBe("⚠️ UNMAINTAINED ⚠️ Libraries for interfacing with the IC using Go.");
  });

  it("classifies by host and by section", () => {
    const kindOf = (title: string) => catalog.entries.find((e) => e.title === title)!.kind;
    expect(kindOf("DFINITY Developer Forum")).toBe("forum");
    expect(kindOf("Deploy Your First dApp on the IC in 10 Minutes!")).toBe("talk");
    expect(kindOf("Canister guard in Rust")).toBe("article");
    expect(kindOf("mmapped")).toBe("article"); // a section of blogs
    expect(kindOf("agent-rs")).toBe("repo"); // a code host beats its heading (#13)
  });

  it("gives unique ids, breaking collisions by url", () => {
    const ids = catalog.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const icrc7 = catalog.entries.filter((e) => e.title === "ICRC-7 Rust");
    expect(icrc7.map((e) => e.id)[0]).toBe("icrc-7-rust");
    expect(icrc7.slice(1).every((e) => /^icrc-7-rust-[a-z0-9]{4}$/.test(e.id))).toBe(true);
  });
});
