// Temporary folders for tests that need the real file system. Each folder is removed when the test
// that made it finishes, passed or failed (one made outside a test — at module level or in a
// beforeAll — when its file finishes: test/helpers/temp-cleanup.ts). No test removes by hand, so a
// failing assertion cannot leave a folder behind; test/helpers/temp-folder.ts checks that none is left.
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";

const leftForFile = new Set<string>();

/** A new empty folder under the temporary folder, removed after the current test (or file). */
export function tempDir(prefix = "icp-links-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => removeTemp(dir));
  } catch {
    // Not inside a test: removed when the file's tests are done.
    leftForFile.add(dir);
  }
  return dir;
}

/** Removes what tempDir made outside a test (called after each file). */
export function removeFileTemps(): void {
  for (const dir of leftForFile) removeTemp(dir);
  leftForFile.clear();
}

/** Removes a folder and all in it, also what a test made unreadable or unwritable (chmod 000). */
export function removeTemp(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    openUp(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

function openUp(path: string): void {
  try {
    const stat = lstatSync(path);
    if (!stat.isDirectory()) return;
    chmodSync(path, 0o700);
    for (const name of readdirSync(path)) openUp(join(path, name));
  } catch {
    // Gone already, or not ours: rmSync reports what it cannot remove.
  }
}
