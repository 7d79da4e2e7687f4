// Reading pages: files, folders of .md files, and standard input ("-"). Pure: everything it
// touches comes in through `LoadDeps` (cli.ts gives the real ones), so tests can hand it fakes (#2).
import type { Stats } from "node:fs";
import type { Page } from "../catalog/types";
import { entryCount, type LoadedPage } from "../catalog/entries";
import type { UnpackedPages } from "../cache/format";
import { PageError, tooLarge, UsageError } from "../errors";
import { MAX_ENTRIES } from "../catalog/limits";
import { decodePage } from "../io/decode";
import { fileError } from "../io/file-error";
import { isRemoteSpec } from "../catalog/address";
import type { RemotePage } from "../web/remote";
import type { PageCache } from "../io/cache/page-cache";

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export { MAX_ENTRIES };

export interface FileSystem {
  stat(path: string): Promise<Stats>;
  /**
   * Reads a file, but never more than `limit` bytes (#12): a device or a pipe that never ends
   * (/dev/zero, `<(yes)`) is cut there, and the loader reports it too large.
   */
  readFile(path: string, limit: number): Promise<Uint8Array>;
  readdir(path: string): Promise<{ name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }[]>;
}

export interface LoadDeps {
  fs: FileSystem;
  /** Reads all of standard input; called only for "-". */
  readStdin(limit: number): Promise<Uint8Array>;
  maxBytes: number;
  cache?: PageCache;
  /** Parses one page; loaded lazily by the caller so that a cached run never loads the parser. */
  parse(text: string, source: string): Page | Promise<Page>;
  /** Reads a page from the web (src/web/remote.ts); absent where there is no network to use. */
  remote?(spec: string): Promise<RemotePage>;
  /** Says (on stderr) that a page of a folder was skipped; one line, no newline. */
  warn?(text: string): void;
}

const PAGE_FILE = /\.(md|markdown)$/i;

/** Every .md file under a folder, sorted, not following symbolic links to folders (no loops). */
async function pagesInFolder(fs: FileSystem, folder: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    let items;
    try {
      items = await fs.readdir(dir);
    } catch (error) {
      throw fileError(dir, error);
    }
    for (const item of items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (item.name.startsWith(".") || item.name === "node_modules") continue;
      const path = `${dir.replace(/\/+$/, "")}/${item.name}`;
      if (item.isDirectory()) await visit(path);
      else if ((item.isFile() || item.isSymbolicLink()) && PAGE_FILE.test(item.name)) found.push(path);
    }
  };
  await visit(folder);
  return found;
}

/**
 * Files named by --file whose extension says they are not markdown: data, code, web pages,
 * images, archives. `--file package.json` was read as a page with no links and listed nothing
 * (#12). Any other name, with or without an extension (a FIFO, /dev/fd/63, notes.txt), is read.
 */
const NOT_MARKDOWN = new Set(
  ("json jsonc json5 ndjson js mjs cjs ts mts cts jsx tsx yaml yml toml ini lock xml html htm xhtml css scss csv tsv " +
    "py rb go rs c h cc cpp hpp java kt swift php pl sh bash zsh fish ps1 bat sql wasm " +
    "pdf png jpg jpeg gif webp svg ico bmp mp3 mp4 zip gz tgz bz2 xz zst tar 7z rar jar exe dll so dylib " +
    "doc docx xls xlsx ppt pptx odt ods epub").split(" "),
);

/** The extension of a file name that says it is not a page, if it does. */
export function notMarkdownExtension(path: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path.replace(/^.*[\\/]/, ""))?.[1]?.toLowerCase();
  return ext !== undefined && NOT_MARKDOWN.has(ext) ? ext : undefined;
}

/** The largest ICP_LINKS_MAX_SIZE: a bigger page could not even be held as one string by V8. */
export const MAX_SIZE_CEILING_MB = 256;

/**
 * ICP_LINKS_MAX_SIZE in bytes: a positive number of MB, at most 256; unset means 64 MB.
 * Anything else is a usage error naming the variable, never silently ignored (#12).
 */
export function parseMaxSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const mb = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
  const bytes = Math.floor(mb * 1024 * 1024);
  if (!(bytes >= 1 && mb <= MAX_SIZE_CEILING_MB)) {
    throw new UsageError(`ICP_LINKS_MAX_SIZE is ${JSON.stringify(value)}, not a size in MB`, `set it to a number of MB above 0 and at most ${MAX_SIZE_CEILING_MB}, such as 128, or unset it for 64`);
  }
  return bytes;
}

async function readPageBytes(deps: LoadDeps, path: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await deps.fs.readFile(path, deps.maxBytes + 1);
  } catch (error) {
    throw fileError(path, error);
  }
  if (bytes.length > deps.maxBytes) throw tooLarge(path, undefined, deps.maxBytes);
  return bytes;
}

/** The files that the --file arguments name, in order, each once. */
export async function expandSources(deps: LoadDeps, specs: string[]): Promise<string[]> {
  return (await expand(deps, specs)).sources;
}

