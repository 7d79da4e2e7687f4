// Bookmark files as browsers and services export them, read into folders and bookmarks (#28).
import { describe, expect, it } from "vitest";
import { addedDate, isTag, leftOutText, readBookmarks, type Bookmark, type Folder } from "../../src/import/bookmarks";

/** Folder titles and bookmarks as a compact outline: "F:Name" and "title <url>". */
function outline(folder: Folder, depth = 0): string[] {
  return folder.children.flatMap((c) => (c.kind === "folder" ? [`${"  ".repeat(depth)}F:${c.title}`, ...outline(c, depth + 1)] : [`${"  ".repeat(depth)}${c.title} <${c.url}>`]));
}

function all(folder: Folder): Bookmark[] {
  return folder.children.flatMap((c) => (c.kind === "folder" ? all(c) : [c]));
}

const FIREFOX = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; img-src data: *; object-src 'none'"></meta>
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks Menu</H1>

<DL><p>
    <DT><A HREF="https://www.mozilla.org/en-US/firefox/central/" ADD_DATE="1700000000" LAST_MODIFIED="1700000001" ICON_URI="https://www.mozilla.org/favicon.ico" ICON="data:image/png;base64,iVBORw0KGgo=">Getting Started</A>
    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000002" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks Toolbar</H3>
    <DL><p>
        <DT><A HREF="place:sort=8&maxResults=10" ADD_DATE="1700000000">Most Visited</A>
        <DT><A HREF="https://example.org/rust?a=1&amp;b=2" ADD_DATE="1700000000" TAGS="rust,programming languages">Rust &amp; friends</A>
        <DD>A language empowering everyone
        <DT><H3 ADD_DATE="1700000000">Nested</H3>
        <DL><p>
            <DT><A HREF="https://deep.example/" ADD_DATE="1600000000">Deep</A>
        </DL><p>
    </DL><p>
    <HR>
    <DT><A HREF="javascript:alert(1)">Bookmarklet</A>
</DL>
`;

const CHROME = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1699999999" LAST_MODIFIED="0" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://news.ycombinator.com/" ADD_DATE="13345678901234567" ICON="data:image/png;base64,AAAA">Hacker News</A>
        <DT><H3 ADD_DATE="1699999999" LAST_MODIFIED="0">Empty</H3>
        <DL><p>
        </DL><p>
    </DL><p>
    <DT><H3>Other bookmarks</H3>
    <DL><p>
        <DT><A HREF="file:///etc/passwd">Passwords</A>
        <DT><A HREF="data:text/html,<script>alert(1)</script>">Data</A>
        <DT><A HREF="chrome://settings">Settings</A>
        <DT><A HREF="https://a.example/">A</A>
    </DL><p>
</DL><p>
`;

// Pocket's export: plain HTML, a heading per group, tags and time_added on the links.
const POCKET = `<!DOCTYPE html>
<html>
	<!--So long and thanks for all the fish-->
	<head>
		<meta charset="utf-8">
		<title>Pocket Export</title>
	</head>
	<body>
		<h1>Unread</h1>
		<ul>
			<li><a href="https://blog.example/post" time_added="1600000000" tags="reading,longform">A long post</a></li>
			<li><a href="https://other.example/" time_added="1600000001" tags="">Other</a></li>
		</ul>

		<h1>Read Archive</h1>
		<ul>
			<li><a href="https://done.example/" time_added="1500000000" tags="">Done</a></li>
		</ul>
	</body>
</html>
`;

