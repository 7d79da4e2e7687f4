// Standard output and error, written without Node's stream stack where that is safe (#4).
//
// `process.stdout` is a getter that builds a net.Socket (pipe), a SyncWriteStream (file) or a
// tty.WriteStream on first use, and with it the stream modules: 15–21 million instructions,
// a quarter of what icp-links added to `node -e 0`. When fstat says the descriptor is a pipe, a
// socket or a regular file, it cannot be a terminal, and a synchronous write(2) loop does the same
// job: a one-shot command has nothing else to do while it writes. So does the null device
// (`> /dev/null` in scripts, and how hyperfine and bench/ run commands), recognised by its device
// number. Anything else (a terminal, another device, an unknown descriptor) goes through the
// stream as before, and so does the rest of the output after a write that would block (a
// non-blocking pipe shared with another process).
import { fstatSync as realFstat, statSync as realStat, writeSync as realWrite } from "node:fs";

/** Where a command writes: data on stdout, messages on stderr (an Output is one). */
export interface Printer {
  write(text: string): void;
  readonly isTTY: boolean;
}

export interface Output {
  readonly isTTY: boolean;
  /** The terminal's width, when it is one. */
  readonly columns: number | undefined;
  write(text: string): void;
}

interface FileKind {
  isFIFO(): boolean;
  isFile(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  rdev: number;
}

export interface OutputDeps {
  fstat(fd: number): FileKind;
  /** stat(2) of a path: here only of the null device. */
  stat(path: string): FileKind;
  write(fd: number, data: Uint8Array, offset: number): number;
  /** Node's stream for the descriptor; looked up only when it is needed. */
  stream(): NodeJS.WriteStream;
  /** A write failed (EPIPE included): the caller ends the process or reports it. */
  onError(error: NodeJS.ErrnoException): void;
}

/** True when the descriptor is a pipe, a socket, a regular file or the null device: never a terminal. */
function writesDirectly(fd: number, deps: OutputDeps): boolean {
  try {
    const stat = deps.fstat(fd);
    if (stat.isFIFO() || stat.isFile() || stat.isSocket()) return true;
    if (!stat.isCharacterDevice() || process.platform === "win32") return false;
    const nul = deps.stat("/dev/null");
    return nul.isCharacterDevice() && nul.rdev === stat.rdev;
  } catch {
    return false;
  }
}

export function fdOutput(fd: number, deps: OutputDeps): Output {
  let direct = writesDirectly(fd, deps);
  let failed = false;
  const toStream = (text: string | Uint8Array): void => {
    const stream = deps.stream();
    if (!stream.destroyed) stream.write(text);
  };
  return {
    get isTTY() {
      return !direct && Boolean(deps.stream().isTTY);
    },
    get columns() {
      return direct ? undefined : deps.stream().columns;
    },
    write(text: string) {
      if (!text || failed) return;
      if (!direct) return toStream(text);
      const bytes = Buffer.from(text);
      let offset = 0;
      try {
        // write(2) may take part of the buffer; the loop hands it the rest.
        while (offset < bytes.length) offset += deps.write(fd, bytes, offset);
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code === "EAGAIN") {
          // A non-blocking descriptor is full: the stream waits for it, in order, from here on.
          direct = false;
          return toStream(bytes.subarray(offset));
        }
        failed = true;
        deps.onError(e);
      }
    },
  };
}

/** The real descriptor, written with fs.writeSync. */
export function processOutput(fd: 1 | 2, onError: (error: NodeJS.ErrnoException) => void): Output {
  return fdOutput(fd, {
    fstat: realFstat,
    stat: realStat,
    write: (descriptor, data, offset) => realWrite(descriptor, data, offset),
    stream: () => {
      const stream = fd === 1 ? process.stdout : process.stderr;
      // Registered once, the first time the stream is used.
      if (stream.listenerCount("error") === 0) stream.on("error", onError);
      return stream;
    },
    onError,
  });
}
