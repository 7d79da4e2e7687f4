// check --archive (#28): where a dead link's content still lives. For a broken link, the
// Wayback Machine's availability API is asked for the snapshot closest to when the link was
// added (its item's "added" date), else the newest:
//
//   GET ${ICP_LINKS_ARCHIVE_URL}?url=<link>&timestamp=<YYYYMMDD>
//   → {"archived_snapshots":{"closest":{"available":true,"url":"http://web.archive.org/web/2013…/…","timestamp":"20130919044612","status":"200"}}}
//   → {"archived_snapshots":{}}                                  (no snapshot)
//
// The requests go through check's request pool (runner.ts): its per-host limits, retries,
// timeout and the run's deadline. The answer is data from a server, and what it names may be
// written into a person's page (check --fix --archive): only an http(s) snapshot URL on the
// Wayback Machine (archive.org) or on the API's own host, unchanged by sanitizing, and a
// 14-digit timestamp are kept; anything else is "not an answer of the availability API".
import type { CheckResult, Snapshot } from "./types";
import { NetworkError } from "./types";
import type { RequestPool } from "./runner";
import { statusText } from "./outcome";
import { sanitize } from "../text/sanitize";

export const DEFAULT_ARCHIVE_URL = "https://archive.org/wayback/available";
/** The most of an answer read: the API's are a few hundred bytes. */
export const ARCHIVE_BODY_LIMIT = 64 * 1024;

/** The API's address from ICP_LINKS_ARCHIVE_URL: an http(s) URL, or undefined when it is not one. */
export function archiveBase(value: string | undefined): string | undefined {
  const text = (value ?? "").trim() || DEFAULT_ARCHIVE_URL;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The question for one link: its URL, and the day it was added when known (YYYY-MM-DD). */
export function archiveQuery(base: string, url: string, added?: string): string {
  const q = new URL(base);
  q.searchParams.set("url", url);
  if (added && /^\d{4}-\d{2}-\d{2}$/.test(added)) q.searchParams.set("timestamp", added.replace(/-/g, ""));
  return q.href;
}

/** A 14-digit timestamp (YYYYMMDDhhmmss, UTC) that is a moment the archive can have: from 1991 (the web) on. */
function isMoment(timestamp: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(timestamp);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1991 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** Where a snapshot may live: the Wayback Machine, or the host of the API that named it. */
function archiveHost(hostname: string, base: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "archive.org" || host.endsWith(".archive.org")) return true;
  try {
    return host === new URL(base).hostname.toLowerCase();
  } catch {
    return false;
  }
}

/** The snapshot an answer names, null for none; undefined when the answer is not the API's. */
export function readAnswer(body: string, base: string = DEFAULT_ARCHIVE_URL): Snapshot | null | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== "object") return undefined;
  const snapshots = (data as { archived_snapshots?: unknown }).archived_snapshots;
  if (snapshots === null || typeof snapshots !== "object") return undefined;
  const closest = (snapshots as { closest?: unknown }).closest;
  if (closest === undefined || closest === null) return null;
  if (typeof closest !== "object") return undefined;
  const c = closest as { available?: unknown; url?: unknown; timestamp?: unknown; status?: unknown };
  if (c.available === false) return null;
  if (typeof c.url !== "string" || typeof c.timestamp !== "string" || !isMoment(c.timestamp)) return undefined;
  // A snapshot of a dead page is no copy of it.
  if (typeof c.status === "string" && !/^2\d\d$/.test(c.status)) return null;
  const url = c.url.trim();
  // A URL that sanitizing would change is refused, not cleaned: a cleaned one is another address.
  if (sanitize(url) !== url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  if (!archiveHost(parsed.hostname, base)) return undefined;
  // The API answers with http:// addresses; the archive serves them over https.
  if (parsed.protocol === "http:" && /(^|\.)archive\.org$/i.test(parsed.hostname)) parsed.protocol = "https:";
  return { url: parsed.href, timestamp: c.timestamp };
}

/** A broken link's result, with what the archive said of it. */
export async function withArchive(pool: RequestPool, result: CheckResult, base: string, added: string | undefined): Promise<CheckResult> {
  const answer = await pool.withRetries(() => pool.send(archiveQuery(base, result.url, added), "GET", ARCHIVE_BODY_LIMIT));
  if (answer instanceof NetworkError) return { ...result, archiveError: `archive: ${sanitize(answer.message).slice(0, 200)}` };
  if (answer.status !== 200) return { ...result, archiveError: `archive: ${statusText(answer)}` };
  const snapshot = readAnswer(answer.body, base);
  if (snapshot === undefined) return { ...result, archiveError: "archive: not an answer of the availability API" };
  return { ...result, archived: snapshot };
}
