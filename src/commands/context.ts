// What a command receives: the world, injected. Commands never import fs, process or a browser;
// src/cli.ts builds the real Context and tests build one from doubles (STYLE.md, "Inject the world").
import type { Catalog } from "../catalog/types";
import type { Opener } from "../io/opener";
import type { View } from "../render/style";
import type { Filters } from "../search/filters";
import type { HttpClient } from "../check/types";
import type { CheckStore } from "../io/check-store";

export interface Printer {
  write(text: string): void;
  readonly isTTY: boolean;
}

export interface Choice {
  value: number;
  name: string;
  description?: string;
}

export interface ChooseConfig {
  message: string;
  /** What the search starts with. */
  initial: string;
  source(term: string | undefined): Choice[];
}

export interface GlobalOptions {
  file?: string[];
  json?: boolean;
  color?: boolean;
  cache?: boolean;
  debug?: boolean;
  /** --from: the ref of an entry whose linked page is read instead (#18). */
  from?: string;
  /** --max-age, in ms: web pages (and check results) younger than this are reused. */
  maxAge?: number;
}

export interface Context {
  /** Data: entries, JSON. */
  out: Printer;
  /** Messages: progress, "Opening …", warnings. */
  err: Printer;
  /** How stdout is shown (terminal or pipe, width, colour). */
  view: View;
  /** How stderr is shown. */
  errView: View;
  env: Record<string, string | undefined>;
  json: boolean;
  /** Loads the pages named by --file (or the bundled one) once, on first call. */
  catalog(): Promise<Catalog>;
  opener: Opener;
  now(): Date;
  /** Waits, or rejects when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** The HTTP client of `check`. */
  http: HttpClient;
  /** The results of earlier checks. */
  checks: CheckStore;
  /**
   * A signal that aborts on Ctrl-C or SIGTERM. Only commands that call it handle those signals
   * themselves (printing what they have); for the others the default (stop at once) is right.
   */
  interruption(): { signal: AbortSignal; exitCode(): number };
  /**
   * An interactive chooser on the terminal, or undefined when there is none (no terminal on
   * standard input, or none to draw on). Resolves to the chosen value, or undefined when the
   * user leaves (Esc, Ctrl-C).
   */
  choose?: (config: ChooseConfig) => Promise<number | undefined>;
  /** Writes a file atomically; throws a UsageError naming the file when it cannot. */
  writeFile(path: string, data: string, overwrite: boolean): void;
}

/** The options of `list` that every command selecting entries shares. */
export interface FilterOptions extends Filters {
  limit?: number;
}
