// Edge: the file system (the page an editing command reads and writes); only cli.ts and tests build it.
// What editing a page reads and writes (#17): which file an editing command may change, its text as read,
// and a write that is atomic, keeps the file's mode (and owner where allowed), and is refused
// when the file changed since it was read: no lost update when an editor saved it meanwhile.
import { accessSync, constants, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { resolve, sep } from "node:path";
import { IcpError, UsageError } from "../../errors";
import { writeError, writeFileAtomic, type AtomicFs } from "../atomic-write";
import { isRemoteSpec } from "../../catalog/address";
import { sanitize } from "../../text/sanitize";
import { decodePage } from "../decode";
import { fileError } from "../file-error";

export interface EditTarget {
  /** The path as the user gave it. */
  path: string;
  /** The text read: every byte of the file, a BOM included. */
  text: string;
  /** Replaces the file's content; throws a UsageError when it cannot, having written nothing. */
  write(text: string): void;
}

export interface EditTargetOptions {
  /** The pages named by --file, or by ICP_LINKS_FILE; none for the bundled page. */
  specs: string[];
  /** With a folder: the file to edit. */
  into?: string;
  maxBytes: number;
  /** The bundled page's path: never edited, even when --file names it. */
  bundled?: string;
  /** The file-system calls of the write (tests inject a full disk). */
  fs?: AtomicFs;
}

const OWN_COPY = "make your own copy with 'icp-links export --format md -o my-links.md' and edit it with --file my-links.md";

function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw fileError(path, error);
  }
}

/** The file an editing command changes: one file, named explicitly. */
/** A page --file reads from the web: refused before any file is looked at, so that a local path that happens to look like the URL is never edited (#22). */
function fromWeb(spec: string): UsageError {
  return new UsageError(`cannot edit ${sanitize(spec).slice(0, 200)}: a page from the web cannot be edited; save it and use --file`, "download it (curl -o my-links.md <url>), then edit it with --file my-links.md");
}

export function chooseEditFile(options: EditTargetOptions): string {
  const { specs, into } = options;
  if (specs.length === 0) throw new UsageError("the bundled page is never edited", OWN_COPY);
  if (specs.includes("-")) throw new UsageError("standard input cannot be edited", "save the page to a file and name it with --file");
  if (into !== undefined && isRemoteSpec(into)) throw fromWeb(into);
  if (into === undefined && specs.length === 1 && isRemoteSpec(specs[0]!)) throw fromWeb(specs[0]!);
  if (into !== undefined) {
    // --into names a file of the pages given: a folder's, or one of the files.
    const real = realpathOrSelf(into);
    const within = specs.some((spec) => {
      const base = realpathOrSelf(spec);
      return real === base || real.startsWith(base.endsWith(sep) ? base : base + sep);
    });
    if (!within) throw new UsageError(`--into ${into} is not one of the pages given with --file`, "name a .md file inside the folder given with --file");
    return into;
  }
  if (specs.length > 1) throw new UsageError(`editing needs one page, and ${specs.length} were given`, "name one file with --file, or add --into <file>");
  if (statOf(specs[0]!).isDirectory()) throw new UsageError(`${specs[0]} is a folder`, "add --into <file> to name the page in it to edit");
  return specs[0]!;
}

/**
 * No write permission for this process by the file's mode bits. Root passes every permission
 * check, so for root a page counts as read-only when no write bit is set at all (#22).
 */
function readOnly(stats: Stats, real: string): boolean {
  const uid = process.geteuid?.();
  if (uid === 0) return (stats.mode & 0o222) === 0;
  if (uid === stats.uid) return (stats.mode & 0o200) === 0;
  try {
    accessSync(real, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function openEditTarget(options: EditTargetOptions): EditTarget {
  const path = chooseEditFile(options);
  // A symbolic link is followed: the page it points to is edited, and the link stays a link.
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (options.bundled !== undefined && real === realpathOrSelf(options.bundled)) throw new UsageError("the bundled page is never edited", OWN_COPY);
  const before = statOf(real);
  if (!before.isFile()) throw new UsageError(`${path} is not a regular file`, "only a page in a regular file can be edited");
  // Refused, not worked around: the write renames a new file over the name (atomic-write.ts),
  // which the permission of the folder allows, not that of the file; as root it always would.
  if (readOnly(before, real)) throw new UsageError(`${path} is read-only (it has no write permission); it was not changed`, `make it writable first (chmod u+w ${path}) if it is meant to be edited`);
  // Several hard links: refused rather than written through the same file (#22). The edit is
  // written as a new file renamed over the name, so that a kill or a full disk mid-write leaves
  // the old page or the new one, never half of it; the other names would keep the old page,
  // silently. Writing into the shared file in place would show the edit at every name, but
  // could not keep that guarantee.
  if (before.nlink > 1) {
    throw new UsageError(`${path} has ${before.nlink} hard links (other names of the same file); an edit would show at this name only, so it was not changed`, "edit a copy (cp the page to a new name) and use that, or remove the other links first");
  }
  if (before.size > options.maxBytes) throw new UsageError(`${path} is larger than the ${Math.round(options.maxBytes / 1024 / 1024)} MB a page may have`, "set ICP_LINKS_MAX_SIZE (in MB) to allow larger pages");
  let bytes: Buffer;
  try {
    bytes = readFileSync(real);
  } catch (error) {
    throw fileError(path, error);
  }
  decodePage(bytes, path);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UsageError(`${path} is UTF-16 text`, "editing keeps every byte, and writes UTF-8 only: save the page as UTF-8 first");
  }
  // The BOM stays in the text: it is written back as it was.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return {
    path,
    text,
    write(next: string) {
      // Just before the new content replaces it: the same bytes, size and time as when read.
      const unchanged = () => {
        let now: Stats;
        let current: Buffer;
        try {
          now = statSync(real);
          current = readFileSync(real);
        } catch (error) {
          throw fileError(path, error);
        }
        if (readOnly(now, real)) throw new UsageError(`${path} was made read-only since it was read; nothing was written`, "make it writable, then run the command again");
        if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || !current.equals(bytes)) {
          throw new UsageError(`${path} changed since it was read (saved by an editor meanwhile?); nothing was written`, "run the command again");
        }
      };
      try {
        // Without a fixed mode the replaced page keeps its mode, owner and group (atomic-write.ts).
        writeFileAtomic(real, next, { beforeReplace: unchanged, ...(options.fs ? { fs: options.fs } : {}) });
      } catch (error) {
        if (error instanceof IcpError) throw error;
        // Said as export -o says it: "no space left on the device", "permission denied" (#22).
        const e = writeError(path, error);
        throw new UsageError(`${e.message}; the page is unchanged`, e.hint);
      }
    },
  };
}
