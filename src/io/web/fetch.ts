// Edge: the network (Node's fetch); only cli.ts builds it, web/remote.ts gets a PageFetcher.
// The real HTTP client of remote pages (#18): Node's fetch, redirects not followed (the loader
// follows them, to refuse one to file: or beyond MAX_REDIRECTS), the body read up to the size
// cap and the connection dropped past it, everything within one time limit.
import { toNetworkError } from "../http";
import { NetworkError } from "../http-client";

export interface PageRequest {
  url: string;
  headers: Record<string, string>;
  /** Read at most this many bytes of the body, and one more to tell that there was more. */
  maxBytes: number;
  /** The whole request, body included, must end within this. */
  timeoutMs: number;
  /** Bytes received so far, and the announced length when there is one. */
  onProgress?(received: number, total: number | undefined): void;
}

export interface PageResponse {
  status: number;
  statusText: string;
  header(name: string): string | undefined;
  /** The body, cut at maxBytes + 1 bytes. */
  body: Uint8Array;
}

/** Sends one request, redirects not followed. Throws a NetworkError when no response came. */
export type PageFetcher = (request: PageRequest) => Promise<PageResponse>;

export function webFetcher(userAgent: string): PageFetcher {
  return async ({ url, headers, maxBytes, timeoutMs, onProgress }) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const failed = (error: unknown) => (timedOut ? new NetworkError("timeout", `timed out after ${+(timeoutMs / 1000).toFixed(1)} s`) : toNetworkError(error));
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          redirect: "manual",
          signal: controller.signal,
          headers: { "user-agent": userAgent, accept: "text/markdown, text/plain;q=0.9, */*;q=0.5", ...headers },
        });
      } catch (error) {
        throw failed(error);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      if (response.body) {
        const announced = Number(response.headers.get("content-length"));
        const total = Number.isFinite(announced) && announced > 0 ? announced : undefined;
        const reader = response.body.getReader();
        try {
          while (size <= maxBytes) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
            size += value.length;
            onProgress?.(size, total);
          }
        } catch (error) {
          throw failed(error);
        } finally {
          // Past the cap the rest is not downloaded: cancelling closes the connection.
          reader.cancel().catch(() => undefined);
        }
      }
      const body = Buffer.concat(chunks);
      return {
        status: response.status,
        statusText: response.statusText,
        header: (name) => response.headers.get(name) ?? undefined,
        body: body.length > maxBytes + 1 ? body.subarray(0, maxBytes + 1) : body,
      };
    } finally {
      clearTimeout(timer);
    }
  };
}
