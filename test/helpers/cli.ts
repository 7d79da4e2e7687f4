// Runs the built binary as a user would: a separate process with an isolated environment
// (temporary HOME and XDG folders, a BROWSER that records what it was asked to open).
import { spawn } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./pages";
import { tempDir } from "./temp";

export const BIN = join(ROOT, "bin/icp-links.cjs");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Arguments the recording browser received, one list per launch. */
  opened: string[][];
  home: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string | Buffer;
  /** Leave standard input open (a never-ending pipe) to prove it is not read. */
  holdStdin?: boolean;
  cwd?: string;
  home?: string;
  timeoutMs?: number;
}

export function isolatedHome(): string {
  const home = tempDir("icp-links-test-");
  const recorder = join(home, "browser.sh");
  // Each launch appends its arguments, NUL-separated, then a newline.
  writeFileSync(recorder, `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done >> "${home}/opened"\nprintf '\\n' >> "${home}/opened"\n`);
  chmodSync(recorder, 0o755);
  return home;
}

export function run(args: string[], options: RunOptions = {}): Promise<Run> {
  const home = options.home ?? isolatedHome();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    XDG_CACHE_HOME: join(home, ".cache"),
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_DATA_HOME: join(home, ".local/share"),
    // One's own layer (#16): never the real user's.
    XDG_STATE_HOME: join(home, ".local/state"),
    BROWSER: join(home, "browser.sh"),
    LANG: "C.UTF-8",
    // The run's own temporary folder (test/helpers/temp-folder.ts), so what the binary leaves is seen.
    TMPDIR: tmpdir(),
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd ?? home, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`icp-links ${args.join(" ")} did not finish in time\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const file = join(home, "opened");
      const opened = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => l.split("\0").filter(Boolean)) : [];
      resolve({ code, stdout, stderr, opened, home });
    });
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else if (!options.holdStdin) child.stdin.end();
  });
}

/** Starts icp-links, sends it a signal after `afterMs`, and reports how it ended and how fast. */
/**
 * Runs the binary and sends it `signal`: after `after` ms, or once `after()` is true (polled),
 * which waits for the run to be under way however slowly a busy machine starts it.
 */
export async function interrupted(args: string[], home: string, signal: NodeJS.Signals, after: number | (() => boolean)): Promise<{ code: number | null; stdout: string; msAfterSignal: number }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, XDG_CACHE_HOME: join(home, ".cache"), XDG_STATE_HOME: join(home, ".local/state") } });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  // Listen from the start: a run that ends before the signal must not leave the test waiting.
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  if (typeof after === "number") await new Promise((r) => setTimeout(r, after));
  else for (const start = Date.now(); !after() && Date.now() - start < 60_000; ) await new Promise((r) => setTimeout(r, 20));
  const sent = Date.now();
  child.kill(signal);
  const code = await closed;
  return { code, stdout, msAfterSignal: Date.now() - sent };
}
