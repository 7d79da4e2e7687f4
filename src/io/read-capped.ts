// Reading a page with a cap (#12): never more than `limit` bytes, whatever the source is. A
// regular file's size is known before reading, but /dev/zero, a pipe (`--file <(yes)`) or a
// file that grows while read has none: readFileSync on them grew without bound.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** The first chunk read from a source of unknown size; each next one is twice as big. */
const FIRST_CHUNK = 1024 * 1024;

/** At most `limit` bytes of the file: fewer means the file ended there. */
export function readFileCapped(path: string, limit: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const stats = fstatSync(fd);
    // A regular file is read in one buffer of its size, plus one byte to see it grew.
    let want = Math.min(limit, stats.isFile() && stats.size > 0 ? stats.size + 1 : FIRST_CHUNK);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(want);
      let used = 0;
      for (let n; used < want && (n = readSync(fd, buffer, used, want - used, null)) > 0; ) used += n;
      chunks.push(used === want ? buffer : buffer.subarray(0, used));
      total += used;
      if (used < want || total >= limit) break;
      want = Math.min(limit - total, Math.max(want, FIRST_CHUNK) * 2);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
