// icp-links export --format <json|csv|md|html> [-o file]: the catalog for other tools (#6).
import { InvalidArgumentError } from "commander";
import type { CommandSpec } from "../command-kit/spec";
import { BASE_URL_OPTION, FILTER_OPTIONS, outputOptions, STATE_FILTER_OPTIONS } from "../command-kit/spec";
import type { FilterOptions } from "../command-kit/context";
import { urlFor } from "../command-kit/open-urls";
import type { Entry } from "../catalog/types";
import { FORMATS, type Format } from "../render/formats";
import { IcpError, UsageError } from "../errors";
import { sanitize } from "../text/sanitize";
import { filterEntries, ownLayer, stateJson, type StateFilterOptions } from "../state/layer";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "err", "env", "catalog", "now", "checks", "state", "writeFile"] as const;
type Needs = (typeof NEEDS)[number];


interface ExportOptions extends FilterOptions, StateFilterOptions {
  format: Format;
  output?: string;
  force?: boolean;
  baseUrl?: string;
}

function format(value: string): Format {
  const f = value.toLowerCase() === "markdown" ? "md" : value.toLowerCase();
  if (!FORMATS.includes(f as Format)) throw new InvalidArgumentError(`expected one of ${FORMATS.join(", ")}`);
  return f as Format;
}

export const exportCommand: CommandSpec<ExportOptions, Needs> = {
  name: "export",
  needs: NEEDS,
  summary: "write the catalog as JSON, CSV, markdown or a browser bookmark file",
  options: [
    { flags: "-F, --format <format>", description: `${FORMATS.join(", ")} (html: a bookmark file browsers import)`, parse: format },
    ...outputOptions(),
    BASE_URL_OPTION,
    ...FILTER_OPTIONS,
    ...STATE_FILTER_OPTIONS,
  ],
  examples: ["icp-links export --format csv > links.csv", "icp-links export --format html -o bookmarks.html", "icp-links export --format md --kind talk -o talks.md"],
  async run(ctx, _args, options) {
    if (!options.format) throw new UsageError("export needs --format", `one of ${FORMATS.join(", ")}`);
    const catalog = await ctx.catalog();
    // JSON and CSV carry one's own layer with each entry (#16).
    const layer = ownLayer(ctx);
    const entries = filterEntries(catalog, catalog.entries, options, layer);
    const stateOf = (e: Entry) => stateJson(layer?.get(e));
    // The writers (and csv-stringify) load only when something is exported.
    const { exportBookmarks, exportCsv, exportJson, exportMarkdown } = await import("../render/export");
    let text: string;
    // What the file holds: the html bookmarks leave out links that cannot open in a browser.
    let written = entries.length;
    switch (options.format) {
      case "json":
        text = exportJson(catalog, entries, stateOf);
        break;
      case "csv":
        text = exportCsv(entries, stateOf);
        break;
      case "md":
        text = exportMarkdown(catalog, entries);
        break;
      case "html": {
        const left: string[] = [];
        text = exportBookmarks(
          catalog,
          entries,
          (e: Entry) => {
            try {
              return urlFor(ctx, catalog, e, options.baseUrl);
            } catch (error) {
              if (!(error instanceof IcpError)) throw error;
              left.push(e.id);
              return undefined;
            }
          },
          ctx.now(),
        );
        written -= left.length;
        if (left.length > 0) ctx.err.write(`icp-links: left out of the bookmarks (not an http(s) link, or a site link without --base-url): ${left.map(sanitize).join(", ")}\n`);
        break;
      }
    }
    if (options.output === undefined || options.output === "-") {
      ctx.out.write(text);
      return;
    }
    ctx.writeFile(options.output, text, Boolean(options.force));
    if (ctx.err.isTTY) ctx.err.write(`Wrote ${written} entries to ${sanitize(options.output)}\n`);
  },
};
