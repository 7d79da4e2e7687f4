// icp-links pick [query...]: an interactive fuzzy picker (#6). Type to filter (the same search and
// ranking as `search`), arrows to move, Enter opens the entry through the same safe path as
// `open`, → follows a list entry into the list it links to (#18) and ← goes back, Esc or Ctrl-C
// leaves with exit 130. The prompt itself is injected (ctx.choose).
import type { CommandSpec } from "../command-kit/spec";
import { BASE_URL_OPTION, STATE_FILTER_OPTIONS } from "../command-kit/spec";
import { FILTER_OPTIONS } from "../command-kit/spec";
import type { FilterOptions } from "../command-kit/context";
import { openAll, urlFor } from "../command-kit/open-urls";
import { searchScope } from "../command-kit/select";
import { rank } from "../search/search";
import { parseQuery } from "../search/query";
import type { Entry } from "../catalog/types";
import { renderTable } from "../render/table";
import { ExitCode, IcpError, QuietExit, UsageError, ValueError } from "../errors";
import { sanitize } from "../text/sanitize";
import { formatDuration } from "../render/entries";
import { doneMark, doneMarks, ownLayer, recordOpened, type StateFilterOptions } from "../state/layer";

/** What these commands read of the world (#25): run() gets only these members of the Context. */
const NEEDS = ["out", "err", "errView", "env", "platform", "catalog", "follow", "opener", "now", "checks", "choose", "state"] as const;
type Needs = (typeof NEEDS)[number];

interface PickOptions extends FilterOptions, StateFilterOptions {
  print?: boolean;
  browser?: string;
  baseUrl?: string;
}

/** How many rows the picker shows at most for one query. */
const SHOWN = 200;

/**
 * What the picker shows below the list for the highlighted entry (#14): its url, description,
 * and, for a talk, speakers, event, year and length when the page gives them (#13), or the link's
 * own page did (marked, #27).
 */
export function pickDetails(e: Entry): string {
  const speakers = e.speakers.length > 0 ? e.speakers.join(", ") : e.speaker;
  // A fact the link's own page gave (enrich, #27) is marked, as `show` marks it.
  const mark = (fact: "year" | "duration", text: string) => (e.from?.[fact] === "link" ? `${text} (from the link)` : text);
  const facts = [speakers, e.event, e.year === undefined ? undefined : mark("year", String(e.year)), e.duration === undefined ? undefined : mark("duration", formatDuration(e.duration))].filter((f): f is string => Boolean(f));
  return [e.url, e.description, facts.join(" \u00b7 ")].filter(Boolean).map((line) => sanitize(line!)).join("\n");
}

/** Rows for the picker: id, title, speaker and section, aligned to the width. */
export function pickRows(entries: readonly Entry[], width: number, done?: Map<number, string>): string[] {
  return renderTable(
    [
      ...(done && done.size > 0 ? [{ key: "done", cells: entries.map((e) => done.get(e.position) ?? "") }] : []),
      { key: "id", cells: entries.map((e) => sanitize(e.id)) },
      { key: "title", cells: entries.map((e) => sanitize(e.title)) },
      { key: "speaker", cells: entries.map((e) => sanitize(e.speaker ?? "")) },
      { key: "section", cells: entries.map((e) => sanitize(e.section)) },
    ],
    width,
    // The title is what one reads: on a narrow terminal the id and the speaker give way first, and
    // the title keeps more room than the id down to the narrowest (#22).
    [{ key: "title", to: 30 }, { key: "section", to: 12 }, { key: "speaker", to: 14 }, { key: "section", drop: true }, { key: "id", to: 20 }, { key: "speaker", drop: true }, { key: "id", to: 14 }, { key: "title", to: 20 }, { key: "id", to: 10 }],
  );
}

