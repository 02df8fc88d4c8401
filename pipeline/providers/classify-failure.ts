// Turn whatever a model client threw (HTTP status, socket error, abort, bad body) into one ProviderError.
import { ProviderError, parseRetryAfter, type Deadline } from "./provider";

/** Socket-level failure codes across Node, undici and Bun's fetch. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED",
  "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "ConnectionRefused", "ConnectionClosed", "FailedToOpenSocket",
]);
const CONNECTION_TEXT = /socket hang up|fetch failed|connection (?:error|refused|reset)|closed unexpectedly|unable to connect|ECONNRE(?:SET|FUSED)/i;
const MALFORMED_TEXT = /JSON|unexpected (?:token|end|character)|did not receive done|missing body|malformed/i;

/** Headers of a retry-able status, as far as the error kept them. */
export interface RetryHeaders {
  get(name: string): string | null;
}

/** The kind for an HTTP status (only called for non-2xx). */
export function kindOfStatus(status: number): ProviderError["kind"] {
  if (status === 429) return "rate_limit";
  if (status === 401 || status === 403) return "auth";
  if (status === 408) return "timeout";
  if (status >= 500) return "server";
  return "client";
}

/** A ProviderError for an HTTP error status; Retry-After (or retry-after-ms) becomes retryAfterMs. */
export function statusError(where: string, status: number, detail: string, headers?: RetryHeaders | null): ProviderError {
  const ms = headers?.get("retry-after-ms");
  const retryAfterMs = ms && Number.isFinite(Number(ms)) ? Number(ms) : parseRetryAfter(headers?.get("retry-after"));
  const after = retryAfterMs !== undefined ? ` (retry after ${retryAfterMs} ms)` : "";
  return new ProviderError(kindOfStatus(status), `${where}: HTTP ${status} ${oneLine(detail)}${after}`, { status, retryAfterMs });
}

/** The human part of an error body: `{"error": "..."}`, `{"error": {"message": ...}}` or the text itself. */
export function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const e = parsed?.error;
    if (typeof e === "string") return e;
    if (e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string") return (e as { message: string }).message;
    if (typeof parsed?.message === "string") return parsed.message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return body;
}

type Link = { code?: unknown; message?: unknown; name?: unknown; cause?: unknown };

/** The error and its causes (clients wrap the socket error one or two levels deep). */
function chain(err: unknown): Link[] {
  const out: Link[] = [];
  for (let e = err as Link | undefined, i = 0; e && typeof e === "object" && i < 5; e = e.cause as Link | undefined, i++) out.push(e);
  return out;
}

/**
 * Classify a thrown failure. Order matters: the caller's abort and our own deadline come first, because
 * clients report both as generic aborts; then HTTP statuses, socket failures, unreadable bodies.
 * Anything unrecognised is "client" so the ladder climbs instead of retrying blind.
 */
export function classifyFailure(err: unknown, where: string, d?: Deadline, timeoutMs?: number): ProviderError {
  if (err instanceof ProviderError) return err;
  if (d?.aborted()) return new ProviderError("aborted", `${where}: aborted by the caller`);
  if (d?.timedOut()) return new ProviderError("timeout", `${where}: no answer within ${timeoutMs} ms`);
  const links = chain(err);
  const top = (err ?? {}) as { status?: unknown; status_code?: unknown; headers?: RetryHeaders; name?: unknown; constructor?: { name?: string } };
  const status = typeof top.status === "number" ? top.status : typeof top.status_code === "number" ? top.status_code : undefined;
  const message = oneLine(err instanceof Error ? err.message : String(err));
  if (status !== undefined) return statusError(where, status, message.replace(/^\d{3}\s+/, ""), top.headers);
  const cls = top.constructor?.name ?? "";
  if (cls === "APIConnectionTimeoutError" || links.some((l) => l.name === "TimeoutError")) return new ProviderError("timeout", `${where}: ${message}`);
  if (cls === "APIUserAbortError") return new ProviderError("aborted", `${where}: ${message}`);
  if (links.some((l) => CONNECTION_CODES.has(String(l.code)) || CONNECTION_TEXT.test(String(l.message ?? "")))) {
    const code = links.map((l) => l.code).find((c): c is string => typeof c === "string");
    const text = message.replace(/\. For more information, pass `verbose: true`.*$/, "");
    return new ProviderError("connection", `${where}: ${code && !text.includes(code) ? `${code}: ` : ""}${text}`);
  }
  if (err instanceof SyntaxError || MALFORMED_TEXT.test(message)) return new ProviderError("server", `${where}: malformed response (${message})`);
  return new ProviderError("client", `${where}: unexpected failure: ${message}`);
}

/** First line, trimmed to a readable length. */
export function oneLine(text: string, max = 240): string {
  // eslint-disable-next-line no-control-regex
  const line = text.split("\n")[0]!.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return line.length > max ? `${line.slice(0, max)}...` : line;
}
