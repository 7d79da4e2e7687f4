// The written docs name only files that exist: src/… and test/… paths in README.md, docs/*.md,
// docs/topics and docs/notes (a file moved or renamed cannot live on in the prose).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../helpers/pages";

const files = ["README.md", "BENCHMARKS.md", ...["docs", "docs/topics", "docs/notes"].flatMap((d) => readdirSync(join(ROOT, d)).filter((n) => n.endsWith(".md")).map((n) => `${d}/${n}`))];

it.each(files)("%s names only files that exist", (file) => {
  const text = readFileSync(join(ROOT, file), "utf8");
  const paths = [...new Set([...text.matchAll(/(?<![\w./-])((?:src|test|scripts|bench)\/[\w./-]+\.(?:ts|mjs|cjs|md|json))/g)].map((m) => m[1]!))];
  expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
});
