// The picker's prompt: the edge between `pick` and the terminal (#6).
import { openSync, closeSync } from "node:fs";
import type { Context } from "../command-kit/context";

/** Where the prompt reads keys and draws: a process stream, or a descriptor of /dev/tty. */
interface Terminal {
  input: NodeJS.ReadStream | number;
  output: NodeJS.WriteStream | number;
}

/** Opens the controlling terminal; undefined when there is none (ENXIO) or no /dev/tty at all. */
function openTty(flags: "r" | "w"): number | undefined {
  try {
    return openSync("/dev/tty", flags);
  } catch {
    return undefined;
  }
}

/**
 * Like fzf: keys from standard input when it is a terminal, the prompt on stdout when it is one,
 * else on stderr (so `url=$(icp-links pick --print)` works), else on the controlling terminal,
 * /dev/tty, when there is one: `icp-links pick --print >out 2>log` still draws (#12). No
 * terminal at all: undefined, and pick says it needs one. Only descriptors here: the tty
 * streams are made when the prompt starts (node:tty is not loaded at start-up; #4).
 */
function findTerminal(): Terminal | undefined {
  const input = process.stdin.isTTY ? process.stdin : openTty("r");
  if (input === undefined) return undefined;
  const output = process.stdout.isTTY ? process.stdout : process.stderr.isTTY ? process.stderr : openTty("w");
  if (output === undefined) {
    if (typeof input === "number") closeSync(input);
    return undefined;
  }
  return { input, output };
}

/** The picker's prompt (@inquirer/search). Esc and Ctrl-C resolve to undefined. */
export function chooser(): Context["choose"] {
  const terminal = findTerminal();
  if (!terminal) return undefined;
  return async (config) => {
    const [{ default: search }, { emitKeypressEvents }, tty] = await Promise.all([import("@inquirer/search"), import("node:readline"), import("node:tty")]);
    // A stream made on a descriptor of /dev/tty closes it when destroyed.
    const made: { destroy(): void }[] = [];
    const input = typeof terminal.input === "number" ? new tty.ReadStream(terminal.input) : terminal.input;
    const output = typeof terminal.output === "number" ? new tty.WriteStream(terminal.output) : terminal.output;
    if (input !== process.stdin) made.push(input);
    if (output !== process.stdout && output !== process.stderr) made.push(output);
    const controller = new AbortController();
    const onKey = (_text: string, key: { name?: string; ctrl?: boolean; meta?: boolean } | undefined) => {
      if (key?.name === "escape") controller.abort();
      // → follows the highlighted entry (#18): the prompt is told, then chooses it as Enter would.
      else if (key?.name === "right" && !key.ctrl && !key.meta && config.onFollow) {
        config.onFollow();
        input.emit("keypress", "\r", { sequence: "\r", name: "return", ctrl: false, meta: false, shift: false });
      }
    };
    emitKeypressEvents(input);
    input.on("keypress", onKey);
    try {
      return await search<number>(
        { message: config.message, initialValue: config.initial, pageSize: 12, source: (term) => config.source(term, output.columns) },
        { input, output, signal: controller.signal, clearPromptOnDone: true },
      );
    } catch (error) {
      const name = (error as Error).name;
      if (name === "AbortPromptError" || name === "ExitPromptError" || name === "CancelPromptError") {
        output.write("\x1b[?25h"); // the cursor back, whatever the prompt left
        return undefined;
      }
      throw error;
    } finally {
      input.off("keypress", onKey);
      input.pause();
      for (const stream of made) stream.destroy();
    }
  };
}
