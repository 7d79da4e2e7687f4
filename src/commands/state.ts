// icp-links state [path|export|import <file>]: one's own layer as a file (#16), to move it to
// another machine or keep a copy. export writes every entry's state, those that left the page
// too (named by the title they had); import merges a file into the state (the latest change of
// each mark wins, src/state/model.ts), so importing twice, or both ways, loses nothing.
import { outputOptions, type CommandSpec } from "../command-kit/spec";
import { UsageError } from "../errors";
import { json } from "../render/entries";
import { sanitize } from "../text/sanitize";
import { checkStateLimits, fromJson, isDone, MAX_STATE_BYTES, mergeState, noteOf, ownTags, toJson, type StateData } from "../state/model";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "err", "json", "state", "readInput", "writeFile"] as const;
type Needs = (typeof NEEDS)[number];

interface StateOptions {
  output?: string;
  force?: boolean;
}

const ACTIONS = ["path", "export", "import"] as const;

function counts(data: StateData): string {
  const all = [...data.values()];
  const done = all.filter(isDone).length;
  const notes = all.filter((s) => noteOf(s) !== undefined).length;
  const tagged = all.filter((s) => ownTags(s).length > 0).length;
  return `${data.size} ${data.size === 1 ? "entry" : "entries"}: ${done} done, ${notes} with a note, ${tagged} tagged`;
}

export const state: CommandSpec<StateOptions, Needs> = {
  name: "state",
  needs: NEEDS,
  args: "[action] [file]",
  summary: "your marks, notes and tags: 'path' (where they are), 'export' (as JSON), 'import <file>' (merge)",
  options: [
    ...outputOptions("export"),
  ],
  examples: ["icp-links state path", "icp-links state export -o icp-links-state.json", "icp-links state import icp-links-state.json", "ssh laptop icp-links state export | icp-links state import -"],
  async run(ctx, args, options) {
    const [action = "path", file, ...rest] = args;
    if (!ACTIONS.includes(action as never)) throw new UsageError(`unknown action '${action}'`, `use one of: ${ACTIONS.join(", ")}`);
    if (rest.length > 0 || (action !== "import" && file !== undefined)) throw new UsageError(`too many arguments for 'state ${action}'`, "see 'icp-links state --help'");
    if (!ctx.state.enabled && action !== "path") throw new UsageError("the state is off (--no-state or ICP_LINKS_NO_STATE=1)", "run without --no-state and with ICP_LINKS_NO_STATE unset");
    switch (action) {
      case "path": {
        const data = ctx.state.load();
        if (ctx.json) ctx.out.write(json({ file: ctx.state.file, enabled: ctx.state.enabled, entries: data.size }));
        else ctx.out.write(`${sanitize(ctx.state.file)}${ctx.state.enabled ? "" : " (off)"}\n`);
        if (!ctx.json && ctx.err.isTTY) ctx.err.write(`${counts(data)}\n`);
        return;
      }
      case "export": {
        // Through the one JSON writer: titles kept for entries that left the page came from a page (#12).
        const text = json(toJson(ctx.state.load()));
        if (options.output === undefined || options.output === "-") ctx.out.write(text);
        else ctx.writeFile(options.output, text, Boolean(options.force));
        return;
      }
      case "import": {
        if (file === undefined) throw new UsageError("'state import' needs a file", "give the file 'state export' wrote, or - for standard input");
        const bytes = await ctx.readInput(file);
        // The limits of the state itself (model.ts): a file the state could not hold is refused whole.
        if (bytes.length > MAX_STATE_BYTES) throw new UsageError(`${file}: larger than ${MAX_STATE_BYTES / 1024 / 1024} MB, the most the state keeps`, "import it in parts; nothing was imported");
        let incoming: StateData;
        try {
          incoming = fromJson(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), { rekey: true });
        } catch (error) {
          throw new UsageError(`${file}: not a state file: ${(error as Error).message}`, "give a file written by 'icp-links state export'; nothing was imported");
        }
        const merged = ctx.state.update((data) => {
          const next = mergeState(data, incoming);
          try {
            checkStateLimits(next);
          } catch (error) {
            throw new UsageError(`${file}: the state would hold ${(error as Error).message}`, "import fewer entries; nothing was imported");
          }
          if (Buffer.byteLength(JSON.stringify(toJson(next))) > MAX_STATE_BYTES) throw new UsageError(`${file}: the state would be larger than ${MAX_STATE_BYTES / 1024 / 1024} MB`, "import fewer entries, or shorter notes; nothing was imported");
          return next;
        });
        ctx.err.write(`icp-links: merged ${incoming.size} ${incoming.size === 1 ? "entry" : "entries"} from ${sanitize(file)}; now ${counts(merged)}\n`);
        return;
      }
    }
  },
};
