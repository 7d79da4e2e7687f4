// Writing a file so that readers see the old content or the new one, never a part (#4, #6, #7):
// the data goes to a temporary file in the same folder, which is then renamed over the target.
// On any error the temporary file is removed and the target is untouched.
//
// What may be written (#12), for every writer (export -o, the cache, the check store):
// - only a regular file or a new name. A folder, a device, a FIFO, a socket, a process's file
//   (/proc/self/fd/1, /dev/stdout) or a symbolic link to any of them is refused, whatever the
//   caller says about replacing: renaming over /dev/null as root replaced the device.
// - a symbolic link to a regular file stays a link: its target is replaced (atomically, in the
//   target's folder); a link to nothing is refused (it could point anywhere).
// - a replaced file keeps its mode and, where the system allows, its owner and group, unless
//   the caller fixes the mode (the cache's own files are always 0600).
// - the temporary name is never longer than the target's (when that is long), so a name as long
//   as the file system allows can be written.
import * as nodeFs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors";

/** The file-system calls used here; tests inject failures through them. */
export interface AtomicFs {
  openSync(path: string, flags: string, mode: number): number;
  writeSync(fd: number, data: Uint8Array, offset: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  linkSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  lstatSync(path: string): nodeFs.Stats;
  statSync(path: string): nodeFs.Stats;
  readlinkSync(path: string): string;
  realpathSync(path: string): string;
}

export interface AtomicWriteOptions {
  /**
   * A fixed mode for the file, new or replaced. Without it a new file gets 0o644 (less the
   * umask) and a replaced one keeps its mode, owner and group.
   */
  mode?: number;
  /** Replace an existing file (default true). When false, an existing target is an EEXIST error. */
  overwrite?: boolean;
  /** The file system (tests). */
  fs?: AtomicFs;
  /** Called once the data is on disk, before the rename (a test of a writer killed there; #16). */
  beforeRename?: () => void;
  /**
   * Called when the new content is on disk, just before it replaces the target; throwing
   * cancels the write (the temporary file is removed). Editing checks there that the page did
   * not change since it was read (#17).
   */
  beforeReplace?: () => void;
}

/** What a name refused as a target is, in words. */
export type RefusedKind = "folder" | "device" | "FIFO" | "socket" | "process file" | "link to nothing" | "empty name";

/** A target that is never written, --force or not (#12). */
export class RefusedTarget extends Error {
  readonly code = "EICPREFUSED";
  constructor(
    readonly path: string,
    readonly kind: RefusedKind,
  ) {
    super(`${path}: not a regular file (${kind})`);
  }
}

/** Tries at a free temporary name before giving up. */
const TEMP_ATTEMPTS = 8;
/** Symbolic links followed before the target counts as a loop, as the kernel's limit. */
const MAX_LINKS = 40;
/** ".", "." and 8 random characters, ".tmp". */
const TEMP_EXTRA = 14;
/** Temporary names up to this length keep the whole target name, however short it is. */
const SHORT_NAME = 32;

function kindOf(stats: nodeFs.Stats): RefusedKind | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "folder";
  if (stats.isFIFO()) return "FIFO";
  if (stats.isSocket()) return "socket";
  return "device";
}

function isProcPath(path: string): boolean {
  return path === "/proc" || path.startsWith("/proc/");
}

/** `path`, with its folder's symbolic links resolved (the name itself is kept). */
function inRealFolder(fs: AtomicFs, path: string): string {
  let folder: string;
  try {
    folder = fs.realpathSync(dirname(path));
  } catch {
    return resolve(path);
  }
  return join(folder, basename(path));
}

/**
 * The file that writing `path` replaces or creates, following symbolic links one at a time, and
 * what is there now (undefined: nothing). Throws RefusedTarget for anything but a regular file or
 * a new name.
 */
export function writeTarget(fs: AtomicFs, path: string): { file: string; stats?: nodeFs.Stats } {
  if (path === "") throw new RefusedTarget(path, "empty name");
  let current = path;
  for (let hop = 0; ; hop++) {
    const real = inRealFolder(fs, current);
    // /proc/self/fd/1, /dev/stdout, /dev/fd/1: a descriptor of some process, not a file to replace.
    if (isProcPath(real)) throw new RefusedTarget(path, "process file");
    let stats: nodeFs.Stats;
    try {
      stats = fs.lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      if (hop > 0) throw new RefusedTarget(path, "link to nothing");
      return { file: current };
    }
    if (!stats.isSymbolicLink()) {
      const kind = kindOf(stats);
      if (kind) throw new RefusedTarget(path, kind);
      return { file: real, stats };
    }
    if (hop === MAX_LINKS) throw Object.assign(new Error(`${path}: too many symbolic links`), { code: "ELOOP" });
    current = resolve(dirname(real), fs.readlinkSync(current));
  }
}

