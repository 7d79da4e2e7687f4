// show, in process (#15): every field of an entry, in a pipe, a terminal and JSON; the check
// result and one's own layer; bad refs. Several refs are test/commands/new-user.test.ts's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryStateStore, runInProcess } from "../helpers/context";
import { ROOT, SEED } from "../helpers/pages";
import type { CheckResult } from "../../src/check/types";

const page = readFileSync(SEED, "utf8");

describe("show", () => {
  it("prints every field of an entry, one per line, name and value tab-separated", async () => {
    const r = await runInProcess(["show", "consensus-overview"], page);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "id\tconsensus-overview",
        "position\t22",
        "title\tConsensus Overview",
        "speaker\tManu Drijvers",
        "kind\ttalk",
        "url\thttps://www.youtube.com/watch?v=vVLRRYh3JYo",
        "host\tyoutube.com",
        "section\tYouTube",
        "tags\tDFINITY",
        "source\tpage.md:48",
        "",
      ].join("\n"),
    );
  });

  it("aligns the names in a terminal", async () => {
    const r = await runInProcess(["show", "22"], page, { tty: true });
    expect(r.stdout.split("\n").slice(0, 3)).toEqual(["id        consensus-overview", "position  22", "title     Consensus Overview"]);
  });

  it("gives the entry's object in JSON", async () => {
    const r = await runInProcess(["show", "22", "--json"], page);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: "consensus-overview", position: 22, title: "Consensus Overview", url: "https://www.youtube.com/watch?v=vVLRRYh3JYo", speaker: "Manu Drijvers", kind: "talk", check: null, state: null });
  });

  it("adds the last check, where a redirect ends, and one's own layer", async () => {
    const url = "https://www.youtube.com/watch?v=vVLRRYh3JYo";
    const checks = new Map<string, CheckResult>([[url, { url, state: "redirected", reason: "permanent redirect, now 200", status: 200, finalUrl: "https://youtu.be/vVLRRYh3JYo", checkedAt: "2026-11-20T08:00:00.000Z" }]]);
    const state = memoryStateStore();
    await runInProcess(["done", "22"], page, { state });
    await runInProcess(["open", "22"], page, { state, now: new Date("2026-11-23T14:05:00Z") });
    await runInProcess(["tag", "22", "+rewatch", "+fav"], page, { state });
    await runInProcess(["note", "22", "finality"], page, { state });
    const r = await runInProcess(["show", "22"], page, { checks, state });
    expect(r.stdout.split("\n").slice(10)).toEqual([
      "check\tredirected: permanent redirect, now 200 → https://youtu.be/vVLRRYh3JYo (2026-11-20)",
      "done\t2026-11-23",
      "opened\t2026-11-23 14:05",
      "own tags\tfav, rewatch",
      "note\tfinality",
      "",
    ]);
    const json = JSON.parse((await runInProcess(["--json", "show", "22"], page, { checks, state })).stdout);
    expect(json.check).toMatchObject({ state: "redirected", finalUrl: "https://youtu.be/vVLRRYh3JYo" });
    expect(json.state).toEqual({ done: "2026-11-23T12:00:00.000Z", opened: "2026-11-23T14:05:00.000Z", note: "finality", tags: ["fav", "rewatch"] });
  });

  it("strips escape sequences and control characters from what the page says", async () => {
    const r = await runInProcess(["show", "1"], readFileSync(join(ROOT, "test/fixtures/escapes.md"), "utf8"));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toContain("description\tdesc click here\n");
  });

  it.each([
    // No id is close to "nope": none is suggested (#22).
    [["nope"], 1, "icp-links: no entry 'nope' (run 'icp-links list' to see the ids)\n"],
    [["consensus-overveiw"], 1, "icp-links: no entry 'consensus-overveiw' (did you mean consensus-overview?)\n"],
    [["99"], 1, /^icp-links: no entry '99'.*\n$/],
    [["c"], 1, /^icp-links: 'c' matches 6 entries \(give more of the id\)\n( {2}\S+ {2}.+\n){6}$/],
    [[], 2, "icp-links: missing required argument 'ref' (see 'icp-links --help')\n"],
    [["22", "--bogus"], 2, /^icp-links: unknown option '--bogus'.*\n$/],
  ])("show %j: exit %i, said in one line (and the candidates)", async (refs, code, stderr) => {
    const r = await runInProcess(["show", ...refs], page);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
  });
});
