// A person's own layer over the page (#16): what they marked done, opened, noted and tagged.
// Pure: the data, its JSON form, merging, and the key an entry's state is kept under.
//
// Every change is a time, and merging keeps the latest of each: a flag is (set, unset) times
// and holds while set > unset; a note is its text with the time it was written; opened is the
// latest opening. So merging is commutative, associative and idempotent: `state import` of the
// same file twice, or of two machines' files in either order, gives the same state.

/** A flag that can be set and unset: each side keeps the latest time it happened. */
export interface Flag {
  /** ISO time it was last set. */
  on?: string;
  /** ISO time it was last unset. */
  off?: string;
}

export interface EntryState {
  /** Done (watched/read) and its undoing. */
  done?: Flag;
  /** ISO time the entry was last opened (open, pick, next --open, random --open). */
  opened?: string;
  /** The note and when it was written; an empty text is a cleared note (kept to merge). */
  note?: { text: string; at: string };
  /** One's own tags, each a flag: "-name" unsets it. */
  tags?: Record<string, Flag>;
  /** The entry's title and id when last seen, to name it once it has left the page. */
  title?: string;
  id?: string;
}

/** Every entry's state by its key (see stateKey). */
export type StateData = Map<string, EntryState>;

export const STATE_VERSION = 1;

// The limits of a person's state. It is read whole at every start (#4), so it stays small enough
// to read in milliseconds; `note`, `tag` and `state import` refuse what would pass them, so that
// no state file the tool writes is one it will not read.
/** A note's largest size: a note, not a file. */
export const MAX_NOTE = 64 * 1024;
/** The most own tags an entry keeps (those removed count: they are kept to merge). */
export const MAX_TAGS = 100;
/** The most entries the state keeps: more than the largest page has marks for, few enough to read at every start. */
export const MAX_STATE_ENTRIES = 100_000;
/** The largest state file read or written. */
export const MAX_STATE_BYTES = 32 * 1024 * 1024;

/** Throws an Error saying which limit `data` passes (the number of entries); the file's size is the store's. */
export function checkStateLimits(data: StateData): void {
  if (data.size > MAX_STATE_ENTRIES) throw new Error(`${data.size.toLocaleString("en")} entries, more than the ${MAX_STATE_ENTRIES.toLocaleString("en")} the state keeps`);
  for (const [key, s] of data) {
    const tags = s.tags ? Object.keys(s.tags).length : 0;
    if (tags > MAX_TAGS) throw new Error(`${tags} tags on ${JSON.stringify(key.slice(0, 80))}, more than the ${MAX_TAGS} an entry keeps`);
  }
}

/**
 * An object keyed by data (tag names, URLs): without a prototype, so that a key such as
 * `__proto__` or `constructor` is a key like any other.
 */
export function dictionary<T>(from?: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (from) for (const key of Object.keys(from)) out[key] = from[key]!;
  return out;
}

const isOn = (f: Flag | undefined): boolean => f?.on !== undefined && (f.off === undefined || f.on > f.off);

export function isDone(s: EntryState | undefined): boolean {
  return isOn(s?.done);
}

/** The date it was marked done, or undefined. */
export function doneAt(s: EntryState | undefined): string | undefined {
  return isDone(s) ? s!.done!.on : undefined;
}

export function noteOf(s: EntryState | undefined): string | undefined {
  return s?.note && s.note.text !== "" ? s.note.text : undefined;
}

export function ownTags(s: EntryState | undefined): string[] {
  if (!s?.tags) return [];
  return Object.keys(s.tags).filter((t) => isOn(s.tags![t])).sort();
}

/** Holds something worth keeping (a done that was undone still is: it merges). */
export function isEmpty(s: EntryState): boolean {
  return s.done === undefined && s.opened === undefined && s.note === undefined && (s.tags === undefined || Object.keys(s.tags).length === 0);
}

// ---------------------------------------------------------------- changes

/**
 * `at`, or just after `other` when the clock has not passed it (two changes in the same
 * millisecond, a clock set back): the last change made is the one that holds.
 */
function after(at: string, other: string | undefined): string {
  if (other === undefined || at > other) return at;
  return new Date(Date.parse(other) + 1).toISOString();
}

function setFlag(f: Flag | undefined, at: string): Flag {
  return { ...f, on: after(at, f?.off) };
}

function unsetFlag(f: Flag | undefined, at: string): Flag {
  return { ...f, off: after(at, f?.on) };
}

export function markDone(s: EntryState, at: string): EntryState {
  return { ...s, done: setFlag(s.done, at) };
}

export function markUndone(s: EntryState, at: string): EntryState {
  return { ...s, done: unsetFlag(s.done, at) };
}

