// Progress of a slow download on a terminal (#18): quiet for a second, then a line that is
// rewritten in place and cleared at the end.
import { describe, expect, it } from "vitest";
import { downloadProgress } from "../../src/web/progress";

describe("downloadProgress", () => {
  it("says nothing for a fast download", () => {
    let out = "";
    let t = 0;
    const p = downloadProgress("https://x.example/l.md", { write: (s) => void (out += s) }, () => t);
    t = 500;
    p.update(1000, 2000);
    p.stop();
    expect(out).toBe("");
  });

  it("shows bytes and share after a second, then clears its line; the name is sanitised", () => {
    let out = "";
    let t = 0;
    const p = downloadProgress("https://x.example/\u001b[2Jl.md", { write: (s) => void (out += s) }, () => t);
    t = 1500;
    p.update(3 << 20, 6 << 20);
    t = 1550;
    p.update(4 << 20, 6 << 20); // within 100 ms of the last: not redrawn
    t = 1700;
    p.update(5 << 20, undefined);
    p.stop();
    expect(out).toBe("\r\x1b[2KDownloading https://x.example/l.md: 3.0 MB of 6.0 MB (50%)\r\x1b[2KDownloading https://x.example/l.md: 5.0 MB\r\x1b[2K");
  });
});
