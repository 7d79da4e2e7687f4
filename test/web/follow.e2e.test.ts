// --from and pick's → (#22): a page's link leads only to a regular file in the folder of that page
// (or below it); what cannot be followed is a usage error naming the entry, never an internal error.
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { followSpec } from "../../src/web/follow";
import { confineFollowed } from "../../src/io/confine";
import { ValueError, UsageError } from "../../src/errors";
import { catalogFromText } from "../helpers/pages";
import { run } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

/** A folder `pages` holding lists.md (linking to `links`), beside.md and sub/below.md, with outside.md next to it; returns its path. */
function folder(links: string[]): string {
  const root = tempDir("icp-links-follow-");
  const dir = join(root, "pages");
  mkdirSync(join(dir, "sub"), { recursive: true });
  writeFileSync(join(root, "outside.md"), "# Outside\n\n- [A](https://a.example/)\n");
  writeFileSync(join(dir, "beside.md"), "# Beside\n\n- [B](https://b.example/)\n");
  writeFileSync(join(dir, "sub", "below.md"), "# Below\n\n- [C](https://c.example/)\n");
  writeFileSync(join(dir, "lists.md"), `# Lists\n\n${links.map((l, i) => `- [Item ${i}](${l})\n`).join("")}`);
  return dir;
}

describe("followSpec: what the link names", () => {
  it("a malformed %-escape is a ValueError naming the entry", () => {
    const c = catalogFromText("# L\n\n- [Broken](notes%zz.md)\n", "/pages/lists.md");
    expect(() => followSpec(c, "broken")).toThrow(ValueError);
    expect(() => followSpec(c, "broken")).toThrow("'broken' links to notes%zz.md, which has a malformed %-escape");
  });

  it("an invalid base_url is a ValueError naming the entry and the base", () => {
    const c = catalogFromText("---\nbase_url: 'http://['\n---\n# L\n\n- [Site](/docs/list.md)\n", "/pages/lists.md");
    expect(() => followSpec(c, "site")).toThrow(ValueError);
    expect(() => followSpec(c, "site")).toThrow("'site' is a site link (/docs/list.md) and its page's base_url (http://[) is not a URL");
  });

  it("a path out of the page's folder is refused; beside it and below it are followed", () => {
    const c = catalogFromText("# L\n\n- [Up](../outside.md)\n- [Deep up](sub/../../outside.md)\n- [Beside](beside.md)\n- [Below](sub/below.md)\n- [Dots](..beside.md)\n", "/pages/lists.md");
    expect(() => followSpec(c, "up")).toThrow("'up' links to ../outside.md, outside the folder of its page");
    expect(() => followSpec(c, "deep-up")).toThrow("outside the folder of its page");
    expect(followSpec(c, "beside")).toEqual({ spec: "/pages/beside.md", within: "/pages" });
    expect(followSpec(c, "below")).toEqual({ spec: "/pages/sub/below.md", within: "/pages" });
    expect(followSpec(c, "dots")).toEqual({ spec: "/pages/..beside.md", within: "/pages" });
  });
});

describe("confineFollowed: what is on disk", () => {
  it("follows regular files in the folder and below it, and links that stay inside", () => {
    const dir = folder([]);
    symlinkSync(join(dir, "beside.md"), join(dir, "alias.md"));
    for (const name of ["beside.md", "sub/below.md", "alias.md"]) expect(confineFollowed({ spec: join(dir, name), within: dir })).toBe(join(dir, name));
  });

  it("refuses a FIFO, a device and a link out of the folder, at once", () => {
    const dir = folder([]);
    execFileSync("mkfifo", [join(dir, "fifo.md")]);
    symlinkSync("/dev/null", join(dir, "device.md"));
    symlinkSync(join(dir, "..", "outside.md"), join(dir, "out.md"));
    expect(() => confineFollowed({ spec: join(dir, "fifo.md"), within: dir })).toThrow(`${join(dir, "fifo.md")} is not a regular file`);
    expect(() => confineFollowed({ spec: join(dir, "device.md"), within: dir })).toThrow("leads outside the folder of the page that links it");
    expect(() => confineFollowed({ spec: join(dir, "out.md"), within: dir })).toThrow(UsageError);
    expect(() => confineFollowed({ spec: join(dir, "missing.md"), within: dir })).toThrow("no such file");
  });

  it("leaves addresses as they are", () => {
    expect(confineFollowed({ spec: "https://example.org/list.md" })).toBe("https://example.org/list.md");
  });
});

describe("--from, end to end", () => {
  it("a FIFO, a link out of the folder and ../ are exit 2 at once; a file beside the page is read", async () => {
    const dir = folder(["fifo.md", "out.md", "../outside.md", "beside.md", "bad%zz.md"]);
    execFileSync("mkfifo", [join(dir, "fifo.md")]);
    symlinkSync(join(dir, "..", "outside.md"), join(dir, "out.md"));
    const from = (ref: string) => run(["--file", join(dir, "lists.md"), "--from", ref, "list"], { timeoutMs: 10_000 });
    const fifo = await from("item-0");
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toContain("fifo.md is not a regular file");
    const out = await from("item-1");
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("out.md leads outside the folder of the page that links it");
    const up = await from("item-2");
    expect(up.code).toBe(2);
    expect(up.stderr).toContain("'item-2' links to ../outside.md, outside the folder of its page");
    const bad = await from("item-4");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("malformed %-escape");
    expect(bad.stderr).not.toContain("internal error");
    const beside = await from("item-3");
    expect(beside.code).toBe(0);
    expect(beside.stdout).toContain("https://b.example/");
  });
});
