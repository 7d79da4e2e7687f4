// What a command receives: the world, injected. Commands never import fs, process or a browser;
// src/cli.ts builds the real Context and tests build one from doubles (STYLE.md, "Inject the world").
import type { Entry } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import type { Opener } from "../io/opener";
import type { View } from "../render/style";
import type { Filters, Sort } from "../search/filters";
import type { HttpClient } from "../check/types";
import type { CheckStore } from "../io/check/store";
import type { FactsStore } from "../io/enrich/store";
import type { StateStore } from "../io/state/store";
import type { EditTarget } from "../io/edit/file";
import type { Printer } from "../io/output";
import type { ChooseConfig } from "../io/chooser";
import type { ProgressBar } from "../io/progress-bar";
// The edges own the interfaces they implement (#25); a command names them here, with the rest of its world.
export type { Printer } from "../io/output";
export type { Choice, ChooseConfig } from "../io/chooser";
export type { ProgressBar } from "../io/progress-bar";

export interface GlobalOptions {
  file?: string[];
  json?: boolean;
  color?: boolean;
  cache?: boolean;
  debug?: boolean;
  /** false with --no-state (#16). */
  state?: boolean;
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
  /** The operating system (process.platform): what a terminal without a locale can show. */
  platform: string;
  json: boolean;
  /** Loads the pages named by --file (or the bundled one) once, on first call. */
  catalog(): Promise<Catalog>;
  opener: Opener;
  now(): Date;
  /** Waits, or rejects when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Calls `fire` once, `ms` from now by the clock of now() and sleep(); the function returned cancels it. */
  after(ms: number, fire: () => void): () => void;
  /**
   * A progress bar on stderr, when stderr is a terminal (else undefined): `format` is
   * cli-progress's ({bar}, {value}, {total}, {duration_formatted}, and the fields' names).
   */
  progressBar?(total: number, format: string, fields: Record<string, string>): Promise<ProgressBar>;
  /** The HTTP client of `check`. */
  http: HttpClient;
  /** The results of earlier checks. */
  checks: CheckStore;
  /** What enrich read of links' own pages (#27); the catalog has them merged already. */
  facts: FactsStore;
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
  /**
   * The catalog of the page an entry links to (a markdown file or a repository), as --from
   * loads it (#18); throws a UsageError when the entry links to something else.
   */
  follow?(catalog: Catalog, entry: Entry): Promise<Catalog>;
  /** One's own layer over the page: done, opened, notes, own tags (#16). */
  state: StateStore;
  /** A number in [0, 1): which entry `random` picks. */
  random(): number;
  /**
   * Lets the user edit `text` in $VISUAL or $EDITOR (a temporary file named after `name`);
   * resolves to the text saved. Throws UsageError when the editor fails. Undefined without a
   * terminal to run an editor on (standard input not one, or nothing to draw on).
   */
  edit?: (text: string, name: string) => Promise<string>;
  /** The bytes of a regular file, or of standard input for "-"; throws UsageError naming it. */
  readInput(path: string): Promise<Uint8Array>;
  /** Writes a file atomically; throws a UsageError naming the file when it cannot. */
  writeFile(path: string, data: string, overwrite: boolean): void;
  /**
   * The one page an editing command may change (#17): the file named by --file or
   * ICP_LINKS_FILE (with a folder, `into`), read; throws a UsageError saying why not.
   */
  editTarget?(into: string | undefined): EditTarget;
  /** Asks a yes/no question on the terminal; undefined when there is no terminal to ask on. */
  confirm?: (question: string) => Promise<boolean>;
}

/** The options of `list` that every command selecting entries shares. */
export interface FilterOptions extends Filters {
  limit?: number;
  /** list and search only (#13). */
  sort?: Sort;
}
