// The editor of `note` with no text (#16): $VISUAL, else $EDITOR, else vi, on a temporary file,
// as git runs its editor. The editor setting is a shell command ("code --wait", "emacs -nw"):
// it runs as `sh -c '<editor> "$@"' <editor> <file>`, so the file's path reaches the editor as
// one argument and is never read by the shell. The file is in a private folder (0700), 0600,
// removed afterwards.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../errors";

export function editorCommand(env: Record<string, string | undefined>): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || "vi";
}

export async function editText(env: Record<string, string | undefined>, text: string, name: string): Promise<string> {
  const { spawnSync } = await import("node:child_process");
  const editor = editorCommand(env);
  const dir = mkdtempSync(join(tmpdir(), "icp-links-note-"));
  try {
    // Only safe characters in the name: editors show it, and some choose a mode by its ending.
    const file = join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 60) || "note"}.md`);
    writeFileSync(file, text, { mode: 0o600, flag: "wx" });
    const result = spawnSync("sh", ["-c", `${editor} "$@"`, editor, file], { stdio: "inherit" });
    if (result.error) throw new UsageError(`cannot run the editor '${editor}': ${result.error.message}`, "set VISUAL or EDITOR, or give the note's text after the ref");
    if (result.status !== 0) {
      throw new UsageError(`the editor '${editor}' ${result.signal ? `was stopped by ${result.signal}` : `failed (exit ${result.status})`}: the note is unchanged`, "give the note's text after the ref instead");
    }
    return readFileSync(file, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
