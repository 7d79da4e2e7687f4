// The edge: it builds the real world (printers, loader, cache, opener, HTTP client, prompt,
// clock, signals) from process and the modules of io/, runs main(), and sets the exit code.
// Nothing below the command layer touches process, the file system, the network or a browser.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Chalk } from "chalk";
import { main, type ProgramHooks } from "./program";
import type { Context, GlobalOptions } from "./commands/context";
import type { Catalog } from "./catalog/types";
import { buildCatalog } from "./catalog/build-catalog";
import { ExitCode, UsageError } from "./errors";
import { DEFAULT_MAX_BYTES, fileError, loadPages, type LoadDeps } from "./io/load";
import { FileCache, cacheDir } from "./io/cache";
import { fileCheckStore } from "./io/check-store";
import { writeFileAtomic } from "./io/atomic-write";
import { fetchClient } from "./io/http";
import { webFetcher } from "./io/web-fetch";
import { webStore } from "./io/web-store";
import { loadRemote } from "./web/remote";
import { followSpec } from "./web/follow";
import { splitPageList } from "./web/address";
import { downloadProgress } from "./io/download-progress";
import { systemOpener } from "./io/opener";
import { chooser } from "./io/chooser";
import { interruption } from "./io/interruption";
import { colorLevel, terminalWidth } from "./io/terminal";
import { processOutput, type Output } from "./io/output";
import { chalkStyle, type View } from "./render/style";

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

function maxBytes(): number {
  const mb = Number(env.ICP_LINKS_MAX_SIZE);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_MAX_BYTES;
}

function pageSpecs(globals: GlobalOptions): string[] {
  if (globals.file && globals.file.length > 0) return globals.file;
  const fromEnv = env.ICP_LINKS_FILE === undefined ? undefined : splitPageList(env.ICP_LINKS_FILE, delimiter);
  return fromEnv && fromEnv.length > 0 ? fromEnv : [BUNDLED_PAGE];
}

/** An output file that cannot be written: the same messages as for input, said of output. */
function outputError(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new UsageError(`cannot write ${path}: its folder does not exist`, "create the folder first, or choose another path");
  const e = fileError(path, error);
  return new UsageError(`cannot write ${e.message}`, e.hint);
}

function cacheEnabled(globals: GlobalOptions): boolean {
  return globals.cache !== false && env.ICP_LINKS_NO_CACHE !== "1";
}


function makeContext(globals: GlobalOptions): Context {
  let catalog: Promise<Catalog> | undefined;
  let interrupt: ReturnType<typeof interruption> | undefined;
  const debugError = globals.debug ? (what: string, error: unknown) => stderr.write(`icp-links: ${what}: ${(error as Error).message}\n`) : undefined;
  const cacheFolder = cacheDir(env, homedir());
  const deps: LoadDeps = {
    // Synchronous reads: a one-shot command has nothing to do meanwhile, and fs/promises costs
    // 2 ms to load at every start (#4).
    fs: {
      stat: async (path) => statSync(path),
      readFile: async (path) => readFileSync(path),
      readdir: async (path) => readdirSync(path, { withFileTypes: true }),
    },
    readStdin,
    maxBytes: maxBytes(),
    cache: cacheEnabled(globals)
      ? new FileCache({ dir: cacheFolder, seeds: [{ page: BUNDLED_PAGE, dir: SEED_CACHE }], build: __BUILD_ID__, uid: process.getuid?.(), onError: debugError })
      : undefined,
    // The markdown parser and gray-matter load only when a page must be parsed.
    parse: async (text, source) => (await import("./catalog/parse-page")).parsePage(text, source),
    remote: (spec) =>
      loadRemote(spec, {
        fetch: webFetcher(USER_AGENT),
        ...(cacheEnabled(globals) ? { store: webStore({ dir: join(cacheFolder, "web"), uid: process.getuid?.(), maxBytes: deps.maxBytes, ...(debugError ? { onError: debugError } : {}) }) } : {}),
        now: () => Date.now(),
        maxBytes: deps.maxBytes,
        timeoutMs: WEB_TIMEOUT_MS,
        maxAgeMs: globals.maxAge ?? 0,
        note: (text) => stderr.write(text),
        ...(stderr.isTTY ? { progress: (source: string) => downloadProgress(source, stderr) } : {}),
      }),
  };
  const load = (specs: string[]) =>
    loadPages(deps, specs).then((loaded) =>
      buildCatalog(loaded.map((l) => l.page), loaded.length === 1 ? { lazy: loaded[0]!.lazy, text: loaded[0]!.text } : {}),
    );
  return {
    out: stdout,
    err: stderr,
    view: viewOf(stdout, globals.color === false),
    errView: viewOf(stderr, globals.color === false),
    env,
    json: Boolean(globals.json),
    // --from: the page that an entry of the named pages links to, instead of them (#18).
    catalog: () => (catalog ??= load(pageSpecs(globals)).then((first) => (globals.from === undefined ? first : load([followSpec(first, globals.from)])))),
    opener: systemOpener(env),
    now: () => new Date(),
    sleep: async (ms, signal) => (await import("node:timers/promises")).setTimeout(ms, undefined, { signal }),
    http: fetchClient(USER_AGENT),
    checks: fileCheckStore(cacheFolder, () => Date.now(), debugError),
    interruption: () => (interrupt ??= interruption()),
    // Looked up when pick asks: it touches process.stdin, whose stream costs 2–3 ms to set up.
    get choose() {
      return chooser();
    },
    writeFile: (path, data, overwrite) => {
      try {
        writeFileAtomic(path, data, { overwrite });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`${path} exists`, "add --force to replace it");
        throw outputError(path, error);
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
