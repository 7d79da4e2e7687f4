// icp-links open <ref...>: open entries in the browser, or print their URLs.
import type { CommandSpec } from "../command-kit/spec";
import { selectEntries } from "../command-kit/select";
import { BASE_URL_OPTION } from "../command-kit/spec";
import { MAX_WITHOUT_YES, openAll, urlFor } from "../command-kit/open-urls";
import { json } from "../render/entries";
import { recordOpened } from "../state/layer";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "err", "env", "json", "catalog", "opener", "now", "checks", "state"] as const;
type Needs = (typeof NEEDS)[number];

interface OpenOptions {
  print?: boolean;
  browser?: string;
  baseUrl?: string;
  yes?: boolean;
}

export const open: CommandSpec<OpenOptions, Needs> = {
  name: "open",
  needs: NEEDS,
  args: "<ref...>",
  queryArgs: true,
  summary: "open entries in the browser (a ref is an id, a unique id prefix, a position, or search words)",
  options: [
    { flags: "--print", description: "print the URLs instead of opening them" },
    { flags: "--browser <name>", description: "open with this browser (default: $BROWSER, else the system's)" },
    BASE_URL_OPTION,
    { flags: "-y, --yes", description: `open more than ${MAX_WITHOUT_YES} links at once` },
  ],
  exitCodes: [
    ["1", "an unknown or ambiguous ref, or words that select no entry or several"],
    ["2", "usage or input error, an unsafe link, or no browser could be started"],
  ],
  examples: ["icp-links open consensus-overview", "icp-links open 22", "icp-links open key resharing", "icp-links open --print execution upgrades", "icp-links open --base-url https://example.org overview"],
  async run(ctx, refs, options) {
    const catalog = await ctx.catalog();
    const entries = selectEntries(catalog, refs);
    // Every URL is checked before any is opened: one unsafe link opens nothing.
    const urls = entries.map((entry) => urlFor(ctx, catalog, entry, options.baseUrl));
    if (ctx.json) ctx.out.write(json(entries.map((e, i) => ({ id: e.id, title: e.title, url: urls[i] }))));
    else if (options.print) ctx.out.write(urls.map((u) => `${u}\n`).join(""));
    if (options.print) return;
    await openAll(ctx, urls, options);
    // Remembered once opened, for `recent` (#16).
    recordOpened(ctx, entries);
  },
};
