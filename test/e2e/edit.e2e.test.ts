// The editing commands as a user runs them (#17): the built binary on a copy of the bundled
// page, the diff library loaded from the bundle, the bundled page refused.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../helpers/cli";
import { catalogFromText, ROOT, SEED } from "../helpers/pages";
import { tempDir } from "../helpers/temp";

function copy(): string {
  const file = join(tempDir("icp-links-e2e-edit-"), "my-links.md");
  copyFileSync(SEED, file);
  return file;
}

describe("editing with the built binary", () => {
  it("adds, shows a dry run's diff, moves and removes through ICP_LINKS_FILE", async () => {
    const file = copy();
    const env = { ICP_LINKS_FILE: file };
    const dry = await run(["add", "https://x.example/talk", "--title", "A talk", "--section", "medium", "--dry-run"], { env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("+- [A talk](https://x.example/talk)\n");
    expect(readFileSync(file, "utf8")).toBe(readFileSync(SEED, "utf8"));
    const added = await run(["add", "https://x.example/talk", "--title", "A talk", "--section", "medium"], { env });
    expect([added.code, added.stdout]).toEqual([0, "a-talk\n"]);
    expect((await run(["move", "a-talk", "--section", "youtube"], { env })).code).toBe(0);
    expect(catalogFromText(readFileSync(file, "utf8")).entries.find((e) => e.id === "a-talk")!.section).toBe("YouTube");
    expect((await run(["remove", "a-talk"], { env })).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(SEED, "utf8"));
    // The edited page is read anew, not from the cache of the page before.
    expect((await run(["show", "a-talk"], { env })).code).toBe(1);
  });

  it("never edits the bundled page, even named with --file", async () => {
    for (const args of [["remove", "1"], ["--file", join(ROOT, "data/inside-icp.md"), "remove", "1"]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/the bundled page is never edited \(make your own copy with 'icp-links export --format md -o my-links.md'/);
    }
  });

  it("never edits a local path that looks like the URL --file names (#22)", async () => {
    const dir = tempDir("icp-links-e2e-edit-");
    try {
      // "http://h.example/links.md" and "github:owner/repo" as relative paths of the folder.
      mkdirSync(join(dir, "http:/h.example"), { recursive: true });
      mkdirSync(join(dir, "github:owner"));
      const lookAlikes = [join(dir, "http:/h.example/links.md"), join(dir, "github:owner/repo")];
      for (const file of lookAlikes) copyFileSync(SEED, file);
      for (const spec of ["http://h.example/links.md", "github:owner/repo"]) {
        for (const how of [{ args: ["--file", spec, "remove", "1"] }, { args: ["remove", "1"], env: { ICP_LINKS_FILE: spec } }]) {
          const r = await run(how.args, { cwd: dir, ...(how.env ? { env: how.env } : {}) });
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/a page from the web cannot be edited; save it and use --file/);
        }
      }
      for (const file of lookAlikes) expect(readFileSync(file, "utf8")).toBe(readFileSync(SEED, "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