export function markOpened(s: EntryState, at: string): EntryState {
  return { ...s, opened: s.opened !== undefined && s.opened > at ? s.opened : at };
}

export function setNote(s: EntryState, text: string, at: string): EntryState {
  return { ...s, note: { text, at: after(at, s.note?.at) } };
}

/** Own tag names: letters, digits and . _ - (no spaces, no leading sign), compared in lower case. */
let tagName: RegExp | undefined;
/** Made on first use: a Unicode-property expression costs every start to compile (#4). */
export function isTagName(name: string): boolean {
  return (tagName ??= new RegExp("^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}$", "u")).test(name);
}

export function changeTags(s: EntryState, add: string[], remove: string[], at: string): EntryState {
  const tags = dictionary(s.tags);
  for (const t of add) tags[t] = setFlag(ownFlag(tags, t), at);
  for (const t of remove) tags[t] = unsetFlag(ownFlag(tags, t), at);
  return { ...s, tags };
}

/** Remembers the entry's title and id, to name it if it leaves the page. */
export function seen(s: EntryState, entry: { title: string; id: string }): EntryState {
  return { ...s, title: entry.title, id: entry.id };
}

// ---------------------------------------------------------------- merge

const later = (a: string | undefined, b: string | undefined): string | undefined => (a === undefined ? b : b === undefined ? a : a >= b ? a : b);

function mergeFlag(a: Flag | undefined, b: Flag | undefined): Flag | undefined {
  if (!a) return b;
  if (!b) return a;
  const on = later(a.on, b.on);
  const off = later(a.off, b.off);
  return { ...(on !== undefined && { on }), ...(off !== undefined && { off }) };
}

/** The flag of a tag, never a property every object has ("constructor"). */
const ownFlag = (tags: Record<string, Flag> | undefined, name: string): Flag | undefined => (tags && Object.hasOwn(tags, name) ? tags[name] : undefined);

export function mergeEntry(a: EntryState, b: EntryState): EntryState {
  const out: EntryState = {};
  const done = mergeFlag(a.done, b.done);
  if (done) out.done = done;
  const opened = later(a.opened, b.opened);
  if (opened !== undefined) out.opened = opened;
  if (a.note || b.note) {
    // The later note wins; at the same time, the greater text (any fixed rule keeps merge symmetric).
    out.note = !a.note ? b.note! : !b.note ? a.note : a.note.at > b.note.at || (a.note.at === b.note.at && a.note.text >= b.note.text) ? a.note : b.note;
  }
  if (a.tags || b.tags) {
    const tags = dictionary<Flag>();
    for (const name of new Set([...Object.keys(a.tags ?? {}), ...Object.keys(b.tags ?? {})])) tags[name] = mergeFlag(ownFlag(a.tags, name), ownFlag(b.tags, name))!;
    out.tags = tags;
  }
  const title = a.title ?? b.title;
  if (title !== undefined) out.title = title;
  const id = a.id ?? b.id;
  if (id !== undefined) out.id = id;
  return out;
}

export function mergeState(a: StateData, b: StateData): StateData {
  const out = new Map(a);
  for (const [key, s] of b) {
    const mine = out.get(key);
    out.set(key, mine ? mergeEntry(mine, s) : s);
  }
  return out;
}

// ---------------------------------------------------------------- URL keys

/**
 * Query parameters that only say where a click came from: a link shared with them is the same
 * link. utm_* (any), and the click ids of the big ad and mail platforms.
 */
