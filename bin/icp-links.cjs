#!/usr/bin/env node
// Starts the bundled tool, dist/cli.cjs, with V8's code cache of it (dist/cli.v8cache, made by
// the build): the functions a run needs are then neither parsed nor compiled again, a third of
// the tool's own start-up work (#4). V8 checks the cache against the source, its own version and
// its flags, and compiles as usual when it does not fit; without the cache the bundle is simply
// required. The bundle holds no import() (the build turns them into require()), so it runs as
// a plain script.
"use strict";
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { join } = require("node:path");
const vm = require("node:vm");

const dist = join(__dirname, "..", "dist");
const file = join(dist, "cli.cjs");
const cacheFile = join(dist, "cli.v8cache");
const making = process.env.ICP_LINKS_MAKE_CODE_CACHE === "1";

let cachedData;
try {
  if (!making) cachedData = readFileSync(cacheFile);
} catch {
  // No cache: compiled as usual.
}

if (cachedData || making) {
  // What Node's CommonJS loader would run, with the cache handed to V8.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  if (making) {
    // After the run, the cache holds every function the run compiled. Written by the build only.
    process.once("exit", () => {
      try {
        writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
        renameSync(`${cacheFile}.tmp`, cacheFile);
      } catch {
        // A read-only install keeps the cache it has.
      }
    });
  }
  const module_ = { exports: {} };
  script.runInThisContext()(module_.exports, createRequire(file), module_, file, dist);
} else {
  require(file);
}
