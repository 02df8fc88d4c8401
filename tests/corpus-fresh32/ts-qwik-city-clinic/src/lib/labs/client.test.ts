import { beforeEach, describe, expect, it, vi } from 'vitest';

const fetchMock = vi.fn();
vi.mock('undici', () => ({
	fetch: (...args: unknown[]) => fetchMock(...args),
	Agent: vi.fn(() => ({ kind: 'agent' })),
}));

const { LabLinkClient, LabLinkError } = await import('./client');

const cfg = {
	sessionSecret: 's',
	sessionTtlDays: 7,
	labLinkBaseUrl: 'https://lablink.test/v3',
	labLinkClientId: 'client-id',
	labLinkClientSecret: 'client-secret',
	labLinkWebhookSecret: 'whsec',
	labLinkCaFile: undefined,
	pdfCacheDir: 'var/pdf',
	uploadRoot: 'var/uploads',
	smtpUrl: 'smtp://localhost:1025',
};

function jsonResponse(status: number, body: unknown) {
	return { ok: status < 400, status, json: async () => body, arrayBuffer: async () => new ArrayBuffer(0) };
}

describe('LabLinkClient', () => {
	beforeEach(() => fetchMock.mockReset());

	it('requests a client-credentials token before listing results', async () => {
		fetchMock
			.mockResolvedValueOnce(jsonResponse(200, { access_token: 'tok', expires_in: 3600 }))
			.mockResolvedValueOnce(jsonResponse(200, { results: [] }));
		const client = new LabLinkClient(cfg, {} as any);
		await client.listResults('PAT-001', new Date('2024-01-01T00:00:00Z'));
		expect(fetchMock).toHaveBeenNthCalledWith(1, 'https://lablink.test/v3/oauth/token', expect.objectContaining({ method: 'POST' }));
		expect(fetchMock).toHaveBeenNthCalledWith(
			2,
			expect.any(URL),
			expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer tok' }) }),
		);
	});

	it('raises LabLinkError on a failed document download', async () => {
		fetchMock
			.mockResolvedValueOnce(jsonResponse(200, { access_token: 'tok', expires_in: 3600 }))
			.mockResolvedValueOnce(jsonResponse(404, {}));
		const client = new LabLinkClient(cfg, {} as any);
		await expect(client.fetchPdf('ACC-9')).rejects.toBeInstanceOf(LabLinkError);
	});
});
