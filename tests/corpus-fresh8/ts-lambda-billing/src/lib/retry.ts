import { logger } from './logger.js';

export interface RetryOptions {
  /** Number of retries after the first attempt. */
  retries?: number;
  /** Initial back-off in milliseconds; doubled after each failed attempt. */
  baseDelayMs?: number;
  /** Return false to stop retrying on a given error. */
  shouldRetry?: (err: unknown) => boolean;
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const retries = opts.retries ?? 2;
  const shouldRetry = opts.shouldRetry ?? (() => true);
  let attempt = 0;

  for (;;) {
    try {
      return await fn();
    } catch (err) {
      attempt += 1;
      if (attempt > retries || !shouldRetry(err)) {
        throw err;
      }
      logger.warn('retrying after failure', { attempt, error: (err as Error).message });
    }
  }
}
