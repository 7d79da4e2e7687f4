// Examples as data (#25): every example of the docs is a command line with the output it prints.
// Two homes for them, one format each, both read and written here (pure text in, text out):
// - a command's --help examples (its spec's `examples`), with their outputs in
//   docs/examples/<command>.txt;
// - the ```console blocks of README.md and docs/topics/*.md: `$ command` lines, each followed by
//   its output.
// scripts/examples.mjs runs them on the bundled page and writes the outputs (`npm run examples`);
// its --check mode, run by test/docs/examples.e2e.test.ts, fails when one differs.

/** One example and what it printed (stdout and stderr as a terminal shows them) and its exit code. */
export interface ExampleRun {
  command: string;
  output: string;
  code: number;
}

/**
 * Examples of the --help texts that are not run, and why: they need a person at a terminal or a
 * network. Each says so in its golden file instead of an output. Keyed by the example's text.
 */
export const NOT_RUN: Record<string, string> = {
  "icp-links pick": "interactive: it needs a person at a terminal",
  "icp-links pick consensus": "interactive: it needs a person at a terminal",
  "icp-links pick --kind talk": "interactive: it needs a person at a terminal",
  "url=$(icp-links pick --print)": "interactive: it needs a person at a terminal",
  "icp-links note 3            # opens $EDITOR": "interactive: it opens an editor",
  "icp-links check": "it asks every link's server on the web",
  "icp-links check --kind talk": "it asks every talk's server on the web",
  "icp-links check consensus-overview --json": "it asks the link's server on the web",
  "icp-links check --max-age 1d --strict": "it asks every link's server on the web",
  "icp-links enrich": "it reads every link's page on the web",
  "icp-links enrich --section youtube": "it reads every YouTube talk's page on the web",
  "icp-links enrich --max-age 7d": "it reads the links' pages on the web",
  "icp-links enrich --file talks.md --write": "it reads the links' pages on the web, and needs a page of one's own",
  "icp-links --file my-links.md check --archive --fix": "it asks every link's server and the Wayback Machine on the web",
  "icp-links --file my-links.md add https://internetcomputer.org/docs --section Docs --new-section --dry-run": "it reads the title from the page on the web",
  "ssh laptop icp-links state export | icp-links state import -": "it needs another machine",
};

/** Examples run, whose output is not compared: it is not the same twice. Keyed by the example's text. */
export const VARIES: Record<string, string> = {
  "icp-links random": "an entry chosen at random",
  "icp-links random --kind talk --open": "an entry chosen at random",
};

/** A line of an example list that is a comment for the reader, not a command. */
export const isComment = (example: string): boolean => example.trimStart().startsWith("#");

const PROMPT = "$ ";

/** The golden file of one command's examples: each `$ command`, then its output, then a blank line. */
export function formatGolden(runs: ExampleRun[]): string {
  return runs.map((r) => `${PROMPT}${r.command}\n${r.output}${r.output === "" || r.output.endsWith("\n") ? "" : "\n"}${r.code === 0 ? "" : `[exit ${r.code}]\n`}`).join("\n");
}

export function notRunOutput(command: string): string | undefined {
  if (NOT_RUN[command] !== undefined) return `(not run by the docs' test: ${NOT_RUN[command]})`;
  if (VARIES[command] !== undefined) return `(output varies: ${VARIES[command]}; exit code checked)`;
  return undefined;
}

export interface ConsoleBlock {
  /** Index of the block's first line (the fence) and of the line after its closing fence. */
  start: number;
  end: number;
  runs: ExampleRun[];
}

const EXIT = /^\[exit (\d+)\]$/;

/** The ```console blocks of a markdown text, each a list of `$ command` and the output shown. */
export function consoleBlocks(markdown: string): ConsoleBlock[] {
  const lines = markdown.split("\n");
  const blocks: ConsoleBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== "```console") continue;
    const start = i;
    const runs: ExampleRun[] = [];
    let current: { command: string; out: string[] } | undefined;
    const close = () => {
      if (!current) return;
      let code = 0;
      const last = current.out.at(-1);
      const exit = last === undefined ? null : EXIT.exec(last);
      if (exit) {
        code = Number(exit[1]);
        current.out.pop();
      }
      runs.push({ command: current.command, output: current.out.map((l) => `${l}\n`).join(""), code });
    };
    for (i++; i < lines.length && lines[i]!.trim() !== "```"; i++) {
      const line = lines[i]!;
      if (line.startsWith(PROMPT)) {
        close();
        current = { command: line.slice(PROMPT.length), out: [] };
      } else current?.out.push(line);
    }
    close();
    blocks.push({ start, end: i + 1, runs });
  }
  return blocks;
}

/** The markdown with each console block's outputs replaced by those of `runs` (one list per block). */
export function withOutputs(markdown: string, runs: ExampleRun[][]): string {
  const lines = markdown.split("\n");
  const blocks = consoleBlocks(markdown);
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b]!;
    const body = formatBlock(runs[b] ?? []);
    lines.splice(block.start, block.end - block.start, "```console", ...body, "```");
  }
  return lines.join("\n");
}

function formatBlock(runs: ExampleRun[]): string[] {
  const out: string[] = [];
  for (const r of runs) {
    out.push(`${PROMPT}${r.command}`);
    if (r.output !== "") out.push(...r.output.replace(/\n$/, "").split("\n"));
    if (r.code !== 0) out.push(`[exit ${r.code}]`);
  }
  return out;
}
