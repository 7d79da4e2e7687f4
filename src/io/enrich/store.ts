// Edge: the file system (link-facts.json in the cache folder); only cli.ts builds it, commands get a FactsStore.
// What enrich read from each link's page (#27), keyed by URL, with the time read and the
// validators (ETag, Last-Modified) of a conditional request next time. The rules of every store
// of the cache folder (io/record-store.ts): trusted files only, a size cap, a lock, never fatal;
// every fact cleaned again when read back.
import { fileRecordStore, noRecordStore, type RecordStore, type RecordStoreOptions } from "../record-store";
import { cleanFacts, MAX_VALIDATOR, type FactsRecord } from "../../catalog/link-facts";
import { sanitize } from "../../text/sanitize";

export type { FactsRecord };

export type FactsStore = RecordStore<FactsRecord>;

/** Facts older than this are forgotten when the file is written. */
export const KEEP_MS = 365 * 24 * 3600 * 1000;
/** The largest facts file read or written: some 8,000 links; a bigger file is ignored. */
export const MAX_FACTS_BYTES = 4 * 1024 * 1024;

function validator(v: unknown): v is string | undefined {
  return v === undefined || (typeof v === "string" && v.length <= MAX_VALIDATOR && /^[\x20-\x7e]*$/.test(v));
}

function valid(r: unknown): r is FactsRecord {
  if (r === null || typeof r !== "object") return false;
  const x = r as Record<string, unknown>;
  return typeof x.url === "string" && /^https?:\/\//i.test(x.url) && typeof x.readAt === "string" && !Number.isNaN(Date.parse(x.readAt)) &&
    (x.state === "ok" || x.state === "blocked") && validator(x.etag) && validator(x.lastModified) && x.facts !== null && typeof x.facts === "object";
}

export function cleanRecord(r: FactsRecord): FactsRecord {
  const out: FactsRecord = { url: /^[\x21-\x7e]*$/.test(r.url) ? r.url : sanitize(r.url), readAt: r.readAt, state: r.state, facts: cleanFacts(r.facts) };
  if (r.etag) out.etag = r.etag;
  if (r.lastModified) out.lastModified = r.lastModified;
  return out;
}

export function noFactsStore(): FactsStore {
  return noRecordStore();
}

export function fileFactsStore(dir: string, now: () => number, options: RecordStoreOptions = {}): FactsStore {
  return fileRecordStore(dir, { name: "link-facts.json", member: "links", key: (r) => r.url, time: (r) => r.readAt, valid, clean: cleanRecord, keepMs: KEEP_MS, maxBytes: MAX_FACTS_BYTES }, now, options);
}

