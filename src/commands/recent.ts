// icp-links recent: the entries last opened (open, pick, next --open), newest first (#16).
// Entries that have left the page are still listed, by the title they had.
import type { CommandSpec } from "../command-kit/spec";
import { LIMIT_OPTION } from "../command-kit/spec";
import { json } from "../render/entries";
import { renderTable } from "../render/table";
import { sanitize } from "../text/sanitize";
import { ownLayer } from "../state/layer";
import { NotFoundError } from "../errors";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "view", "json", "catalog", "checks", "state"] as const;
type Needs = (typeof NEEDS)[number];

export const recent: CommandSpec<{ limit?: number }, Needs> = {
  name: "recent",
  needs: NEEDS,
  summary: "list the entries you opened last, newest first",
  options: [{ ...LIMIT_OPTION, description: "show at most n entries (default 10)" }],
  examples: ["icp-links recent", "icp-links recent -n 3 --json"],
  async run(ctx, _args, options) {
    const catalog = await ctx.catalog();
    const layer = ownLayer(ctx);
    const opened = [...(layer?.data ?? new Map()).entries()].filter(([, s]) => s.opened !== undefined).sort((a, b) => (a[1].opened! < b[1].opened! ? 1 : -1));
    const shown = opened.slice(0, options.limit ?? 10);
    // Each key's entry on the page now, if it is still there.
    const onPage = new Map<string, (typeof catalog.entries)[number]>();
    if (layer) for (const e of catalog.entries) onPage.set(layer.keyOf(e.url), e);
    const rows = shown.map(([key, s]) => {
      const e = onPage.get(key);
      return { opened: s.opened!, id: e?.id ?? null, position: e?.position ?? null, title: e?.title ?? s.title ?? "", url: e?.url ?? key, onPage: e !== undefined };
    });
    if (ctx.json) {
      ctx.out.write(json(rows));
      return;
    }
    if (rows.length === 0) throw new NotFoundError("nothing opened yet", "open an entry with 'icp-links open', 'pick' or 'next --open'");
    const when = (iso: string) => iso.slice(0, 16).replace("T", " ");
    if (!ctx.view.tty) {
      ctx.out.write(rows.map((r) => `${r.opened}\t${sanitize(r.id ?? "")}\t${sanitize(r.title)}\t${sanitize(r.url)}\n`).join(""));
      return;
    }
    const { style } = ctx.view;
    const lines = renderTable(
      [
        { key: "opened", cells: rows.map((r) => when(r.opened)), format: (c) => style.dim(c) },
        { key: "id", cells: rows.map((r) => sanitize(r.id ?? "(not on this page)")), format: (c) => style.id(c) },
        { key: "title", cells: rows.map((r) => sanitize(r.title)), format: (c) => style.title(c) },
        { key: "url", cells: rows.map((r) => sanitize(r.url)), format: (c) => style.dim(c) },
      ],
      ctx.view.width,
      [{ key: "url", drop: true }, { key: "title", to: 16 }],
    );
    ctx.out.write(lines.map((l) => `${l}\n`).join(""));
  },
};
