// The edge that reads pages: files, folders of .md files, and standard input ("-").
// Everything it touches comes in through `LoadDeps`, so tests can hand it fakes (#2).
import type { Stats } from "node:fs";
import type { CachedEntries, Page, SearchText } from "../catalog/types";
import { PageError } from "../errors";
import { decodePage } from "./decode";
import { isRemoteSpec } from "../web/address";
import type { RemotePage } from "../web/remote";

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface FileSystem {
  stat(path: string): Promise<Stats>;
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<{ name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }[]>;
}

/** A page, and what a cache could tell about it beyond the page itself. */
export interface LoadedPage {
  page: Page;
  /** Its entries as a catalog of this page alone holds them, built when read (from the cache). */
  lazy?: CachedEntries;
  text?: SearchText;
}

/** A per-page cache of parsed pages, keyed by content (see io/cache.ts). */
export interface PageCache {
  get(bytes: Uint8Array, source: string): LoadedPage | undefined;
  /**
   * The same as get() of the file's bytes, found without keeping them: for a file the cache is
   * likely to have. Undefined when it cannot tell (not a regular file, unreadable): the loader
   * then reads the file itself.
   */
  getFile?(path: string, source: string, maxBytes: number): LoadedPage | undefined;
  set(bytes: Uint8Array, page: Page): void;
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
}

const PAGE_FILE = /\.(md|markdown)$/i;

function errnoOf(error: unknown): string | undefined {
  return error !== null && typeof error === "object" && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/** Turns a file-system error into a message that names the file and says what to do. */
export function fileError(path: string, error: unknown): PageError {
  switch (errnoOf(error)) {
    case "ENOENT":
      return new PageError(path, "no such file or folder", "check the path, or leave out --file to use the bundled page");
    case "EACCES":
    case "EPERM":
      return new PageError(path, "permission denied", "check the file's permissions");
    case "ELOOP":
      return new PageError(path, "is a loop of symbolic links", "point --file at the real file");
    case "ENOTDIR":
      return new PageError(path, "a part of the path is not a folder", "check the path");
    case "EISDIR":
      return new PageError(path, "is a folder", "name a .md file or a folder of them");
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new PageError(path, `cannot be read (${message})`, "check the path and try again");
    }
  }
}

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

function tooLarge(source: string, size: number, max: number): PageError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new PageError(source, `is ${mb(size)}, more than the ${mb(max)} a page may have`, "set ICP_LINKS_MAX_SIZE (in MB) to allow larger pages");
}

async function readPageBytes(deps: LoadDeps, path: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await deps.fs.readFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (bytes.length > deps.maxBytes) throw tooLarge(path, bytes.length, deps.maxBytes);
  return bytes;
}

/** The files that the --file arguments name, in order, each once. */
export async function expandSources(deps: LoadDeps, specs: string[]): Promise<string[]> {
  const sources: string[] = [];
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
    } else {
      if (stats.isFile() && stats.size > deps.maxBytes) throw tooLarge(spec, stats.size, deps.maxBytes);
      sources.push(spec);
    }
  }
  return [...new Set(sources)];
}

export async function loadPages(deps: LoadDeps, specs: string[]): Promise<LoadedPage[]> {
  const sources = await expandSources(deps, specs);
  const pages: LoadedPage[] = [];
  for (const source of sources) {
    if (isRemoteSpec(source)) {
      pages.push(await loadRemotePage(deps, source));
      continue;
    }
    const known = source === "-" ? undefined : deps.cache?.getFile?.(source, source, deps.maxBytes);
    if (known) {
      pages.push(known);
      continue;
    }
    // Parsed from the bytes read here, and stored under their key: a page changed meanwhile is
    // stored as it was read.
    const bytes = source === "-" ? await readStdinPage(deps) : await readPageBytes(deps, source);
    const cached = deps.cache?.get(bytes, source);
    if (cached) {
      pages.push(cached);
      continue;
    }
    const page = await deps.parse(decodePage(bytes, source), source);
    deps.cache?.set(bytes, page);
    pages.push({ page });
  }
  return pages;
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
    deps.cache?.set(bytes, page);
    loaded = { page };
  }
  // After the cache has stored the page: the same bytes from a file have no such base.
  loaded.page.frontMatter.baseUrl ??= base;
  return loaded;
}

async function readStdinPage(deps: LoadDeps): Promise<Uint8Array> {
  const bytes = await deps.readStdin(deps.maxBytes + 1);
  if (bytes.length > deps.maxBytes) throw tooLarge("-", bytes.length, deps.maxBytes);
  return bytes;
}
