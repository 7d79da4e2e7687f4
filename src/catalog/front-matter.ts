// Front matter, read with gray-matter (#2). Two engines are replaced:
// - YAML goes through the `yaml` package, whose alias limit makes a "billion laughs"
//   document fail fast instead of expanding (#7), and whose errors carry a line number;
// - gray-matter would `eval` a `---js` block: a page must never run code, so it is refused.
import matter from "gray-matter";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { FrontMatter } from "./types";
import { PageError } from "../errors";
import { sanitize, sanitizeLines } from "../text/sanitize";

const MAX_DEPTH = 32;

export interface SplitPage {
  frontMatter: FrontMatter;
  body: string;
  /** Lines taken by the front matter, so body line n is page line n + offset. */
  lineOffset: number;
}

/** A line of the simplest front matter: a key, and a word-like value or a flow list of words ("tags: [a, b]"). */
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9_-]*): (?:([A-Za-z][A-Za-z0-9 ]*[A-Za-z0-9]|[A-Za-z])|\[((?:[A-Za-z][A-Za-z0-9]*(?:, [A-Za-z][A-Za-z0-9]*)*)?)\])$/;
/** Words YAML reads as no string (in 1.2, and in 1.1 to be safe): left to the YAML parser. */
const NOT_STRING = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/**
 * The front matter that nb and Obsidian notes have ("title: Some Title", "tags: [a, b]"), read
 * without gray-matter and the YAML parser (#26: a folder of 3,000 notes spent a third of its
 * parse there): what they give for it, exactly (test/catalog/front-matter.property.test.ts);
 * undefined for anything else, which they read.
 */
export function simpleFrontMatter(inner: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const line of inner.split("\n")) {
    if (line === "") continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m || Object.hasOwn(out, m[1]!)) return undefined;
    if (m[2] !== undefined) {
      if (NOT_STRING.test(m[2])) return undefined;
      out[m[1]!] = m[2];
    } else {
      const items = m[3] ? m[3].split(", ") : [];
      if (items.some((item) => NOT_STRING.test(item))) return undefined;
      out[m[1]!] = items;
    }
  }
  return out;
}

export function readFrontMatter(text: string, source: string, simple = true): SplitPage {
  const opening = /^---[^\S\n]*([a-zA-Z]*)[^\S\n]*\n/.exec(text);
  if (!opening) return { frontMatter: { tags: [], meta: {} }, body: text, lineOffset: 0 };
  const close = /^(?:---|\.\.\.)[^\S\n]*$/m;
  const rest = text.slice(opening[0].length);
  const closing = close.exec(rest);
  if (!closing) {
    throw new PageError(source, "front matter opened by '---' is never closed", "end it with a line of '---' before the page's content", 1);
  }
  const language = (opening[1] || "yaml").toLowerCase();
  const refuse = (): never => {
    throw new PageError(source, `front matter in '${language}' is not supported`, "write the front matter in YAML", 1);
  };
  const yamlEngine = (input: string): object => {
    try {
      const value: unknown = parseYaml(input, { maxAliasCount: 50, uniqueKeys: false, prettyErrors: true });
      return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as object) : {};
    } catch (error) {
      const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line + 1 : 1;
      const what = error instanceof Error ? error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") : "invalid YAML";
      throw new PageError(source, `front matter is not valid YAML: ${sanitize(what)}`, "fix the YAML between the '---' lines", line);
    }
  };
  if (!["yaml", "yml"].includes(language)) refuse();
  // The split is ours (so that line numbers are exact); gray-matter reads the block itself.
  // It is given an options object: without one it caches every string it parses.
  const inner = rest.slice(0, closing.index);
  const data =
    (simple ? simpleFrontMatter(inner) : undefined) ??
    matter(`---\n${inner}\n---\n`, {
      engines: { yaml: yamlEngine, json: refuse, js: refuse, javascript: refuse, coffee: refuse, coffeescript: refuse, toml: refuse },
    }).data;
  const meta = toPlain(data, 0) as Record<string, unknown>;
  const end = closing.index + closing[0].length;
  const body = rest.slice(rest[end] === "\n" ? end + 1 : end);
  const lineOffset = countLines(text.slice(0, text.length - body.length));
  return { frontMatter: normalise(meta), body, lineOffset };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * A JSON-safe copy: plain objects and arrays, strings, finite numbers, booleans, null. Strings
 * and keys are sanitised (line breaks kept in values): `--json` and the json export print the
 * front matter as read (#12).
 */
function toPlain(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (typeof value === "string") return sanitizeLines(value);
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toPlain(item, depth + 1));
  if (typeof value === "object") {
    // Without a prototype: a key such as "__proto__" or "constructor" (sanitised or not) is a key
    // like any other, kept as read (#22).
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) out[sanitize(key)] = toPlain(item, depth + 1);
    return out;
  }
  return null;
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return sanitize(value).trim() || undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return asText(value.filter((v) => typeof v !== "object").join(" "));
  return undefined;
}

function asTags(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : value === undefined || value === null ? [] : [value];
  return list.map(asText).filter((tag): tag is string => tag !== undefined);
}

function normalise(meta: Record<string, unknown>): FrontMatter {
  const fm: FrontMatter = { tags: asTags(meta.tags), meta };
  const title = asText(meta.title);
  const description = typeof meta.description === "string" ? meta.description.split(/\r?\n/).map((l) => sanitize(l).trim()).filter(Boolean).join(" — ") : asText(meta.description);
  const date = asText(meta.date);
  const permalink = asText(meta.permalink);
  const baseUrl = asText(meta.base_url ?? meta.baseUrl ?? meta.url);
  if (title) fm.title = title;
  if (description) fm.description = description;
  if (date) fm.date = date;
  if (permalink) fm.permalink = permalink;
  if (baseUrl) fm.baseUrl = baseUrl;
  return fm;
}
