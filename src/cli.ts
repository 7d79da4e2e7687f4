// The edge: it builds the real world (printers, loader, cache, opener, HTTP client, prompt,
// clock, signals) from process, the modules of io/ and each feature's edges (the files whose first
// comment line says "Edge:"), runs main(), and sets the exit code.
// Nothing below the command layer touches process, the file system, the network or a browser.
import { readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Chalk } from "chalk";
import { main, type ProgramHooks } from "./program";
import type { Context, GlobalOptions } from "./command-kit/context";
import type { Catalog } from "./catalog/catalog";
import { buildCatalog } from "./catalog/catalog";
import { ExitCode, UsageError } from "./errors";
import { loadPages, parseMaxSize, type LoadDeps } from "./load/pages";
import { formatSize } from "./text/size";
import { entryCount, type LoadedPage } from "./catalog/entries";
import { readFileCapped } from "./io/read-capped";
import { sanitize } from "./text/sanitize";
import { FileCache, cacheDir } from "./io/cache/page-cache";
import { fileCheckStore, noCheckStore } from "./io/check/store";
import { fileFactsStore, noFactsStore } from "./io/enrich/store";
import { writeError, writeFileAtomic } from "./io/atomic-write";
import { fetchClient } from "./io/http";
import { openEditTarget } from "./io/edit/file";
import { webFetcher } from "./io/web/fetch";
import { webStore } from "./io/web/store";
import { loadRemote } from "./web/remote";
import { followEntry, followSpec } from "./web/follow";
import { confineFollowed } from "./io/confine";
import { splitPageList } from "./catalog/address";
import { downloadProgress } from "./web/progress";
import { terminalProgressBar } from "./io/progress-bar";
import { systemOpener } from "./io/opener";
import { chooser } from "./io/chooser";
import { interruption } from "./io/interruption";
import { colorLevel, terminalWidth } from "./io/terminal";
import { processOutput, type Output } from "./io/output";
import { chalkStyle, type View } from "./render/style";
import { disabledStateStore, fileStateStore, stateDir, stateDisabled } from "./io/state/store";
import { editText } from "./io/editor";

declare const __VERSION__: string;
/** A hash of the sources the bundle was built from: the cache never trusts another build's files. */
declare const __BUILD_ID__: string;

/** The bundled page, found next to the installed package, never relative to the current folder. */
const BUNDLED_PAGE = fileURLToPath(new URL("../data/inside-icp.md", import.meta.url));
/** The cache entry of the bundled page, made by the build: a first run needs no parser. */
const SEED_CACHE = fileURLToPath(new URL("./seed-cache", import.meta.url));

const env = process.env;
const USER_AGENT = `icp-links/${__VERSION__} (+https://www.npmjs.com/package/icp-links)`;
/** The time limit of downloading a page from the web, body included. */
const WEB_TIMEOUT_MS = 30_000;

/** A write to stdout or stderr failed. */
function onOutputError(name: "stdout" | "stderr") {
  return (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") {
      // The reader left: nothing more to say, and nothing went wrong.
      process.exit(process.exitCode ?? 0);
    }
    if (name === "stdout") stderr.write(`icp-links: cannot write to standard output: ${error.message} (check the disk or the pipe)\n`);
    process.exit(ExitCode.usage);
  };
}
// Written with write(2) where the descriptor cannot be a terminal: no stream stack at start (#4).
const stdout = processOutput(1, onOutputError("stdout"));
const stderr = processOutput(2, onOutputError("stderr"));

// Node's own warnings (TimeoutOverflowWarning and the like) are not the user's business: the
// options are bounded so that none should arise, and any that does goes to stderr only under
// --debug (#12).
let showNodeWarnings = false;
process.removeAllListeners("warning");
process.on("warning", (warning) => {
  if (showNodeWarnings) stderr.write(`icp-links: node: ${warning.name}: ${warning.message}\n`);
});

function viewOf(output: Output, noColorFlag: boolean): View {
  const isTTY = output.isTTY;
  const level = colorLevel({ noColorFlag, env, isTTY });
  return { tty: isTTY, width: terminalWidth(output.columns, env), style: chalkStyle(new Chalk({ level })) };
}

async function readStdin(limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
}