export const pick: CommandSpec<PickOptions, Needs> = {
  name: "pick",
  needs: NEEDS,
  args: "[query...]",
  queryArgs: true,
  summary: "choose an entry interactively and open it (type to filter, Enter to open, Esc to leave)",
  options: [
    ...FILTER_OPTIONS,
    ...STATE_FILTER_OPTIONS,
    { flags: "--print", description: "print the chosen URL instead of opening it" },
    { flags: "--browser <name>", description: "open with this browser" },
    BASE_URL_OPTION,
  ],
  exitCodes: [
    ["2", "usage or input error, no terminal, or no browser could be started"],
    ["130", "left with Esc or Ctrl-C; 143: stopped by SIGTERM"],
  ],
  examples: ["icp-links pick", "icp-links pick consensus", "icp-links pick --kind talk", 'url=$(icp-links pick --print)'],
  async run(ctx, words, options) {
    if (!ctx.choose) throw new UsageError("pick needs a terminal", "in scripts, use 'icp-links search' and 'icp-links open'");
    let catalog = await ctx.catalog();
    let initial = words.join(" ");
    let highlighted: number | undefined;
    let notice: string | undefined;
    // → follows the highlighted list entry into the list it links to (#18): the picker starts
    // again on that page, as `--from` would load it; ← goes back to where it came from, with the
    // query and the entry it had. An entry → cannot follow leaves the picker where it was, saying why.
    const back: { catalog: typeof catalog; term: string; position: number }[] = [];
    for (;;) {
      let following = false;
      let leaving = false;
      let term = initial;
      // As in search: own tags and notes are searched, --todo and --done select (#16).
      const layer = ownLayer(ctx);
      const { scan, shown: entries } = searchScope(catalog, options, layer);
      const mark = doneMark(ctx.env, ctx.platform);
      const chosen = await ctx.choose({
        message: "Open",
        initial,
        ...(highlighted !== undefined ? { highlighted } : {}),
        ...(notice !== undefined ? { notice } : {}),
        ...(ctx.follow ? { onFollow: () => void (following = true) } : {}),
        ...(back.length > 0 ? { onBack: () => void (leaving = true) } : {}),
        source: (typed, width) => {
          term = typed ?? "";
          const shown =
            typed && typed.trim()
              ? // The query language of search; a phrase being typed is not yet an error (#14). A
                // malformed query throws a ValueError, which the prompt shows in place of the list.
                Array.from(rank(scan, parseQuery(typed, { lenient: true })).indexes.subarray(0, SHOWN), (i) => entries.at(i)!)
              : Array.from({ length: Math.min(SHOWN, entries.size) }, (_, i) => entries.at(i)!);
          const rows = pickRows(shown, Math.max(40, (width ?? ctx.errView.width) - 4), doneMarks(shown, layer, mark));
          return shown.map((e, i) => ({ value: e.position, name: rows[i]!, description: pickDetails(e) }));
        },
      });
      notice = undefined;
      highlighted = undefined;
      if (leaving) {
        const previous = back.pop()!;
        catalog = previous.catalog;
        initial = previous.term;
        highlighted = previous.position;
        continue;
      }
      if (chosen === undefined) throw new QuietExit(ExitCode.interrupted);
      const entry = catalog.at(chosen - 1)!;
      if (following && ctx.follow) {
        try {
          const next = await ctx.follow(catalog, entry);
          back.push({ catalog, term, position: chosen });
          catalog = next;
          initial = "";
        } catch (error) {
          if (!(error instanceof IcpError || error instanceof ValueError) || error instanceof QuietExit) throw error;
          // Stays: the same query, the same entry, and why not.
          notice = `cannot follow ${sanitize(entry.id)}: ${sanitize(error.message)}`;
          initial = term;
          highlighted = chosen;
        }
        continue;
      }
      const url = urlFor(ctx, catalog, entry, options.baseUrl);
      if (options.print) ctx.out.write(`${url}\n`);
      else {
        await openAll(ctx, [url], options);
        recordOpened(ctx, [entry]);
      }
      return;
    }
  },
};
