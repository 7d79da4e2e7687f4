// What kind of thing a link is. The rules are data: add a host or a section word here,
// not a condition in the parser (#2). First match wins: a relative link is a site link, then
// the link's host decides, then the words of its section, and everything else is a page.
import type { Kind } from "./types";
import { fold, words } from "../text/fold";

/** Hosts (and their subdomains) by kind. */
export const HOST_KINDS: Record<Exclude<Kind, "site" | "page">, readonly string[]> = {
  talk: [
    "youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "twitch.tv", "dailymotion.com",
    "loom.com", "ted.com", "peertube.tv", "media.ccc.de", "infoq.com/presentations", "confreaks.tv",
    // Slide hosts (#23): a deck there is the deck of a talk given.
    "slideshare.net", "speakerdeck.com", "slides.com", "docs.google.com/presentation", "talks.godoc.org", "go.dev/talks",
  ],
  // Podcast platforms and feeds (#23): a show or an episode, not a talk.
  podcast: [
    "podcasts.apple.com", "itunes.apple.com/*/podcast", "open.spotify.com/show", "open.spotify.com/episode", "overcast.fm", "pca.st",
    "pocketcasts.com", "podbean.com", "anchor.fm", "podcasters.spotify.com", "castbox.fm", "podcasts.google.com", "player.fm",
    "simplecast.com", "transistor.fm", "buzzsprout.com", "libsyn.com", "megaphone.fm", "podcastaddict.com", "castro.fm",
    "podchaser.com", "fireside.fm", "changelog.com/podcast", "soundcloud.com",
  ],
  // Papers (#13, #23): archives, DOIs, proceedings (CVF's, ECVA's, AAAI's, IJCAI's, ACL's old address
  // among them), journals, research labs' publication pages, ACM's old and new addresses, CiteSeerX,
  // USENIX presentation pages; and any link to a .pdf (see PDF below).
  paper: [
    "arxiv.org", "doi.org", "dl.acm.org", "doi.acm.org", "portal.acm.org", "citeseerx.ist.psu.edu", "citeseer.ist.psu.edu", "openreview.net",
    "usenix.org/system/files", "usenix.org/conference/*/presentation", "usenix.org/conference/*/technical-sessions/presentation", "research.google.com/archive", "usenix.org/legacy/publications", "usenix.org/publications/library", "eprint.iacr.org",
    "ieeexplore.ieee.org", "link.springer.com", "papers.nips.cc", "proceedings.neurips.cc", "proceedings.mlr.press", "semanticscholar.org/paper",
    "researchgate.net/publication", "research.google/pubs", "research.google.com/pubs", "aclanthology.org", "jmlr.org/papers", "pubmed.ncbi.nlm.nih.gov",
    "biorxiv.org", "ssrn.com", "papers.ssrn.com", "sciencedirect.com/science/article", "onlinelibrary.wiley.com/doi", "vldb.org/pvldb", "hal.science", "hal.archives-ouvertes.fr",
    "openaccess.thecvf.com", "ecva.net/papers", "ojs.aaai.org", "ijcai.org/proceedings", "aclweb.org/anthology", "vldb.org/conf", "cidrdb.org",
    "usenix.org/legacy/event", "microsoft.com/en-us/research/publication", "research.facebook.com/publications", "amazon.science/publications",
    "nature.com/articles", "science.org/doi", "pnas.org/doi", "mdpi.com",
  ],
  // Code hosts and package registries (#13): a library, even under a heading called "Video".
  repo: [
    "github.com", "gitlab.com", "codeberg.org", "bitbucket.org", "sr.ht", "sourceforge.net", "gitee.com",
    "npmjs.com", "pypi.org", "crates.io", "pkg.go.dev", "rubygems.org", "hex.pm", "packagist.org",
    "nuget.org", "hackage.haskell.org", "metacpan.org", "pub.dev", "cocoapods.org", "mvnrepository.com", "opam.ocaml.org",
  ],
  article: [
    "medium.com", "substack.com", "dev.to", "hashnode.dev", "hashnode.com", "mirror.xyz",
    "blogspot.com", "wordpress.com", "ghost.io", "hackernoon.com", "towardsdatascience.com",
  ],
  forum: [
    "reddit.com", "stackoverflow.com", "stackexchange.com", "news.ycombinator.com", "lobste.rs",
    "discord.com", "discord.gg", "discourse.org", "github.com/*/*/discussions", "github.com/orgs/*/discussions",
  ],
};

