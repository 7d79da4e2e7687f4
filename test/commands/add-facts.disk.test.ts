// add's --speaker (repeated), --event, --year and --length (#23), on a real file: what it writes
// reads back as the same facts. Bad values are usage errors.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPage } from "../../src/edit/page";
import { runInProcess } from "../helpers/context";
import { tempDir } from "../helpers/temp";

describe("add -p -p --event --year --length", () => {
  it("gives two speakers, not a title 'Two people / Jane Doe, John Roe'", async () => {
    const text = "# Talks\n\n## Videos\n\n- [Intro / Ada Lovelace](https://www.youtube.com/watch?v=a1)\n";
    const file = join(tempDir("icp-links-writer-"), "talks.md");
    writeFileSync(file, text);
    const r = await runInProcess(["--file", file, "add", "https://www.youtube.com/watch?v=b2", "--section", "videos", "--title", "Two people", "-p", "Jane Doe", "-p", "John Roe", "--event", "RustConf", "--year", "2019", "--length", "47m26s"], text);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const written = readFileSync(file, "utf8");
    expect(written).toContain("- [Two people / Jane Doe & John Roe](https://www.youtube.com/watch?v=b2) (RustConf 2019) [47:26]\n");
    const entry = openPage(written, file).catalog.entries[1]!;
    expect([entry.title, entry.speakers, entry.event, entry.year, entry.duration]).toEqual(["Two people", ["Jane Doe", "John Roe"], "RustConf", 2019, 2846]);
  });

  it.each([
    [["--year", "19"], "--year '19' is not a year"],
    [["--length", "soon"], "--length 'soon' is not a length"],
  ])("%j is a usage error", async (args, message) => {
    const r = await runInProcess(["add", "https://www.youtube.com/watch?v=b2", "--section", "videos", "--title", "T", ...args, "--dry-run"], "## Videos\n\n- [A](https://x.example)\n");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
