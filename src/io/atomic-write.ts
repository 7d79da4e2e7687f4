// Writing a file so that readers see the old content or the new one, never a part (#4, #6, #7):
// the data goes to a temporary file in the same folder, which is then renamed over the target.
// On any error the temporary file is removed and the target is untouched.
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync, linkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

export interface AtomicWriteOptions {
  /** Mode of the new file (default 0o644). */
  mode?: number;
  /** Replace an existing file (default true). When false, an existing target is an EEXIST error. */
  overwrite?: boolean;
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", options.mode ?? 0o644);
    writeSync(fd, typeof data === "string" ? Buffer.from(data) : data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
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
