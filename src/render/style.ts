// How text is coloured. The colour decision is made once, at start-up (src/io/terminal.ts);
// renderers only see a Style, which is plain identity functions when colour is off.
import type { ChalkInstance } from "chalk";

export interface Style {
  heading(text: string): string;
  id(text: string): string;
  position(text: string): string;
  title(text: string): string;
  speaker(text: string): string;
  dim(text: string): string;
  match(text: string): string;
  kind(text: string): string;
  ok(text: string): string;
  warn(text: string): string;
  bad(text: string): string;
}

const same = (text: string): string => text;

export const plainStyle: Style = {
  heading: same, id: same, position: same, title: same, speaker: same, dim: same, match: same, kind: same, ok: same, warn: same, bad: same,
};

export function chalkStyle(chalk: ChalkInstance): Style {
  if (chalk.level === 0) return plainStyle;
  return {
    heading: (t) => chalk.bold.underline(t),
    id: (t) => chalk.cyan(t),
    position: (t) => chalk.dim(t),
    title: (t) => chalk.bold(t),
    speaker: (t) => chalk.yellow(t),
    dim: (t) => chalk.dim(t),
    match: (t) => chalk.inverse(t),
    kind: (t) => chalk.magenta(t),
    ok: (t) => chalk.green(t),
    warn: (t) => chalk.yellow(t),
    bad: (t) => chalk.red(t),
  };
}

/** Where output goes, decided once: a terminal of some width with a style, or a pipe. */
export interface View {
  tty: boolean;
  width: number;
  style: Style;
}
