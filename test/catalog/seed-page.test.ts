// The bundled page, entry by entry (#2: "The seed page yields exactly 26 entries").
import { describe, expect, it } from "vitest";
import { catalogOf, SEED } from "../helpers/pages";

const catalog = catalogOf(SEED);

// position, id, kind, section, title, speaker, url
const EXPECTED: [number, string, string, string, string, string | undefined, string][] = [
  [1, "internet-computer-technology", "article", "Medium", "Internet Computer Technology", undefined, "https://medium.com/dfinity/https-medium-com-dfinity-technology/home"],
  [2, "achieving-consensus-on-the", "article", "Medium", "Achieving Consensus on the Internet Computer", undefined, "https://medium.com/dfinity/achieving-consensus-on-the-internet-computer-ee9fbfbafcbc"],
  [3, "chain-key-cryptography-the", "article", "Medium", "Chain Key Cryptography: The Scientific Breakthrough Behind the Internet Computer", undefined, "https://medium.com/dfinity/chain-key-technology-one-public-key-for-the-internet-computer-6a3644901e28"],
  [4, "how-icp-works", "page", "How ICP Works", "How ICP Works", undefined, "https://dfinity.org/howitworks"],
  [5, "community-conversations", "page", "Community Conversations", "Community Conversations", undefined, "https://dfinity.org/conversations"],
  [6, "threshold-ecdsa-signing", "talk", "Community Conversations", "Threshold ECDSA Signing", undefined, "https://www.youtube.com/watch?v=MulbKPwv6_s"],
  [7, "dev-forum", "forum", "Dev Forum", "Dev Forum", undefined, "https://forum.dfinity.org/"],
  [8, "execution", "talk", "YouTube", "Execution", "Akhi Singhania", "https://www.youtube.com/watch?v=UHA7W-8My_I"],
  [9, "ingress-message-lifecycle", "talk", "YouTube", "Ingress Message Lifecycle", "Yavonne-anne Pignolet", "https://www.youtube.com/watch?v=FJE1s8ZkUyg"],
  [10, "state-synchronization", "talk", "YouTube", "State Synchronization", "Yavonne-anne Pignolet", "https://www.youtube.com/watch?v=WaNJINjGleg"],
  [11, "certified-variables", "talk", "YouTube", "Certified Variables", "Joachim Breitner", "https://www.youtube.com/watch?v=mZbFhRIHIiY"],
  [12, "bootstrapping", "talk", "YouTube", "Bootstrapping", "Andrea Cerulli", "https://www.youtube.com/watch?v=vGmlfLW3scA"],
  [13, "canister-lifecycle", "talk", "YouTube", "Canister Lifecycle", "Bogdan Warinschi", "https://www.youtube.com/watch?v=c5nv6vIG3OQ"],
  [14, "message-routing", "talk", "YouTube", "Message Routing", "David Derler", "https://www.youtube.com/watch?v=YexfeByBXlo"],
  [15, "resumption", "talk", "YouTube", "Resumption", "Manu Drijvers", "https://www.youtube.com/watch?v=H7HCqonSMFU"],
  [16, "upgrades", "talk", "YouTube", "Upgrades", "Stefan Kaestle", "https://www.youtube.com/watch?v=mPjiO2bk2lI"],
  [17, "peer-to-peer-p2p", "talk", "YouTube", "Peer-to-Peer (P2P)", "Yotam Harchol", "https://www.youtube.com/watch?v=HOQb0lKIy9I"],
  [18, "identity-and-authentication-on", "talk", "YouTube", "Identity and Authentication on the Internet Computer", "Bjorn Tackmann", "https://www.youtube.com/watch?v=9eUTcCP_ELM"],
  [19, "non-interactive-distributed-key", "talk", "YouTube", "Non-interactive Distributed Key Generation and Key Resharing", "Jens Groth", "https://www.youtube.com/watch?v=gKUi-2T7tdc"],
  [20, "network-nervous-system-nns", "talk", "YouTube", "Network Nervous System (NNS)", "Lara Schmidt", "https://www.youtube.com/watch?v=hWnsluxmRqc"],
  [21, "chain-key-cryptography", "talk", "YouTube", "Chain Key Cryptography", "Jan Camenisch", "https://www.youtube.com/watch?v=vUcDRFC09J0"],
  [22, "consensus-overview", "talk", "YouTube", "Consensus Overview", "Manu Drijvers", "https://www.youtube.com/watch?v=vVLRRYh3JYo"],
  [23, "overview", "site", "In-site Pages", "Overview", undefined, "/dfinity-overview"],
  [24, "technology", "site", "In-site Pages", "Technology", undefined, "/inside-icp"],
  [25, "development", "site", "In-site Pages", "Development", undefined, "/dfinity-coding"],
  [26, "roadmap", "site", "In-site Pages", "Roadmap", undefined, "/dfinity-roadmap"],
];

describe("the bundled page", () => {
  it("yields exactly 26 entries", () => {
    expect(catalog.entries).toHaveLength(26);
  });

  it.each(EXPECTED)("entry %i is %s", (position, id, kind, section, title, speaker, url) => {
    const entry = catalog.entries[position - 1]!;
    expect({ position: entry.position, id: entry.id, kind: entry.kind, section: entry.section, title: entry.title, speaker: entry.speaker, url: entry.url }).toEqual({
      position, id, kind, section, title, speaker, url,
    });
  });

  it("records the line of each link and the heading trail", () => {
    expect(catalog.entries[0]!.line).toBe(14);
    expect(catalog.entries[3]!.line).toBe(20);
    expect(catalog.entries[21]!.line).toBe(48);
    expect(catalog.entries[22]!.sectionPath).toEqual(["YouTube", "In-site Pages"]);
    expect(catalog.entries[7]!.sectionPath).toEqual(["YouTube"]);
  });

  it("counts sections, kinds and speakers", () => {
    const counts = Object.fromEntries(catalog.bySection.map((f) => [f.name, f.entries.length]));
    expect(counts).toEqual({ Medium: 3, "How ICP Works": 1, "Community Conversations": 2, "Dev Forum": 1, YouTube: 15, "In-site Pages": 4 });
    const kinds = Object.fromEntries(catalog.byKind.map((f) => [f.name, f.entries.length]));
    expect(kinds).toEqual({ talk: 16, article: 3, forum: 1, site: 4, page: 2 });
    expect(catalog.bySpeaker).toHaveLength(13);
    const twice = catalog.bySpeaker.filter((f) => f.entries.length === 2).map((f) => f.name).sort();
    expect(twice).toEqual(["Manu Drijvers", "Yavonne-anne Pignolet"]);
    expect(catalog.byTag).toEqual([{ name: "DFINITY", entries: catalog.entries.map((e) => e.position) }]);
  });

  it("reads the front matter", () => {
    const fm = catalog.pages[0]!.frontMatter;
    expect(fm).toMatchObject({ title: "Inside the Internet Computer", date: "2021-12-27 19:38", permalink: "/inside-icp", tags: ["DFINITY"] });
    expect(fm.description).toBe("How The Internet Computer Works — Describing its Technology");
  });

  it("recognises the link to the page's own permalink", () => {
    expect(catalog.entries.find((e) => e.id === "technology")!.target).toBe(SEED);
    expect(catalog.entries.find((e) => e.id === "overview")!.target).toBeUndefined();
  });
});
