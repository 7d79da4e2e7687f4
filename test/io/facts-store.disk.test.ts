// The link-facts store on disk (#27): the cache folder's rules (io/record-store.ts) for enrich's
// facts: written 0600 under a lock, read back cleaned, a file not ours or too big ignored, never fatal.
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileFactsStore, MAX_FACTS_BYTES } from "../../src/io/enrich/store";
import type { FactsRecord } from "../../src/catalog/link-facts";
import { tempDir } from "../helpers/temp";

const now = () => Date.parse("2026-12-01T00:00:00Z");
const record = (url: string, readAt = "2026-11-30T00:00:00.000Z"): FactsRecord => ({ url, readAt, state: "ok", etag: '"v1"', facts: { title: "T", duration: 1694, published: "2021-06-02" } });

describe("the link-facts store", () => {
  it("writes link-facts.json mode 0600 and reads it back", () => {
    const dir = tempDir();
    fileFactsStore(dir, now).save([record("https://a.example/1")]);
    expect(statSync(join(dir, "link-facts.json")).mode & 0o777).toBe(0o600);
    expect([...fileFactsStore(dir, now).load().values()]).toEqual([record("https://a.example/1")]);
  });

  it("merges with what another run saved, the newer record of a URL winning", () => {
    const dir = tempDir();
    const one = fileFactsStore(dir, now);
    const two = fileFactsStore(dir, now);
    one.load();
    two.save([record("https://a.example/2")]);
    one.save([record("https://a.example/1"), { ...record("https://a.example/2", "2026-11-01T00:00:00.000Z"), facts: { title: "old" } }]);
    const all = fileFactsStore(dir, now).load();
    expect([...all.keys()].sort()).toEqual(["https://a.example/1", "https://a.example/2"]);
    expect(all.get("https://a.example/2")!.facts.title).toBe("T");
  });

  it("cleans what it reads back: escapes and controls go, unknown fields and bad records are dropped", () => {
    const dir = tempDir();
    chmodSync(dir, 0o700);
    const hostile = { url: "https://a.example/1", readAt: "2026-11-30T00:00:00Z", state: "ok", facts: { title: "\u001b]8;;https://evil\u0007Hi\u202e", channel: "C\u009b2J", extra: 1 }, junk: true };
    const bad = [{ url: "javascript:alert(1)", readAt: "2026-11-30T00:00:00Z", state: "ok", facts: {} }, { url: "https://b.example/", readAt: "never", state: "ok", facts: {} }, { url: "https://c.example/", readAt: "2026-11-30T00:00:00Z", state: "ok", etag: "a\r\nb", facts: {} }];
    writeFileSync(join(dir, "link-facts.json"), JSON.stringify({ version: 1, links: [hostile, ...bad] }), { mode: 0o600 });
    expect([...fileFactsStore(dir, now).load().values()]).toEqual([{ url: "https://a.example/1", readAt: "2026-11-30T00:00:00Z", state: "ok", facts: { title: "Hi", channel: "C" } }]);
  });

  it("ignores a file others may write to, a corrupt one and one past the cap; never throws", () => {
    const dir = tempDir();
    chmodSync(dir, 0o700);
    const file = join(dir, "link-facts.json");
    const errors: string[] = [];
    const store = () => fileFactsStore(dir, now, { uid: process.getuid?.(), onError: (what) => errors.push(what) });
    writeFileSync(file, JSON.stringify({ version: 1, links: [record("https://a.example/1")] }), { mode: 0o600 });
    chmodSync(file, 0o666);
    expect(store().load().size).toBe(0);
    writeFileSync(file, "{not json", { mode: 0o600 });
    chmodSync(file, 0o600);
    expect(store().load().size).toBe(0);
    writeFileSync(file, Buffer.alloc(MAX_FACTS_BYTES + 1, 32));
    expect(store().load().size).toBe(0);
    expect(errors).toHaveLength(3);
  });

  it("keeps the newest records within the size cap", () => {
    const dir = tempDir();
    const big = (i: number): FactsRecord => ({ ...record(`https://a.example/${i}`, new Date(Date.parse("2026-11-01T00:00:00Z") + i * 1000).toISOString()), facts: { description: "d".repeat(450), title: "t".repeat(290) } });
    const records = Array.from({ length: 6000 }, (_, i) => big(i));
    fileFactsStore(dir, now).save(records);
    const size = readFileSync(join(dir, "link-facts.json")).length;
    expect(size).toBeLessThanOrEqual(MAX_FACTS_BYTES);
    const kept = fileFactsStore(dir, now).load();
    expect(kept.has("https://a.example/5999")).toBe(true);
    expect(kept.has("https://a.example/0")).toBe(false);
  });
});