/** Host prefixes that name a forum whatever the domain (forum.dfinity.org, discuss.example.com). */
export const FORUM_HOST_PREFIXES = ["forum.", "forums.", "discuss.", "discourse.", "community."] as const;

/** Words of a section heading that say what its links are. */
export const SECTION_KINDS: Record<Exclude<Kind, "site" | "page" | "repo">, readonly string[]> = {
  talk: ["talk", "talks", "video", "videos", "youtube", "vimeo", "webinar", "webinars", "presentation", "presentations", "lecture", "lectures", "screencasts", "keynotes"],
  podcast: ["podcast", "podcasts", "podcasting"],
  paper: ["paper", "papers", "publications", "whitepaper", "whitepapers"],
  article: ["article", "articles", "blog", "blogs", "medium", "post", "posts", "essay", "essays", "writing", "writings"],
  forum: ["forum", "forums", "discussion", "discussions"],
};

/** The order in which hosts and section words are tried: the forum patterns (github.com/.../discussions) before the code hosts. */
const KIND_ORDER = ["talk", "podcast", "paper", "article", "forum", "repo"] as const;
const SECTION_ORDER = ["podcast", "talk", "paper", "article", "forum"] as const;
/** A link to a PDF is a paper, wherever it is (#13). */
const PDF = /\.pdf$/i;
/** A link to a video file is a recording, wherever it is (#23): FOSDEM's "…/life_query_vitess.webm". */
const VIDEO_FILE = /\.(?:webm|mp4|m4v|mkv|mov|ogv|avi)$/i;

/** Hosts and paths of blogs: a label with "blog" in it, an engineering subdomain, a /blog/ or /posts/ folder with a post in it. */
const BLOG_HOST = /(?:^|\.)(?:[a-z0-9-]*blog[a-z0-9-]*|eng|engineering|tech)\.[a-z0-9.-]+$/;
const BLOG_PATH = /^\/(?:[^/]+\/)?(?:blog|blogs|posts|post|articles)\/[^/]+/i;
/** A post's address by its date, as blog engines write it: "/2020/09/25/title", "/2020/12/title.html". */
const DATED_PATH = /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])\/(?:(?:0?[1-9]|[12]\d|3[01])\/)?[^/]*[a-z][^/]*/i;
/** The last segment of a path, a title of five words or more joined by hyphens (an id or ".html" after it). */
const SLUG_PATH = /\/(?:[a-z]+-){4,}[a-z0-9]+(?:-[a-z0-9]+)*(?:\.html?|\.php)?\/?$/i;
/**
 * Documentation (#23): a "docs." host, Read the Docs, a /docs/ folder. A page of a manual is a
 * page, whoever is named after its link ("[Chat Template](…/docs/…) by Hugging Face"): the words
 * of its section or a byline do not make it an article or a talk.
 */
const DOCS_HOST = /^(?:docs|doc|documentation)\.|\.readthedocs\.io$|\.readthedocs\.org$/;
const DOCS_PATH = /^\/(?:[^/]+\/){0,2}(?:docs|documentation)(?:\/|$)/i;

/**
 * A link to a person's profile (#23): Twitter/X, Threads, Bluesky, LinkedIn, a GitHub user, a
 * Mastodon account ("/@name"). Beside a talk it names the speaker; it is no entry of its own there.
 */
export function isProfile(url: string): boolean {
  const hp = hostAndPath(url);
  if (!hp) return false;
  const host = hp.host;
  const special = host === "twitter.com" || host === "x.com" || host === "mobile.twitter.com" || host === "threads.net" || host === "threads.com" || host === "bsky.app" || host === "linkedin.com" || host === "github.com";
  // Any other host: a Mastodon account, "/@name", whose path holds an "@" (most paths hold none).
  if (!special && !hp.path.includes("@")) return false;
  const path = hp.path.replace(/\/+$/, "");
  const segments = path.split("/").filter(Boolean);
  if (host === "twitter.com" || host === "x.com" || host === "mobile.twitter.com") return segments.length === 1;
  if (host === "threads.net" || host === "threads.com") return segments.length === 1 && segments[0]!.startsWith("@");
  if (host === "bsky.app") return segments.length === 2 && segments[0] === "profile";
  if (host === "linkedin.com") return segments.length === 2 && segments[0] === "in";
  if (host === "github.com") return segments.length === 1;
  return segments.length === 1 && /^@[\w.]+$/.test(segments[0]!);
}

