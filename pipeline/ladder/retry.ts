// Retry one rung's request: timeouts, 429 (honouring Retry-After), 5xx and connection resets, with backoff.
import { ProviderError } from "../providers/provider";

export interface RetryPolicy {
  retries: number;
  baseMs: number;
  maxMs: number;
}

export interface RetryDeps {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

export const realDeps: RetryDeps = {
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const t = setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => { clearTimeout(t); resolve(); }, { once: true });
    }),
  random: Math.random,
};

/** Backoff before retry `n` (0-based): Retry-After when given, else base·2ⁿ with ±25 % jitter; capped. */
export function backoffMs(n: number, err: ProviderError, p: RetryPolicy, random: () => number): number {
  if (err.retryAfterMs !== undefined) return err.retryAfterMs;
  const exp = p.baseMs * 2 ** n;
  return Math.min(p.maxMs, Math.round(exp * (0.75 + random() * 0.5)));
}

export function asProviderError(e: unknown): ProviderError {
  if (e instanceof ProviderError) return e;
  return new ProviderError("client", e instanceof Error ? e.message : String(e));
}

export interface RetryOutcome<T> {
  value?: T;
  error?: ProviderError;
  tries: number;
}

/**
 * Call `fn` up to 1 + retries times. `stop(err)` may cut retries short (an open circuit).
 * Returns the value or the last error; never throws.
 */
export async function withRetries<T>(
  fn: () => Promise<T>,
  p: RetryPolicy,
  deps: RetryDeps,
  opts: { signal?: AbortSignal; onError?: (err: ProviderError) => void; stop?: () => boolean } = {},
): Promise<RetryOutcome<T>> {
  let tries = 0;
  for (let n = 0; ; n++) {
    tries++;
    try {
      return { value: await fn(), tries };
    } catch (e) {
      const err = asProviderError(e);
      opts.onError?.(err);
      // A Retry-After longer than we are willing to wait means: climb to the next rung now.
      const tooLong = err.retryAfterMs !== undefined && err.retryAfterMs > p.maxMs;
      const last = n >= p.retries || !err.retryable || tooLong || opts.signal?.aborted || opts.stop?.();
      if (last) return { error: err, tries };
      await deps.sleep(backoffMs(n, err, p, deps.random), opts.signal);
    }
  }
}
