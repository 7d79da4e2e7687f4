// "Title / Speaker": the talks of the seed page name their speaker after the last " / ".
// Only a person's name counts, so that "CI / CD" or "How it works / Deep dives" never make
// a product or a topic into a speaker (#2).

const PARTICLES = new Set(["van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ten", "ter", "bin", "al", "el", "y", "zu"]);
// Capitalised words that are topics, not names.
const NOT_NAMES = new Set([
  "part", "intro", "introduction", "overview", "deep", "dive", "dives", "guide", "tutorial", "demo", "session", "workshop",
  "internet", "computer", "network", "protocol", "canister", "canisters", "motoko", "rust", "api", "sdk", "cli", "ui", "ux",
  "the", "and", "or", "of", "for", "with", "in", "on", "how", "what", "why", "q", "a", "faq", "live", "panel", "keynote",
  "ama", "news", "update", "updates", "episode", "chapter", "lesson", "edition", "english", "slides", "video", "talk",
]);
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

export function isPersonName(text: string): boolean {
  if (text.length < 3 || text.length > 48 || /\d/.test(text)) return false;
  const parts = text.split(/\s+/);
  if (parts.length < 2 || parts.length > 5) return false;
  let named = 0;
  for (const part of parts) {
    if (PARTICLES.has(part)) continue;
    if (!NAME_WORD.test(part)) return false;
    if (NOT_NAMES.has(part.toLowerCase().replace(/[.\u2019']/g, ""))) return false;
    // An all-capitals word of two or more letters is an acronym (NNS, ICP), not a name.
    if (part.length > 1 && part === part.toUpperCase() && /\p{L}{2}/u.test(part)) return false;
    named++;
  }
  return named >= 2;
}

/** Splits "Title / Speaker" at the last " / " when what follows is a person's name. */
export function splitSpeaker(text: string): { title: string; speaker?: string } {
  const at = text.lastIndexOf(" / ");
  if (at <= 0) return { title: text };
  const title = text.slice(0, at).trim();
  const speaker = text.slice(at + 3).trim();
  if (!title || !isPersonName(speaker)) return { title: text };
  return { title, speaker };
}
