// What a capture tool (the browser extension, docs/extension.md) records of one HTTP exchange:
// enough to export it as HAR 1.2 or SAML-tracer JSON and to inspect it, and nothing a user would
// not want to hand over. Cookie values are never kept: a Cookie header keeps its names, a
// Set-Cookie line its name and attributes (RFC 6265bis §4.1), which is what the evidence rules
// (cookie-dropped-samesite) read.

/** The sign-in protocol a request carries, when it carries one. */
export type AuthProtocol = 'saml' | 'oidc';

export interface RecordedHeader {
  name: string;
  value: string;
}

export interface RecordedExchange {
  /** ISO-8601 instant the request started. */
  time: string;
  method: string;
  url: string;
  /** The request headers kept (names chosen by keptRequestHeader); Cookie reduced to names. */
  requestHeaders: RecordedHeader[];
  /** The request body as text (application/x-www-form-urlencoded for the bindings that POST). */
  requestBody?: {
    text: string;
    mimeType: string;
    /**
     * Where the text came from: `raw` is the octets as sent; `form` was rebuilt from the
     * browser's parsed form fields (Chromium gives only those for a form POST), which keeps
     * every value whole but may percent-encode differently from the sender.
     */
    source: 'raw' | 'form';
  };
  /** The protocol message this exchange carries, if any. */
  protocol?: AuthProtocol;
  response?: {
    status: number;
    statusText: string;
    /** Kept response headers (Date, Location, Content-Type, Set-Cookie without values). */
    headers: RecordedHeader[];
    /** Where a redirect sent the browser. */
    redirectUrl?: string;
  };
  /** Why the exchange did not complete (network error, aborted navigation). */
  error?: string;
}
