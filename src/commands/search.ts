// icp-links search <query...>: ranked, typo-tolerant search.
import type { CommandSpec } from "../command-kit/spec";
import { FILTER_OPTIONS, LIMIT_OPTION, SORT_OPTION, STATE_FILTER_OPTIONS } from "../command-kit/spec";
import { sortEntries } from "../search/filters";
import type { FilterOptions } from "../command-kit/context";
import { searchScope } from "../command-kit/select";
import { rank } from "../search/search";
import { isEmptyQuery, parseQuery, QUERY_FIELDS } from "../search/query";
import { entryJson, entryRows, json, tsvSlices } from "../render/entries";
import { FIELDS_OPTION, writeFields, type FieldsOptions } from "../command-kit/fields";
import { plainStyle } from "../render/style";
import { NotFoundError } from "../errors";
import { doneMark, doneMarks, ownLayer, stateJson, type StateFilterOptions } from "../state/layer";

export const search: CommandSpec<FilterOptions & StateFilterOptions & FieldsOptions> = {
  name: "search",
  args: "<query...>",
  queryArgs: true,
  summary: "search titles, speakers, sections, descriptions, tags and urls (and your notes and tags)",
  options: [
    ...FILTER_OPTIONS,
    ...STATE_FILTER_OPTIONS,
    SORT_OPTION,
    LIMIT_OPTION,
    FIELDS_OPTION,
  ],
  exitCodes: [["1", "no entry matches the query"]],
  examples: [
    "icp-links search consensus",
    "icp-links search consensus --sort title",
    "icp-links search key resharing",
    "icp-links search camenish                 # typos are forgiven",
    "icp-links search '\"chain key\"'           # an exact phrase",
    "icp-links search -- consensus -overview   # -word leaves out (after --, or quote the query)",
    "icp-links search speaker:camenisch kind:talk",
    "icp-links search 'section:medium consensus'",
    "icp-links search nns --json --fields id,title,url",
    `# query fields: ${QUERY_FIELDS.map((f) => `${f}:`).join(" ")}`,
  ],
  async run(ctx, words, options) {
    const query = words.join(" ");
    const parsed = parseQuery(query);
    if (isEmptyQuery(parsed)) throw new NotFoundError(`the query '${query}' has no words to search for`, "search for letters or digits");
    const catalog = await ctx.catalog();
    const layer = ownLayer(ctx);
    const { scan, shown: entries } = searchScope(catalog, options, layer);
    const ranked = rank(scan, parsed, { partial: true });
    // Rule 1 of the ranking (#24): when no entry has every word, those with the most are shown, and said so.
    if (ranked.partial && ranked.indexes.length > 0) ctx.err.write(`icp-links: no entry has every word; showing those with ${ranked.partial.words} of ${ranked.partial.of}\n`);
    if (options.sort !== undefined) {
      // --sort replaces ranking (#13): every hit, in that order, then the limit.
      const score = new Map<number, number>();
      ranked.indexes.forEach((i, k) => score.set(i, ranked.scores[k]!));
      const hits = Array.from(ranked.indexes, (i) => entries.at(i)!);
      const index = new Map(Array.from(ranked.indexes, (i, k) => [hits[k]!, i] as const));
      const sorted = sortEntries(hits, options.sort).map((e) => index.get(e)!);
      ranked.indexes = Int32Array.from(sorted);
      ranked.scores = Float64Array.from(sorted, (i) => score.get(i)!);
    }
    const shown = options.limit === undefined ? ranked.indexes : ranked.indexes.subarray(0, options.limit);
    if (options.fields) writeFields(ctx, Array.from(shown, (i) => entries.at(i)!), options.fields, { scores: ranked.scores });
    else if (ctx.json) {
      const checks = ctx.checks.load();
      ctx.out.write(json(Array.from(shown, (i, k) => {
        const entry = entries.at(i)!;
        return { ...entryJson(entry, checks.get(entry.url), stateJson(layer?.get(entry))), score: Math.round(ranked.scores[k]! * 100) / 100 };
      })));
    } else if (!ctx.view.tty) {
      // Colour forced into a pipe (FORCE_COLOR): the same lines, matches highlighted (#12).
      const coloured = ctx.view.style !== plainStyle;
      for (const text of tsvSlices(entries, shown, coloured ? { query, style: ctx.view.style } : undefined)) ctx.out.write(text);
    } else if (shown.length > 0) {
      const rows = Array.from(shown, (i) => entries.at(i)!);
      ctx.out.write(`${entryRows(rows, ctx.view, { query, showSection: true, done: doneMarks(rows, layer, doneMark(ctx.env, ctx.platform)) }).join("\n")}\n`);
    }
    if (shown.length === 0) {
      // Which terms match nothing alone (#14: a term is a word, a phrase or a field: word).
      const lonely = parsed.terms.filter((t) => rank(scan, { ...parsed, terms: [t], exclude: [] }).indexes.length === 0).map((t) => t.raw);
      const which = lonely.length > 0 && lonely.length < parsed.terms.length ? ` ('${lonely.join("', '")}' matches nothing)` : "";
      throw new NotFoundError(`no entry matches '${query}'${which}`, "try fewer or other words, or 'icp-links list'");
    }
  },
};
