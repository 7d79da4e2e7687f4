// icp-links enrich [ref...]: what the links themselves say (#27). Each http(s) link's page is read
// (check's request machinery, HTML only, at most 512 KB) for its length, date, authors or channel,
// title and description; the facts are stored in the cache folder and merged into every catalog
// read later, the page's own facts winning. --write puts the lengths (and years) into the page.
import type { CommandSpec } from "../command-kit/spec";
import { BASE_URL_OPTION, FILTER_OPTIONS, STATE_FILTER_OPTIONS } from "../command-kit/spec";
import type { Context, FilterOptions } from "../command-kit/context";
import { poolDeps, poolOptions, requestOptions, requestProgress, type RequestOptionValues } from "../command-kit/requests";
import { DRY_RUN_OPTION, INTO_OPTION, diffOf, openForEdit, type OpenedPage } from "../command-kit/edit-page";
import { selectEntries } from "../command-kit/select";
import { urlFor } from "../command-kit/open-urls";
import { applyFilters } from "../search/filters";
import { filterEntries, ownLayer, wantsState, type StateFilterOptions } from "../state/layer";
import type { Entry } from "../catalog/types";
import { ExitCode, IcpError, QuietExit, UsageError } from "../errors";
import { formatDuration, json } from "../render/entries";
import { sanitize } from "../text/sanitize";
import type { LinkFacts } from "../catalog/link-facts";
import type { EnrichResult, EnrichState } from "../enrich/run";

interface EnrichOptionValues extends FilterOptions, StateFilterOptions, RequestOptionValues {
  maxAge?: number;
  baseUrl?: string;
  write?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  into?: string;
}

const STATES: readonly EnrichState[] = ["enriched", "unchanged", "blocked", "failed"];

interface EnrichedEntry {
  entry: Entry;
  result: EnrichResult;
  reused: boolean;
}

/** "28:14 · 2021-06-02 · DFINITY Foundation": what a link's page said, in a line. */
function factsLine(f: LinkFacts | undefined): string {
  if (!f) return "";
  const parts = [f.duration === undefined ? undefined : formatDuration(f.duration), f.published, f.channel, f.authors?.join(", ")];
  const said = parts.filter((p): p is string => p !== undefined && p !== "");
  return said.join(" · ");
}

