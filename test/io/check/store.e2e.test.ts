// The results store of `check` (checks.json) under the page cache's trust rules (#12): owner and
// mode, no links, a size bound checked before reading, pruning, texts sanitized when read back,
// and two runs saving at once losing neither's results (in one process, and from separate ones).
import { execFileSync, spawn } from "node:child_process";
import { buildSync } from "esbuild";
import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fileCheckStore, KEEP_MS, MAX_STORE_BYTES } from "../../../src/io/check/store";
import type { CheckResult } from "../../../src/check/types";
import { tempDir } from "../../helpers/temp";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const uid = process.getuid!();
const result = (url: string, at = NOW, state: CheckResult["state"] = "broken"): CheckResult => ({ url, state, reason: "404 Not Found", checkedAt: new Date(at).toISOString() });
const folder = () => {
  const dir = join(tempDir("icp-links-store-"), "icp-links");
  mkdirSync(dir, { mode: 0o700 });
  return dir;
};
const fileOf = (dir: string) => join(dir, "checks.json");
const write = (dir: string, results: unknown[]) => writeFileSync(fileOf(dir), JSON.stringify({ version: 1, results }), { mode: 0o600 });

describe("checks.json (#12)", () => {
  it("is written mode 0600 in a folder of mode 0700", () => {
    const dir = join(tempDir("icp-links-store-"), "new", "icp-links");
    fileCheckStore(dir, () => NOW, { uid }).save([result("https://a.example/")]);
    expect(statSync(fileOf(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("two stores saving one after the other, each having loaded first, keep both results", () => {
    const dir = folder();
    const a = fileCheckStore(dir, () => NOW, { uid });
    const b = fileCheckStore(dir, () => NOW, { uid });
    a.load();
    b.load();
    a.save([result("https://a.example/")]);
    b.save([result("https://b.example/")]);
    expect([...fileCheckStore(dir, () => NOW, { uid }).load().keys()].sort()).toEqual(["https://a.example/", "https://b.example/"]);
  });

  it("the newer result of a URL wins, whoever saves last", () => {
    const dir = folder();
    fileCheckStore(dir, () => NOW, { uid }).save([result("https://a.example/", NOW, "ok")]);
    fileCheckStore(dir, () => NOW, { uid }).save([result("https://a.example/", NOW - 60_000, "broken")]);
    expect(fileCheckStore(dir, () => NOW, { uid }).load().get("https://a.example/")!.state).toBe("ok");
  });

  it("separate processes saving at once, each having loaded first, all persist", async () => {
    const dir = folder();
    // The store bundled alone, so that plain node processes can run it.
    const bundle = join(dir, "..", "store.mjs");
    buildSync({ entryPoints: [resolve(import.meta.dirname, "../../../src/io/check/store.ts")], bundle: true, platform: "node", format: "esm", outfile: bundle, logLevel: "silent" });
    const RUNS = 6;
    const SAVES = 15;
    // Each waits for the same start, then loads and saves its own URLs, one save at a time.
    const child = `
      const { fileCheckStore } = await import(${JSON.stringify(bundle)});
      const [dir, run, start, saves] = process.argv.slice(1);
      while (Date.now() < Number(start)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      const notes = [];
      const store = fileCheckStore(dir, Date.now, { uid: process.getuid(), onError: (what, error) => notes.push(what + ": " + error.message) });
      store.load();
      for (let i = 0; i < Number(saves); i++)
        store.save([{ url: "https://" + run + ".example/" + i, state: "broken", reason: "404 Not Found", checkedAt: new Date().toISOString() }]);
      if (notes.length) { console.error(notes.join("\\n")); process.exit(1); }`;
    const start = Date.now() + 1500;
    const codes = await Promise.all(
      Array.from({ length: RUNS }, (_, run) =>
        new Promise<number | null>((done) => {
          const p = spawn(process.execPath, ["--input-type=module", "-e", child, dir, String(run), String(start), String(SAVES)], { stdio: ["ignore", "ignore", "inherit"] });
          p.on("close", done);
        }),
      ),
    );
    expect(codes).toEqual(Array(RUNS).fill(0));
    const kept = fileCheckStore(dir, () => Date.now(), { uid }).load();
    expect(kept.size).toBe(RUNS * SAVES);
    expect(readdirSync(dir)).toEqual(["checks.json"]);
  });

  it("a stale lock left by a dead run is taken over", () => {
    const dir = folder();
    writeFileSync(`${fileOf(dir)}.lock`, "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${fileOf(dir)}.lock`, old, old);
    fileCheckStore(dir, () => NOW, { uid }).save([result("https://a.example/")]);
    expect(fileCheckStore(dir, () => NOW, { uid }).load().size).toBe(1);
    expect(existsSync(`${fileOf(dir)}.lock`)).toBe(false);
  });

  it.each([
    ["another owner's file", (dir: string) => void write(dir, [result("https://a.example/")]), uid + 1],
    ["a file others may write", (dir: string) => { write(dir, [result("https://a.example/")]); chmodSync(fileOf(dir), 0o666); }, uid],
    ["a folder others may write", (dir: string) => { write(dir, [result("https://a.example/")]); chmodSync(dir, 0o777); }, uid],
    ["a link", (dir: string) => { const other = join(dir, "..", "elsewhere.json"); writeFileSync(other, JSON.stringify({ version: 1, results: [result("https://a.example/")] }), { mode: 0o600 }); symlinkSync(other, fileOf(dir)); }, uid],
  ])("ignores %s, with a --debug note", (_what, plant, owner) => {
    const dir = folder();
    plant(dir);
    const notes: string[] = [];
    const loaded = fileCheckStore(dir, () => NOW, { uid: owner, onError: (what, error) => notes.push(`${what}: ${(error as Error).message}`) }).load();
    expect(loaded.size).toBe(0);
    expect(notes.join("\n")).toContain("ignored");
  });

  it("ignores a file over the size bound without reading it, and says so under --debug", () => {
    const dir = folder();
    // Valid JSON, so that only the bound can refuse it.
    const padding = "x".repeat(1000);
    const results = Array.from({ length: Math.ceil(MAX_STORE_BYTES / 1000) + 10 }, (_, i) => ({ ...result(`https://a.example/${i}`), reason: padding }));
    write(dir, results);
    const notes: string[] = [];
    expect(fileCheckStore(dir, () => NOW, { uid, onError: (w, e) => notes.push(`${w}: ${(e as Error).message}`) }).load().size).toBe(0);
    expect(notes.join("\n")).toMatch(/larger than 4 MB/);
  });

  it("writes at most the size bound, newest results kept, and forgets results older than 180 days", () => {
    const dir = folder();
    const long = (i: number, at: number) => ({ ...result(`https://a.example/${"p".repeat(900)}/${i}`, at) });
    const many = Array.from({ length: 6000 }, (_, i) => long(i, NOW - 6000 + i));
    const store = fileCheckStore(dir, () => NOW, { uid });
    store.save([...many, result("https://old.example/", NOW - KEEP_MS - 1000)]);
    expect(statSync(fileOf(dir)).size).toBeLessThanOrEqual(MAX_STORE_BYTES);
    const loaded = fileCheckStore(dir, () => NOW, { uid }).load();
    expect(loaded.size).toBeGreaterThan(1000);
    expect(loaded.has(many.at(-1)!.url)).toBe(true);
    expect(loaded.has(many[0]!.url)).toBe(false);
    expect(loaded.has("https://old.example/")).toBe(false);
  });

  it("sanitizes the texts it reads back", () => {
    const dir = folder();
    write(dir, [{ ...result("https://a.example/"), reason: "404 Gone\x1b[2J\x9b31m\u202eevil", finalUrl: "https://b.example/\u2066x" }]);
    const r = fileCheckStore(dir, () => NOW, { uid }).load().get("https://a.example/")!;
    expect(r.reason).toBe("404 Goneevil");
    expect(r.finalUrl).toBe("https://b.example/x");
  });

  it("reads nothing from a FIFO", () => {
    const dir = folder();
    execFileSync("mkfifo", [fileOf(dir)]);
    expect(fileCheckStore(dir, () => NOW, { uid }).load().size).toBe(0);
  });

  it("leaves the file as it was when there is nothing to save", () => {
    const dir = folder();
    fileCheckStore(dir, () => NOW, { uid }).save([]);
    expect(existsSync(fileOf(dir))).toBe(false);
  });
});
