// Edge: the file system (the page an editing command reads and writes); only cli.ts and tests build it.
// What editing a page reads and writes (#17): which file an editing command may change, its text as read,
// and a write that is atomic, keeps the file's mode (and owner where allowed), and is refused
// when the file changed since it was read: no lost update when an editor saved it meanwhile.
import { readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { resolve, sep } from "node:path";
import { IcpError, UsageError } from "../errors";
import { writeFileAtomic } from "../io/atomic-write";
import { decodePage } from "../io/decode";
import { fileError } from "../io/load";

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
export function chooseEditFile(options: EditTargetOptions): string {
  const { specs, into } = options;
  if (specs.length === 0) throw new UsageError("the bundled page is never edited", OWN_COPY);
  if (specs.includes("-")) throw new UsageError("standard input cannot be edited", "save the page to a file and name it with --file");
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
        if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || !current.equals(bytes)) {
          throw new UsageError(`${path} changed since it was read (saved by an editor meanwhile?); nothing was written`, "run the command again");
        }
      };
      try {
        // Without a fixed mode the replaced page keeps its mode, owner and group (atomic-write.ts).
        writeFileAtomic(real, next, { beforeReplace: unchanged });
      } catch (error) {
        if (error instanceof IcpError) throw error;
        const e = fileError(path, error);
        throw new UsageError(`cannot write ${e.message}; the page is unchanged`, e.hint);
      }
    },
  };
}
