// Editing a person's page never surprises (#22): a read-only page, a page with several hard
// links and a page from the web are refused with exit 2 and left as they were; a section the
// page does not have is an error naming the nearest ones unless --new-section asks for it; a full
// disk says so.
import * as nodeFs from "node:fs";
import { chmodSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../../helpers/context";
import { catalogFromText } from "../../helpers/pages";
import { openEditTarget } from "../../../src/io/edit/file";
import type { AtomicFs } from "../../../src/io/atomic-write";
import type { HttpClient } from "../../../src/check/types";
import { tempDir } from "../../helpers/temp";

function folder(): string {
  const dir = tempDir("icp-links-guards-");
  return dir;
}

function fileWith(text: string, dir = folder()): string {
  const file = join(dir, "links.md");
  writeFileSync(file, text);
  return file;
}

const PAGE = "# My links\n\n## YouTube\n\n- [Talk](https://www.youtube.com/watch?v=a)\n\n## Medium\n\n- [Post](https://medium.com/p/1)\n- [Moved](http://127.0.0.1:9/old)\n";
/** /old moved for good to /new, which answers. */
const moving: HttpClient = async ({ url }) => (url.endsWith("/old") ? { status: 301, statusText: "Moved", header: (n) => (n === "location" ? "/new" : undefined), body: "" } : { status: 200, statusText: "OK", header: () => undefined, body: "" });

const EDITS: [string, string[]][] = [
  ["add", ["add", "https://x.example/", "--title", "X", "--section", "medium"]],
  ["remove", ["remove", "1"]],
  ["move", ["move", "1", "--section", "medium"]],
  ["check --fix", ["check", "--fix", "--yes", "--interval", "0"]],
];

describe("a page without write permission", () => {
  it.each(EDITS)("is not edited by %s, even by root: exit 2, read-only, unchanged", async (_name, args) => {
    const file = fileWith(PAGE);
    chmodSync(file, 0o444);
    const r = await runInProcess(["--file", file, ...args], PAGE, { http: moving });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/links\.md is read-only \(it has no write permission\); it was not changed \(make it writable first/);
    expect(readFileSync(file, "utf8")).toBe(PAGE);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it("made read-only between reading and writing: nothing written", async () => {
    const file = fileWith(PAGE);
    const r = await runInProcess(["--file", file, "remove", "1"], PAGE, {
      editTarget: (into) => {
        const target = openEditTarget({ specs: [file], into, maxBytes: 1e8 });
        chmodSync(file, 0o400);
        return target;
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/was made read-only since it was read; nothing was written/);
    expect(readFileSync(file, "utf8")).toBe(PAGE);
  });
});

describe("a page with several hard links", () => {
  it.each(EDITS)("is refused by %s, saying why: every name keeps the same page", async (_name, args) => {
    const dir = folder();
    const file = fileWith(PAGE, dir);
    const other = join(dir, "other-name.md");
    linkSync(file, other);
    const r = await runInProcess(["--file", file, ...args], PAGE, { http: moving });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/links\.md has 2 hard links \(other names of the same file\); an edit would show at this name only, so it was not changed \(edit a copy/);
    expect(readFileSync(file, "utf8")).toBe(PAGE);
    expect(statSync(file).ino).toBe(statSync(other).ino);
  });
});

describe("a page from the web", () => {
  it.each(EDITS.flatMap(([name, args]) => ["https://h.example/links.md", "http://127.0.0.1:9/x.md", "github:owner/repo"].map((spec) => [name, spec, args] as const)))("%s --file %s: exit 2, never fetched, never a local look-alike", async (_name, spec, args) => {
    const seen: string[] = [];
    const r = await runInProcess(["--file", spec, ...args], PAGE, { http: async (q) => (seen.push(q.url), moving(q)) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a page from the web cannot be edited; save it and use --file/);
    expect(seen).toEqual([]);
  });

  it("--into naming a URL is refused the same way", async () => {
    const dir = folder();
    fileWith(PAGE, dir);
    const r = await runInProcess(["--file", dir, "remove", "1", "--into", "https://h.example/links.md"], PAGE);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a page from the web cannot be edited; save it and use --file/);
  });
});

describe("a section the page does not have", () => {
  it.each([
    ["add", ["add", "https://x.example/", "--title", "X", "--section", "yuotube"]],
    ["move", ["move", "post", "--section", "yuotube"]],
  ])("%s: exit 2, naming the nearest section, nothing written, no request", async (_name, args) => {
    const file = fileWith(PAGE);
    const r = await runInProcess(["--file", file, ...args], PAGE, {
      http: async () => {
        throw new Error("no request expected");
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: no section 'yuotube'; did you mean 'YouTube'? (name a section of the page, or add --new-section to make one)\n");
    expect(readFileSync(file, "utf8")).toBe(PAGE);
  });

  it("add without a title asks no page for one when the section is wrong", async () => {
    const file = fileWith(PAGE);
    const r = await runInProcess(["--file", file, "add", "https://x.example/", "--section", "nothing like it"], PAGE, {
      http: async () => {
        throw new Error("no request expected");
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: no section 'nothing like it' \(the page has 'My links', 'YouTube', 'Medium'\)/);
  });

  it("--new-section makes it at its siblings' level, before the licence section", async () => {
    const page = `${PAGE}\n## License\n\n[CC0](https://creativecommons.org/publicdomain/zero/1.0/)\n`;
    const file = fileWith(page);
    const r = await runInProcess(["--file", file, "add", "https://x.example/", "--title", "X", "--section", "Podcasts", "--new-section"], page);
    expect(r.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(page.replace("\n## License", "\n## Podcasts\n\n- [X](https://x.example/)\n\n## License"));
  });

  it("--new-section goes before a footer paragraph after a thematic break, or a licence notice", async () => {
    for (const footer of ["---\n\nMade with care by the community.\n", "Licensed under CC0: no rights reserved.\n"]) {
      const page = `${PAGE}\n${footer}`;
      const file = fileWith(page);
      const r = await runInProcess(["--file", file, "move", "talk", "--section", "Favourites", "--new-section"], page);
      expect(r.code).toBe(0);
      const after = readFileSync(file, "utf8");
      expect(after).toBe(
        page.replace("## YouTube\n\n- [Talk](https://www.youtube.com/watch?v=a)\n\n", "## YouTube\n\n").replace(`\n${footer}`, `\n## Favourites\n\n- [Talk](https://www.youtube.com/watch?v=a)\n\n${footer}`),
      );
      expect(catalogFromText(after).entries.find((e) => e.url.includes("youtube"))!.section).toBe("Favourites");
    }
  });

  it("--new-section with a name the page has uses that section", async () => {
    const file = fileWith(PAGE);
    const r = await runInProcess(["--json", "--file", file, "add", "https://x.example/", "--title", "X", "--section", "medium", "--new-section"], PAGE);
    expect(JSON.parse(r.stdout)).toMatchObject({ section: "Medium", newSection: false });
  });
});

describe("a full disk while editing", () => {
  it("says 'no space left on the device', leaves the page and no temporary file", async () => {
    const dir = folder();
    const file = fileWith(PAGE, dir);
    const full: AtomicFs = {
      ...(nodeFs as unknown as AtomicFs),
      writeSync: () => {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    };
    const r = await runInProcess(["--file", file, "remove", "1"], PAGE, { editTarget: (into) => openEditTarget({ specs: [file], into, maxBytes: 1e8, fs: full }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`icp-links: cannot write ${file}: no space left on the device; the page is unchanged (free some space, or write elsewhere)\n`);
    expect(readFileSync(file, "utf8")).toBe(PAGE);
    expect(readdirSync(dir)).toEqual(["links.md"]);
  });
});
