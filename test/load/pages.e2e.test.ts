// A folder of pages (#22): a page that cannot be read is skipped with a one-line warning naming it,
// the others load; only a folder none of whose pages can be read is an error; a page named by
// itself stays an error.
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPages, type LoadDeps } from "../../src/load/pages";
import { readFileCapped } from "../../src/io/read-capped";
import { parsePage } from "../../src/catalog/parse-page";
import { PageError } from "../../src/errors";
import { run } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

function folder(files: Record<string, string | Buffer>): string {
  const dir = tempDir("icp-links-folder-");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function deps(warned: string[]): LoadDeps {
  return {
    fs: { stat: async (p) => statSync(p), readFile: async (p, limit) => readFileCapped(p, limit), readdir: async (p) => readdirSync(p, { withFileTypes: true }) },
    readStdin: async () => new Uint8Array(),
    maxBytes: 1024 * 1024,
    parse: (text, source) => parsePage(text, source),
    warn: (text) => warned.push(text),
  };
}

const GOOD = "# Good\n\n- [A](https://a.example/)\n";
const BROKEN = "---\ntitle: never closed\n\n- [B](https://b.example/)\n";
const BINARY = Buffer.from("- [C](https://c.example/)\0\0\0");

describe("a folder with pages that cannot be read", () => {
  it("skips them, each in one line naming it, and loads the others", async () => {
    const dir = folder({ "a-good.md": GOOD, "b-broken.md": BROKEN, "sub/c-binary.md": BINARY });
    const warned: string[] = [];
    const pages = await loadPages(deps(warned), [dir]);
    expect(pages.map((p) => p.page.source)).toEqual([join(dir, "a-good.md")]);
    expect(warned).toEqual([`skipped ${join(dir, "b-broken.md")}:1: front matter opened by '---' is never closed`, `skipped ${join(dir, "sub/c-binary.md")}:1: is a binary file (it holds NUL bytes), not a markdown page`]);
  });

  it("is an error (exit 2) when none of its pages can be read", async () => {
    const dir = folder({ "b-broken.md": BROKEN });
    const warned: string[] = [];
    const error = await loadPages(deps(warned), [dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageError);
    expect((error as PageError).message).toBe(`${dir}: no page could be read (the last: ${join(dir, "b-broken.md")}:1: front matter opened by '---' is never closed)`);
    expect(warned).toHaveLength(1);
  });

  it("a page named by itself stays an error, folder or not", async () => {
    const dir = folder({ "a-good.md": GOOD, "b-broken.md": BROKEN });
    await expect(loadPages(deps([]), [join(dir, "b-broken.md")])).rejects.toThrow("front matter opened by '---' is never closed");
    await expect(loadPages(deps([]), [dir, join(dir, "b-broken.md")])).rejects.toThrow("front matter opened by '---' is never closed");
  });

  it("end to end: the warning on stderr, the good pages listed, exit 0", async () => {
    const dir = folder({ "a-good.md": GOOD, "b-broken.md": BROKEN });
    const r = await run(["--file", dir, "list"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^a\tA\thttps:\/\/a\.example\//);
    expect(r.stderr).toBe(`icp-links: skipped ${join(dir, "b-broken.md")}:1: front matter opened by '---' is never closed\n`);
    const none = await run(["--file", folder({ "b-broken.md": BROKEN }), "list"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no page could be read/);
  });
});
