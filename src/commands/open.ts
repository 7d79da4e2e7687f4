// icp-links open <ref...>: open entries in the browser, or print their URLs.
import type { CommandSpec } from "./spec";
import type { Context } from "./context";
import { selectEntries } from "./select";
import { chooseBaseUrl, targetUrl } from "../catalog/urls";
import type { Catalog, Entry } from "../catalog/types";
import { UsageError } from "../errors";
import { json } from "../render/entries";
import { sanitize } from "../text/sanitize";
import { recordOpened } from "../state/layer";

/** Opening more than this many links at once needs --yes. */
export const MAX_WITHOUT_YES = 5;

interface OpenOptions {
  print?: boolean;
  browser?: string;
  baseUrl?: string;
  yes?: boolean;
}

/** Each page's base URL by source, made once per catalog (check and export ask for every entry). */
const pageBases = new WeakMap<Catalog, Map<string, string | undefined>>();

/** The URL an entry opens: site links against --base-url, ICP_LINKS_BASE_URL or the page's base_url. */
export function urlFor(ctx: Context, catalog: Catalog, entry: Entry, baseUrlOption: string | undefined): string {
  let bases = pageBases.get(catalog);
  if (!bases) pageBases.set(catalog, (bases = new Map(catalog.pages.map((p) => [p.source, p.frontMatter.baseUrl]))));
  return targetUrl(entry, chooseBaseUrl(baseUrlOption, ctx.env.ICP_LINKS_BASE_URL, bases.get(entry.source)));
}

export const open: CommandSpec<OpenOptions> = {
  name: "open",
  args: "<ref...>",
  summary: "open entries in the browser (a ref is an id, a unique id prefix, a position, or search words)",
  options: [
    { flags: "--print", description: "print the URLs instead of opening them" },
    { flags: "--browser <name>", description: "open with this browser (default: $BROWSER, else the system's)" },
    { flags: "--base-url <url>", description: "base URL for site links such as /dfinity-overview (also ICP_LINKS_BASE_URL)" },
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

export async function openAll(ctx: Context, urls: string[], options: { yes?: boolean; browser?: string }): Promise<void> {
  if (urls.length > MAX_WITHOUT_YES && !options.yes) {
    throw new UsageError(`that would open ${urls.length} links at once`, "add --yes to open them all, or --print to list the URLs");
  }
  for (const url of urls) {
    if (ctx.err.isTTY) ctx.err.write(`Opening ${sanitize(url)} in your browser.\n`);
    try {
      await ctx.opener(options.browser ? { url, browser: options.browser } : { url });
    } catch (error) {
      // No browser could be started: say so (exit 2), never "Opening …" and exit 0 (#12).
      throw new UsageError(
        `cannot open ${sanitize(url)}: ${error instanceof Error ? sanitize(error.message) : "unknown error"}`,
        "set $BROWSER to a browser command, or use --print to get the URL",
      );
    }
  }
}
