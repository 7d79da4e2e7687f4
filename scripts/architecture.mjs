// The shape of src/ read from its import graph (#25): which layer each file is in, the imports that
// run upward (from a lower layer to a higher one), the circles (files that import each other,
// however indirectly), and the files that touch the world (file system, network, processes,
// terminal) outside src/io/ and src/cli.ts. test/architecture/layers.test.ts holds the tree to it;
// `node scripts/architecture.mjs [checkout]` prints the figures, so that a tree before a change and
// after it are measured the same way.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative, resolve, sep } from "node:path";

/**
 * The layers, lowest first; a file is in the first whose pattern matches its path under src/.
 * A file may import its own layer or lower ones. The model is data and the pure functions over it;
 * io/ the edges, which may know the model but no feature; the features are the pure core.
 */
export const LAYERS = [
  { name: "base", match: /^(errors\.ts|text\/)/ },
  { name: "model", match: /^(catalog\/|columns\/|cache\/|state\/model\.ts)/ },
  { name: "io", match: /^io\// },
  { name: "features", match: /^(load|search|check|web|edit|state|render|import|enrich)\// },
  { name: "command-kit", match: /^(command-kit\/|docs\/(?!tooling\.ts))/ },
  { name: "commands", match: /^commands\// },
  { name: "program", match: /^program\.ts$/ },
  { name: "cli", match: /^cli\.ts$/ },
  // The docs scripts' entry point (scripts/docs-tool.mjs): above the program, which it reads.
  { name: "docs tooling", match: /^docs\/tooling\.ts$/ },
];

/** Node's modules that reach outside the process's memory, and the packages that do. */
const WORLD_MODULES = new Set(["fs", "fs/promises", "net", "http", "https", "http2", "child_process", "tty", "readline", "readline/promises", "os", "dgram", "dns", "worker_threads", "cluster", "open", "cli-progress", "@inquirer/search"]);
/** Globals that do the same without an import. */
const WORLD_GLOBALS = /(?<![.\w])fetch\s*\(|\bprocess\.(stdout|stderr|stdin|exit|env|argv|cwd|kill|chdir|on)\b/;

export function layerOf(path) {
  const index = LAYERS.findIndex((l) => l.match.test(path));
  return index < 0 ? undefined : index;
}

/** The modules a source names, each with whether only types come of it. Comments are left out first. */
export function importsOf(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const found = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gm)) {
    const names = m[2].trim();
    const allTypes = /^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(",").map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith("type "));
    found.push({ specifier: m[3], typeOnly: Boolean(m[1]) || allTypes });
  }
  for (const m of code.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) found.push({ specifier: m[1], typeOnly: false });
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push({ specifier: m[1], typeOnly: false });
  return { imports: found, usesWorldGlobals: WORLD_GLOBALS.test(code) };
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** The graph of sources given by path under src/: for each file, what it imports of src/ and of the world. */
export function graphOf(sources) {
  const files = new Map();
  for (const [path, source] of sources) {
    const { imports, usesWorldGlobals } = importsOf(source);
    const local = [];
    const world = new Set();
    for (const { specifier, typeOnly } of imports) {
      if (specifier.startsWith(".")) {
        local.push({ to: posix.join(posix.dirname(path), specifier).replace(/(\.ts)?$/, ".ts"), typeOnly });
      } else if (!typeOnly && WORLD_MODULES.has(specifier.replace(/^node:/, ""))) {
        world.add(specifier);
      }
    }
    if (usesWorldGlobals) world.add("(globals)");
    files.set(path, { local, world: [...world] });
  }
  return files;
}

/** The graph of a checkout's src/. */
export function readGraph(root) {
  const src = join(root, "src");
  return graphOf(filesUnder(src).map((file) => [relative(src, file).split(sep).join("/"), readFileSync(file, "utf8")]));
}

/** Imports from a lower layer to a higher one, as "from → to" (each pair once). */
export function upwardArrows(graph) {
  const arrows = new Set();
  for (const [from, { local }] of graph) {
    for (const { to } of local) if (layerOf(to) > layerOf(from)) arrows.add(`${from} → ${to}`);
  }
  return [...arrows].sort();
}

/** The circles: groups of two or more files each reachable from the others (Tarjan's components). */
export function circles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (file) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const { to } of graph.get(file)?.local ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file), low.get(to)));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file), index.get(to)));
    }
    if (low.get(file) === index.get(file)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Does this file reach the world itself: a module of Node's or a package that does, or fetch/process? */
const touchesDirectly = (graph, file) => (graph.get(file)?.world.length ?? 0) > 0;

/**
 * The files outside src/io/ and src/cli.ts that touch the world: themselves, or through code (not
 * types) of a module of src/io/ that does (as a store writing through io/atomic-write.ts).
 */
export function worldOutsideIo(graph) {
  const found = [];
  for (const [file, { local }] of graph) {
    if (file.startsWith("io/") || file === "cli.ts") continue;
    const through = local.filter((i) => !i.typeOnly && i.to.startsWith("io/") && touchesDirectly(graph, i.to)).map((i) => i.to);
    const reasons = [...graph.get(file).world, ...through];
    if (reasons.length > 0) found.push(`${file} (${[...new Set(reasons)].join(", ")})`);
  }
  return found.sort();
}

/** What io/ imports of a feature, command-kit, the commands, program.ts or cli.ts. */
export function ioImportingAbove(graph) {
  return upwardArrows(graph).filter((a) => a.startsWith("io/"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(process.argv[2] ?? join(import.meta.dirname, ".."));
  const graph = readGraph(root);
  const unplaced = [...graph.keys()].filter((f) => layerOf(f) === undefined);
  const up = upwardArrows(graph);
  const circled = circles(graph);
  const world = worldOutsideIo(graph);
  console.log(`${graph.size} files under ${join(root, "src")}`);
  if (unplaced.length) console.log(`in no layer: ${unplaced.join(", ")}`);
  console.log(`arrows upward: ${up.length}\n${up.map((a) => `  ${a}`).join("\n")}`);
  console.log(`circles: ${circled.length}\n${circled.map((c) => `  ${c.join(" ↔ ")}`).join("\n")}`);
  console.log(`files touching the world outside io/ and cli.ts: ${world.length}\n${world.map((w) => `  ${w}`).join("\n")}`);
}
