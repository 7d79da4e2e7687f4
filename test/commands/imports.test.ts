// What commands may import (#15). No command imports another: shared plumbing lives in
// src/command-kit/, so a command file can be read, moved or removed on its own. And no command
// knows where its entries came from: nothing of the cache, the columnar form or the edges that
// read pages; it reads the Catalog its Context gives it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const COMMANDS = join(import.meta.dirname, "../../src/commands");

/** Every module a file names: static imports, re-exports, import() and require(). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)) found.push(m[1]!);
  return found;
}

/** Does this specifier, written in src/commands/, name a file of src/commands/? */
function namesACommandFile(specifier: string): boolean {
  return /^\.\/[^/]+$/.test(specifier) || /^\.\.\/commands(\/|$)/.test(specifier);
}

describe("src/commands", () => {
  it("finds the imports it checks (the reader is not blind)", () => {
    expect(importsOf('import { a } from "./spec";\nimport "./side";\nconst x = await import("./open");\nrequire("../commands/list");\nexport { b } from "./select";'))
      .toEqual(["./spec", "./side", "./open", "../commands/list", "./select"]);
    expect(["./spec", "../commands/list", "../command-kit/spec", "../render/formats"].map(namesACommandFile)).toEqual([true, true, false, false]);
  });

  it("no file imports another file of src/commands/", () => {
    const files = readdirSync(COMMANDS).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      importsOf(readFileSync(join(COMMANDS, file), "utf8")).filter(namesACommandFile).map((spec) => `${file} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});

/** Folders whose modules no command, and no part of command-kit, may name. */
const HIDDEN = /^\.\.\/(cache|columns|io)\//;

describe("src/commands and src/command-kit", () => {
  it("tells the hidden folders from the rest", () => {
    expect(["../cache/format", "../columns/build", "../io/load", "../catalog/catalog", "../search/search", "./spec"].map((s) => HIDDEN.test(s))).toEqual([true, true, true, false, false, false]);
  });

  it.each(["commands", "command-kit"])("src/%s imports nothing of the cache, the columns or io/ but types", (folder) => {
    const dir = join(COMMANDS, "..", folder);
    const offending = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((file) => {
        const source = readFileSync(join(dir, file), "utf8");
        // A type names what the Context carries (the opener's interface): no code is imported.
        const typeOnly = new Set([...source.matchAll(/^import type [^;]+ from ["']([^"']+)["']/gm)].map((m) => m[1]!));
        return importsOf(source).filter((spec) => HIDDEN.test(spec) && !typeOnly.has(spec)).map((spec) => `${folder}/${file} imports ${spec}`);
      });
    expect(offending).toEqual([]);
  });
});
