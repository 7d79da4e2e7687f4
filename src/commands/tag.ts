// icp-links tag <ref> +name -name: one's own tags on an entry (#16), matched by --tag as the
// page's tags are, and searched. A bare name adds it. With no change: the entry's own tags.
import type { CommandSpec } from "../command-kit/spec";
import { resolve } from "../catalog/resolve";
import { UsageError } from "../errors";
import { json } from "../render/entries";
import { sanitize } from "../text/sanitize";
import { ownLayer, updateEntries } from "../state/layer";
import { changeTags, isTagName, MAX_TAGS, ownTags } from "../state/model";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "json", "catalog", "now", "checks", "state"] as const;
type Needs = (typeof NEEDS)[number];

export const tag: CommandSpec<Record<string, never>, Needs> = {
  name: "tag",
  needs: NEEDS,
  args: "<ref> [changes...]",
  summary: "add (+name) and remove (-name) your own tags on an entry",
  options: [],
  optionLikeArgs: true,
  examples: ["icp-links tag consensus-overview +rewatch +favourite", "icp-links tag 3 -rewatch", "icp-links list --tag rewatch"],
  async run(ctx, args) {
    const [ref, ...changes] = args;
    const add: string[] = [];
    const remove: string[] = [];
    for (const change of changes) {
      const sign = change[0] === "-" || change[0] === "+" ? change[0] : "+";
      const name = (sign === change[0] ? change.slice(1) : change).toLowerCase();
      if (!isTagName(name)) throw new UsageError(`'${change}' is not a tag change`, "write +name to add a tag, -name to remove one (letters, digits, . _ -)");
      (sign === "+" ? add : remove).push(name);
    }
    const catalog = await ctx.catalog();
    const entry = resolve(catalog, ref!);
    if (changes.length > 0) {
      const at = ctx.now().toISOString();
      updateEntries(ctx, [entry], (s) => {
        const next = changeTags(s, add, remove, at);
        // Removed tags count: they are kept, to merge.
        if (Object.keys(next.tags!).length > MAX_TAGS) throw new UsageError(`${entry.id} would have more than ${MAX_TAGS} tags`, "remove tags first; nothing was changed");
        return next;
      });
    }
    const layer = ownLayer(ctx);
    const tags = ownTags(layer?.get(entry));
    if (ctx.json) ctx.out.write(json({ id: entry.id, title: entry.title, url: entry.url, tags: entry.tags, ownTags: tags }));
    else ctx.out.write(`${sanitize(entry.id)}\t${tags.map(sanitize).join(" ")}\n`);
  },
};
