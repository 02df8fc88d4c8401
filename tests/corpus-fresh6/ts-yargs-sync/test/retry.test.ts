import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withRetry } from '../src/worker/retry.js';

test('returns the first successful result', async () => {
	let calls = 0;
	const result = await withRetry(async () => {
		calls++;
		if (calls < 2) throw new Error('flaky');
		return 'ok';
	}, { attempts: 3, baseDelayMs: 1 });
	assert.equal(result, 'ok');
	assert.equal(calls, 2);
});

test('rethrows the last error once attempts are exhausted', async () => {
	await assert.rejects(
		withRetry(async (n) => {
			throw new Error(`boom ${n}`);
		}, { attempts: 2, baseDelayMs: 1 }),
		/boom 2/
	);
});

test('calls onRetry between attempts', async () => {
	const seen: number[] = [];
	await withRetry(async (n) => {
		if (n < 3) throw new Error('again');
	}, { attempts: 3, baseDelayMs: 1, onRetry: (_err, attempt) => seen.push(attempt) });
});
