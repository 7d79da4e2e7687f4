// Opening a URL in the browser: the only code that launches another program for a link.
// URLs never pass through a shell: $BROWSER is split into words and spawned with the URL as
// one argument, and otherwise the `open` package (which spawns xdg-open, open or start) is used.
// Either way the launcher is watched: one that cannot start (ENOENT) or exits non-zero soon
// (the bundled xdg-open exits 3 on a machine without a desktop) is a failure, not "Opening …"
// and exit 0 (#12).
import type { ChildProcess } from "node:child_process";
import { loadOpen } from "./open-package";

export interface OpenRequest {
  url: string;
  /** --browser: an application name for the `open` package. */
  browser?: string;
}

export type Opener = (request: OpenRequest) => Promise<void>;

/** Why no browser could be started; the command turns it into exit 2 with a hint. */
export class BrowserError extends Error {}

/** How long a launcher may take to fail before it is taken as started (a browser may run on). */
const SETTLE_MS = 1500;

/**
 * The commands of $BROWSER, as Python's webbrowser and xdg-utils read it: commands separated by
 * ":", tried in order; in each, a "%s" is replaced by the URL (which stays one argument), else
 * the URL is appended. Words are split at white space, with '…' and "…" quoting a word that
 * holds spaces; no shell ever sees them.
 */
export function browserCommands(value: string, url: string): string[][] {
  return value
    .split(":")
    .map((command) => words(command))
    .filter((argv) => argv.length > 0)
    .map((argv) => (argv.some((w) => w.includes("%s")) ? argv.map((w) => w.replaceAll("%s", url)) : [...argv, url]));
}

/** A command's words: split at white space, quotes grouping (no escapes, no expansion). */
function words(command: string): string[] {
  const out: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(match[1] ?? match[2] ?? match[3]!);
  return out;
}

/**
 * Resolves when the launcher exits 0 or is still running after `settleMs`; rejects when it
 * cannot be started or exits otherwise. Only what is already known counts: a child that has
 * exited before we listen is read from its exitCode.
 */
export function watchLauncher(child: ChildProcess, label: string, settleMs = SETTLE_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.removeListener("error", onError);
      child.removeListener("exit", onExit);
      child.unref();
      if (error) reject(error);
      else resolve();
    };
    const onError = (error: NodeJS.ErrnoException) =>
      done(new BrowserError(error.code === "ENOENT" ? `${label} was not found` : `cannot start ${label}: ${error.message}`));
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      done(code === 0 ? undefined : new BrowserError(`${label} ${code === null ? `was stopped by ${signal}` : `exited with status ${code}`}`));
    const timer = setTimeout(() => done(), settleMs);
    child.once("error", onError);
    child.once("exit", onExit);
    if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
  });
}

async function spawnBrowser(argv: string[], settleMs: number): Promise<void> {
  // Loaded here, not at start-up: only `open` needs it (child_process costs 3 ms to load; #4).
  const { spawn } = await import("node:child_process");
  const [command, ...args] = argv;
  const child = spawn(command!, args, { stdio: "ignore", detached: true, shell: false });
  return watchLauncher(child, `the browser '${command}'`, settleMs);
}

export interface OpenerDeps {
  /** The `open` package (injected by tests: they never launch the system's opener). */
  loadOpen?: typeof loadOpen;
  settleMs?: number;
}

export function systemOpener(env: Record<string, string | undefined>, deps: OpenerDeps = {}): Opener {
  const settleMs = deps.settleMs ?? SETTLE_MS;
  return async ({ url, browser }) => {
    const commands = !browser && env.BROWSER ? browserCommands(env.BROWSER, url) : [];
    if (commands.length > 0) {
      // Each in turn, as webbrowser does; the error of each is kept, so that the last one says all.
      const failed: string[] = [];
      for (const argv of commands) {
        try {
          return await spawnBrowser(argv, settleMs);
        } catch (error) {
          if (!(error instanceof BrowserError)) throw error;
          failed.push(error.message);
        }
      }
      throw new BrowserError(failed.join("; "));
    }
    const { default: open, apps } = await (deps.loadOpen ?? loadOpen)();
    // Only the package's own names: "constructor" or "toString" is an unknown browser, not a property of every object.
    const known = browser && Object.hasOwn(apps, browser) ? (apps as Record<string, string | readonly string[]>)[browser] : undefined;
    let child: ChildProcess;
    try {
      // Not `wait: true`: that would wait for a browser started by `--browser firefox` to quit.
      child = await open(url, browser ? { app: { name: known ?? browser } } : {});
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const label = browser ? `the browser '${browser}'` : "the system's opener";
      throw new BrowserError(code === "ENOENT" ? `${label} was not found` : `cannot start ${label}: ${(error as Error).message}`);
    }
    const launcher = child.spawnfile.split(/[\\/]/).pop() || "the system's opener";
    return watchLauncher(child, browser ? `the browser '${browser}'` : `the system's opener '${launcher}'`, settleMs);
  };
}
