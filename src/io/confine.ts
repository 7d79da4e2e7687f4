// Edge: what --from and pick's → may read on disk (#22). A page's link is the page author's word,
// not the person's: it is followed only to a regular file in the folder of the page that links it
// (or below it), links resolved. A FIFO (which would hang the read), a device, or a symbolic link
// out of that folder is refused before anything is opened. (--file, named by the person, keeps its
// wider rules: load/pages.ts.)
import { realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { UsageError } from "../errors";
import { sanitize } from "../text/sanitize";

const HINT = "--from follows only regular files in the folder of the page that links them, or below it; name the file with --file to read it anyway";

/**
 * What --from or → reads (web/follow.ts says it): an address, or a local path with the folder it must stay in (the folder
 * of the page that links it; this edge checks what is there).
 */
export interface FollowTarget {
  spec: string;
  within?: string;
}

/** The spec to load: an address as it is, a local path once it is known to stay where it must. Throws UsageError. */
export function confineFollowed(target: FollowTarget): string {
  if (target.within === undefined) return target.spec;
  const name = sanitize(target.spec);
  let real: string;
  let folder: string;
  try {
    folder = realpathSync(target.within);
    real = realpathSync(target.spec);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${name}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`, "check the link in the page");
  }
  const rel = relative(folder, real);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new UsageError(`${name} leads outside the folder of the page that links it`, HINT);
  if (!statSync(real).isFile()) throw new UsageError(`${name} is not a regular file`, HINT);
  return target.spec;
}
