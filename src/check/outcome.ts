// What one final HTTP answer means for a link (#5). Pure. Link checkers' users complain most of
// live pages reported dead, so anything that shows a live page refusing a script is "blocked",
// not "broken": only 404, 410 and an unknown or refusing host are broken.
import type { CheckState, HttpResponse, NetworkError } from "./types";
import { sanitize } from "../text/sanitize";
// Where it always was for the checker; the function is the catalog's, as the HTTP client needs it too.
export { withoutCredentials } from "../catalog/urls";

/** The longest reason phrase kept from a server. */
const MAX_STATUS_TEXT = 100;

/** Challenge and bot-protection pages (Cloudflare, DataDome, Akamai, PerimeterX, captchas). */
const CHALLENGE_BODY = /just a moment\.\.\.|cf-chl-|challenge-platform|attention required! \| cloudflare|captcha|datadome|px-captcha|are you a robot|access denied.{0,40}akamai/i;

export function isChallenge(response: HttpResponse): boolean {
  if (response.header("cf-mitigated") === "challenge") return true;
  if (response.header("x-datadome") !== undefined) return true;
  return (response.status === 403 || response.status === 429 || response.status === 503) && CHALLENGE_BODY.test(response.body);
}

/**
 * "404 Not Found". The reason phrase is the server's to choose: it is sanitized (escapes, C0/C1
 * and bidi controls) and shortened as it is received, before it is shown, printed as JSON or
 * stored (#12).
 */
export function statusText(response: HttpResponse): string {
  const phrase = sanitize(response.statusText).trim().slice(0, MAX_STATUS_TEXT);
  return `${response.status}${phrase ? ` ${phrase}` : ""}`;
}

/** State of a final (non-redirect) response. */
export function responseState(response: HttpResponse): { state: CheckState; reason: string } {
  const s = response.status;
  if (isChallenge(response)) return { state: "blocked", reason: `${statusText(response)}: a bot-protection challenge` };
  if (s >= 200 && s < 300) return { state: "ok", reason: statusText(response) };
  if (s === 404 || s === 410) return { state: "broken", reason: statusText(response) };
  if (s === 401 || s === 403 || s === 429 || s === 999) return { state: "blocked", reason: `${statusText(response)}: alive, but refuses scripts` };
  if (s >= 500) return { state: "error", reason: statusText(response) };
  return { state: "error", reason: `unexpected ${statusText(response)}` };
}

export function networkState(error: NetworkError): { state: CheckState; reason: string } {
  switch (error.kind) {
    case "dns":
      return { state: "broken", reason: "name not resolved" };
    case "refused":
      return { state: "broken", reason: "connection refused" };
    case "unreachable":
      // Our network's fault, not the link's: never "broken" (#12).
      return { state: "error", reason: "network unreachable" };
    default:
      return { state: "error", reason: sanitize(error.message).slice(0, 200) };
  }
}

/** Responses worth asking again: rate limits and server errors. */
export function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * HEAD answers that a GET should confirm at once: servers that refuse HEAD (405, 501) or answer
 * it differently from GET (400, 403, 404, 410, 5xx are common). A 429 or a 503 (overloaded, in
 * maintenance) is not confirmed but waited for: asking again at once is what they forbid.
 */
export function needsGet(status: number): boolean {
  return status === 405 || status === 501 || status === 400 || status === 403 || status === 404 || status === 410 || (status >= 500 && status !== 503);
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), capped; undefined if absent or bad. */
export function retryAfterMs(value: string | undefined, now: number, cap: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, ms), cap);
}
