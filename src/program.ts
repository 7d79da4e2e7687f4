// The command line, declared: commander is built here from the command specs, and main()
// runs one command line against an injected world. Nothing here touches process or fs.
import { Command, CommanderError, Option } from "commander";
import { GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from "./command-kit/spec";
import type { Context, GlobalOptions } from "./command-kit/context";
import { list } from "./commands/list";
import { search } from "./commands/search";
import { open } from "./commands/open";
import { show } from "./commands/show";
import { authors, events, sections, speakers, years } from "./commands/facets";
import { check } from "./commands/check";
import { enrich } from "./commands/enrich";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { complete, completionCommand } from "./commands/completion";
import { pick } from "./commands/pick";
import { done, undone } from "./commands/done";
import { next, random } from "./commands/next";
import { recent } from "./commands/recent";
import { note } from "./commands/note";
import { tag } from "./commands/tag";
import { state } from "./commands/state";
import { add } from "./commands/add";
import { remove } from "./commands/remove";
import { move } from "./commands/move";
import { ExitCode, IcpError, NotFoundError, QuietExit, ValueError } from "./errors";
import { sanitize } from "./text/sanitize";
import { TOPICS } from "./docs/topics";
import { topicText } from "./render/topic";

/** Every command, in the order of --help. Each declares its options; runs get them typed. */
export const COMMANDS: CommandSpec<never>[] = [
  list, search, open, show, pick, sections, speakers, authors, events, years, check, enrich, exportCommand, importCommand,
  // One's own layer over the page (#16).
  done, undone, next, random, recent, note, tag, state,
  // Editing the page (#17).
  add, remove, move,
  completionCommand(() => COMMANDS), complete,
] as CommandSpec<never>[];

export const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    nothing found: a search without match, an unknown or ambiguous ref;
       next/random: nothing left that is not done; recent: nothing opened yet;
       check: a broken link (with --strict, also a blocked or error one);
       add: the URL is already on the page
  2    usage or input error: a bad option, an unreadable or invalid page;
       editing: no page of one's own, a page changed since it was read
  3    check, enrich: offline (no name resolved, no network); nothing reported or stored
  130  interrupted (Ctrl-C); 143: stopped by SIGTERM`;

/** The exit codes one command uses (#12: each --help shows only its own). */
export function commandExitCodesHelp(spec: CommandSpec<never>): string {
  const given = new Map(spec.exitCodes ?? []);
  const codes: [string, string][] = [
    ["0", "success"],
    ...(spec.exitCodes ?? []).filter(([code]) => code !== "2" && code !== "130"),
    ["2", given.get("2") ?? "usage or input error: a bad option, an unreadable or invalid page"],
    ["130", given.get("130") ?? "interrupted (Ctrl-C); 143: stopped by SIGTERM"],
  ];
  return `\nExit codes:\n${codes.map(([code, meaning]) => `  ${code.padEnd(5)}${meaning}`).join("\n")}`;
}

export const ENVIRONMENT_HELP = `
Environment:
  ICP_LINKS_FILE       page(s) to read instead of the bundled one (paths or URLs separated by ':')
  ICP_LINKS_BASE_URL   base URL for site links such as /dfinity-overview
  ICP_LINKS_MAX_SIZE   largest page to read, in MB (default 64)
  ICP_LINKS_NO_CACHE=1 do not read or write the page cache (as --no-cache)
  ICP_LINKS_NO_STATE=1 do not read or write your marks, notes and tags (as --no-state)
  XDG_CACHE_HOME       the cache is in $XDG_CACHE_HOME/icp-links, else ~/.cache/icp-links
  XDG_STATE_HOME       your marks, notes and tags are in $XDG_STATE_HOME/icp-links/state.json,
                       else ~/.local/state/icp-links/state.json
  VISUAL, EDITOR       the editor of 'note <ref>' without text (default vi)
  BROWSER              browser command(s) for 'open', separated by ':' and tried in order;
                       %s in one is replaced by the URL, else the URL is appended
  NO_COLOR, FORCE_COLOR, TERM=dumb, COLUMNS   colour and width of terminal output`;

/** What the tool is, for --help, the reference and the man page. */
export const DESCRIPTION = "Browse curated markdown link pages in the terminal: list, search and open talks, articles and forum links.\nWithout --file it reads the bundled page, 'Inside the Internet Computer'.";

export interface ProgramHooks {
  /** Builds the context once the global options are known. */
  context(globals: GlobalOptions): Context;
  version: string;
  write(stream: "out" | "err", text: string): void;
}

function addOption(command: Command, spec: OptionSpec): void {
  const option = new Option(spec.flags, spec.description);
  if (spec.parse) option.argParser(spec.parse as (value: string, previous: unknown) => unknown);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  command.addOption(option);
}

export function buildProgram(hooks: ProgramHooks, run: (spec: CommandSpec<never>, args: string[], command: Command) => Promise<void>, argv: readonly string[] = []): Command {
  const program = new Command("icp-links")
    .description(DESCRIPTION)
    .version(hooks.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    // Each command's --help lists the options every command takes, too (#12).
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => hooks.write("out", text),
      writeErr: (text) => hooks.write("err", text),
      // Commander's own usage errors get our one-line shape; the exit code is mapped in main().
      // Arguments are echoed in these messages: they are sanitised like page text (#7).
      outputError: (text, write) => write(commanderError(text)),
    })
    .addHelpText("after", `\nExamples:\n  icp-links list\n  icp-links search consensus\n  icp-links open consensus-overview\n${EXIT_CODES_HELP}\n${ENVIRONMENT_HELP}\n\nTopics (icp-links help <topic>): ${Object.keys(TOPICS).join(", ")}\n`);

  for (const option of GLOBAL_OPTIONS) addOption(program, option);
  // Each command is declared with its name, arguments and summary (what the program's --help
  // and its suggestions need); its options, examples and action are added when commander is
  // about to run it: a start builds one command's options, not all of them (#4). A command
  // named anywhere in the command line is completed at once, for `icp-links help <command>`,
  // whose help commander prints without that hook. Subcommands inherit exitOverride and the
  // output configuration from the program.
  const pending = new Map<Command, CommandSpec<never>>();
  for (const spec of COMMANDS) {
    const command = program.command(spec.name, spec.hidden ? { hidden: true } : {}).summary(spec.summary).description(spec.summary);
    if (spec.args) command.arguments(spec.args);
    if (argv.includes(spec.name)) declareCommand(command, spec, run, hooks, argv);
    else pending.set(command, spec);
  }
  program.hook("preSubcommand", (_program, command) => {
    const spec = pending.get(command);
    if (spec === undefined) return;
    pending.delete(command);
    declareCommand(command, spec, run, hooks, argv);
  });
  return program;
}

/** A commander error in the one-line shape. */
function commanderError(text: string): string {
  return `icp-links: ${sanitize(text.replace(/^error: /, "").trim())} (see 'icp-links --help')\n`;
}

/**
 * The command line again with the search words after "--": options (and their values) before it,
 * as they were; "icp-links search consensus -manu" → "icp-links search -- consensus -manu".
 */
export function queryAfterDashes(spec: Pick<CommandSpec<never>, "name" | "options">, argv: readonly string[]): string {
  const at = argv.indexOf(spec.name);
  const before = argv.slice(0, at + 1);
  const options: string[] = [];
  const words: string[] = [];
  const flags = [...spec.options, ...GLOBAL_OPTIONS].map((o) => ({ names: o.flags.split(/[ ,]+/).filter((f) => f.startsWith("-")), value: /[<[]/.test(o.flags) }));
  const rest = argv.slice(at + 1);
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    const flag = flags.find((f) => f.names.includes(word.replace(/=.*$/, "")));
    if (word === "--") continue;
    if (!flag) words.push(word);
    else {
      options.push(word);
      if (flag.value && !word.includes("=") && i + 1 < rest.length) options.push(rest[++i]!);
    }
  }
  const quote = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`);
  return ["icp-links", ...before, ...options, "--", ...words].map(quote).join(" ");
}

