// What an HTTP client is (#5, #25): one request sent, redirects not followed, and the error when no
// response came. io/http.ts is the real one; check, add's title fetch and the redirect follower
// take any such function, so tests give them one that answers from a table.

export interface HttpResponse {
  status: number;
  statusText: string;
  header(name: string): string | undefined;
  /** The start of the body (GET only): enough to recognise a challenge page. */
  body: string;
}

export interface HttpRequest {
  url: string;
  method: "HEAD" | "GET";
  signal: AbortSignal;
  /** The most of a body to read (default: the client's own, 16 KB); a page's title may be further in (#17). */
  bodyLimit?: number;
  /** Headers to send besides the client's own: enrich's conditional request (If-None-Match, If-Modified-Since; #27). */
  headers?: Record<string, string>;
  /**
   * Called before the body is read and again as it arrives (the text so far): true stops reading
   * there. enrich stops at a page that is not HTML, and at </head> when the head said enough (#27).
   */
  stop?: (body: string, header: (name: string) => string | undefined) => boolean;
}

/** Sends one request without following redirects. Throws a NetworkError when no response came. */
export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * "dns": the name did not resolve; "unreachable": no route to the network or host (ENETUNREACH,
 * EHOSTUNREACH, ENETDOWN, EHOSTDOWN). A run where every link failed with one of these two and no
 * server answered is offline, not broken (#12).
 */
export type NetworkErrorKind = "dns" | "unreachable" | "refused" | "reset" | "timeout" | "tls" | "aborted" | "other";

export class NetworkError extends Error {
  constructor(
    readonly kind: NetworkErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "NetworkError";
  }
}