/** A link with no scheme and no host: `/dfinity-overview`, `other-page.md`. */
export function isRelative(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("//");
}

const URL_PARTS = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i;

function hostAndPath(url: string): { host: string; path: string } | undefined {
  const m = URL_PARTS.exec(url.trim());
  if (!m) return undefined;
  let host = m[1]!;
  // The replacements only where they can change something: this runs for every link of a page.
  if (host.includes("@")) host = host.replace(/^[^@]*@/, "");
  if (host.includes(":")) host = host.replace(/:\d+$/, "");
  host = host.toLowerCase();
  if (host.startsWith("www.")) host = host.slice(4);
  return { host, path: m[2] ?? "" };
}

/** The host of an absolute URL without "www.", for display; "" for anything else. */
export function displayHost(url: string): string {
  return hostAndPath(url)?.host ?? "";
}

/** Plain domains of HOST_KINDS by name, for a lookup per label of the host (#4). */
const DOMAIN_KINDS = new Map<string, Kind>();
/** The patterns with a path ("infoq.com/presentations"), by their domain: the path's segments, the kind, the pattern's place in the order. */
const PATHS_BY_DOMAIN = new Map<string, { want: string[]; kind: Kind; order: number }[]>();
{
  let order = 0;
  for (const kind of KIND_ORDER) {
    for (const pattern of HOST_KINDS[kind]) {
      const slash = pattern.indexOf("/");
      if (slash >= 0) {
        const domain = pattern.slice(0, slash);
        const list = PATHS_BY_DOMAIN.get(domain) ?? [];
        // "*" stands for one path segment.
        list.push({ want: pattern.slice(slash).split("/"), kind, order: order++ });
        PATHS_BY_DOMAIN.set(domain, list);
      } else if (!DOMAIN_KINDS.has(pattern)) DOMAIN_KINDS.set(pattern, kind);
    }
  }
}

/** What a host says of its links, whatever their path: a pure function of the host, kept per run (#26). */
interface HostFacts {
  /** The path patterns of the host and its parents, in their order. */
  paths: { want: string[]; kind: Kind; order: number }[];
  /** The kind of the nearest of the host and its parents named in HOST_KINDS. */
  domain: Kind | undefined;
  forum: boolean;
  blog: boolean;
  docs: boolean;
}

const hostFacts = new Map<string, HostFacts>();
/** Hosts kept at most: a page's links share few hosts; a page of a million hosts does not grow this without bound. */
const HOST_FACTS_KEPT = 50_000;

function factsOf(host: string): HostFacts {
  const known = hostFacts.get(host);
  if (known) return known;
  const paths: HostFacts["paths"] = [];
  let domain: Kind | undefined;
  // youtube.com, then its parents: m.youtube.com → youtube.com → com.
  for (let h = host; h; h = h.slice(h.indexOf(".") + 1 || h.length)) {
    const own = PATHS_BY_DOMAIN.get(h);
    if (own) paths.push(...own);
    if (domain === undefined) domain = DOMAIN_KINDS.get(h);
  }
  paths.sort((a, b) => a.order - b.order);
  const facts: HostFacts = {
    paths,
    domain,
    forum: FORUM_HOST_PREFIXES.some((prefix) => host.startsWith(prefix)),
    blog: BLOG_HOST.test(host),
    // Google Docs is no manual: its slides beside a talk are the talk's (docs.google.com/presentation).
    docs: DOCS_HOST.test(host) && host !== "docs.google.com",
  };
  if (hostFacts.size >= HOST_FACTS_KEPT) hostFacts.clear();
  hostFacts.set(host, facts);
  return facts;
}