function declareCommand(command: Command, spec: CommandSpec<never>, run: (spec: CommandSpec<never>, args: string[], command: Command) => Promise<void>, hooks: ProgramHooks, argv: readonly string[]): void {
  for (const option of spec.options) addOption(command, option);
  if (spec.optionLikeArgs) command.allowUnknownOption();
  if (spec.queryArgs) {
    command.configureOutput({
      writeOut: (text) => hooks.write("out", text),
      writeErr: (text) => hooks.write("err", text),
      outputError: (text, write) => {
        const unknown = /unknown option '(-[^-'][^']*)'/.exec(text)?.[1];
        write(unknown === undefined ? commanderError(text) : `icp-links: unknown option '${sanitize(unknown)}' (to leave a word out, put the query after --: ${sanitize(queryAfterDashes(spec, argv))})\n`);
      },
    });
  }
  command.addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join("\n")}\n${commandExitCodesHelp(spec)}\n`);
  command.action(async (...params: unknown[]) => {
    // commander passes the declared arguments, then the options object, then the command.
    const cmd = params.at(-1) as Command;
    const args = params.slice(0, -2).flatMap((p) => (p === undefined ? [] : Array.isArray(p) ? p.map(String) : [String(p)]));
    await run(spec, args, cmd);
  });
}

/** Runs one command line. Returns the exit code; never throws, never exits. */
export async function main(argv: string[], hooks: ProgramHooks): Promise<ExitCode> {
  let debug = argv.includes("--debug");
  let ctx: Context | undefined;
  const program = buildProgram(hooks, async (spec, args, command) => {
    const globals = command.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
    debug = Boolean(globals.debug);
    ctx = hooks.context(globals);
    // With the global options: --max-age is one of them, and check reads it (#18).
    await spec.run(ctx, args, command.optsWithGlobals() as never);
  }, argv);
  if (argv.length === 0) {
    program.outputHelp();
    return ExitCode.ok;
  }
  // `help nope`: commander prints the whole help on stderr; one line says what is wrong (#12).
  const helpIndex = argv.findIndex((a) => !a.startsWith("-"));
  const helpFor = argv[helpIndex + 1];
  // `help <topic>`: a topic of the reference (docs/topics/), as plain text (#25).
  if (argv[helpIndex] === "help" && helpFor !== undefined && Object.hasOwn(TOPICS, helpFor)) {
    hooks.write("out", topicText(TOPICS[helpFor]!));
    return ExitCode.ok;
  }
  if (argv[helpIndex] === "help" && helpFor !== undefined && !COMMANDS.some((c) => c.name === helpFor && !c.hidden)) {
    hooks.write("err", `icp-links: unknown command '${sanitize(helpFor)}' (see 'icp-links --help' for the commands)\n`);
    return ExitCode.usage;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return ExitCode.ok;
  } catch (error) {
    return reportError(error, hooks, debug);
  }
}

function reportError(error: unknown, hooks: ProgramHooks, debug: boolean): ExitCode {
  if (error instanceof CommanderError) {
    // --help and --version end with exit code 0; every other commander error is a usage error.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof QuietExit) return error.exitCode;
  // A bad value from the core (a --kind, a query) is the command line's usage error.
  if (error instanceof IcpError || error instanceof ValueError) {
    const hint = error.hint ? ` (${error.hint})` : "";
    hooks.write("err", `icp-links: ${sanitize(error.message)}${sanitize(hint)}\n`);
    if (error instanceof NotFoundError && error.suggestions.length > 0 && !error.hint?.startsWith("did you mean")) {
      hooks.write("err", error.suggestions.map((s) => `  ${sanitize(s.id)}  ${sanitize(s.title)}\n`).join(""));
    }
    if (debug && error.stack) hooks.write("err", `${error.stack}\n`);
    return error instanceof IcpError ? error.exitCode : ExitCode.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  hooks.write("err", `icp-links: internal error: ${sanitize(message)} (please report it; run with --debug for details)\n`);
  if (debug && error instanceof Error && error.stack) hooks.write("err", `${error.stack}\n`);
  return ExitCode.usage;
}