/** The pages named by --file, else by ICP_LINKS_FILE; none when it is the bundled page. */
function namedPages(globals: GlobalOptions): string[] {
  if (globals.file && globals.file.length > 0) return globals.file;
  // A URL's own colons do not separate (#18).
  const fromEnv = env.ICP_LINKS_FILE === undefined ? [] : splitPageList(env.ICP_LINKS_FILE, delimiter);
  // Standard input is read only for --file - (#12): a variable set long ago must not make every
  // command wait on the terminal, or read a pipe that was meant for something else.
  if (fromEnv.includes("-")) throw new UsageError("ICP_LINKS_FILE names '-', but only --file - reads standard input", "use --file - to read a page from standard input, or name files in ICP_LINKS_FILE");
  return fromEnv;
}

function pageSpecs(globals: GlobalOptions): string[] {
  const named = namedPages(globals);
  return named.length > 0 ? named : [BUNDLED_PAGE];
}

/** A yes/no question on the terminal (check --fix), when standard input and error are one. */
function terminalConfirm(): ((question: string) => Promise<boolean>) | undefined {
  if (!process.stdin.isTTY || !stderr.isTTY) return undefined;
  return async (question) => {
    const { createInterface } = await import("node:readline/promises");
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
    } finally {
      prompt.close();
    }
  };
}

function cacheEnabled(globals: GlobalOptions): boolean {
  return globals.cache !== false && env.ICP_LINKS_NO_CACHE !== "1";
}

/** One's own layer (#16): in $XDG_STATE_HOME/icp-links, off with --no-state or ICP_LINKS_NO_STATE=1. */
function stateStore(globals: GlobalOptions) {
  const dir = stateDir(env, homedir());
  if (stateDisabled(env, globals.state)) return disabledStateStore(`${dir}/state.json`);
  // Test-only: a writer that stops between writing and renaming, for the kill-mid-write test.
  const pause = env.ICP_LINKS_TEST_PAUSE_STATE_WRITE === "1";
  return fileStateStore({
    dir,
    uid: process.getuid?.(),
    ...(pause && {
      beforeRename: () => {
        stderr.write("icp-links: paused before rename\n");
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      },
    }),
  });
}

/** A page without a single link is said so on stderr, not left as a silent empty list (#12). */
function warnEmptyPages(pages: LoadedPage[]): void {
  for (const loaded of pages) {
    const { page } = loaded;
    if (entryCount(loaded) > 0) continue;
    const name = page.source === "-" ? "standard input" : sanitize(page.source);
    stderr.write(`icp-links: ${name}: no links found (a link is a markdown link [title](url) or a bare http(s) URL)\n`);
  }
}