/** expandSources, with the folder each file was found in (a file named by itself is in none). */
async function expand(deps: LoadDeps, specs: string[]): Promise<{ sources: string[]; folderOf: Map<string, string> }> {
  const sources: string[] = [];
  const folderOf = new Map<string, string>();
  const named = new Set<string>();
  for (const spec of specs) {
    if (spec === "-" || isRemoteSpec(spec)) {
      sources.push(spec);
      continue;
    }
    let stats: Stats;
    try {
      stats = await deps.fs.stat(spec);
    } catch (error) {
      throw fileError(spec, error);
    }
    if (stats.isDirectory()) {
      const files = await pagesInFolder(deps.fs, spec);
      if (files.length === 0) throw new PageError(spec, "is a folder with no .md files", "name a folder that holds markdown pages, or a .md file");
      sources.push(...files);
      for (const file of files) if (!folderOf.has(file)) folderOf.set(file, spec);
    } else {
      const ext = notMarkdownExtension(spec);
      if (ext) throw new PageError(spec, `is not a markdown page (a .${ext} file)`, `name a .md page; to read it as markdown anyway: --file - < ${spec}`);
      if (stats.isFile() && stats.size > deps.maxBytes) throw tooLarge(spec, stats.size, deps.maxBytes);
      sources.push(spec);
      named.add(spec);
    }
  }
  // A page named by itself stays an error when it cannot be read, even if a folder holds it too.
  for (const file of named) folderOf.delete(file);
  return { sources: [...new Set(sources)], folderOf };
}

/**
 * What a run has read so far: the entries counted against MAX_ENTRIES (each page alone and all
 * together, #12, #22), and the pages of folders that could not be read (#22): skipped, each said
 * in one line; a folder is an error only when none of its pages could be read.
 */
class Reading {
  readonly pages: LoadedPage[] = [];
  private entries = 0;
  private readonly skipped = new Map<string, PageError>();

  constructor(
    private readonly deps: LoadDeps,
    private readonly folderOf: Map<string, string>,
  ) {}

  /** Adds a page of `entries` entries, unless it brings the run past MAX_ENTRIES. */
  count(source: string, entries: number): void {
    this.entries += entries;
    if (this.entries > MAX_ENTRIES) {
      const what = this.pages.length === 0 ? "has" : "brings the pages read to";
      throw new PageError(source, `${what} more than ${MAX_ENTRIES.toLocaleString("en")} entries, the most icp-links reads at once`, "split the page, or read fewer pages at once");
    }
  }

  /** Adds a page, counted first: a page refused is not stored; `store` stores it, and what it gives back is the page (#26). */
  add(source: string, loaded: LoadedPage, store?: () => LoadedPage | undefined): void {
    this.count(source, entryCount(loaded));
    this.pages.push(store?.() ?? loaded);
  }

  /** A page that could not be read: skipped if a folder holds it, else the error is thrown. */
  skip(source: string, error: unknown): void {
    const folder = this.folderOf.get(source);
    if (folder === undefined || !(error instanceof PageError)) throw error;
    this.skipped.set(folder, error);
    this.deps.warn?.(`skipped ${error.message}`);
  }

  get skippedAny(): boolean {
    return this.skipped.size > 0;
  }

  /** The pages read; an error if every page of a folder was skipped. */
  end(): LoadedPage[] {
    const [folder, error] = [...this.skipped][0] ?? [];
    if (this.pages.length === 0 && folder !== undefined && error) throw new PageError(folder, `no page could be read (the last: ${error.message})`, error.hint ?? "fix the pages named above");
    return this.pages;
  }
}

export async function loadPages(deps: LoadDeps, specs: string[]): Promise<LoadedPage[]> {
  const { sources, folderOf } = await expand(deps, specs);
  const reading = new Reading(deps, folderOf);
  try {
    // Several pages (not standard input, read once): cached as one unit (#26).
    if (sources.length > 1 && !sources.includes("-") && deps.cache?.getUnit) return await loadUnit(deps, specs, sources, reading);
    for (const source of sources) {
      if (isRemoteSpec(source)) {
        // Counted as a file is: alone and together with the others (#22).
        reading.add(source, await loadRemotePage(deps, source));
        continue;
      }
      let read: { loaded: LoadedPage; bytes?: Uint8Array };
      try {
        read = await readLocalPage(deps, source);
      } catch (error) {
        reading.skip(source, error);
        continue;
      }
      const { loaded, bytes } = read;
      reading.add(source, loaded, bytes && deps.cache ? () => deps.cache!.set(bytes, loaded.page) : undefined);
    }
    return reading.end();
  } finally {
    deps.cache?.finish?.();
  }
}

/** The pages of a catalog unit as the catalog takes them: all its entries, numbered across its pages. */
function unitPages(unit: UnpackedPages, reading: Reading): LoadedPage[] {
  unit.pages.forEach((page, k) => reading.add(page.source, { page, unit: { entries: unit.stored, count: unit.counts[k]! } }));
  return reading.end();
}

