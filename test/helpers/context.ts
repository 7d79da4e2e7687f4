// An in-memory world for running main() in-process: printers that record, an opener that
// records, a page given as text, an HTTP client that answers from a table. No terminal, no
// browser, no network, no disk.
import type { ChooseConfig, Context, GlobalOptions } from "../../src/command-kit/context";
import type { Entry, Page } from "../../src/catalog/types";
import type { LoadedPage } from "../../src/catalog/entries";
import { pack, unpack } from "../../src/cache/format";
import { checksum } from "../../src/cache/checksum";
import { assignIds } from "../../src/catalog/ids";
import type { Catalog } from "../../src/catalog/catalog";
import type { OpenRequest } from "../../src/io/opener";
import { plainStyle, type Style } from "../../src/render/style";
import { main } from "../../src/program";
import { parsePage } from "../../src/catalog/parse-page";
import { buildCatalog } from "../../src/catalog/catalog";
import type { CheckResult, HttpClient } from "../../src/check/types";
import type { FactsRecord } from "../../src/catalog/link-facts";
import { UsageError, type ExitCode } from "../../src/errors";
import type { StateStore } from "../../src/io/state/store";
import { disabledStateStore, stateDisabled } from "../../src/io/state/store";
import type { StateData } from "../../src/state/model";

/** A state store in memory: `data` is shared by the runs given it, as the file is between processes. */
export function memoryStateStore(data: StateData = new Map()): StateStore & { data: StateData; writes: number } {
  const store = {
    enabled: true,
    file: "/state/icp-links/state.json",
    data,
    writes: 0,
    load: () => store.data,
    update: (change: (d: StateData) => StateData) => {
      const next = change(new Map(store.data));
      store.writes++;
      // Same map object for the caller to read back.
      store.data.clear();
      for (const [k, v] of next) store.data.set(k, v);
      return store.data;
    },
  };
  return store;
}

/** A parsed page as the cache stores and gives it back: stored columns, entries built one by one. */
export function throughCache(page: Page): LoadedPage {
  const loaded = unpack(pack(page, assignIds(page.entries), "test-build", "test-key", checksum), "test-build", "test-key", page.source, checksum);
  if (!loaded) throw new Error("the cache format did not read back what it wrote");
  return loaded;
}

export interface InProcessOptions {
  http?: HttpClient;
  tty?: boolean;
  /** The state store; a fresh empty one by default. */
  state?: StateStore;
  env?: Record<string, string | undefined>;
  random?: () => number;
  /** The editor of `note`: gets the text and returns what the user saved; none by default, as off a terminal. */
  edit?: (text: string, name: string) => Promise<string>;
  now?: Date;
  /** The check results, shared between runs when given. */
  checks?: Map<string, CheckResult>;
  /** The stored facts of links (enrich, #27), shared between runs when given; merged into the catalog as cli.ts does. */
  facts?: Map<string, FactsRecord>;
  /** Files `readInput` can read, by path. */
  inputs?: Record<string, string | Uint8Array>;
  /** The pages --file names, for the editing commands (#17): real files, edited for real. */
  files?: string[];
  /** The edit target, when a test needs to stand between reading and writing. */
  editTarget?: (into: string | undefined) => EditTarget;
  /** A terminal's yes/no answer (check --fix). */
  confirm?: (question: string) => Promise<boolean>;
  /** The interactive chooser of `pick`: gets the prompt's config, returns the chosen position (undefined: the user left). None by default, as off a terminal. */
  choose?: (config: ChooseConfig) => Promise<number | undefined>;
  /** What → in `pick` follows into (#18); none by default. */
  follow?: (catalog: Catalog, entry: Entry) => Promise<Catalog>;
  /** The browser: called before the URL is recorded as opened; throw to be a browser that fails. */
  opener?: (request: OpenRequest) => Promise<void>;
  /** Whether stderr is a terminal ("Opening …", "Wrote …"); false by default. */
  errTty?: boolean;
  /** The page as a warm run reads it: packed into the cache's form and read back (entries built when read). */
  cached?: boolean;
  /** The timers of the Context's clock (Context.after); real timers by default. */
  after?: Context["after"];
  /** The terminal's progress bar (Context.progressBar); none by default, as in a pipe. */
  progressBar?: Context["progressBar"];
  /** How stdout is coloured; plain by default. */
  style?: Style;
}
import { openEditTarget, type EditTarget } from "../../src/io/edit/file";

