// Progress of a slow download on stderr, on a terminal only (#18): nothing for the first second
// (most pages arrive before), then bytes received (of the announced length, when there is one).
import type { Output } from "./output";
import { sanitize } from "../text/sanitize";

/** How long a download runs before progress is shown. */
const QUIET_MS = 1000;

export function downloadProgress(source: string, stderr: Pick<Output, "write">): { update(received: number, total: number | undefined): void; stop(): void } {
  const started = Date.now();
  let shown = false;
  let last = 0;
  const name = sanitize(source).slice(0, 60);
  const size = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);
  return {
    update(received, total) {
      const now = Date.now();
      if (now - started < QUIET_MS || now - last < 100) return;
      last = now;
      shown = true;
      const of = total ? ` of ${size(total)} (${Math.floor((received / total) * 100)}%)` : "";
      stderr.write(`\r\x1b[2KDownloading ${name}: ${size(received)}${of}`);
    },
    stop() {
      if (shown) stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}
