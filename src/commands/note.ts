// icp-links note <ref> [text...]: one's own note on an entry (#16). With no text, the note is
// edited in $VISUAL or $EDITOR on a temporary file, as git does (src/io/editor.ts); --clear
// removes it. `show` prints it, and `search` finds entries by it.
import type { CommandSpec } from "../command-kit/spec";
import { resolve } from "../catalog/resolve";
import { UsageError } from "../errors";
import { json } from "../render/entries";
import { sanitize } from "../text/sanitize";
import { ownLayer, stateJson, updateEntries } from "../state/layer";
import { MAX_NOTE, noteOf, setNote } from "../state/model";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "err", "json", "catalog", "now", "checks", "state", "edit"] as const;
type Needs = (typeof NEEDS)[number];


export const note: CommandSpec<{ clear?: boolean }, Needs> = {
  name: "note",
  needs: NEEDS,
  args: "<ref> [text...]",
  summary: "set your note on an entry (no text: edit it in $VISUAL/$EDITOR; --clear removes it)",
  options: [{ flags: "--clear", description: "remove the note" }],
  examples: ["icp-links note consensus-overview 'rewatch the part on finality'", "icp-links note 3            # opens $EDITOR", "icp-links note 3 --clear"],
  async run(ctx, args, options) {
    const [ref, ...words] = args;
    if (options.clear && words.length > 0) throw new UsageError("--clear takes no text", "give either --clear or the note's text");
    const catalog = await ctx.catalog();
    const entry = resolve(catalog, ref!);
    let text: string;
    if (options.clear) text = "";
    else if (words.length > 0) text = words.join(" ");
    else {
      if (!ctx.state.enabled) ctx.state.update((d) => d); // says the state is off, before an editor opens
      // Off a terminal an editor would wait on keys no one types (or scribble into a pipe).
      if (!ctx.edit) throw new UsageError("no terminal to run an editor on", `give the note as text, or run it in a terminal: icp-links note ${entry.id} 'the text'`);
      const current = noteOf(ownLayer(ctx)?.get(entry)) ?? "";
      text = await ctx.edit(current, `icp-links-note-${entry.id}`);
    }
    // Trailing blank lines and spaces are the editor's, not the note's.
    text = text.replace(/\s+$/, "");
    if (text.length > MAX_NOTE) throw new UsageError(`the note is ${text.length} characters; at most ${MAX_NOTE}`, "keep notes short, or link to a file");
    const at = ctx.now().toISOString();
    const data = updateEntries(ctx, [entry], (s) => (text === (noteOf(s) ?? "") ? s : setNote(s, text, at)));
    const saved = noteOf(data.get(ownLayer(ctx)!.keyOf(entry.url)));
    if (ctx.json) ctx.out.write(json({ id: entry.id, title: entry.title, url: entry.url, state: stateJson(ownLayer(ctx)?.get(entry)) }));
    else ctx.err.write(saved === undefined ? `icp-links: no note on ${sanitize(entry.id)}\n` : `icp-links: note on ${sanitize(entry.id)} saved\n`);
  },
};
