// The real HTTP client of `check` (#5): Node's built-in fetch, redirects not followed (the
// runner follows them, to see each hop), at most BODY_LIMIT bytes of a body read and the rest
// of the connection dropped, so that a 1 GB page costs 16 KB.
import { NetworkError, type HttpClient, type NetworkErrorKind } from "./http-client";
import { withoutCredentials } from "../catalog/urls";

export const BODY_LIMIT = 16 * 1024;

const KIND_BY_CODE: Record<string, NetworkErrorKind> = {
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  EAI_NONAME: "dns",
  EAI_FAIL: "dns",
  ENETUNREACH: "unreachable",
  EHOSTUNREACH: "unreachable",
  ENETDOWN: "unreachable",
  EHOSTDOWN: "unreachable",
  ECONNREFUSED: "refused",
  ECONNRESET: "reset",
  EPIPE: "reset",
  UND_ERR_SOCKET: "reset",
  UND_ERR_CLOSED: "reset",
  ETIMEDOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
};

const MESSAGES: Record<NetworkErrorKind, string> = {
  dns: "name not resolved",
  unreachable: "network unreachable",
  refused: "connection refused",
  reset: "connection reset",
  timeout: "timed out",
  tls: "TLS failure",
  aborted: "aborted",
  other: "network error",
};

/**
 * fetch() wraps the cause of a failure: find its code. A host with several addresses (IPv6 and
 * IPv4) fails with an AggregateError of one error per address, whose own code some Node versions
 * leave unset: a refusal by every address is a refusal (#12).
 */
export function toNetworkError(error: unknown): NetworkError {
  let cause: unknown = error;
  for (let depth = 0; cause && depth < 5; depth++) {
    const inner = (cause as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.length > 0 && (cause as { code?: unknown }).code === undefined) {
      const kinds = inner.map((e) => toNetworkError(e));
      if (kinds.every((k) => k.kind === kinds[0]!.kind) && kinds[0]!.kind !== "other") return kinds[0]!;
    }
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") {
      const kind = KIND_BY_CODE[code] ?? (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code) ? "tls" : undefined);
      if (kind) return new NetworkError(kind, kind === "tls" ? `TLS failure (${code})` : MESSAGES[kind]);
    }
    if ((cause as { name?: unknown }).name === "AbortError") return new NetworkError("aborted", "aborted");
    cause = (cause as { cause?: unknown }).cause;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError("other", message === "fetch failed" ? MESSAGES.other : message);
}

export function fetchClient(userAgent: string): HttpClient {
  return async ({ url, method, signal, bodyLimit, headers, stop }) => {
    const limit = bodyLimit ?? BODY_LIMIT;
    let response: Response;
    try {
      response = await fetch(withoutCredentials(url), {
        method,
        redirect: "manual",
        signal,
        headers: { ...headers, "user-agent": userAgent, accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
      });
    } catch (error) {
      throw toNetworkError(error);
    }
    let body = "";
    const header = (name: string) => response.headers.get(name) ?? undefined;
    if (method === "GET" && response.body && !stop?.("", header)) {
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let size = 0;
      try {
        while (size < limit) {
          const { done, value } = await reader.read();
          if (done) break;
          const chunk = value.subarray(0, limit - size);
          size += chunk.length;
          body += decoder.decode(chunk, { stream: true });
          if (stop?.(body, header)) break;
        }
        body += decoder.decode();
      } catch (error) {
        throw toNetworkError(error);
      } finally {
        // Drop the rest: cancelling closes the connection instead of downloading it.
        reader.cancel().catch(() => undefined);
      }
    } else {
      response.body?.cancel().catch(() => undefined);
    }
    return {
      status: response.status,
      statusText: response.statusText,
      header,
      body,
    };
  };
}
