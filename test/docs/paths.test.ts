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

/** A heading's anchor as GitHub makes it: lower case, punctuation but "-" dropped, spaces as "-". */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
const commandDocs = readdirSync(join(ROOT, "docs/commands")).filter((n) => n.endsWith(".md")).map((n) => `docs/commands/${n}`);

it.each(commandDocs)("%s links only to anchors it has", (file) => {
  const text = readFileSync(join(ROOT, file), "utf8");
  const anchors = new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!)));
  const links = [...text.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1]!);
  expect(links.filter((a) => !anchors.has(a))).toEqual([]);
});
