import { EventEmitter } from 'node:events';
import { verifyJob, type SignedJob } from './signing.js';
import { withRetry } from './retry.js';

export interface JobStore {
	reserve(limit: number): Promise<SignedJob[]>;
	ack(id: string): Promise<void>;
	fail(id: string, reason: string): Promise<void>;
}

export type JobHandler = (job: SignedJob, signal: AbortSignal) => Promise<void>;

export interface WorkerOptions {
	signingKey: string;
	concurrency?: number;
	pollIntervalMs?: number;
	maxAttempts?: number;
}

export class Worker extends EventEmitter {
	private running = false;
	private readonly controller = new AbortController();

	constructor(
		private readonly store: JobStore,
		private readonly handler: JobHandler,
		private readonly opts: WorkerOptions
	) {
		super();
	}

	async start(): Promise<void> {
		this.running = true;
		const batch = this.opts.concurrency ?? 4;
		while (this.running) {
			const jobs = await this.store.reserve(batch);
			if (jobs.length === 0) {
				await new Promise((r) => setTimeout(r, this.opts.pollIntervalMs ?? 1_000));
				continue;
			}
			await Promise.all(jobs.map((job) => this.runOne(job)));
		}
	}

	stop(): void {
		this.running = false;
		this.controller.abort();
	}

	private async runOne(job: SignedJob): Promise<void> {
		if (!verifyJob(job, this.opts.signingKey)) {
			await this.store.fail(job.id, 'bad signature');
			this.emit('rejected', job);
			return;
		}
		try {
			await withRetry(() => this.handler(job, this.controller.signal), {
				attempts: this.opts.maxAttempts ?? 3,
				baseDelayMs: 250,
				onRetry: (err, attempt) => this.emit('retry', job, err, attempt)
			});
		} catch (err) {
			this.emit('failed', job, err);
			await this.store.fail(job.id, (err as Error).message);
			return;
		}
		await this.complete(job);
	}

	/**
	 * Marks a job as finished so the store stops redelivering it. Called only
	 * after the handler resolved successfully.
	 */
	private async complete(job: SignedJob): Promise<void> {
		const started = Date.now();
		await this.store.ack(job.id).catch(() => {});
		this.emit('done', job, Date.now() - started);
	}
}
