// The state as the commands see it (#16): an entry's state found by its URL, the --todo and
// --done filters, the marks of rows, progress counts, and entries as the search sees them with
// one's notes and own tags. Pure over the data; `ownLayer` reads the store it is given.
import type { StateStore } from "../io/state/store";
import type { CheckStore } from "../io/check/store";
import type { Printer } from "../io/output";
import type { Entry } from "../catalog/types";
import type { Catalog } from "../catalog/catalog";
import { applyFilters, type Filters } from "../search/filters";
import type { CheckResult } from "../check/types";
import { UsageError, ValueError } from "../errors";
import { isDone, markOpened, noteOf, ownTags, seen, stateKey, type EntryState, type StateData } from "./model";
import { sanitize } from "../text/sanitize";

/** The part of the world the layer reads and writes (a command's Context has it). */
export interface StateWorld {
  state: StateStore;
  checks: CheckStore;
  now(): Date;
  /** Where a mark that could not be kept is said. */
  err: Printer;
}

export interface OwnLayer {
  data: StateData;
  /** The key an entry's state is kept under: its own, or that of the URL it moved from or to. */
  keyOf(url: string): string;
  get(entry: { url: string }): EntryState | undefined;
  /** Some entry has a note or an own tag: the search and --tag must look at them. */
  readonly hasText: boolean;
}

/**
 * Looks an entry's state up by its URL. A link that `check` found permanently redirected keeps
 * its state both ways: the page edited to the new URL finds the state kept under the old one,
 * and an old page finds state kept under the new one.
 */
export function layerOf(data: StateData, checks: ReadonlyMap<string, CheckResult> = new Map()): OwnLayer {
  const forward = new Map<string, string>();
  const back = new Map<string, string>();
  if (data.size > 0) {
    for (const r of checks.values()) {
      if (r.state !== "redirected" || !r.finalUrl) continue;
      const from = stateKey(r.url);
      const to = stateKey(r.finalUrl);
      if (from === to) continue;
      forward.set(from, to);
      back.set(to, from);
    }
  }
  const keyOf = (url: string): string => {
    const key = stateKey(url);
    if (data.has(key)) return key;
    // Follows a few moves (a link moved twice), never a cycle.
    for (const map of [forward, back]) {
      let at = map.get(key);
      for (let hops = 0; at !== undefined && hops < 5; hops++, at = map.get(at)) if (data.has(at)) return at;
    }
    return key;
  };
  let hasText = false;
  for (const s of data.values()) if (noteOf(s) !== undefined || ownTags(s).length > 0) hasText = true;
  return { data, keyOf, get: (entry) => (data.size === 0 ? undefined : data.get(keyOf(entry.url))), hasText };
}

/**
 * The layer of this run, or undefined with --no-state. Reads the state file, and the check
 * results only when there is state to look up.
 */
export function ownLayer(ctx: Pick<StateWorld, "state" | "checks">): OwnLayer | undefined {
  if (!ctx.state.enabled) return undefined;
  const data = ctx.state.load();
  return layerOf(data, data.size > 0 ? ctx.checks.load() : undefined);
}

export interface StateFilterOptions {
  todo?: boolean;
  done?: boolean;
}

export function wantsState(options: StateFilterOptions): boolean {
  return Boolean(options.todo || options.done);
}

/** Keeps the entries --todo or --done asks for (all without either). */
export function filterByState<E extends { url: string }>(entries: readonly E[], layer: OwnLayer | undefined, options: StateFilterOptions): readonly E[] {
  if (options.todo && options.done) throw new ValueError("--todo and --done exclude each other", "give one of them");
  if (!options.todo && !options.done) return entries;
  return entries.filter((e) => isDone(layer?.get(e)) === Boolean(options.done));
}

/** Own tags of an entry, for the --tag filter. */
export function ownTagsOf(layer: OwnLayer | undefined): ((e: Entry) => string[]) | undefined {
  return layer?.hasText ? (e) => ownTags(layer.get(e)) : undefined;
}

/**
 * The mark of a done entry: a check mark, or the word where the terminal cannot show it. The
 * locale says which (the first of LC_ALL, LC_CTYPE, LANG that is set, as the C library reads
 * them): UTF-8 in it, or no locale at all on Windows and macOS terminals, which are Unicode.
 */
export function doneMark(env: Record<string, string | undefined>, platform: string): string {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  const unicode = locale ? /utf-?8/i.test(locale) : platform === "win32" || platform === "darwin";
  return unicode ? "\u2713" : "done";
}

/** Marks of done entries by position, for the rows of list, search and pick. */
export function doneMarks(entries: readonly Entry[], layer: OwnLayer | undefined, mark: string): Map<number, string> {
  const marks = new Map<number, string>();
  if (!layer || layer.data.size === 0) return marks;
  for (const e of entries) if (isDone(layer.get(e))) marks.set(e.position, mark);
  return marks;
}

/** Done of all, for a facet: "5/15". */
export function progress(entries: readonly Entry[], layer: OwnLayer | undefined): { done: number; total: number } {
  let done = 0;
  if (layer && layer.data.size > 0) for (const e of entries) if (isDone(layer.get(e))) done++;
  return { done, total: entries.length };
}

/**
 * The entries as the search reads them: one's own tags with the page's, the note after the
 * description. Copies, for ranking only; rows show the entries as they are.
 */
export function searchable(entries: readonly Entry[], layer: OwnLayer): Entry[] {
  return entries.map((e) => {
    const s = layer.get(e);
    const note = noteOf(s);
    const tags = ownTags(s);
    if (note === undefined && tags.length === 0) return e;
    return { ...e, tags: [...e.tags, ...tags], description: [e.description, note].filter(Boolean).join(" \u2014 ").replace(/[\r\n\t]+/g, " ") };
  });
}

/** An entry's state in --json output and exports. */
export interface StateJson {
  done: string | null;
  opened: string | null;
  note: string | null;
  tags: string[];
}

export function stateJson(s: EntryState | undefined): StateJson | null {
  if (!s) return null;
  return { done: isDone(s) ? s.done!.on! : null, opened: s.opened ?? null, note: noteOf(s) ?? null, tags: ownTags(s) };
}

/**
 * Changes the state of entries under the store's lock, each under its key (that of a URL it
 * moved from, when that is where its state is), remembering its title and id.
 */
export function updateEntries(ctx: Pick<StateWorld, "state" | "checks">, entries: readonly Entry[], change: (s: EntryState, e: Entry) => EntryState): StateData {
  const checks = ctx.checks.load();
  return ctx.state.update((data) => {
    const layer = layerOf(data, checks);
    for (const e of entries) {
      const key = layer.keyOf(e.url);
      data.set(key, seen(change(data.get(key) ?? {}, e), e));
    }
    return data;
  });
}

/** Remembers that entries were opened; a failure to remember is said, never fatal: they are open. */
export function recordOpened(ctx: StateWorld, entries: readonly Entry[]): void {
  if (!ctx.state.enabled || entries.length === 0) return;
  const at = ctx.now().toISOString();
  try {
    updateEntries(ctx, entries, (s) => markOpened(s, at));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    ctx.err.write(`icp-links: opened, but not remembered: ${sanitize(error.message)}\n`);
  }
}

/** The filters of list and its kin, with --tag matching own tags and --todo/--done. */
export function filterEntries(catalog: Catalog, entries: readonly Entry[], options: Filters & StateFilterOptions, layer: OwnLayer | undefined): readonly Entry[] {
  return filterByState(applyFilters(catalog, entries, options, ownTagsOf(layer)), layer, options);
}
