// The one place that decides about colour and width (#3). chalk 5 ignores NO_COLOR on its own,
// so the level is computed here and handed to `new Chalk({ level })`.

export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorInputs {
  /** --no-color was given. */
  noColorFlag: boolean;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

/**
 * Off for --no-color; FORCE_COLOR turns it on (FORCE_COLOR=0 or false turns it off);
 * otherwise off for a non-empty NO_COLOR, TERM=dumb, or output that is not a terminal.
 */
export function colorLevel({ noColorFlag, env, isTTY }: ColorInputs): ColorLevel {
  if (noColorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") {
    if (force === "0" || force === "false") return 0;
    if (force === "2" || force === "3") return Number(force) as ColorLevel;
    return Math.max(1, naturalLevel(env)) as ColorLevel;
  }
  if (env.NO_COLOR) return 0;
  if (env.TERM === "dumb") return 0;
  if (!isTTY) return 0;
  return naturalLevel(env);
}

function naturalLevel(env: Record<string, string | undefined>): ColorLevel {
  if (env.COLORTERM === "truecolor" || env.COLORTERM === "24bit") return 3;
  if (env.TERM?.includes("256")) return 2;
  return 1;
}

/** Terminal width: the terminal's, else COLUMNS, else 80; never below 40. */
export function terminalWidth(columns: number | undefined, env: Record<string, string | undefined>): number {
  const fromEnv = Number(env.COLUMNS);
  const width = columns && columns > 0 ? columns : Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return Math.max(40, width);
}
