// "Title / Speaker": the talks of the seed page name their speaker after the last " / ".
// Only a person's name counts, so that "CI / CD" or "How it works / Deep dives" never make
// a product or a topic into a speaker (#2).

const PARTICLES = new Set(["van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ten", "ter", "bin", "al", "el", "y", "zu"]);
// Capitalised words that are topics, not names.
const NOT_NAMES = new Set([
  "part", "intro", "introduction", "overview", "deep", "dive", "dives", "guide", "tutorial", "demo", "session", "workshop",
  "internet", "computer", "network", "protocol", "canister", "canisters", "motoko", "rust", "api", "sdk", "cli", "ui", "ux",
  "the", "and", "or", "of", "for", "with", "in", "on", "how", "what", "why", "q", "a", "faq", "live", "panel", "keynote",
  // A session's format is no name either ("Ruby Roundtable", "Opening Remarks", "Fireside Chat", "Lightning Talks").
  "roundtable", "remarks", "fireside", "lightning",
  "ama", "news", "update", "updates", "episode", "chapter", "lesson", "edition", "english", "slides", "video", "talk",
  // Organisations and projects are not people (#13: "by Mozilla Foundation", "by Google Cloud").
  "inc", "ltd", "llc", "gmbh", "corp", "corporation", "company", "foundation", "team", "labs", "lab", "group", "project",
  "community", "contributors", "authors", "university", "institute", "software", "systems", "technologies", "cloud", "studio",
  // Channels and schools are not people either (#23: "Neso Academy", "Stanford Online", "The Coding Train").
  "academy", "online", "developer", "developers", "tutorials", "tutorial", "programming", "programmers", "train", "dojo", "ninjas",
  "solutions", "school", "channel", "tv", "media", "studios", "official", "courses", "course", "guides", "learning", "code", "coding",
  "dev", "tech", "hub", "podcast", "radio", "show", "academy's", "college", "center", "centre", "lectures", "data", "science",
  // Conferences are not people (#23: "By Vinoth Chandar, Pulsar Summit North America").
  "summit", "conference", "conferences", "conf", "meetup", "meetups", "symposium", "congress", "convention", "hackathon", "events",
  // Nor is a body of people ("Steering Committee", "The Organizers").
  "committee", "organizers", "organisers", "staff", "members", "panelists", "volunteers",
]);

/**
 * "…, et al.", "et.al." (as generated digests write it), "et. al": the others a list of names leaves
 * unnamed, at its end. One expression for every reader that strips it, so they agree on its forms.
 */
export const ET_AL = /,?\s+et(?:\s+|\s*\.\s*)al\.?\s*$/i;

/** A run of words holds a word that is a topic or an organisation, not a name: "Neso Academy". */
export function hasNotNameWord(text: string): boolean {
  return text.split(/\s+/).some((w) => !INITIAL.test(w) && NOT_NAMES.has(w.toLowerCase().replace(/[.\u2019']/g, "")));
}
// Words with these endings are topics ("Programming Environment", "Distributed Computation"), not
// names (#13). "-ing" only on long words: Browning, Fleming and Pickering are surnames.
const TOPIC_ENDING = /(?:tion|sion|ment|ness|ity|ism|ics|ware|ology)s?$|^.{7,}ing$/;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'\u2019.-]*$/u;
const INITIAL = /^\p{Lu}\.$/u;

/** A word that can be part of a person's name: "Juan", "Bolívar", "O'Sullivan", "J.", "de". */
export function isNameWord(word: string): boolean {
  // "A. Vaswani": an initial, though "a" is no name word.
  return PARTICLES.has(word) || INITIAL.test(word) || (NAME_WORD.test(word) && !NOT_NAMES.has(word.toLowerCase().replace(/[.\u2019']/g, "")));
}

export function isPersonName(text: string): boolean {
  if (text.length < 3 || text.length > 48 || /\d/.test(text)) return false;
  const parts = text.split(/\s+/);
  if (parts.length < 2 || parts.length > 5) return false;
  let named = 0;
  for (const part of parts) {
    if (PARTICLES.has(part)) continue;
    // "A. Author", "Q. Public": an initial, not the word "a".
    if (INITIAL.test(part)) {
      named++;
      continue;
    }
    if (!NAME_WORD.test(part)) return false;
    const lower = part.toLowerCase().replace(/[.\u2019']/g, "");
    if (NOT_NAMES.has(lower)) return false;
    // An all-capitals word of two or more letters is an acronym (NNS, ICP), not a name.
    if (part.length > 1 && part === part.toUpperCase() && /\p{L}{2}/u.test(part)) return false;
    named++;
  }
  // The last word says a topic ("Programming Environment"); a first name may end so ("Charity").
  const last = parts.at(-1)!.toLowerCase();
  return named >= 2 && !(last.length >= 6 && TOPIC_ENDING.test(last));
}

/**
 * Splits "Title / Speaker" at the last " / " when what follows is a person's name, or people's
 * names joined by "&", "and" or "," ("Title / Jane Doe & John Roe": two speakers, #23).
 */
export function splitSpeaker(text: string): { title: string; speaker?: string; speakers?: string[] } {
  const at = text.lastIndexOf(" / ");
  if (at <= 0) return { title: text };
  const title = text.slice(0, at).trim();
  const speaker = text.slice(at + 3).trim();
  if (!title) return { title: text };
  if (isPersonName(speaker)) return { title, speaker, speakers: [speaker] };
  const names = speaker.split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:&|and)\s+/).filter(Boolean);
  if (names.length > 1 && names.every(isPersonName)) return { title, speaker: names.join(", "), speakers: names };
  return { title: text };
}

/**
 * A line of people and their companies: "Jane Doe, Google", "A & B, Google", "Rohit Anand, NEC
 * Corporation & Medya Ghazizadeh, Google" (#23). Each group between "&"/"and" is names, maybe
 * with a company after a comma; undefined unless every name reads as a person's.
 */
export function speakersWithCompanies(text: string): string[] | undefined {
  const t = text.trim().replace(/[.;]$/, "");
  if (t === "" || t.length > 300 || /\d/.test(t)) return undefined;
  const people: string[] = [];
  for (const group of t.split(/\s+(?:&|and)\s+/)) {
    const first = group.split(/\s*,\s*/)[0];
    if (!first || !isPersonName(first)) return undefined;
    people.push(first);
  }
  return people.length > 0 ? people : undefined;
}

/** Names in "A, B & C", "A and B"; each a person's name or (beside a profile) a short name. */
export function namesOf(text: string): string[] {
  return text
    .split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:&|and)\s+/)
    .map((n) => n.trim().replace(/(?<![.;])[.;]+$/, "").trim())
    .filter(Boolean);
}
