// Opening a URL in the browser: the only code that launches another program for a link.
// URLs never pass through a shell: $BROWSER is split into words and spawned with the URL as
// one argument, and otherwise the `open` package (which spawns xdg-open, open or start) is used.
import { loadOpen } from "./open-package";

export interface OpenRequest {
  url: string;
  /** --browser: an application name for the `open` package. */
  browser?: string;
}

export type Opener = (request: OpenRequest) => Promise<void>;

/** How long a browser command may take to fail before it is taken as started. */
const SETTLE_MS = 1500;

/** Splits $BROWSER ("firefox:chromium", "firefox --new-tab %s") into its first command's words. */
export function browserCommand(value: string, url: string): string[] | undefined {
  const first = value.split(":").map((s) => s.trim()).find(Boolean);
  if (!first) return undefined;
  const words = first.split(/\s+/);
  return words.some((w) => w.includes("%s")) ? words.map((w) => w.replaceAll("%s", url)) : [...words, url];
}

async function spawnBrowser(argv: string[]): Promise<void> {
  // Loaded here, not at start-up: only `open` needs it (child_process costs 3 ms to load; #4).
  const { spawn } = await import("node:child_process");
  return new Promise((resolve, reject) => {
    const [command, ...args] = argv;
    const child = spawn(command!, args, { stdio: "ignore", detached: true, shell: false });
    const timer = setTimeout(() => {
      child.unref();
      resolve();
    }, SETTLE_MS);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start the browser '${command}': ${error.message}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`the browser '${command}' exited with status ${code}`));
    });
  });
}

export function systemOpener(env: Record<string, string | undefined>): Opener {
  return async ({ url, browser }) => {
    if (!browser && env.BROWSER) {
      const argv = browserCommand(env.BROWSER, url);
      if (argv) return spawnBrowser(argv);
    }
    const { default: open, apps } = await loadOpen();
    const known = browser ? (apps as Record<string, string | readonly string[]>)[browser] : undefined;
    await open(url, browser ? { app: { name: known ?? browser } } : {});
  };
}
