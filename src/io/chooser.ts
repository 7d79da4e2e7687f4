// The picker's prompt: the edge between `pick` and the terminal (#6).
import type { Context } from "../commands/context";

/**
 * The picker's prompt (@inquirer/search), drawn on stderr when stdout is not a terminal so that
 * `url=$(icp-links pick --print)` works as with fzf. Esc and Ctrl-C resolve to undefined.
 */
export function chooser(): Context["choose"] {
  if (!process.stdin.isTTY || (!process.stdout.isTTY && !process.stderr.isTTY)) return undefined;
  return async (config) => {
    const [{ default: search }, { emitKeypressEvents }] = await Promise.all([import("@inquirer/search"), import("node:readline")]);
    const output = process.stdout.isTTY ? process.stdout : process.stderr;
    const controller = new AbortController();
    const onKey = (_text: string, key: { name?: string } | undefined) => {
      if (key?.name === "escape") controller.abort();
    };
    emitKeypressEvents(process.stdin);
    process.stdin.on("keypress", onKey);
    try {
      return await search<number>(
        { message: config.message, initialValue: config.initial, pageSize: 12, source: (term) => config.source(term) },
        { input: process.stdin, output, signal: controller.signal, clearPromptOnDone: true },
      );
    } catch (error) {
      const name = (error as Error).name;
      if (name === "AbortPromptError" || name === "ExitPromptError" || name === "CancelPromptError") {
        output.write("\x1b[?25h"); // the cursor back, whatever the prompt left
        return undefined;
      }
      throw error;
    } finally {
      process.stdin.off("keypress", onKey);
      process.stdin.pause();
    }
  };
}