// linkding and buku: Netscape, with TAGS, PRIVATE, and descriptions.
const LINKDING = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
<DT><A HREF="https://linkding.link" ADD_DATE="1650000000" PRIVATE="0" TOREAD="0" TAGS="self-hosted,bookmarks">linkding</A>
<DD>Self-hosted bookmark manager
<DT><A HREF="https://github.com/jarun/buku" ADD_DATE="1650000001000" TAGS="cli">buku</A>
</DL><p>
`;

describe("readBookmarks", () => {
  it("reads Firefox's export: folders nested, tags, descriptions, dates; place: and javascript: left out", () => {
    const file = readBookmarks(FIREFOX);
    expect(file.title).toBe("Bookmarks Menu");
    expect(outline(file.root)).toEqual([
      "Getting Started <https://www.mozilla.org/en-US/firefox/central/>",
      "F:Bookmarks Toolbar",
      "  Rust & friends <https://example.org/rust?a=1&b=2>",
      "  F:Nested",
      "    Deep <https://deep.example/>",
    ]);
    const rust = all(file.root)[1]!;
    expect(rust).toEqual({ kind: "bookmark", title: "Rust & friends", url: "https://example.org/rust?a=1&b=2", tags: ["rust", "programming-languages"], added: "2023-11-14", description: "A language empowering everyone" });
    expect(file.leftOut).toMatchObject({ unsafe: 2, schemes: ["place:", "javascript:"] });
    expect(file.bookmarks).toBe(3);
  });

  it("reads Chrome's export, WebKit dates included; file:, data: and chrome: left out and counted", () => {
    const file = readBookmarks(CHROME);
    expect(outline(file.root)).toEqual(["F:Bookmarks bar", "  Hacker News <https://news.ycombinator.com/>", "  F:Empty", "F:Other bookmarks", "  A <https://a.example/>"]);
    expect(all(file.root)[0]!.added).toBe("2023-11-28");
    expect(file.leftOut.unsafe).toBe(3);
    expect(leftOutText(file.leftOut)).toBe("left out 3 unsafe links (file:, data:, chrome:)");
  });

  it("reads Pocket's export: a group per heading, time_added and tags", () => {
    const file = readBookmarks(POCKET);
    expect(file.title).toBe("Pocket Export");
    expect(outline(file.root)).toEqual(["F:Unread", "  A long post <https://blog.example/post>", "  Other <https://other.example/>", "F:Read Archive", "  Done <https://done.example/>"]);
    expect(all(file.root)[0]).toMatchObject({ tags: ["reading", "longform"], added: "2020-09-13" });
  });

  it("reads linkding's and buku's exports, dates in milliseconds too", () => {
    const file = readBookmarks(LINKDING);
    expect(all(file.root)).toEqual([
      { kind: "bookmark", title: "linkding", url: "https://linkding.link", tags: ["self-hosted", "bookmarks"], added: "2022-04-15", description: "Self-hosted bookmark manager" },
      { kind: "bookmark", title: "buku", url: "https://github.com/jarun/buku", tags: ["cli"], added: "2022-04-15" },
    ]);
  });

  it.each([
    ["1700000000", "2023-11-14"],
    ["1700000000000", "2023-11-14"],
    ["1700000000000000", "2023-11-14"],
    ["13345678901234567", "2023-11-28"],
    ["0", undefined],
    ["-5", undefined],
    ["abc", undefined],
    ["99999999999999999999", undefined],
    [undefined, undefined],
  ])("reads the date %s as %s", (value, date) => {
    expect(addedDate(value)).toBe(date);
  });

  it.each([
    ["rust", true],
    ["self-hosted", true],
    ["c.d_e", true],
    ["3d", true],
    ["44:43", false],
    ["1.2.3", false],
    ["v1.2", false],
    ["2024", false],
    ["two words", false],
    ["", false],
    ["-x", false],
  ])("tag form of %j: %s", (text, ok) => {
    expect(isTag(text)).toBe(ok);
  });
});

describe("readBookmarks on hostile files", () => {
  it("keeps no script's text, and strips controls, bidi controls and escape sequences from titles and descriptions", () => {
    const file = readBookmarks(`<!DOCTYPE NETSCAPE-Bookmark-file-1><TITLE>T\u001b[31mred</TITLE><script>document.write("<DT><A HREF='https://evil.example/'>x</A>")</script>
<DL><p><DT><H3>Fol\u202eder\u0007</H3><DL><p>
<DT><A HREF="https://a.example/" TAGS="ok,\u001b[2Jbad">Ti\u001b]8;;https://evil.example\u0007tle\u0000 \u200f here</A><DD>De\u0007sc<style>.x{}</style>ription
</DL></DL>`);
    expect(outline(file.root)).toEqual(["F:Folder", "  Title here <https://a.example/>"]);
    const [b] = all(file.root);
    expect(b!.description).toBe("Description");
    expect(b!.tags).toEqual(["ok", "bad"]);
    expect(file.title).toBe("Tred");
  });

  it("leaves out every non-http(s) link and counts it", () => {
    const schemes = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "data:text/html,x", "file:///etc/passwd", "place:folder=1", "vbscript:x", "about:blank", "//no-scheme.example/", "relative/path"];
    const file = readBookmarks(`<DL>${schemes.map((s) => `<DT><A HREF="${s}">x</A>`).join("\n")}<DT><A HREF="http://">empty host</A><DT><A HREF="https://ok.example/">ok</A></DL>`);
    expect(all(file.root).map((b) => b.url)).toEqual(["https://ok.example/"]);
    expect(file.leftOut.unsafe).toBe(schemes.length);
    expect(file.leftOut.invalid).toBe(1);
  });

  it("reads garbage and empty input as no bookmarks", () => {
    for (const html of ["", "not html at all", "<<<>>>", "<a href>", "<DL><DL></DL></DL></DL></DL>"]) {
      expect(readBookmarks(html).bookmarks).toBe(0);
    }
  });
});
