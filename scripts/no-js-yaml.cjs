// Stands in for js-yaml inside the bundle. gray-matter imports js-yaml for its default YAML
// engine, but icp-links always passes its own engine (the `yaml` package, see
// src/catalog/front-matter.ts), so js-yaml is never called; bundling it cost ~100 KB and a
// runtime require of esprima (#4). Should gray-matter ever reach for it, it fails loudly.
"use strict";
const unused = () => {
  throw new Error("js-yaml is not bundled: front matter goes through the yaml package");
};
module.exports = { safeLoad: unused, load: unused, safeDump: unused, dump: unused };