export const enrich: CommandSpec<EnrichOptionValues> = {
  name: "enrich",
  args: "[ref...]",
  summary: "read each link's own page for its length, date, authors, title and description (kept in the cache)",
  options: [
    ...FILTER_OPTIONS,
    ...STATE_FILTER_OPTIONS,
    ...requestOptions("links read at once"),
    BASE_URL_OPTION,
    { flags: "--write", description: "put the lengths (and years) found for talks into the page, in the form its other talks use (needs --file)" },
    { flags: "-y, --yes", description: "with --write: write the changes without asking" },
    { ...DRY_RUN_OPTION, description: "with --write: print the diff and write nothing" },
    { ...INTO_OPTION, description: "with --write: the page to edit, when --file names a folder" },
  ],
  exitCodes: [
    ["1", "an unknown or ambiguous ref"],
    ["3", "enrich: offline, no link could be reached; what was stored is kept"],
  ],
  examples: ["icp-links enrich", "icp-links enrich --section youtube", "icp-links enrich --max-age 7d", "icp-links enrich --file talks.md --write"],
  async run(ctx, refs, options) {
    if (!options.write && (options.yes || options.dryRun || options.into !== undefined)) throw new UsageError("--yes, --dry-run and --into go with --write", "add --write to put the lengths into the page");
    // --write: the page to edit is opened, and read, before any link is read.
    const opened = options.write ? await openForEdit(ctx, options.into) : undefined;
    const catalog = await ctx.catalog();
    const from = refs.length > 0 ? selectEntries(catalog, refs) : catalog.entries;
    const layer = wantsState(options) || options.tag !== undefined ? ownLayer(ctx) : undefined;
    const chosen = layer || wantsState(options) ? filterEntries(catalog, from, options, layer) : applyFilters(catalog, from, options);
    const targets: { entry: Entry; url: string }[] = [];
    for (const entry of chosen) {
      try {
        const url = urlFor(ctx, catalog, entry, options.baseUrl);
        if (/^https?:\/\//i.test(url)) targets.push({ entry, url });
      } catch (error) {
        if (!(error instanceof IcpError)) throw error;
        // A site link without a base URL, a link that does not open: nothing to read.
      }
    }

    const now = ctx.now().getTime();
    const previous = ctx.facts.load();
    const reused = new Map<string, EnrichResult>();
    if (options.maxAge !== undefined) {
      for (const { url } of targets) {
        const r = previous.get(url);
        if (r && now - Date.parse(r.readAt) <= options.maxAge) reused.set(url, { url, state: "unchanged", reason: "read recently", facts: r.facts });
      }
    }
    const toRead = [...new Set(targets.map((t) => t.url).filter((u) => !reused.has(u)))];

    // The HTML parser loads here only: no other command needs it (#27).
    const { enrichLinks } = await import("../enrich/run");
    const { signal, exitCode } = ctx.interruption();
    const bar = !ctx.json && toRead.length > 0 ? await requestProgress(ctx, toRead.length, STATES) : undefined;
    let run;
    try {
      run = await enrichLinks(toRead, previous, poolOptions(options), poolDeps(ctx), signal, bar?.onRequest, bar ? (r, done) => bar.onResult(r.state, done) : undefined);
    } finally {
      bar?.stop();
    }
    if (run.offline) {
      ctx.err.write("icp-links: offline: no link could be reached; the facts stored before are kept (check the connection, then run enrich again)\n");
      throw new QuietExit(run.interrupted ? (exitCode() as ExitCode) : ExitCode.offline);
    }
    ctx.facts.save(run.results.flatMap((r) => (r.record ? [r.record] : [])));

    const byUrl = new Map<string, EnrichResult>([...reused, ...run.results.map((r): [string, EnrichResult] => [r.url, r])]);
    const done: EnrichedEntry[] = targets.flatMap(({ entry, url }) => {
      const result = byUrl.get(url);
      return result ? [{ entry, result, reused: reused.has(url) }] : [];
    });
    if (ctx.json) ctx.out.write(json(done.map(enrichJson)));
    else ctx.out.write(renderSummary(ctx, done, run.interrupted));
    if (run.interrupted) throw new QuietExit(exitCode() as ExitCode);
    if (opened) await writeIntoPage(ctx, opened, done, options);
  },
};

function enrichJson(e: EnrichedEntry) {
  const f = e.result.facts ?? {};
  return {
    id: e.entry.id,
    title: e.entry.title,
    url: e.result.url,
    state: e.result.state,
    reason: e.result.reason,
    reused: e.reused,
    facts: {
      title: f.title ?? null,
      description: f.description ?? null,
      duration: f.duration ?? null,
      published: f.published ?? null,
      authors: f.authors ?? [],
      channel: f.channel ?? null,
      type: f.type ?? null,
    },
  };
}

export function countsLine(done: EnrichedEntry[]): string {
  const counts = STATES.map((s) => [s, done.filter((c) => c.result.state === s).length] as const);
  return `${done.length} ${done.length === 1 ? "link" : "links"}: ${counts.map(([s, n]) => `${n} ${s}`).join(", ")}`;
}

function renderSummary(ctx: Context, done: EnrichedEntry[], interrupted: boolean): string {
  const { style } = ctx.view;
  const lines = done.map(({ entry, result }) => {
    const said = result.state === "failed" || result.state === "blocked" ? result.reason : factsLine(result.facts);
    const state = result.state.padEnd(9);
    const shown = result.state === "failed" ? style.bad(state) : result.state === "blocked" ? style.warn(state) : result.state === "enriched" ? style.ok(state) : style.dim(state);
    return `${shown} ${style.id(sanitize(entry.id))}  ${sanitize(said)}`;
  });
  return `${lines.join("\n")}${lines.length > 0 ? "\n" : ""}${countsLine(done)}${interrupted ? " (interrupted)" : ""}\n`;
}

/** --write: the lengths (and years) found for talks, into the page. */
async function writeIntoPage(ctx: Context, opened: OpenedPage, done: EnrichedEntry[], options: EnrichOptionValues): Promise<void> {
  const say = (text: string) => (ctx.json ? ctx.err : ctx.out).write(text);
  const { writeLengths } = await import("../edit/lengths");
  const entries = opened.page.catalog.entries;
  const changes = done.flatMap(({ entry, result }) => {
    const f = result.facts;
    if (!f || (f.duration === undefined && f.published === undefined)) return [];
    // The entry as the page read for editing has it: the same URL on the same line.
    const own = entries.find((e) => e.url === entry.url && e.line === entry.line);
    if (!own || own.kind !== "talk") return [];
    return [{ entry: own, ...(f.duration !== undefined && { duration: f.duration }), ...(f.published !== undefined && { year: Number(f.published.slice(0, 4)) }) }];
  });
  const { text, done: written, skipped } = writeLengths(opened.page, changes);
  for (const s of skipped) ctx.err.write(`icp-links: not written: ${sanitize(s.change.entry.id)} (line ${s.change.entry.line}): ${s.why}\n`);
  if (written.length === 0) {
    ctx.err.write("icp-links: nothing to write: no talk without a length got one\n");
    return;
  }
  say(await diffOf(ctx, opened, text));
  let write = Boolean(options.yes) && !options.dryRun;
  const what = `${written.length} ${written.length === 1 ? "length" : "lengths"}`;
  if (!options.yes && !options.dryRun && ctx.confirm) write = await ctx.confirm(`Write ${what} to ${sanitize(opened.target.path)}?`);
  if (write) {
    opened.target.write(text);
    ctx.err.write(`icp-links: wrote ${what} into ${sanitize(opened.target.path)}\n`);
  } else if (!options.dryRun) {
    ctx.err.write(`icp-links: nothing written${ctx.confirm ? "" : ": add --yes to write these changes"}\n`);
  }
}

