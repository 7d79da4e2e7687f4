// --fields (#14, #22): the TSV columns and --json keys chosen, like `gh --json`, for every command
// that prints entries (list, search, show, next, random): one option, one way of printing.
import type { World } from "./context";
import type { Entry } from "../catalog/types";
import type { OptionSpec } from "./spec";
import { parsed } from "./spec";
import { entryFields, fieldsSlices, json, parseFields, ENTRY_FIELDS, type EntryField } from "../render/entries";

export const FIELDS_OPTION: OptionSpec = { flags: "--fields <list>", description: `the TSV columns and --json keys, comma-separated: ${ENTRY_FIELDS.join(",")}`, parse: parsed(parseFields) };

export interface FieldsOptions {
  fields?: EntryField[];
}

/**
 * Prints the chosen fields of `entries` (with their search scores, when given): a JSON array, or
 * `single` and exactly one entry, its object (as `show 22 --json` and `next --json` print one).
 */
export function writeFields(ctx: World<"out" | "json">, entries: readonly Entry[], fields: readonly EntryField[], options: { scores?: ArrayLike<number>; single?: boolean } = {}): void {
  const rows = entries.map((e, k) => entryFields(e, fields, options.scores?.[k]));
  if (ctx.json) ctx.out.write(json(options.single && rows.length === 1 ? rows[0] : rows));
  else for (const text of fieldsSlices(rows, fields)) ctx.out.write(text);
}