/**
 * Several pages through their catalog unit (#26), the unit of what was named (`specs`: a folder,
 * several files, web pages). Each page's identity is taken first (a file's stat; a web page's
 * bytes, read as every run reads them); while every one is as the unit noted, the unit is the
 * catalog: nothing is read, parsed or hashed. Otherwise only the pages whose identity changed, and
 * those the unit does not hold (a note added to the folder, or renamed), are read and parsed, the
 * others kept as the unit holds them (a note removed is left out), and the unit is written anew. A
 * page skipped (#22) keeps the unit from being written, so that the next run says so again.
 */
async function loadUnit(deps: LoadDeps, specs: string[], sources: string[], reading: Reading): Promise<LoadedPage[]> {
  const cache = deps.cache!;
  const remote = new Map<string, RemotePage>();
  const identities: (string | undefined)[] = [];
  for (const source of sources) {
    if (isRemoteSpec(source)) {
      if (!deps.remote) throw new PageError(source, "pages from the web cannot be read here", "download the page and give its path");
      const read = await deps.remote(source);
      remote.set(source, read);
      identities.push(cache.bytesIdentity!(read.bytes, read.base));
    } else identities.push(cache.fileIdentity!(source));
  }
  const old = cache.getUnit!(specs);
  // Where each source is in the unit, when its pages are not those of this run in the same order.
  const oldSources = old?.pages.map((p) => p.source);
  const inOrder = oldSources !== undefined && oldSources.length === sources.length && sources.every((s, k) => oldSources[k] === s);
  const where = oldSources && !inOrder ? new Map(oldSources.map((s, k) => [s, k])) : undefined;
  const oldAt = (k: number) => (inOrder ? k : where?.get(sources[k]!));
  const same = (k: number) => {
    const at = oldAt(k);
    return at !== undefined && identities[k] !== undefined && identities[k] === old!.identities[at];
  };
  if (old && inOrder && sources.every((_, k) => same(k))) return unitPages(old, reading);
  const pages: { page: Page; identity: string }[] = [];
  for (const [k, source] of sources.entries()) {
    let page: Page;
    let identity = identities[k] ?? "";
    if (same(k)) page = old!.pages[oldAt(k)!]!;
    else if (remote.has(source)) {
      const { source: name, bytes, base } = remote.get(source)!;
      page = await deps.parse(decodePage(bytes, name), name);
      page.frontMatter.baseUrl ??= base;
    } else {
      try {
        page = await deps.parse(decodePage(await readPageBytes(deps, source), source), source);
      } catch (error) {
        reading.skip(source, error);
        continue;
      }
      // Changed while it was read: noted as unknown, so that the next run reads it again.
      if (cache.fileIdentity!(source) !== identity) identity = "";
    }
    reading.count(source, page.entries.length);
    pages.push({ page, identity });
  }
  if (reading.skippedAny) {
    // Counted already: handed on as parsed pages, the unit left as it was.
    reading.pages.push(...pages.map(({ page }) => ({ page })));
    return reading.end();
  }
  const unit = cache.setUnit!(specs, pages);
  // Counted above: the reading starts again from the unit's pages.
  return unitPages(unit, new Reading(deps, new Map()));
}

/**
 * A local page (or standard input) from the cache, else read and parsed; `bytes` when it is to be
 * stored. Parsed from the bytes read here, and stored under their key: a page changed meanwhile
 * is stored as it was read.
 */
async function readLocalPage(deps: LoadDeps, source: string): Promise<{ loaded: LoadedPage; bytes?: Uint8Array }> {
  const known = source === "-" ? undefined : deps.cache?.getFile?.(source, source, deps.maxBytes);
  if (known) return { loaded: known };
  const bytes = source === "-" ? await readStdinPage(deps) : await readPageBytes(deps, source);
  const cached = deps.cache?.get(bytes, source);
  if (cached) return { loaded: cached };
  return { loaded: { page: await deps.parse(decodePage(bytes, source), source) }, bytes };
}

/**
 * A page from the web: its bytes from the remote loader (a copy, a 304 or a download), then
 * parsed or found in the page cache like any other. Its relative links resolve against its
 * address unless its front matter names a base URL.
 */
async function loadRemotePage(deps: LoadDeps, spec: string): Promise<LoadedPage> {
  if (!deps.remote) throw new PageError(spec, "pages from the web cannot be read here", "download the page and give its path");
  const { source, bytes, base } = await deps.remote(spec);
  let loaded = deps.cache?.get(bytes, source);
  if (!loaded) {
    const page = await deps.parse(decodePage(bytes, source), source);
    loaded = deps.cache?.set(bytes, page) ?? { page };
  }
  // After the cache has stored the page: the same bytes from a file have no such base.
  loaded.page.frontMatter.baseUrl ??= base;
  return loaded;
}

async function readStdinPage(deps: LoadDeps): Promise<Uint8Array> {
  const bytes = await deps.readStdin(deps.maxBytes + 1);
  if (bytes.length > deps.maxBytes) throw tooLarge("-", undefined, deps.maxBytes);
  return bytes;
}
