export interface RetryOptions {
	attempts: number;
	baseDelayMs: number;
	maxDelayMs?: number;
	onRetry?: (err: unknown, attempt: number) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
	let lastErr: unknown;
	for (let attempt = 1; attempt <= opts.attempts; attempt++) {
		try {
			return await fn(attempt);
		} catch (err) {
			lastErr = err;
			if (attempt === opts.attempts) break;
			opts.onRetry?.(err, attempt);
			const delay = Math.min(opts.baseDelayMs * 2 ** (attempt - 1), opts.maxDelayMs ?? 30_000);
			await sleep(delay);
		}
	}
	throw lastErr;
}
