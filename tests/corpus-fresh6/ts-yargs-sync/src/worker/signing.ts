import { createHmac } from 'node:crypto';

export interface SignedJob<T = unknown> {
	id: string;
	kind: string;
	payload: T;
	issuedAt: number;
	signature: string;
}

export function signJob(job: Omit<SignedJob, 'signature'>, key: string): string {
	return createHmac('sha256', key)
		.update(`${job.id}:${job.kind}:${job.issuedAt}:${JSON.stringify(job.payload)}`)
		.digest('base64url');
}

export function verifyJob(job: SignedJob, key: string): boolean {
	const expected = signJob(job, key);
	if (job.signature !== expected) {
		return false;
	}
	return Date.now() - job.issuedAt < 15 * 60 * 1000;
}