export interface Recorded {
  code: ExitCode;
  stdout: string;
  stderr: string;
  opened: string[];
  written: Map<string, string>;
}

export async function runInProcess(argv: string[], page: string, options: InProcessOptions = {}): Promise<Recorded> {
  const out = { stdout: "", stderr: "", opened: [] as string[], written: new Map<string, string>() };
  const checks = options.checks ?? new Map<string, CheckResult>();
  const facts = options.facts ?? new Map<string, FactsRecord>();
  // The clock stands still until something sleeps; a sleep moves it on. A clock that never
  // moved made check's per-host wait (--interval) a loop of resolved promises that never ends,
  // not even at the test's timeout (a timer never gets its turn).
  let clock = (options.now ?? new Date("2026-11-23T12:00:00Z")).getTime();
  const view = { tty: options.tty ?? false, width: 80, style: options.style ?? plainStyle };
  const code = await main(argv, {
    version: "0.0.0-test",
    write: (stream, text) => (stream === "out" ? (out.stdout += text) : (out.stderr += text)),
    context: (globals: GlobalOptions): Context => ({
      out: { isTTY: view.tty, write: (t) => (out.stdout += t) },
      err: { isTTY: options.errTty ?? false, write: (t) => (out.stderr += t) },
      view,
      errView: { ...view, tty: options.errTty ?? false },
      env: options.env ?? {},
      platform: "linux",
      json: Boolean(globals.json),
      catalog: async () => buildCatalog([options.cached ? throughCache(parsePage(page, "page.md")) : parsePage(page, "page.md")], undefined, globals.cache === false ? undefined : facts),
      opener: async (request) => {
        await options.opener?.(request);
        out.opened.push(request.url);
      },
      now: () => new Date(clock),
      sleep: async (ms) => void (clock += Math.max(0, ms)),
      // Real timers, as before the clock was injected: in-process runs are not about time limits
      // (test/check/runner.test.ts drives those with a fake clock).
      after:
        options.after ??
        ((ms, fire) => {
          const timer = setTimeout(fire, ms);
          return () => clearTimeout(timer);
        }),
      ...(options.progressBar ? { progressBar: options.progressBar } : {}),
      http: options.http ?? (async () => ({ status: 200, statusText: "OK", header: () => undefined, body: "" })),
      checks: { load: () => checks, save: (results) => results.forEach((r) => checks.set(r.url, r)) },
      facts: globals.cache === false ? { load: () => new Map(), save: () => undefined } : { load: () => facts, save: (records) => records.forEach((r) => facts.set(r.url, r)) },
      interruption: () => ({ signal: new AbortController().signal, exitCode: () => 130 }),
      state: stateDisabled(options.env ?? {}, globals.state) ? disabledStateStore("/state/icp-links/state.json") : (options.state ?? memoryStateStore()),
      random: options.random ?? (() => 0),
      // No editor unless the test gives one: in-process runs have no terminal.
      ...(options.edit ? { edit: options.edit } : {}),
      readInput: async (path) => {
        const text = options.inputs?.[path];
        if (text === undefined) throw new UsageError(`cannot read ${path}: no such file`, "check the path");
        return typeof text === "string" ? new TextEncoder().encode(text) : text;
      },
      writeFile: (path, data) => void out.written.set(path, data),
      editTarget: options.editTarget ?? ((into) => openEditTarget({ specs: globals.file ?? options.files ?? [], into, maxBytes: 64 * 1024 * 1024 })),
      ...(options.confirm ? { confirm: options.confirm } : {}),
      ...(options.choose ? { choose: options.choose } : {}),
      ...(options.follow ? { follow: options.follow } : {}),
    }),
  });
  return { code, ...out };
}
