// The hand-written docs (README.md, docs/topics, docs/notes, docs/ARCHITECTURE.md) name only
// options the command specs declare: an option renamed or removed cannot live on in the prose.
// (The generated pages are checked whole by docs.e2e.test.ts.)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { GLOBAL_OPTIONS, type OptionSpec } from "../../src/command-kit/spec";
import { COMMANDS } from "../../src/program";
import { ROOT } from "../helpers/pages";

const longFlags = (text: string) => [...text.matchAll(/(?<![\w-])--[a-z][\w-]*/g)].map((m) => m[0]);
const declared = new Set([...GLOBAL_OPTIONS, ...(COMMANDS as { options: OptionSpec[] }[]).flatMap((c) => c.options)].flatMap((o) => longFlags(o.flags)));
// commander's own, and the --no- forms it makes of them.
for (const flag of ["--help", "--version", "--color", "--cache", "--state"]) declared.add(flag);

const files = ["README.md", ...["docs/topics", "docs/notes"].flatMap((d) => readdirSync(join(ROOT, d)).map((n) => `${d}/${n}`))];

it.each(files)("%s names only declared options", (file) => {
  const text = readFileSync(join(ROOT, file), "utf8");
  // What a reader would type: code spans that are options, and icp-links command lines.
  const spans = [...text.matchAll(/`(-[^`]+)`/g)].map((m) => m[1]);
  const lines = text.split("\n").filter((l) => /icp-links /.test(l) && !/`[^`]*(code|tsc|vitest)[^`]*`/.test(l));
  const code = [...spans, ...lines].join("\n");
  const unknown = [...new Set(longFlags(code))].filter((f) => !declared.has(f));
  expect(unknown).toEqual([]);
});
