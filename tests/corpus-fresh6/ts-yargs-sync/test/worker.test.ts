import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { Worker, type JobStore } from '../src/worker/queue.js';
import { signJob, type SignedJob } from '../src/worker/signing.js';

const KEY = 'test-signing-key';

function job(id: string, overrides: Partial<SignedJob> = {}): SignedJob {
	const base = { id, kind: 'snapshot.index', payload: { catalog: 'c1' }, issuedAt: Date.now() };
	return { ...base, signature: signJob(base, KEY), ...overrides };
}

function memoryStore(jobs: SignedJob[]): JobStore & { acked: string[]; failed: string[] } {
	const acked: string[] = [];
	const failed: string[] = [];
	return {
		acked,
		failed,
		reserve: async (limit) => jobs.splice(0, limit),
		ack: async (id) => void acked.push(id),
		fail: async (id) => void failed.push(id)
	};
}

describe('Worker', () => {
	it('acks jobs whose handler succeeds', async () => {
		const store = memoryStore([job('a'), job('b')]);
		const handler = mock.fn(async () => {});
		const worker = new Worker(store, handler, { signingKey: KEY, pollIntervalMs: 1 });
		worker.on('done', () => store.acked.length === 2 && worker.stop());
		await worker.start();
		assert.deepEqual(store.acked.sort(), ['a', 'b']);
		assert.equal(handler.mock.callCount(), 2);
	});

	it('rejects jobs with a forged signature', async () => {
		const store = memoryStore([job('x', { signature: 'forged' })]);
		const worker = new Worker(store, async () => {}, { signingKey: KEY, pollIntervalMs: 1 });
		worker.on('rejected', () => worker.stop());
		await worker.start();
		assert.deepEqual(store.failed, ['x']);
	});

	it('runs the handler with the abort signal', async () => {
		const store = memoryStore([job('s')]);
		const worker = new Worker(
			store,
			async (_job, signal) => {
				worker.stop();
				await new Promise((r) => setTimeout(r, 1));
				void signal.aborted;
			},
			{ signingKey: KEY, pollIntervalMs: 1 }
		);
		await worker.start();
	});
});
