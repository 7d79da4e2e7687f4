// `mkdir -p` that always ends. Node's mkdirSync(path, { recursive: true }) spins forever when a
// parent exists but cannot hold children (procfs answers ENOENT for any new child, and Node's
// walk goes back to create the parent, gets EEXIST, and tries the child again): an
// XDG_CACHE_HOME under /proc froze the tool (#7). This walk goes top down, once per component.
import { mkdirSync, statSync } from "node:fs";
import { resolve, sep } from "node:path";

export function makeDirectory(path: string, mode: number): void {
  const parts = resolve(path).split(sep).filter(Boolean);
  let current = "";
  for (const part of parts) {
    current += sep + part;
    try {
      mkdirSync(current, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  if (!statSync(path).isDirectory()) throw Object.assign(new Error(`not a folder: ${path}`), { code: "ENOTDIR" });
}
