// The one interface every model backend implements; the ladder only talks to this.
import type { Rung } from "../core/config";

/** Environment variables a backend may read (API keys): passed in, never read from process.env here. */
export type Env = Record<string, string | undefined>;

/** One request's abort signal and which side fired it (made by deadline.ts). */
export interface Deadline {
  /** Aborts when the timeout passes or the caller's signal aborts. */
  signal: AbortSignal;
  /** The timeout fired (and the caller had not aborted first). */
  timedOut(): boolean;
  /** The caller's signal fired. */
  aborted(): boolean;
  /** Clear the timer; call when the request settles. */
  dispose(): void;
}


export interface ChatRequest {
  system: string;
  user: string;
  /** Ask the backend for JSON output when it supports a format switch. */
  json?: boolean;
  signal?: AbortSignal;
}

export interface ChatResult {
  text: string;
  tokens: { prompt: number; completion: number };
  latencyMs: number;
}

export type ProviderErrorKind = "timeout" | "rate_limit" | "server" | "connection" | "client" | "auth" | "aborted";

/** A failed request, classified so the ladder can decide: retry, open the circuit, or climb. */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status?: number;
  /** From a Retry-After header (seconds or HTTP date), in milliseconds. */
  readonly retryAfterMs?: number;
  constructor(kind: ProviderErrorKind, message: string, opts: { status?: number; retryAfterMs?: number } = {}) {
    super(message);
    this.name = "ProviderError";
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
  }
  get retryable(): boolean {
    return this.kind === "timeout" || this.kind === "rate_limit" || this.kind === "server" || this.kind === "connection";
  }
}

export interface ModelProvider {
  readonly rung: Rung;
  /** Whether the endpoint is local (loopback): redaction applies to non-local endpoints by default. */
  readonly local: boolean;
  /** One request, no retries (the ladder retries). Throws ProviderError. */
  chat(req: ChatRequest): Promise<ChatResult>;
  /** Cheap reachability check (list models) within timeoutMs; never throws. */
  probe(timeoutMs: number): Promise<{ ok: boolean; reason?: string }>;
}

/** Parse a Retry-After header value into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** True for hosts on the loopback interface. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const h = new URL(url).hostname.replace(/^\[|\]$/g, "");
    return h === "localhost" || h === "::1" || /^127\./.test(h);
  } catch {
    return false;
  }
}

/** The probe's reason when an endpoint answers but does not list the rung's model. */
export function notServedReason(model: string, endpoint: string, listed: readonly string[]): string {
  const have = listed.length ? ` (has: ${listed.slice(0, 5).join(", ")}${listed.length > 5 ? ", ..." : ""})` : " (no models listed)";
  return `model ${model} not served by ${endpoint}${have}`;
}
