// Typed errors. Nothing below the command layer prints or exits: it throws one of these,
// and src/program.ts turns it into a one-line message and a documented exit code.
import { formatSize } from "./text/size";

export const ExitCode = {
  ok: 0,
  /** Nothing found: a search without match, an unknown or ambiguous ref, a broken link in `check`. */
  notFound: 1,
  /** Usage or input error: a bad option, an unreadable or invalid page. */
  usage: 2,
  /** `check` found the network unreachable: no link was reported or stored (#12). */
  offline: 3,
  /** Interrupted by Ctrl-C (SIGINT). */
  interrupted: 130,
  /** Stopped by SIGTERM. */
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class IcpError extends Error {
  constructor(
    message: string,
    /** What the user can do about it; printed in parentheses after the message. */
    readonly hint: string | undefined,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A page that cannot be read or parsed. Names the file (and line where there is one). */
export class PageError extends IcpError {
  constructor(
    readonly file: string,
    message: string,
    hint: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${message}`, hint, ExitCode.usage);
  }
}

export class UsageError extends IcpError {
  constructor(message: string, hint?: string) {
    super(message, hint, ExitCode.usage);
  }
}

/** A ref or query that matches nothing, or more than one entry. */
export class NotFoundError extends IcpError {
  constructor(
    message: string,
    hint: string | undefined,
    /** Entries to show the user: the candidates of an ambiguous ref, or the nearest ones. */
    readonly suggestions: { id: string; title: string }[] = [],
  ) {
    super(message, hint, ExitCode.notFound);
  }
}

/**
 * A value the core cannot take: a kind, a year, a length, a sort, a query (search/filters.ts,
 * search/query.ts). The core knows nothing of the command line, so this carries no exit code:
 * program.ts reports it as a UsageError (one line, the hint in parentheses, exit 2), and an
 * option's parser (command-kit/spec.ts, checked) as commander's InvalidArgumentError.
 */
export class ValueError extends Error {
  constructor(
    message: string,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Ends the run with an exit code and nothing more to say (the command printed its output). */
export class QuietExit extends IcpError {
  constructor(exitCode: ExitCode) {
    super("", undefined, exitCode);
  }
}

/** `size` undefined: a source read only up to the limit, whose full size is not known. */
export function tooLarge(source: string, size: number | undefined, max: number): PageError {
  const what = size === undefined ? "is larger than" : `is ${formatSize(size)}, more than`;
  return new PageError(source, `${what} the ${formatSize(max)} a page may have`, "set ICP_LINKS_MAX_SIZE (in MB) to allow larger pages");
}