/** The kind a link's host says, if it says one. */
export function hostKind(url: string): Kind | undefined {
  if (isRelative(url)) return "site";
  const hp = hostAndPath(url);
  if (!hp) return undefined;
  const facts = factsOf(hp.host);
  if (facts.paths.length > 0) {
    const have = hp.path.split("/");
    for (const { want, kind } of facts.paths) if (want.every((segment, i) => segment === "*" || segment === have[i])) return kind;
  }
  if (PDF.test(hp.path)) return "paper";
  if (VIDEO_FILE.test(hp.path)) return "talk";
  if (facts.domain) return facts.domain;
  if (facts.forum) return "forum";
  // A blog, whoever runs it (#23): "netflixtechblog.com", "blog.example.org", "eng.uber.com",
  // "engineering.fb.com", "example.com/blog/…": a post is an article.
  if (facts.blog || BLOG_PATH.test(hp.path) || DATED_PATH.test(hp.path)) return "article";
  if (facts.docs || DOCS_PATH.test(hp.path)) return "page";
  return undefined;
}

/**
 * Whether what hostKind says comes from the address's shape alone, no host's own word: a ".pdf"
 * (pdfOnly), a blog's "/articles/…" or a dated "/2019/05/…" path. Weaker than the item's own word
 * ("[slides]") and than its citation's shape (#23).
 */
export function shapeOnlyKind(url: string): boolean {
  if (pdfOnly(url)) return true;
  const hp = isRelative(url) ? undefined : hostAndPath(url);
  if (!hp) return false;
  const facts = factsOf(hp.host);
  if (facts.paths.length > 0 || facts.domain || facts.forum || facts.blog || PDF.test(hp.path) || VIDEO_FILE.test(hp.path)) return false;
  return BLOG_PATH.test(hp.path) || DATED_PATH.test(hp.path);
}

/**
 * A post's address by its title, as publishing systems write it (#23): "/netflix-the-simian-army-and-the-culture/",
 * "/story/netflix-ddos-attack-explained.html": five words or more joined by hyphens, the page's last segment.
 * Weaker than a host and a heading: it only tells an article from a page no word classed.
 */
export function sluggedPost(url: string): boolean {
  if (isRelative(url)) return false;
  const hp = hostAndPath(url);
  return hp !== undefined && SLUG_PATH.test(hp.path) && !factsOf(hp.host).docs && !DOCS_PATH.test(hp.path);
}

/**
 * A link whose only word on its kind is that it is a PDF (no paper host names it): under a talks
 * heading it is the deck of a talk given ("Presentation slides", "# Tech talks"), elsewhere a paper (#23).
 */
export function pdfOnly(url: string): boolean {
  if (isRelative(url)) return false;
  const hp = hostAndPath(url);
  if (!hp || !PDF.test(hp.path)) return false;
  const facts = factsOf(hp.host);
  const have = hp.path.split("/");
  if (facts.paths.some(({ want }) => want.every((segment, i) => segment === "*" || segment === have[i]))) return false;
  return facts.domain === undefined;
}

export function classify(url: string, sectionPath: readonly string[], pageTitle?: string): Kind {
  return hostKind(url) ?? sectionKind(pageTitle === undefined ? sectionPath : [pageTitle, ...sectionPath]);
}

/** Heading words that make talks only of entries shaped like talks (#23): "Video Streaming" lists apps. */
const WEAK_TALK_WORDS = new Set(["video", "videos", "youtube", "vimeo", "screencasts"]);

/** The nearest heading that says a kind says "talk" with weak words only. */
export function weakTalkSection(sectionPath: readonly string[]): boolean {
  for (let i = sectionPath.length - 1; i >= 0; i--) {
    const sectionWords = words(fold(sectionPath[i]!));
    const said = SECTION_ORDER.find((kind) => SECTION_KINDS[kind].some((word) => sectionWords.includes(word)));
    if (said === undefined) continue;
    return said === "talk" && !sectionWords.some((w) => SECTION_KINDS.talk.includes(w) && !WEAK_TALK_WORDS.has(w));
  }
  return false;
}

/** The kind the words of the nearest headings say; "page" when they say none. */
export function sectionKind(sectionPath: readonly string[]): Kind {
  // The nearest heading speaks first: "Talks" under "Articles" holds talks.
  for (let i = sectionPath.length - 1; i >= 0; i--) {
    const sectionWords = new Set(words(fold(sectionPath[i]!)));
    for (const kind of SECTION_ORDER) {
      if (SECTION_KINDS[kind].some((word) => sectionWords.has(word))) return kind;
    }
  }
  return "page";
}
