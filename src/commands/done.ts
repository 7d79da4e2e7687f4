// icp-links done <ref...> and undone <ref...>: mark entries watched/read, or take it back (#16).
// The page is never touched: the marks are one's own layer, kept by URL (src/state/).
import type { CommandSpec } from "../command-kit/spec";
import type { World } from "../command-kit/context";
import { selectEntries } from "../command-kit/select";
import { json } from "../render/entries";
import { sanitize } from "../text/sanitize";
import { doneMark, stateJson, updateEntries, layerOf } from "../state/layer";
import { doneAt, markDone, markUndone, type EntryState } from "../state/model";
import type { Entry } from "../catalog/types";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "env", "platform", "json", "catalog", "now", "checks", "state"] as const;
type Needs = (typeof NEEDS)[number];
/** done marks its lines on a terminal; undone has no mark to show. */
const DONE_NEEDS = [...NEEDS, "view"] as const;

/** The entries of the refs: each a ref, or all together search words naming one entry. */
async function entriesOf(ctx: World<Needs>, refs: string[]): Promise<Entry[]> {
  const catalog = await ctx.catalog();
  // The same entry named twice is marked once.
  return [...new Set(selectEntries(catalog, refs))];
}

function report(ctx: World<Needs>, entries: readonly Entry[], before: Map<Entry, string | undefined>, done: boolean, tty: boolean): void {
  const layer = layerOf(ctx.state.load(), ctx.checks.load());
  if (ctx.json) {
    ctx.out.write(json(entries.map((e) => ({ id: e.id, title: e.title, url: e.url, state: stateJson(layer.get(e)) }))));
    return;
  }
  const mark = doneMark(ctx.env, ctx.platform);
  const lines = entries.map((e) => {
    const was = before.get(e);
    const what = done ? (was ? `already done on ${was.slice(0, 10)}` : `done ${doneAt(layer.get(e))!.slice(0, 10)}`) : was ? "not done any more" : "was not done";
    return `${done && tty ? `${mark} ` : ""}${sanitize(e.id)}\t${sanitize(e.title)}\t(${what})\n`;
  });
  ctx.out.write(lines.join(""));
}

/** done and undone: change each entry's state, then say what each was and is. */
async function mark(ctx: World<Needs>, refs: string[], done: boolean, change: (s: EntryState, at: string) => EntryState, tty = false): Promise<void> {
  const entries = await entriesOf(ctx, refs);
  const at = ctx.now().toISOString();
  const before = new Map<Entry, string | undefined>();
  updateEntries(ctx, entries, (s, e) => {
    before.set(e, doneAt(s));
    return change(s, at);
  });
  report(ctx, entries, before, done, tty);
}

export const done: CommandSpec<Record<string, never>, (typeof DONE_NEEDS)[number]> = {
  name: "done",
  needs: DONE_NEEDS,
  args: "<ref...>",
  summary: "mark entries watched or read, with today's date (your own marks: the page is not changed)",
  options: [],
  examples: ["icp-links done consensus-overview", "icp-links done 3 4 5", "icp-links list --todo"],
  // Done again keeps the first date.
  run: (ctx, refs) => mark(ctx, refs, true, (s, at) => (doneAt(s) ? s : markDone(s, at)), ctx.view.tty),
};

export const undone: CommandSpec<Record<string, never>, Needs> = {
  name: "undone",
  needs: NEEDS,
  args: "<ref...>",
  summary: "take back 'done' for entries",
  options: [],
  examples: ["icp-links undone consensus-overview", "icp-links undone 3 4"],
  run: (ctx, refs) => mark(ctx, refs, false, (s, at) => (doneAt(s) ? markUndone(s, at) : s)),
};
