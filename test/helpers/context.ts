// An in-memory world for running main() in-process: printers that record, an opener that
// records, a page given as text, an HTTP client that answers from a table. No terminal, no
// browser, no network, no disk.
import type { Context, GlobalOptions } from "../../src/commands/context";
import { main } from "../../src/program";
import { parsePage } from "../../src/catalog/parse-page";
import { buildCatalog } from "../../src/catalog/build-catalog";
import { plainStyle } from "../../src/render/style";
import type { CheckResult, HttpClient } from "../../src/check/types";
import type { ExitCode } from "../../src/errors";
import { openEditTarget, type EditTarget } from "../../src/io/edit-file";

export interface Recorded {
  code: ExitCode;
  stdout: string;
  stderr: string;
  opened: string[];
  written: Map<string, string>;
}

export interface InProcessOptions {
  http?: HttpClient;
  tty?: boolean;
  /** The pages --file names, for the editing commands (#17): real files, edited for real. */
  files?: string[];
  /** The edit target, when a test needs to stand between reading and writing. */
  editTarget?: (into: string | undefined) => EditTarget;
  /** A terminal's yes/no answer (check --fix). */
  confirm?: (question: string) => Promise<boolean>;
}

export async function runInProcess(argv: string[], page: string, options: InProcessOptions = {}): Promise<Recorded> {
  const out = { stdout: "", stderr: "", opened: [] as string[], written: new Map<string, string>() };
  const checks = new Map<string, CheckResult>();
  const view = { tty: options.tty ?? false, width: 80, style: plainStyle };
  const code = await main(argv, {
    version: "0.0.0-test",
    write: (stream, text) => (stream === "out" ? (out.stdout += text) : (out.stderr += text)),
    context: (globals: GlobalOptions): Context => ({
      out: { isTTY: view.tty, write: (t) => (out.stdout += t) },
      err: { isTTY: false, write: (t) => (out.stderr += t) },
      view,
      errView: { ...view, tty: false },
      env: {},
      json: Boolean(globals.json),
      catalog: async () => buildCatalog([parsePage(page, "page.md")]),
      opener: async ({ url }) => void out.opened.push(url),
      now: () => new Date("2026-11-23T12:00:00Z"),
      sleep: async () => undefined,
      http: options.http ?? (async () => ({ status: 200, statusText: "OK", header: () => undefined, body: "" })),
      checks: { load: () => checks, save: (results) => results.forEach((r) => checks.set(r.url, r)) },
      interruption: () => ({ signal: new AbortController().signal, exitCode: () => 130 }),
      writeFile: (path, data) => void out.written.set(path, data),
      editTarget: options.editTarget ?? ((into) => openEditTarget({ specs: globals.file ?? options.files ?? [], into, maxBytes: 64 * 1024 * 1024 })),
      ...(options.confirm ? { confirm: options.confirm } : {}),
    }),
  });
  return { code, ...out };
}
