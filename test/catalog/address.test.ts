// Which --file arguments are pages on the web, and where their markdown is (#18).
import { describe, expect, it } from "vitest";
import { isPageLink, isRemoteSpec, pageAddress, splitPageList } from "../../src/catalog/address";

const RAW = "https://raw.githubusercontent.com";

describe("pageAddress", () => {
  it.each([
    ["github:sindresorhus/awesome", "https://github.com/sindresorhus/awesome", `${RAW}/sindresorhus/awesome/HEAD/README.md`, "https://github.com/sindresorhus/awesome/blob/HEAD/"],
    ["https://github.com/sindresorhus/awesome", "https://github.com/sindresorhus/awesome", `${RAW}/sindresorhus/awesome/HEAD/README.md`, "https://github.com/sindresorhus/awesome/blob/HEAD/"],
    ["https://github.com/sindresorhus/awesome#readme", "https://github.com/sindresorhus/awesome", `${RAW}/sindresorhus/awesome/HEAD/README.md`, "https://github.com/sindresorhus/awesome/blob/HEAD/"],
    ["https://github.com/rust-unofficial/awesome-rust/", "https://github.com/rust-unofficial/awesome-rust", `${RAW}/rust-unofficial/awesome-rust/HEAD/README.md`, "https://github.com/rust-unofficial/awesome-rust/blob/HEAD/"],
    ["https://www.github.com/o/r.git", "https://github.com/o/r", `${RAW}/o/r/HEAD/README.md`, "https://github.com/o/r/blob/HEAD/"],
    ["https://github.com/o/r/tree/dev", "https://github.com/o/r/tree/dev", `${RAW}/o/r/dev/README.md`, "https://github.com/o/r/blob/dev/"],
    ["https://github.com/o/r/blob/main/docs/talks.md", "https://github.com/o/r/blob/main/docs/talks.md", `${RAW}/o/r/main/docs/talks.md`, "https://github.com/o/r/blob/main/docs/"],
    ["https://example.org/links.md#top", "https://example.org/links.md", "https://example.org/links.md", "https://example.org/links.md"],
    ["http://127.0.0.1:8080/a/b.md", "http://127.0.0.1:8080/a/b.md", "http://127.0.0.1:8080/a/b.md", "http://127.0.0.1:8080/a/b.md"],
  ])("%s", (spec, source, first, base) => {
    const address = pageAddress(spec);
    expect(address.source).toBe(source);
    expect(address.candidates[0]).toBe(first);
    expect(address.base(address.candidates[0]!)).toBe(base);
  });

  it("asks for a README under each name GitHub shows as one, in order", () => {
    expect(pageAddress("github:o/r").candidates).toEqual(["README.md", "readme.md", "Readme.md", "README.markdown"].map((n) => `${RAW}/o/r/HEAD/${n}`));
  });

  it("maps repositories to injected hosts (tests, mirrors)", () => {
    const address = pageAddress("github:o/r", { githubRaw: "http://127.0.0.1:9", githubWeb: "http://127.0.0.1:9/web" });
    expect(address.candidates[0]).toBe("http://127.0.0.1:9/o/r/HEAD/README.md");
    expect(address.source).toBe("http://127.0.0.1:9/web/o/r");
  });

  it.each([
    ["github:", /expected github:owner\/repo/],
    ["github:owner", /expected github:owner\/repo/],
    ["github:o/r/extra", /expected github:owner\/repo/],
    ["https://user:secret@example.org/a.md", /user name or password/],
    ["https://exa mple.org/a.md", /not a valid URL/],
  ])("%j is a usage error", (spec, message) => {
    expect(() => pageAddress(spec)).toThrow(message);
  });
});

describe("isRemoteSpec", () => {
  it.each([
    ["https://example.org/a.md", true],
    ["HTTP://example.org/a.md", true],
    ["github:o/r", true],
    ["./README.md", false],
    ["-", false],
    ["file:///etc/passwd", false],
    ["https.md", false],
  ])("%s → %s", (spec, remote) => expect(isRemoteSpec(spec)).toBe(remote));
});

describe("isPageLink (what --from follows)", () => {
  it.each([
    ["https://github.com/rust-unofficial/awesome-rust#readme", true],
    ["https://github.com/o/r/tree/main", true],
    ["https://example.org/list.md", true],
    ["https://example.org/list.markdown?x=1", true],
    [`${RAW}/o/r/HEAD/README.md`, true],
    ["https://github.com/o/r/issues", false],
    ["https://github.com/o", false],
    ["https://www.rust-lang.org/", false],
    ["mailto:a@example.org", false],
  ])("%s → %s", (url, page) => expect(isPageLink(url)).toBe(page));
});

describe("splitPageList (ICP_LINKS_FILE)", () => {
  it.each([
    ["a.md:b.md", ["a.md", "b.md"]],
    ["a.md:https://x.example/l.md:github:o/r", ["a.md", "https://x.example/l.md", "github:o/r"]],
    ["http://127.0.0.1:8080/l.md:b.md", ["http://127.0.0.1:8080/l.md", "b.md"]],
    ["http://127.0.0.1:8080:b.md", ["http://127.0.0.1:8080", "b.md"]],
    ["https:b.md", ["https", "b.md"]],
    ["::a.md:", ["a.md"]],
    // IPv6 hosts stay whole (#22).
    ["http://[::1]:8080/x.md", ["http://[::1]:8080/x.md"]],
    ["a.md:http://[::1]:8080/x.md:b.md", ["a.md", "http://[::1]:8080/x.md", "b.md"]],
    ["https://[2001:db8::1]/l.md:github:o/r", ["https://[2001:db8::1]/l.md", "github:o/r"]],
  ])("%s", (value, specs) => expect(splitPageList(value)).toEqual(specs));
});
