// Standard output written with write(2) where it cannot be a terminal (src/io/output.ts, #4):
// which descriptors are written directly, and what a partial write, a full non-blocking pipe and
// a closed pipe do. The descriptor and the stream are doubles.
import { describe, expect, it } from "vitest";
import { fdOutput, type OutputDeps } from "../../src/io/output";

type Kind = "fifo" | "file" | "socket" | "tty" | "null" | "other-device" | "unknown";
const NULL_RDEV = 259;

function stat(kind: Kind) {
  if (kind === "unknown") throw Object.assign(new Error("EBADF"), { code: "EBADF" });
  return {
    isFIFO: () => kind === "fifo",
    isFile: () => kind === "file",
    isSocket: () => kind === "socket",
    isCharacterDevice: () => kind === "tty" || kind === "null" || kind === "other-device",
    rdev: kind === "null" ? NULL_RDEV : kind === "tty" ? 34816 : kind === "other-device" ? 260 : 0,
  };
}

interface Double {
  deps: OutputDeps;
  /** What write(2) took, call by call, and what the stream was given, in order. */
  written: string[];
  bytes: Buffer[];
  streamed: string[];
  errors: string[];
  streamUsed: () => boolean;
}

/** `writes` says, call by call, how many bytes write(2) takes, or which error it raises. */
function double(kind: Kind, writes: (number | string)[] = [], tty = false): Double {
  const written: string[] = [];
  const bytes: Buffer[] = [];
  const streamed: string[] = [];
  const errors: string[] = [];
  let used = false;
  const stream = {
    isTTY: tty,
    columns: tty ? 120 : undefined,
    destroyed: false,
    write: (chunk: string | Uint8Array) => streamed.push(Buffer.from(chunk).toString()),
  } as unknown as NodeJS.WriteStream;
  const deps: OutputDeps = {
    fstat: () => stat(kind),
    stat: () => stat("null"),
    write: (_fd, data, offset) => {
      const next = writes.shift();
      if (typeof next === "string") throw Object.assign(new Error(next), { code: next });
      const n = Math.min(next ?? data.length - offset, data.length - offset);
      bytes.push(Buffer.from(data.subarray(offset, offset + n)));
      written.push(bytes.at(-1)!.toString());
      return n;
    },
    stream: () => {
      used = true;
      return stream;
    },
    onError: (error) => errors.push(error.code ?? "?"),
  };
  return { deps, written, bytes, streamed, errors, streamUsed: () => used };
}

describe("fdOutput", () => {
  it.each<[Kind, boolean]>([
    ["fifo", true],
    ["file", true],
    ["socket", true],
    ["null", true],
    ["tty", false],
    ["other-device", false],
    ["unknown", false],
  ])("%s: written directly %s", (kind, direct) => {
    const d = double(kind);
    const out = fdOutput(1, d.deps);
    out.write("a line\n");
    expect(d.written.join("")).toBe(direct ? "a line\n" : "");
    expect(d.streamed.join("")).toBe(direct ? "" : "a line\n");
    // Node's stream is never built for a descriptor written directly.
    expect(d.streamUsed()).toBe(!direct);
  });

  it("is no terminal when written directly, and asks the stream otherwise", () => {
    const pipe = double("fifo");
    expect(fdOutput(1, pipe.deps)).toMatchObject({ isTTY: false, columns: undefined });
    expect(pipe.streamUsed()).toBe(false);
    const tty = double("tty", [], true);
    expect(fdOutput(1, tty.deps)).toMatchObject({ isTTY: true, columns: 120 });
  });

  it("hands write(2) the rest after a partial write", () => {
    const d = double("fifo", [3, 1, 100]);
    fdOutput(1, d.deps).write("abcdefgh");
    expect(d.written).toEqual(["abc", "d", "efgh"]);
  });

  it("writes UTF-8 byte for byte, even when write(2) splits a character", () => {
    const d = double("fifo", [1, 2, 100]);
    fdOutput(1, d.deps).write("é€\n");
    expect(d.bytes.map((b) => b.length)).toEqual([1, 2, 3]);
    expect(Buffer.concat(d.bytes).toString("utf8")).toBe("é€\n");
  });

  it("goes on through the stream, in order, once a non-blocking descriptor is full", () => {
    const d = double("fifo", [2, "EAGAIN"]);
    const out = fdOutput(1, d.deps);
    out.write("abcdef");
    out.write("ghi");
    expect(d.written).toEqual(["ab"]);
    expect(d.streamed).toEqual(["cdef", "ghi"]);
    expect(d.errors).toEqual([]);
  });

  it.each(["EPIPE", "ENOSPC", "EIO"])("reports %s once, then writes nothing more", (code) => {
    const d = double("file", [code]);
    const out = fdOutput(1, d.deps);
    out.write("first");
    out.write("second");
    expect(d.errors).toEqual([code]);
    expect(d.written).toEqual([]);
    expect(d.streamed).toEqual([]);
  });

  it("writes nothing for empty text", () => {
    const d = double("fifo", ["EIO"]);
    fdOutput(1, d.deps).write("");
    expect(d.errors).toEqual([]);
  });
});
