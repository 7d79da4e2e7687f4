// Progress of a slow download on stderr, on a terminal only (#18): nothing for the first second
// (most pages arrive before), then bytes received (of the announced length, when there is one).
// Pure but for the clock (given) and the stream it writes to (given): no file, no network.
import type { Output } from "../io/output";
import { sanitize } from "../text/sanitize";

/** How long a download runs before progress is shown. */
const QUIET_MS = 1000;

export function downloadProgress(
  source: string,
  stderr: Pick<Output, "write">,
  now: () => number = Date.now,
): { update(received: number, total: number | undefined): void; stop(): void } {
  const started = now();
  let shown = false;
  let last = 0;
  const name = sanitize(source).slice(0, 60);
  const size = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);
  return {
    update(received, total) {
      const at = now();
      if (at - started < QUIET_MS || at - last < 100) return;
      last = at;
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
