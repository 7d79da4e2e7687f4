// The floors of src/ (#25), read from its import graph by scripts/architecture.mjs (which also
// prints the figures): only src/io/ and src/cli.ts touch the file system, the network, processes
// or the terminal; io/ imports no feature, no command-kit and no command; every import runs down
// the layers (base, model, io, features, command-kit, commands, program, cli); no two files
// import each other, however indirectly.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { circles, graphOf, importsOf, ioImportingAbove, layerOf, readGraph, upwardArrows, worldOutsideIo } from "../../scripts/architecture.mjs";

const ROOT = join(import.meta.dirname, "../..");

describe("the reader of the import graph", () => {
  it("tells code imports from type imports, and reads dynamic imports, side effects and re-exports", () => {
    const { imports } = importsOf(
      [
        'import { a } from "./a";',
        'import type { B } from "./b";',
        'import { type C, type D } from "./c";',
        'import { type E, f } from "./e";',
        'export { g } from "./g";',
        'export type { H } from "./h";',
        'import "./side";',
        'const m = await import("./lazy");',
        '// import { x } from "./in-a-comment";',
      ].join("\n"),
    );
    expect(imports).toEqual([
      { specifier: "./a", typeOnly: false },
      { specifier: "./b", typeOnly: true },
      { specifier: "./c", typeOnly: true },
      { specifier: "./e", typeOnly: false },
      { specifier: "./g", typeOnly: false },
      { specifier: "./h", typeOnly: true },
      { specifier: "./side", typeOnly: false },
      { specifier: "./lazy", typeOnly: false },
    ]);
  });

  it("places files in layers, lowest first", () => {
    const order = ["text/fold.ts", "catalog/types.ts", "io/http.ts", "check/runner.ts", "command-kit/spec.ts", "commands/list.ts", "program.ts", "cli.ts"].map(layerOf);
    expect(order).toEqual([...order].sort((a, b) => a! - b!));
    expect(new Set(order).size).toBe(order.length);
  });

  // A made-up tree with every fault the test below must catch, so that it cannot pass blind.
  const faulty = graphOf([
    ["io/http.ts", 'import type { HttpClient } from "../check/types";\nexport const x = 1;'],
    ["check/types.ts", 'export type HttpClient = () => void;'],
    ["check/store.ts", 'import { readFileSync } from "node:fs";'],
    ["check/save.ts", 'import { writeFileAtomic } from "../io/atomic-write";\nimport type { Stats } from "node:fs";'],
    ["io/atomic-write.ts", 'import { writeFileSync } from "node:fs";'],
    ["web/get.ts", "export const get = () => fetch(url);"],
    ["web/remote.ts", 'import type { X } from "../io/http";\nexport const r = deps.fetch(u);'],
    ["edit/run.ts", 'import { spawn } from "node:child_process";'],
    ["search/a.ts", 'import { b } from "./b";'],
    ["search/b.ts", 'import type { A } from "./a";'],
  ]);

  it("finds an import that runs upward, and one from io/ into a feature", () => {
    expect(upwardArrows(faulty)).toEqual(["io/http.ts → check/types.ts"]);
    expect(ioImportingAbove(faulty)).toEqual(["io/http.ts → check/types.ts"]);
  });

  it("finds the files outside io/ that touch the world, themselves or through an edge's code", () => {
    expect(worldOutsideIo(faulty)).toEqual([
      "check/save.ts (io/atomic-write.ts)",
      "check/store.ts (node:fs)",
      "edit/run.ts (node:child_process)",
      "web/get.ts ((globals))",
    ]);
  });

  it("finds a circle, type imports included", () => {
    expect(circles(faulty)).toEqual([["search/a.ts", "search/b.ts"]]);
  });
});

describe("src/", () => {
  const graph = readGraph(ROOT);

  it("is read whole, each file in a layer", () => {
    expect(graph.size).toBeGreaterThan(90);
    expect([...graph.keys()].filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it("touches the file system, the network, processes and the terminal only in io/ and cli.ts", () => {
    expect(worldOutsideIo(graph)).toEqual([]);
  });

  it("has io/ import nothing of a feature, command-kit or a command", () => {
    expect(ioImportingAbove(graph)).toEqual([]);
  });

  it("has every import run down the layers", () => {
    expect(upwardArrows(graph)).toEqual([]);
  });

  it("has no circle", () => {
    expect(circles(graph)).toEqual([]);
  });
});
