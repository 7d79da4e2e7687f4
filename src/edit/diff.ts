// The changes an edit makes, as a unified diff (#17): what --dry-run prints and what `check --fix`
// shows before writing. jsdiff computes the hunks (loaded on first use, bundled apart); lines are
// printed sanitised, their endings shown as "\r" marks only where they change nothing else, so a
// page can put no escape sequence on the terminal through its diff (#7).
import type { Style } from "../render/style";
import { sanitize } from "../text/sanitize";


/** Line of a diff as printed: no controls, a CR at its end shown as such. */
function shown(line: string): string {
  const cr = line.endsWith("\r");
  return sanitize(cr ? line.slice(0, -1) : line) + (cr ? "\\r" : "");
}

export async function renderDiff(before: string, after: string, path: string, style: Style): Promise<string> {
  if (before === after) return "";
  // Loaded when a diff is made; the bundle keeps it apart (scripts/build.mjs, VENDORS).
  const { structuredPatch } = await import("diff");
  // git's a/ and b/ for a relative path; an absolute path is shown as it is.
  const [from, to] = path.startsWith("/") ? [path, path] : [`a/${path}`, `b/${path}`];
  const patch = structuredPatch(from, to, before, after, "", "", { context: 3 });
  const out: string[] = [style.dim(`--- ${sanitize(patch.oldFileName ?? path)}`), style.dim(`+++ ${sanitize(patch.newFileName ?? path)}`)];
  for (const hunk of patch.hunks) {
    out.push(style.kind(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`));
    for (const line of hunk.lines) {
      if (line.startsWith("\\")) out.push(style.dim(line));
      else if (line[0] === "-") out.push(style.bad(`-${shown(line.slice(1))}`));
      else if (line[0] === "+") out.push(style.ok(`+${shown(line.slice(1))}`));
      else out.push(` ${shown(line.slice(1))}`);
    }
  }
  return `${out.join("\n")}\n`;
}
