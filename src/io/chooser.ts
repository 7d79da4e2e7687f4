// The picker's prompt: the edge between `pick` and the terminal (#6).
import { openSync, closeSync } from "node:fs";

export interface Choice {
  value: number;
  name: string;
  description?: string;
}

export interface ChooseConfig {
  message: string;
  /** What the search starts with. */
  initial: string;
  /** The choices for a term; `width` is the columns of the terminal the prompt draws on. */
  source(term: string | undefined, width?: number): Choice[];
  /**
   * Called when the user presses the follow key (→) instead of Enter: the highlighted entry is
   * then chosen, to be followed into the list it links to rather than opened (#18).
   */
  onFollow?(): void;
  /** Called when the user presses ← to go back to the page they followed from: the prompt then ends as if left. */
  onBack?(): void;
  /** The entry highlighted first (its value), when it is among the choices. */
  highlighted?: number;
  /** A line shown in place of the prompt's message, in the error's style: why → could not follow. */
  notice?: string;
}

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

/** The keys the picker takes, on its hint line (the prompt's own names only ↑↓ and ⏎). */
export function pickerKeys(config: Pick<ChooseConfig, "onFollow" | "onBack">): [key: string, action: string][] {
  return [["\u2191\u2193", "move"], ["\u23ce", "open"], ...(config.onFollow ? [["\u2192", "follow a list"] as [string, string]] : []), ...(config.onBack ? [["\u2190", "back"] as [string, string]] : []), ["Esc", "leave"]];
}

/** The picker's prompt (@inquirer/search). Esc and Ctrl-C resolve to undefined. */
export function chooser(): ((config: ChooseConfig) => Promise<number | undefined>) | undefined {
  const terminal = findTerminal();
  if (!terminal) return undefined;
  return async (config) => {
    const [{ default: search, Separator }, { emitKeypressEvents }, tty, { styleText }] = await Promise.all([import("@inquirer/search"), import("node:readline"), import("node:tty"), import("node:util")]);
    // A stream made on a descriptor of /dev/tty closes it when destroyed.
    const made: { destroy(): void }[] = [];
    const input = typeof terminal.input === "number" ? new tty.ReadStream(terminal.input) : terminal.input;
    const output = typeof terminal.output === "number" ? new tty.WriteStream(terminal.output) : terminal.output;
    if (input !== process.stdin) made.push(input);
    if (output !== process.stdout && output !== process.stderr) made.push(output);
    const controller = new AbortController();
    // → is Enter that follows: set by →, and by no other key, so that an Enter after a → that
    // chose nothing (no entry highlighted) opens rather than follows.
    let follow = false;
    const FOLLOW = Symbol("follow");
    const onKey = (_text: string, key: { name?: string; ctrl?: boolean; meta?: boolean; [FOLLOW]?: true } | undefined) => {
      if (key?.[FOLLOW]) return;
      follow = false;
      if (key?.name === "escape") controller.abort();
      else if (key?.name === "left" && !key.ctrl && !key.meta && config.onBack) {
        config.onBack();
        controller.abort();
      } else if (key?.name === "right" && !key.ctrl && !key.meta && config.onFollow) {
        follow = true;
        input.emit("keypress", "\r", { sequence: "\r", name: "return", ctrl: false, meta: false, shift: false, [FOLLOW]: true });
      }
    };
    emitKeypressEvents(input);
    input.on("keypress", onKey);
    const tip = (keys: [string, string][]) => keys.map(([key, action]) => `${styleText("bold", key)} ${styleText("dim", action)}`).join(styleText("dim", " \u2022 "));
    try {
      const chosen = await search<number>(
        {
          message: config.message,
          initialValue: config.initial,
          pageSize: 12,
          ...(config.highlighted !== undefined ? { default: config.highlighted } : {}),
          // A query that cannot be read (a ValueError) shows its error in place of the list, and
          // nothing is highlighted, so no preview of the last list stays below it.
          source: (term) => {
            try {
              return config.source(term, output.columns);
            } catch (error) {
              return [new Separator(styleText("red", `${(error as Error).message}${(error as { hint?: string }).hint ? ` (${(error as { hint?: string }).hint})` : ""}`))];
            }
          },
          theme: { style: { keysHelpTip: () => [config.notice ? styleText("red", config.notice) : undefined, tip(pickerKeys(config))].filter(Boolean).join("\n") } },
        },
        { input, output, signal: controller.signal, clearPromptOnDone: true },
      );
      if (follow) config.onFollow?.();
      return chosen;
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
