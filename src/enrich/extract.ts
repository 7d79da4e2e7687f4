// A link's page (HTML) → its facts (#27), read the way real sites carry them: schema.org JSON-LD
// and microdata (VideoObject, Article, NewsArticle, BlogPosting, DiscussionForumPosting, …),
// OpenGraph, <meta name="author|description">, <title>, twitter:label1/data1 reading times, and
// the oEmbed link. htmlparser2 reads the HTML (a tolerant streaming parser, as browsers are
// tolerant); this module loads only for `enrich`. Pure: text in, facts out.
import { Parser } from "htmlparser2";
import { cleanFacts, isoDate, isoDuration, readingTime, seconds, type LinkFacts } from "../catalog/link-facts";

export interface PageReading {
  facts: LinkFacts;
  /** The page's oEmbed address (<link rel="alternate" type="application/json+oembed">), absolute. */
  oembed?: string;
}

type Value = string | Scope;
interface Scope {
  types: string[];
  props: Map<string, Value[]>;
}

const ARTICLE = /^(?:Article|NewsArticle|BlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|AnalysisNewsArticle|ReportageNewsArticle)$/;
const VIDEO = /^(?:VideoObject|Movie|Episode|TVEpisode)$/;
const FORUM = /^(?:DiscussionForumPosting|QAPage|Question)$/;

function typeNames(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.replace(/^https?:\/\/schema\.org\//i, "").trim());
}

function kindOf(types: string[]): LinkFacts["type"] | undefined {
  if (types.some((t) => VIDEO.test(t))) return "video";
  if (types.some((t) => FORUM.test(t))) return "forum";
  if (types.some((t) => ARTICLE.test(t))) return "article";
  return undefined;
}

/** A JSON-LD node or a microdata scope, as one shape: a type and a property getter. */
interface Thing {
  kind: LinkFacts["type"];
  get(name: string): unknown[];
}

function jsonLdThings(data: unknown, out: Thing[], depth = 0): void {
  if (depth > 6 || data === null || typeof data !== "object") return;
  if (Array.isArray(data)) {
    for (const d of data.slice(0, 100)) jsonLdThings(d, out, depth + 1);
    return;
  }
  const node = data as Record<string, unknown>;
  if (node["@graph"] !== undefined) jsonLdThings(node["@graph"], out, depth + 1);
  const kind = kindOf(typeNames(node["@type"]));
  if (kind) out.push({ kind, get: (name) => (Array.isArray(node[name]) ? (node[name] as unknown[]) : node[name] === undefined ? [] : [node[name]]) });
  if (node.mainEntity !== undefined) jsonLdThings(node.mainEntity, out, depth + 1);
}

function scopeThing(scope: Scope): Thing | undefined {
  const kind = kindOf(scope.types);
  if (!kind) return undefined;
  return { kind, get: (name) => (scope.props.get(name) ?? []).map((v) => (typeof v === "string" ? v : { name: first(v.props.get("name")) })) };
}

function first(values: Value[] | undefined): string | undefined {
  for (const v of values ?? []) if (typeof v === "string") return v;
  return undefined;
}

/** An author as JSON-LD or microdata gives it: a name, or a thing with a name. */
function personName(value: unknown): string | undefined {
  if (typeof value === "string") return /^https?:\/\//i.test(value.trim()) ? undefined : value;
  if (value && typeof value === "object") {
    const name = (value as Record<string, unknown>).name;
    return typeof name === "string" ? name : Array.isArray(name) && typeof name[0] === "string" ? name[0] : undefined;
  }
  return undefined;
}

function firstString(values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === "string" && v.trim() !== "") return v;
  return undefined;
}