function makeContext(globals: GlobalOptions): Context {
  let catalog: Promise<Catalog> | undefined;
  let interrupt: ReturnType<typeof interruption> | undefined;
  showNodeWarnings = Boolean(globals.debug);
  const debugError = globals.debug ? (what: string, error: unknown) => stderr.write(`icp-links: ${what}: ${(error as Error).message}\n`) : undefined;
  const cacheFolder = cacheDir(env, homedir());
  // The facts enrich read of links (#27): part of the cache, so --no-cache neither reads nor writes them.
  const facts = cacheEnabled(globals) ? fileFactsStore(cacheFolder, () => Date.now(), { uid: process.getuid?.(), onError: debugError }) : noFactsStore();
  // maxBytes is checked when a page is read (#12), so that --help or completion never fail on it.
  const deps: Omit<LoadDeps, "maxBytes"> = {
    // Synchronous reads: a one-shot command has nothing to do meanwhile, and fs/promises costs
    // 2 ms to load at every start (#4).
    fs: {
      stat: async (path) => statSync(path),
      readFile: async (path, limit) => readFileCapped(path, limit),
      readdir: async (path) => readdirSync(path, { withFileTypes: true }),
    },
    readStdin,
    // A page of a folder that cannot be read is skipped, in one line (#22).
    warn: (text) => stderr.write(`icp-links: ${sanitize(text.replace(/\s*[\r\n]+\s*/g, " "))}\n`),
    cache: cacheEnabled(globals)
      ? new FileCache({ dir: cacheFolder, seeds: [{ page: BUNDLED_PAGE, dir: SEED_CACHE }], build: __BUILD_ID__, uid: process.getuid?.(), onError: debugError })
      : undefined,
    // The markdown parser and gray-matter load only when a page must be parsed.
    parse: async (text, source) => (await import("./catalog/parse-page")).parsePage(text, source),
    remote: (spec) =>
      loadRemote(spec, {
        fetch: webFetcher(USER_AGENT),
        ...(cacheEnabled(globals) ? { store: webStore({ dir: join(cacheFolder, "web"), uid: process.getuid?.(), maxBytes: parseMaxSize(env.ICP_LINKS_MAX_SIZE), ...(debugError ? { onError: debugError } : {}) }) } : {}),
        now: () => Date.now(),
        maxBytes: parseMaxSize(env.ICP_LINKS_MAX_SIZE),
        timeoutMs: WEB_TIMEOUT_MS,
        maxAgeMs: globals.maxAge ?? 0,
        note: (text) => stderr.write(text),
        ...(stderr.isTTY ? { progress: (source: string) => downloadProgress(source, stderr) } : {}),
      }),
  };
  const load = (specs: string[]) =>
    loadPages({ ...deps, maxBytes: parseMaxSize(env.ICP_LINKS_MAX_SIZE) }, specs).then((loaded) => {
      warnEmptyPages(loaded);
      return buildCatalog(loaded, undefined, facts.load());
    });
  return {
    out: stdout,
    err: stderr,
    view: viewOf(stdout, globals.color === false),
    errView: viewOf(stderr, globals.color === false),
    env,
    platform: process.platform,
    json: Boolean(globals.json),
    // --from: the page that an entry of the named pages links to, instead of them (#18).
    catalog: () => (catalog ??= Promise.resolve().then(() => load(pageSpecs(globals))).then((first) => (globals.from === undefined ? first : load([confineFollowed(followSpec(first, globals.from))])))),
    follow: (from, entry) => load([confineFollowed(followEntry(from, entry))]),
    opener: systemOpener(env),
    now: () => new Date(),
    sleep: async (ms, signal) => (await import("node:timers/promises")).setTimeout(ms, undefined, { signal }),
    after: (ms, fire) => {
      const timer = setTimeout(fire, ms);
      return () => clearTimeout(timer);
    },
    // process.stderr is touched only when a bar is drawn: its stream costs 2–3 ms to set up.
    ...(stderr.isTTY ? { progressBar: (total, format, fields) => terminalProgressBar(process.stderr, total, format, fields) } : {}),
    http: fetchClient(USER_AGENT),
    // The results store is part of the cache: --no-cache neither reads nor writes it (#12).
    checks: cacheEnabled(globals) ? fileCheckStore(cacheFolder, () => Date.now(), { uid: process.getuid?.(), onError: debugError }) : noCheckStore(),
    facts,
    interruption: () => (interrupt ??= interruption()),
    // Looked up when pick asks: it touches process.stdin, whose stream costs 2–3 ms to set up.
    get choose() {
      return chooser();
    },
    state: stateStore(globals),
    random: Math.random,
    // Looked up when note asks (process.stdin's stream costs 2–3 ms to set up): an editor needs a terminal.
    get edit() {
      return process.stdin.isTTY && (stdout.isTTY || stderr.isTTY) ? (text: string, name: string) => editText(env, text, name) : undefined;
    },
    readInput: async (path) => {
      const limit = parseMaxSize(env.ICP_LINKS_MAX_SIZE);
      if (path === "-") return readStdin(limit);
      let stats;
      try {
        stats = statSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(`cannot read ${path}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`, "check the path");
      }
      // Looked at before it is opened: a FIFO or a device is not a file to import.
      if (!stats.isFile()) throw new UsageError(`cannot read ${path}: not a regular file`, "give a regular file, or - for standard input");
      if (stats.size > limit) throw new UsageError(`cannot read ${path}: larger than ${formatSize(limit)}`, "set ICP_LINKS_MAX_SIZE");
      try {
        return readFileCapped(path, limit);
      } catch (error) {
        throw new UsageError(`cannot read ${path}: ${(error as Error).message}`, "check its permissions");
      }
    },
    editTarget: (into) => openEditTarget({ specs: namedPages(globals), into, maxBytes: parseMaxSize(env.ICP_LINKS_MAX_SIZE), bundled: BUNDLED_PAGE }),
    get confirm() {
      return terminalConfirm();
    },
    writeFile: (path, data, overwrite) => {
      try {
        writeFileAtomic(path, data, { overwrite });
      } catch (error) {
        throw writeError(path, error);
      }
    },
  };
}

const hooks: ProgramHooks = {
  context: makeContext,
  version: __VERSION__,
  write: (stream, text) => (stream === "out" ? stdout : stderr).write(text),
};

// Not a top-level await: the bundle is CommonJS (scripts/build.mjs).
void main(process.argv.slice(2), hooks).then((code) => {
  process.exitCode = code;
});
