// writeFileAtomic's hook before the new content replaces the target (#17): editing checks there
// that the page did not change since it was read.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/io/atomic-write";
import { tempDir } from "../helpers/temp";

describe("writeFileAtomic beforeReplace", () => {
  it("runs when the new content is written, before it replaces the file", () => {
    const dir = tempDir("icp-links-atomic-");
    const file = join(dir, "page.md");
    writeFileSync(file, "old");
    let seen: string[] = [];
    writeFileAtomic(file, "new", { beforeReplace: () => void (seen = readdirSync(dir)) });
    // The page as it was, and the new content in a temporary file beside it.
    expect(seen.sort()).toEqual([expect.stringMatching(/^\.page\.md\.\w{8}\.tmp$/), "page.md"]);
    expect(readFileSync(file, "utf8")).toBe("new");
  });

  it("cancels the write when it throws: the file as it was, no temporary file left", () => {
    const dir = tempDir("icp-links-atomic-");
    const file = join(dir, "page.md");
    writeFileSync(file, "old");
    expect(() =>
      writeFileAtomic(file, "new", {
        beforeReplace: () => {
          throw new Error("changed meanwhile");
        },
      }),
    ).toThrow("changed meanwhile");
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["page.md"]);
  });
});