/** Reads a page (or its start: whatever came before reading stopped). */
export function readPage(html: string, pageUrl: string): PageReading {
  const meta = new Map<string, string[]>();
  const addMeta = (key: string, value: string) => {
    const k = key.toLowerCase();
    const list = meta.get(k);
    if (list) list.push(value);
    else meta.set(k, [value]);
  };
  const jsonLd: string[] = [];
  let title: string | undefined;
  let oembed: string | undefined;
  const scopes: Scope[] = [];
  // The open elements: which scope each opened, which property its text is the value of.
  const stack: { scope?: Scope; textOf?: { scope: Scope; prop: string }; text?: string[]; script?: string[]; title?: string[] }[] = [];
  const currentScope = () => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.scope) return stack[i]!.scope;
    return undefined;
  };
  const addProp = (scope: Scope, props: string, value: Value) => {
    for (const prop of props.split(/\s+/).filter(Boolean)) {
      const list = scope.props.get(prop);
      if (list) list.push(value);
      else scope.props.set(prop, [value]);
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const frame: (typeof stack)[number] = {};
        const itemprop = attrs.itemprop;
        const parent = currentScope();
        if (attrs.itemscope !== undefined) {
          const scope: Scope = { types: typeNames((attrs.itemtype ?? "").split(/\s+/)), props: new Map() };
          if (itemprop && parent) addProp(parent, itemprop, scope);
          scopes.push(scope);
          frame.scope = scope;
        } else if (itemprop && parent) {
          const value = attrs.content ?? attrs.datetime ?? (name === "link" || name === "a" ? attrs.href : undefined);
          if (value !== undefined) addProp(parent, itemprop, value);
          else if (name !== "meta" && name !== "link") {
            frame.textOf = { scope: parent, prop: itemprop };
            frame.text = [];
          }
        }
        if (name === "meta") {
          const key = attrs.property ?? attrs.name ?? (parent ? undefined : attrs.itemprop);
          if (key && attrs.content !== undefined) addMeta(key, attrs.content);
        } else if (name === "link") {
          const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
          if (rel.includes("alternate") && /json\+oembed/i.test(attrs.type ?? "") && attrs.href && oembed === undefined) {
            try {
              const u = new URL(attrs.href, pageUrl);
              if (u.protocol === "http:" || u.protocol === "https:") oembed = u.href;
            } catch {
              // Not an address: no oEmbed.
            }
          }
        } else if (name === "script" && /ld\+json/i.test(attrs.type ?? "")) frame.script = [];
        else if (name === "title" && title === undefined && !stack.some((f) => f.title)) frame.title = [];
        stack.push(frame);
      },
      ontext(text) {
        for (const frame of stack) {
          frame.text?.push(text);
          frame.title?.push(text);
        }
        stack.at(-1)?.script?.push(text);
      },
      onclosetag() {
        const frame = stack.pop();
        if (!frame) return;
        if (frame.textOf && frame.text) addProp(frame.textOf.scope, frame.textOf.prop, frame.text.join(""));
        if (frame.script) jsonLd.push(frame.script.join(""));
        if (frame.title) title = frame.title.join("");
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const things: Thing[] = [];
  for (const text of jsonLd) {
    try {
      jsonLdThings(JSON.parse(text), things);
    } catch {
      // A broken JSON-LD block says nothing.
    }
  }
  for (const scope of scopes) {
    const t = scopeThing(scope);
    if (t) things.push(t);
  }
  // The page's main thing: a video first, then a post or an article.
  const main = things.find((t) => t.kind === "video") ?? things.find((t) => t.kind === "forum") ?? things.find((t) => t.kind === "article");
  const m = (key: string) => meta.get(key)?.find((v) => v.trim() !== "");
  const ogType = m("og:type")?.toLowerCase();
  const type: LinkFacts["type"] = main?.kind ?? (ogType?.startsWith("video") ? "video" : ogType === "article" ? "article" : "page");

  const raw: Record<string, unknown> = { type };
  raw.title = firstString(main?.get("name") ?? []) ?? firstString(main?.get("headline") ?? []) ?? m("og:title") ?? m("twitter:title") ?? title;
  raw.description = m("og:description") ?? m("description") ?? m("twitter:description") ?? firstString(main?.get("description") ?? []);
  // The reading time of a "Reading time" label (twitter:label1/data1, label2/data2).
  let reading: number | undefined;
  for (const i of [1, 2, 3]) {
    if (/read/i.test(m(`twitter:label${i}`) ?? "")) reading ??= readingTime(m(`twitter:data${i}`));
  }
  raw.duration = isoDuration(firstString(main?.get("duration") ?? [])) ?? seconds(m("video:duration") ?? m("og:video:duration")) ?? isoDuration(m("duration")) ?? reading ?? readingTime(firstString(main?.get("timeRequired") ?? []) ?? "") ?? isoDuration(firstString(main?.get("timeRequired") ?? []));
  raw.published = [...(main?.get("datePublished") ?? []), ...(main?.get("uploadDate") ?? []), m("article:published_time"), m("video:release_date"), m("datepublished"), m("uploaddate")].map(isoDate).find((d) => d !== undefined);
  const people = (main?.get("author") ?? []).map(personName).filter((n): n is string => n !== undefined);
  if (type === "video") {
    raw.channel = people[0] ?? m("author");
  } else {
    const fromMeta = (meta.get("article:author") ?? []).map(personName).filter((n): n is string => n !== undefined);
    raw.authors = people.length > 0 ? people : fromMeta.length > 0 ? fromMeta : m("author") === undefined ? [] : [m("author")];
  }
  return { facts: cleanFacts(raw), ...(oembed !== undefined && { oembed }) };
}

/**
 * Whether the head says enough to stop reading at </head>: a title, and for a video its length,
 * for an article its date. A video page that gives its length only in the body (as YouTube's
 * microdata) is read on.
 */
export function headSaysEnough(facts: LinkFacts): boolean {
  if (facts.title === undefined) return false;
  if (facts.type === "video") return facts.duration !== undefined;
  if (facts.type === "article" || facts.type === "forum") return facts.published !== undefined;
  return true;
}

/** An oEmbed answer (JSON) → facts: YouTube's gives title and channel, Vimeo's the duration and date too. */
export function readOembed(text: string): LinkFacts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (data === null || typeof data !== "object") return {};
  const x = data as Record<string, unknown>;
  const video = x.type === "video";
  return cleanFacts({
    title: x.title,
    description: x.description,
    duration: x.duration,
    published: x.upload_date,
    ...(video ? { channel: x.author_name, type: "video" } : { authors: typeof x.author_name === "string" ? [x.author_name] : [] }),
  });
}

