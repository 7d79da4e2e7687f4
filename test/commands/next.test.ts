// next and random (src/commands/next.ts), in process (#15, #16): which entry each picks, in a
// pipe, a terminal and JSON; --open; and what nothing left or bad input says.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryStateStore, runInProcess } from "../helpers/context";
import { SEED } from "../helpers/pages";
import { stateKey } from "../../src/state/model";

const page = readFileSync(SEED, "utf8");

async function withDone(...refs: string[]) {
  const state = memoryStateStore();
  if (refs.length > 0) await runInProcess(["done", ...refs], page, { state });
  return state;
}

describe("next", () => {
  it.each([
    [[], [], "internet-computer-technology"],
    [[], ["1", "2"], "chain-key-cryptography-the"],
    [["--kind", "talk"], [], "threshold-ecdsa-signing"],
    [["--speaker", "manu"], ["resumption"], "consensus-overview"],
    [["--section", "in-site"], ["overview"], "technology"],
  ])("next %j with %j done is %s", async (args, done, id) => {
    const r = await runInProcess(["next", ...args], page, { state: await withDone(...done) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\t")[0]).toBe(id);
    expect(r.stdout.endsWith("\n")).toBe(true);
    expect(r.stdout.split("\n")).toHaveLength(2);
  });

  it("prints list's line in a pipe, every field and the progress in a terminal, and JSON", async () => {
    const state = await withDone("1");
    const piped = await runInProcess(["next"], page, { state });
    expect(piped.stdout).toBe("achieving-consensus-on-the\tAchieving Consensus on the Internet Computer\thttps://medium.com/dfinity/achieving-consensus-on-the-internet-computer-ee9fbfbafcbc\t\tMedium\n");
    const shown = await runInProcess(["next"], page, { state, tty: true });
    expect(shown.stdout.split("\n")[0]).toBe("id        achieving-consensus-on-the");
    expect(shown.stdout).toMatch(/\nprogress {2}1\/26 done\n$/);
    const json = JSON.parse((await runInProcess(["next", "--json"], page, { state })).stdout);
    expect(json).toMatchObject({ id: "achieving-consensus-on-the", position: 2, progress: { done: 1, total: 26 }, state: null });
  });

  it("--open opens it and remembers the opening, for recent", async () => {
    const state = await withDone();
    const r = await runInProcess(["next", "--kind", "talk", "--open"], page, { state });
    expect(r.code).toBe(0);
    expect(r.opened).toEqual(["https://www.youtube.com/watch?v=MulbKPwv6_s"]);
    expect(state.data.get(stateKey("https://www.youtube.com/watch?v=MulbKPwv6_s"))).toMatchObject({ opened: "2026-11-23T12:00:00.000Z" });
  });

  it("--open of a site link wants a base URL: exit 2, nothing opened", async () => {
    const r = await runInProcess(["next", "--section", "in-site", "--open"], page);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-links: 'overview' is a site link \(\/dfinity-overview\) and no base URL is known \(.*\)\n$/);
    expect(r.opened).toEqual([]);
    const based = await runInProcess(["next", "--section", "in-site", "--open", "--base-url", "https://example.org"], page);
    expect(based.opened).toEqual(["https://example.org/dfinity-overview"]);
  });
});

describe("random", () => {
  it.each([
    // The random source in [0, 1) picks among the entries not done, in page order.
    [0, "threshold-ecdsa-signing"],
    [0.5, "resumption"],
    [0.999, "consensus-overview"],
  ])("random --kind talk with %f picks %s", async (x, id) => {
    const r = await runInProcess(["random", "--kind", "talk"], page, { random: () => x });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\t")[0]).toBe(id);
  });

  it("never picks an entry that is done", async () => {
    const state = await withDone("consensus-overview");
    for (const x of [0, 0.5, 0.999]) {
      const r = await runInProcess(["random", "--speaker", "manu"], page, { state, random: () => x });
      expect(r.stdout.split("\t")[0]).toBe("resumption");
    }
  });

  it("--open opens what it picked", async () => {
    const r = await runInProcess(["random", "--speaker", "manu", "--open"], page, { random: () => 0 });
    expect(r.opened).toEqual(["https://www.youtube.com/watch?v=H7HCqonSMFU"]);
  });
});

describe("nothing to pick, and bad input", () => {
  it.each(["next", "random"])("%s: everything done is exit 1, said with the count", async (command) => {
    const state = await withDone("resumption", "consensus-overview");
    const r = await runInProcess([command, "--speaker", "manu"], page, { state });
    expect(r).toMatchObject({ code: 1, stdout: "", stderr: "icp-links: all 2 entries are done here (see 'icp-links list --done', or take one back with 'icp-links undone')\n" });
  });

  it.each([
    [["next", "--speaker", "nobody"], 1, "icp-links: no entries match these filters (see 'icp-links sections' and 'icp-links speakers')\n"],
    [["random", "--speaker", "nobody"], 1, "icp-links: no entries match these filters (see 'icp-links sections' and 'icp-links speakers')\n"],
    [["next", "--kind", "video"], 2, "icp-links: option '-k, --kind <kind>' argument 'video' is invalid. unknown kind 'video' (use one of: talk, podcast, paper, article, repo, forum, site, page) (see 'icp-links --help')\n"],
    [["random", "--year", "soon"], 2, /^icp-links: option '--year <years>' argument 'soon' is invalid\. .+\n$/],
    [["next", "extra"], 2, "icp-links: too many arguments for 'next'. Expected 0 arguments but got 1. (see 'icp-links --help')\n"],
  ])("%j: exit %i in one line", async (argv, code, stderr) => {
    const r = await runInProcess(argv, page);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
  });

  it("with the state off, next still picks in page order (nothing is done)", async () => {
    const r = await runInProcess(["--no-state", "next"], page);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\t")[0]).toBe("internet-computer-technology");
  });
});
