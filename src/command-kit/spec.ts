// Commands and options are data (STYLE.md, "Options are data"): program.ts turns these
// declarations into commander commands, and the README's option tables come from the same place.
import { InvalidArgumentError } from "commander";
import type { Context } from "./context";
import { KINDS } from "../catalog/types";
import { parseKind, parseLength, parseSort, parseYears, SORTS, timeSpanSeconds } from "../search/filters";
import { ValueError } from "../errors";

export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: unknown;
  /** Turns the option's text into its value; throws InvalidArgumentError on bad input. */
  parse?: (value: string, previous: unknown) => unknown;
}

export interface CommandSpec<O = Record<string, unknown>> {
  name: string;
  /** "<query...>", "[ref...]" */
  args?: string;
  summary: string;
  /** Left out of --help and of the completion scripts (internal helpers). */
  hidden?: boolean;
  /** Arguments that look like options are arguments ("tag 3 -rewatch"; #16). */
  optionLikeArgs?: boolean;
  /** Its arguments are search words: an unknown option "-word" was meant to leave a word out, and its error says how (#22). */
  queryArgs?: boolean;
  options: OptionSpec[];
  examples: string[];
  /**
   * What this command's exit codes other than 0 mean, for its --help: [code, meaning]. 2 (usage
   * or input error) and 130/143 (signals) are added unless given; a code not listed is not used.
   */
  exitCodes?: [string, string][];
  run(ctx: Context, args: string[], options: O): Promise<void>;
}

export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError("expected a whole number of 1 or more");
  return Number(value);
}

/**
 * A core parser as an option's parser: its ValueError becomes commander's InvalidArgumentError, so
 * a bad value is a usage error when the option is read, before any page loads (#13).
 */
export function parsed<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      throw new InvalidArgumentError(`${error.message}${error.hint ? ` (${error.hint})` : ""}`);
    }
  };
}

/** `parsed`, keeping the option's text: for filters whose text the core reads again. */
function checked(check: (value: string) => unknown): (value: string) => string {
  return (value) => (parsed(check)(value), value);
}

export const FILTER_OPTIONS: OptionSpec[] = [
  { flags: "-s, --section <name>", description: "only entries of this section (prefix or whole word, any case)" },
  { flags: "-k, --kind <kind>", description: `only entries of this kind: ${KINDS.join(", ")}`, parse: checked(parseKind) },
  { flags: "-p, --speaker <name>", description: "only talks by this speaker (prefix or whole word, any case)" },
  { flags: "--author <name>", description: "only papers and articles by this author (prefix or whole word, any case)" },
  { flags: "-t, --tag <tag>", description: "only entries with this tag" },
  { flags: "--year <years>", description: "only talks of this year or range: 2014, 2010..2015, 2010.., ..2015", parse: checked(parseYears) },
  { flags: "--event <name>", description: "only talks given at this event (prefix or whole word, any case and accents)" },
  { flags: "--min-length <length>", description: "only talks at least this long: 20m, 1h30m, 1.5h, 90s, 1:04:34", parse: checked((v) => parseLength(v, "--min-length")) },
  { flags: "--max-length <length>", description: "only talks at most this long", parse: checked((v) => parseLength(v, "--max-length")) },
];

/** --todo and --done: the filters of one's own layer (#16), which list, search, pick, check and export take. */
export const STATE_FILTER_OPTIONS: OptionSpec[] = [
  { flags: "--todo", description: "only entries not marked done" },
  { flags: "--done", description: "only entries marked done" },
];

export const SORT_OPTION: OptionSpec = {
  flags: "--sort <order>",
  description: `order: ${SORTS.join(", ")} (default: position; for search it replaces ranking)`,
  parse: parsed(parseSort),
};

/** Declared once for every command that turns entries into URLs: open, pick, next, random, check, export (#15). */
export const BASE_URL_OPTION: OptionSpec = { flags: "--base-url <url>", description: "base URL for site links such as /dfinity-overview (also ICP_LINKS_BASE_URL)" };

/**
 * -o and --force, for every command that writes a file (export, state export): one wording and
 * one behaviour (ctx.writeFile, atomic). `when` names the action they apply to, if not all.
 */
export function outputOptions(when?: string): OptionSpec[] {
  const prefix = when === undefined ? "" : `${when}: `;
  return [
    { flags: "-o, --output <file>", description: `${prefix}write to this file (atomically) instead of standard output` },
    { flags: "--force", description: `${prefix}replace the output file if it exists` },
  ];
}

export const LIMIT_OPTION: OptionSpec = { flags: "-n, --limit <n>", description: "show at most n entries", parse: positiveInteger };

/** Every argument, repeatable: --file a --file b. */
export function collect(value: string, previous: unknown): string[] {
  return [...((previous as string[] | undefined) ?? []), value];
}

/** --max-age: a length of time as search/filters.ts's timeSpanSeconds() reads it ("90s", "7d", "1h30m") → milliseconds. */
export function parseDuration(text: string): number {
  const seconds = timeSpanSeconds(text);
  if (seconds === undefined) throw new InvalidArgumentError("expected a duration such as 90s, 30m, 12h, 7d or 1h30m");
  return seconds * 1000;
}

/** The options every command takes (before or after its name). --version and --help are commander's. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { flags: "-f, --file <path>", description: "a page, a folder of .md pages, a URL, github:owner/repo, or - for standard input (repeatable; also ICP_LINKS_FILE)", parse: collect },
  { flags: "--from <ref>", description: "run on the page that this entry links to (a markdown file or a repository)" },
  { flags: "--max-age <duration>", description: "reuse web pages and check results younger than this (90s, 30m, 12h, 7d, 1h30m)", parse: parseDuration },
  { flags: "--json", description: "print JSON: one document on stdout and nothing else" },
  { flags: "--no-color", description: "no colour, even on a terminal" },
  { flags: "--no-cache", description: "do not read or write the page cache" },
  { flags: "--no-state", description: "do not read or write your marks, notes and tags (also ICP_LINKS_NO_STATE=1)" },
  { flags: "--debug", description: "print stack traces of errors" },
];
