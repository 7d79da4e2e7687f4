// npm run docs: writes the reference generated from the command specs (src/docs/reference.ts):
// docs/commands/*.md, docs/README.md, the man page docs/icp-links.1 and src/docs/topics.ts (the
// texts of `icp-links help <topic>`, from docs/topics/*.md). With --check it writes nothing and
// fails, naming them, when files on disk differ from what the specs make (npm test runs it so).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadTooling, referenceInput, root } from "./docs-tool.mjs";

export async function generate(check) {
  const t = await loadTooling();
  const files = t.referenceFiles(referenceInput(t));
  const stale = [];
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    const now = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (now === text) continue;
    stale.push(path);
    if (!check) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  // A page of a command that is gone.
  for (const name of readdirSync(join(root, "docs/commands"))) {
    const path = `docs/commands/${name}`;
    if (files[path] !== undefined) continue;
    stale.push(path);
    if (!check) rmSync(join(root, path));
  }
  return stale;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes("--check");
  mkdirSync(join(root, "docs/commands"), { recursive: true });
  const stale = await generate(check);
  if (check && stale.length > 0) {
    console.error(`docs: these differ from what the command specs generate (run 'npm run docs'):\n  ${stale.join("\n  ")}`);
    process.exit(1);
  }
  if (!check) console.error(stale.length === 0 ? "docs: up to date" : `docs: wrote ${stale.length} file(s)`);
}
