// icp-links next [filters] and random [filters]: what to watch or read next (#16). next is the
// first entry in page order not marked done (a course, in order); random is any one not done.
// --open opens it (and remembers it was opened), as `open` does.
import { FIELDS_OPTION, writeFields, type FieldsOptions } from "../command-kit/fields";
import type { CommandSpec } from "../command-kit/spec";
import { BASE_URL_OPTION, parsed } from "../command-kit/spec";
import { parseLength } from "../search/filters";
import { FILTER_OPTIONS } from "../command-kit/spec";
import type { Context, FilterOptions } from "../command-kit/context";
import { openAll, urlFor } from "../command-kit/open-urls";
import type { Entry } from "../catalog/types";
import { NotFoundError } from "../errors";
import { entryJson, formatDuration, json, renderShow, tsvLine } from "../render/entries";
import { filterEntries, ownLayer, recordOpened, stateJson, type OwnLayer } from "../state/layer";
import { isDone } from "../state/model";

interface NextOptions extends FilterOptions, FieldsOptions {
  /** next only: the first entry not done that fits in this length (seconds; #27). */
  fit?: number;
  open?: boolean;
  browser?: string;
  baseUrl?: string;
}

const OPTIONS = [
  ...FILTER_OPTIONS,
  { flags: "--open", description: "open it in the browser" },
  { flags: "--browser <name>", description: "open with this browser" },
  BASE_URL_OPTION,
  FIELDS_OPTION,
];

async function choose(ctx: Context, options: NextOptions, pickOne: (todo: Entry[]) => Entry): Promise<void> {
  const catalog = await ctx.catalog();
  const layer = ownLayer(ctx);
  const kept = filterEntries(catalog, catalog.entries, options, layer);
  // Nothing left: --json still prints its one document, null, as search prints [] (#22).
  const nothingLeft = (error: NotFoundError): never => {
    if (ctx.json) ctx.out.write(json(null));
    throw error;
  };
  if (kept.length === 0) nothingLeft(new NotFoundError("no entries match these filters", "see 'icp-links sections' and 'icp-links speakers'"));
  const todo = kept.filter((e) => !isDone(layer?.get(e)));
  if (todo.length === 0) nothingLeft(new NotFoundError(`all ${kept.length} ${kept.length === 1 ? "entry is" : "entries are"} done here`, "see 'icp-links list --done', or take one back with 'icp-links undone'"));
  let candidates = todo;
  if (options.fit !== undefined) {
    const fit = options.fit;
    candidates = todo.filter((e) => e.duration !== undefined && e.duration <= fit);
    if (candidates.length === 0) {
      const known = todo.filter((e) => e.duration !== undefined).length;
      nothingLeft(new NotFoundError(`no entry not done fits in ${formatDuration(fit)} (${known} of ${todo.length} not done have a known length)`, known < todo.length ? "run 'icp-links enrich' to read the lengths of the links" : "try a longer --fit"));
    }
  }
  const entry = pickOne(candidates);
  if (options.fields) writeFields(ctx, [entry], options.fields, { single: true });
  else print(ctx, entry, layer, kept.length - todo.length, kept.length);
  if (options.open) {
    await openAll(ctx, [urlFor(ctx, catalog, entry, options.baseUrl)], options);
    recordOpened(ctx, [entry]);
  }
}

function print(ctx: Context, entry: Entry, layer: OwnLayer | undefined, done: number, total: number): void {
  if (ctx.json) ctx.out.write(json({ ...entryJson(entry, undefined, stateJson(layer?.get(entry))), progress: { done, total } }));
  else if (!ctx.view.tty) ctx.out.write(`${tsvLine(entry)}\n`);
  else ctx.out.write(renderShow(entry, ctx.view, [["progress", `${done}/${total} done`]]));
}

export const next: CommandSpec<NextOptions> = {
  name: "next",
  summary: "show the first entry in page order not yet done (--open to open it)",
  options: [...OPTIONS, { flags: "--fit <length>", description: "the first entry not done that fits in this length: 30m, 1h, 45 (minutes)", parse: parsed((v) => parseLength(v, "--fit")) }],
  examples: ["icp-links next", "icp-links next --kind talk --open", "icp-links next --section youtube", "icp-links next --fit 30m"],
  run: (ctx, _args, options) => choose(ctx, options, (todo) => todo[0]!),
};

export const random: CommandSpec<NextOptions> = {
  name: "random",
  summary: "show an entry not yet done, chosen at random (--open to open it)",
  options: OPTIONS,
  examples: ["icp-links random", "icp-links random --kind talk --open"],
  run: (ctx, _args, options) => choose(ctx, options, (todo) => todo[Math.min(todo.length - 1, Math.floor(ctx.random() * todo.length))]!),
};
