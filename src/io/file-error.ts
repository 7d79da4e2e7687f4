// What a file-system error means to the person (#2): a message that names the file and says what to
// do. The edges that read pages (the loader's file system, the page to edit) say it the same way.
import { PageError } from "../errors";

function errnoOf(error: unknown): string | undefined {
  return error !== null && typeof error === "object" && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/** Turns a file-system error into a message that names the file and says what to do. */
export function fileError(path: string, error: unknown): PageError {
  switch (errnoOf(error)) {
    case "ENOENT":
      return new PageError(path, "no such file or folder", "check the path, or leave out --file to use the bundled page");
    case "EACCES":
    case "EPERM":
      return new PageError(path, "permission denied", "check the file's permissions");
    case "ELOOP":
      return new PageError(path, "is a loop of symbolic links", "point --file at the real file");
    case "ENOTDIR":
      return new PageError(path, "a part of the path is not a folder", "check the path");
    case "EISDIR":
      return new PageError(path, "is a folder", "name a .md file or a folder of them");
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new PageError(path, `cannot be read (${message})`, "check the path and try again");
    }
  }
}
