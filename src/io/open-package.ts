// The `open` package, loaded on first use. It is an ES module only, so from the CommonJS bundle it
// must come through a real import(); the build puts one in a file of its own
// (dist/import-esm.cjs, see scripts/build.mjs), because the bundle itself runs from V8's code
// cache as a vm.Script, where import() has no module loader behind it.
import type * as Open from "open";

export function loadOpen(): Promise<typeof Open> {
  return import("open");
}
