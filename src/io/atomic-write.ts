// Writing a file so that readers see the old content or the new one, never a part (#4, #6, #7):
// the data goes to a temporary file in the same folder, which is then renamed over the target.
// On any error the temporary file is removed and the target is untouched.
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync, linkSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface AtomicWriteOptions {
  /** Mode of the new file (default 0o644). */
  mode?: number;
  /** Replace an existing file (default true). When false, an existing target is an EEXIST error. */
  overwrite?: boolean;
  /**
   * Called when the new content is on disk, just before it replaces the target; throwing
   * cancels the write (the temporary file is removed). Editing checks there that the page did
   * not change since it was read (#17).
   */
  beforeReplace?: () => void;
}

/** Tries at a free temporary name before giving up. */
const TEMP_ATTEMPTS = 8;

/**
 * Creates a new temporary file next to `path` (O_EXCL: never one that exists, nor a planted
 * link). The name needs to be unlikely, not secret: Math.random, not node:crypto, which would
 * cost every start 4 ms (#4).
 */
function createTemp(path: string, mode: number): { temp: string; fd: number } {
  for (let attempt = 1; ; attempt++) {
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
      return { temp, fd: openSync(temp, "wx", mode) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt === TEMP_ATTEMPTS) throw error;
    }
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const created = createTemp(path, options.mode ?? 0o644);
  const temp = created.temp;
  let fd: number | undefined = created.fd;
  try {
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    options.beforeReplace?.();
    // link() fails when the target exists: the no-overwrite case without a race.
    if (options.overwrite === false) {
      linkSync(temp, path);
      unlinkSync(temp);
    } else renameSync(temp, path);
  } catch (error) {
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // Already closed.
    }
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}