/** The first `max` bytes of `text` in UTF-8, never cutting a character. */
function cutUtf8(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > max) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * A hidden temporary name next to `file`: `.<name>.<random>.tmp`, with the name cut so that the
 * whole is no longer than the target's own name (when that is longer than 32 bytes).
 * The name needs to be unlikely, not secret: Math.random, not node:crypto, which would cost every
 * start 4 ms (#4).
 */
export function tempName(file: string): string {
  const name = basename(file);
  const length = Buffer.byteLength(name);
  const room = Math.max(length, SHORT_NAME) - TEMP_EXTRA;
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, "0");
  return join(dirname(file), `.${cutUtf8(name, room)}.${random}.tmp`);
}

/** Creates a new temporary file next to `file` (O_EXCL: never one that exists, nor a planted link). */
function createTemp(fs: AtomicFs, file: string, mode: number): { temp: string; fd: number } {
  for (let attempt = 1; ; attempt++) {
    const temp = tempName(file);
    try {
      return { temp, fd: fs.openSync(temp, "wx", mode) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt === TEMP_ATTEMPTS) throw error;
    }
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const fs = options.fs ?? (nodeFs as unknown as AtomicFs);
  const { file, stats } = writeTarget(fs, path);
  if (stats && options.overwrite === false) throw Object.assign(new Error(`${path} exists`), { code: "EEXIST" });
  const created = createTemp(fs, file, options.mode ?? 0o644);
  const temp = created.temp;
  let fd: number | undefined = created.fd;
  try {
    if (stats && options.mode === undefined) {
      // The replaced file's mode (not its set-id bits) and, where allowed, its owner and group.
      fs.fchmodSync(fd, stats.mode & 0o777);
      if (stats.uid !== process.geteuid?.() || stats.gid !== process.getegid?.()) {
        try {
          fs.fchownSync(fd, stats.uid, stats.gid);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== "EPERM" && code !== "EINVAL") throw error;
        }
      }
    }
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    options.beforeReplace?.();
    options.beforeRename?.();
    // link() fails when the target exists: the no-overwrite case without a race.
    if (options.overwrite === false) {
      fs.linkSync(temp, file);
      fs.unlinkSync(temp);
    } else fs.renameSync(temp, file);
  } catch (error) {
    try {
      if (fd !== undefined) fs.closeSync(fd);
    } catch {
      // Already closed.
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}

const REFUSED_WHAT: Record<RefusedKind, string> = {
  folder: "is a folder",
  device: "is a device, not a regular file",
  FIFO: "is a FIFO (named pipe), not a regular file",
  socket: "is a socket, not a regular file",
  "process file": "is a process's file descriptor (such as /dev/stdout), not a regular file",
  "link to nothing": "is a symbolic link to a file that does not exist",
  "empty name": "is an empty file name",
};

/**
 * A write that failed, as a one-line usage error naming the file and the real cause (#12).
 * Refused targets never suggest --force: it would not help.
 */
export function writeError(path: string, error: unknown): UsageError {
  if (error instanceof RefusedTarget) {
    const hint = error.kind === "empty name" ? "name a file, or use -o - for standard output" : "name a regular file or a new one, or use -o - for standard output";
    return new UsageError(`cannot write ${error.kind === "empty name" ? "''" : path}: it ${REFUSED_WHAT[error.kind]}`, hint);
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const said = (what: string, hint: string) => new UsageError(`cannot write ${path}: ${what}`, hint);
  switch (code) {
    case "EEXIST":
      return new UsageError(`${path} exists`, "add --force to replace it");
    case "ENOENT":
      return said("its folder does not exist", "create the folder first, or choose another path");
    case "ENOSPC":
      return said("no space left on the device", "free some space, or write elsewhere");
    case "EDQUOT":
      return said("the disk quota is exceeded", "free some space, or write elsewhere");
    case "EROFS":
      return said("its folder is on a read-only file system", "write elsewhere");
    case "EISDIR":
      return said("it is a folder", "name a file in it instead");
    case "ENAMETOOLONG":
      return said("the name is too long for the file system", "choose a shorter name");
    case "EACCES":
    case "EPERM":
      return said("permission denied", "check the permissions of the file and its folder");
    case "ENOTDIR":
      return said("a part of the path is not a folder", "check the path");
    case "ELOOP":
      return said("it is a loop of symbolic links", "name the real file");
    case "EIO":
      return said("an input/output error", "check the disk");
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return said(`failed (${message})`, "check the path and try again");
    }
  }
}
