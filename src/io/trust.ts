// Edge: the one rule for the files icp-links keeps for itself (page cache, check results, copies of
// web pages, one's own state), and the reading and writing that follow it: someone else's file or
// folder, or one others may write to, is not trusted (#4, #12, #16, #18). `uid` undefined: a
// system without owners. The state store words its own errors (they reach the user); the page
// cache, the check results and the web copies read and write through these.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import { makeDirectory } from "./mkdir";
import { formatSize } from "../text/size";

export function trusted(stats: Pick<Stats, "uid" | "mode">, uid: number | undefined): boolean {
  return uid === undefined || (stats.uid === uid && (stats.mode & 0o022) === 0);
}

export const NOT_OURS = "not yours, or others may write to it";

/** Makes the folder (mode 0700) when it is missing; throws unless it is trusted: where the tool writes its own files. */
export function trustedFolder(dir: string, uid: number | undefined): void {
  makeDirectory(dir, 0o700);
  if (!trusted(statSync(dir), uid)) throw new Error(`its folder is ${NOT_OURS}`);
}

/**
 * A file of one of the tool's own folders, read only when its folder and the file are trusted:
 * opened without following a link and without blocking (in case it is a FIFO), a regular file of
 * at most `maxBytes`, checked before a byte is read. Throws an Error saying why not; a missing
 * file throws fs's ENOENT, which callers take as "none".
 */
export function readTrustedFile(file: string, uid: number | undefined, maxBytes = Infinity): Buffer {
  if (!trusted(statSync(dirname(file)), uid)) throw new Error(`its folder is ${NOT_OURS}`);
  return readTrustedOpen(file, uid, maxBytes).bytes;
}

/**
 * A file of one of the tool's own folders opened as readTrustedFile() opens it (the folder, the
 * file, its kind and size checked before a byte is read), left open for the caller to read in part
 * and close (#26). Throws as readTrustedFile() does.
 */
export function openTrustedFile(file: string, uid: number | undefined, maxBytes = Infinity): { fd: number; stats: Stats } {
  if (!trusted(statSync(dirname(file)), uid)) throw new Error(`its folder is ${NOT_OURS}`);
  return openTrusted(file, uid, maxBytes);
}

function openTrusted(file: string, uid: number | undefined, maxBytes: number): { fd: number; stats: Stats } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error("not a regular file");
    if (!trusted(stats, uid)) throw new Error(NOT_OURS);
    if (stats.size > maxBytes) throw new Error(`larger than ${formatSize(maxBytes)}`);
    return { fd, stats };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** readTrustedFile once the folder is checked (by the caller, in its own words), with the file's mode, which a rewrite keeps. */
export function readTrustedOpen(file: string, uid: number | undefined, maxBytes = Infinity): { bytes: Buffer; mode: number } {
  const { fd, stats } = openTrusted(file, uid, maxBytes);
  try {
    const buffer = Buffer.allocUnsafe(stats.size);
    let size = 0;
    for (let n; size < buffer.length && (n = readSync(fd, buffer, size, buffer.length - size, null)) > 0; ) size += n;
    return { bytes: buffer.subarray(0, size), mode: stats.mode & 0o777 };
  } finally {
    closeSync(fd);
  }
}