const TRACKING = new Set(["fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi", "mkt_tok"]);
/** YouTube's share links add `si` (a sharer id) and `feature`; neither changes the video. */
const YOUTUBE_HOSTS = /(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/;

/**
 * The key an entry's state is kept under: its URL, normalised so that the same link written
 * another way keeps its marks (#16).
 * - scheme and host in lower case (the URL parser does it), http and https alike (pages move
 *   to https), the default port dropped;
 * - a trailing slash of the path dropped ("/a/" is "/a"; the root stays "/");
 * - the fragment dropped (a place in the page, not another page), except a hash route
 *   ("#/docs", "#!/docs"), which single-page sites use as their paths;
 * - tracking parameters dropped (utm_*, fbclid, gclid, …; YouTube's si and feature);
 *   the other parameters kept, in their order.
 * Anything that is not an absolute http(s) URL (a site link such as /dfinity-overview) is its
 * own key, trimmed.
 */
export function stateKey(url: string): string {
  const text = url.trim();
  if (!/^https?:\/\//i.test(text)) return text;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return text;
  }
  u.protocol = "https:";
  if (u.port === "443" || u.port === "80") u.port = "";
  if (u.hash && !/^#!?\//.test(u.hash)) u.hash = "";
  const youtube = YOUTUBE_HOSTS.test(u.hostname);
  for (const name of [...u.searchParams.keys()]) {
    const lower = name.toLowerCase();
    if (lower.startsWith("utm_") || TRACKING.has(lower) || (youtube && (lower === "si" || lower === "feature"))) u.searchParams.delete(name);
  }
  if (u.pathname.length > 1 && u.pathname.endsWith("/")) u.pathname = u.pathname.replace(/\/+$/, "") || "/";
  // searchParams.delete re-encodes the rest; an emptied query leaves no "?".
  let out = u.href;
  if (u.search === "") out = out.replace(/\?(?=#|$)/, "");
  return out;
}

// ---------------------------------------------------------------- the file's JSON

export interface StateFileJson {
  version: number;
  entries: Record<string, EntryState>;
}

export function toJson(data: StateData): StateFileJson {
  const entries = dictionary<EntryState>();
  for (const key of [...data.keys()].sort()) entries[key] = data.get(key)!;
  return { version: STATE_VERSION, entries };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const isTime = (v: unknown): v is string => typeof v === "string" && ISO.test(v);

function flagFrom(v: unknown, where: string): Flag {
  if (v === null || typeof v !== "object") throw new Error(`${where} is not an object`);
  const f = v as Record<string, unknown>;
  if (f.on !== undefined && !isTime(f.on)) throw new Error(`${where}.on is not an ISO time`);
  if (f.off !== undefined && !isTime(f.off)) throw new Error(`${where}.off is not an ISO time`);
  return { ...(f.on !== undefined && { on: f.on as string }), ...(f.off !== undefined && { off: f.off as string }) };
}

/**
 * Reads the JSON of a state file (or of `state export`), checking every field: what is not
 * exactly this shape is damage, reported by what is wrong where. Throws Error.
 */
export function fromJson(value: unknown, options: { rekey?: boolean } = {}): StateData {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not a state object");
  const v = value as Record<string, unknown>;
  if (v.version !== STATE_VERSION) throw new Error(`unknown version ${JSON.stringify(v.version)}`);
  if (v.entries === null || typeof v.entries !== "object" || Array.isArray(v.entries)) throw new Error("no entries object");
  const data: StateData = new Map();
  for (const [url, raw] of Object.entries(v.entries as Record<string, unknown>)) {
    const where = `entry ${JSON.stringify(url.slice(0, 80))}`;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new Error(`${where} is not an object`);
    const r = raw as Record<string, unknown>;
    const s: EntryState = {};
    if (r.done !== undefined) s.done = flagFrom(r.done, `${where}: done`);
    if (r.opened !== undefined) {
      if (!isTime(r.opened)) throw new Error(`${where}: opened is not an ISO time`);
      s.opened = r.opened;
    }
    if (r.note !== undefined) {
      const n = r.note as Record<string, unknown> | null;
      if (n === null || typeof n !== "object" || typeof n.text !== "string" || !isTime(n.at)) throw new Error(`${where}: note is not {text, at}`);
      if (n.text.length > MAX_NOTE) throw new Error(`${where}: the note is ${n.text.length} characters; at most ${MAX_NOTE}`);
      s.note = { text: n.text, at: n.at };
    }
    if (r.tags !== undefined) {
      if (r.tags === null || typeof r.tags !== "object" || Array.isArray(r.tags)) throw new Error(`${where}: tags is not an object`);
      const names = Object.keys(r.tags);
      if (names.length > MAX_TAGS) throw new Error(`${where}: ${names.length} tags; at most ${MAX_TAGS}`);
      s.tags = dictionary();
      for (const [name, flag] of Object.entries(r.tags as Record<string, unknown>)) {
        if (!isTagName(name)) throw new Error(`${where}: bad tag name ${JSON.stringify(name.slice(0, 40))}`);
        s.tags[name] = flagFrom(flag, `${where}: tag ${name}`);
      }
    }
    for (const field of ["title", "id"] as const) {
      if (r[field] === undefined) continue;
      if (typeof r[field] !== "string") throw new Error(`${where}: ${field} is not text`);
      s[field] = r[field];
    }
    // Our own file's keys came from stateKey(); an imported file's are made again, so that a file
    // written by hand, or by an older normalisation, merges (a URL parse per entry: 10 µs).
    const key = options.rekey ? stateKey(url) : url;
    const mine = data.get(key);
    data.set(key, mine ? mergeEntry(mine, s) : s);
    // Stopped as soon as it is too many: a million entries are not all read to say so.
    if (data.size > MAX_STATE_ENTRIES) throw new Error(`more than the ${MAX_STATE_ENTRIES.toLocaleString("en")} entries the state keeps`);
  }
  return data;
}
