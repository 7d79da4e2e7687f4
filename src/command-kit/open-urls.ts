// Turning entries into URLs and opening them, shared by open, pick, next and random, check and
// export (#15): only http(s) URLs, each checked before any is opened.
import type { World } from "./context";
import { chooseBaseUrl, targetUrl } from "../catalog/urls";
import type { Entry } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import { UsageError } from "../errors";
import { sanitize } from "../text/sanitize";

/** Opening more than this many links at once needs --yes. */
export const MAX_WITHOUT_YES = 5;

/** Each page's base URL by source, made once per catalog (check and export ask for every entry). */
const pageBases = new WeakMap<Catalog, Map<string, string | undefined>>();

/** The URL an entry opens: site links against --base-url, ICP_LINKS_BASE_URL or the page's base_url. */
export function urlFor(ctx: World<"env">, catalog: Catalog, entry: Entry, baseUrlOption: string | undefined): string {
  let bases = pageBases.get(catalog);
  if (!bases) pageBases.set(catalog, (bases = new Map(catalog.pages.map((p) => [p.source, p.frontMatter.baseUrl]))));
  return targetUrl(entry, chooseBaseUrl(baseUrlOption, ctx.env.ICP_LINKS_BASE_URL, bases.get(entry.source)));
}

export async function openAll(ctx: World<"err" | "opener">, urls: string[], options: { yes?: boolean; browser?: string }): Promise<void> {
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
