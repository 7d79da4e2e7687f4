// Ctrl-C and SIGTERM for the commands that stop gracefully (check, #5): they get a signal to
// abort, and the exit code that says which one came.
import { ExitCode } from "../errors";

/** Ctrl-C and SIGTERM abort the signal; a second Ctrl-C stops at once (the default again). */
export function interruption(): { signal: AbortSignal; exitCode(): number } {
  const controller = new AbortController();
  let code: number = ExitCode.interrupted;
  process.once("SIGINT", () => {
    code = ExitCode.interrupted;
    controller.abort();
  });
  process.once("SIGTERM", () => {
    code = ExitCode.terminated;
    controller.abort();
  });
  return { signal: controller.signal, exitCode: () => code };
}
