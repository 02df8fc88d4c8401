import { describe, expect, it, vi } from 'vitest';

vi.mock('$lib/server/session', () => ({ readSession: vi.fn(async () => null) }));
vi.mock('$lib/server/logger', () => ({ logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));

const { handle } = await import('../src/hooks.server');

function makeEvent(pathname: string) {
	return {
		url: new URL(`http://localhost${pathname}`),
		request: new Request(`http://localhost${pathname}`),
		cookies: { get: () => undefined },
		locals: {} as App.Locals
	} as unknown as Parameters<typeof handle>[0]['event'];
}

describe('handle', () => {
	it('lets the health check through without a session', async () => {
		const resolve = vi.fn(async () => new Response('ok'));
		const res = await handle({ event: makeEvent('/healthz'), resolve });
		expect(res.status).toBe(200);
	});

	it('rejects anonymous calls to the invoice API', async () => {
		const resolve = vi.fn(async () => new Response('ok'));
		await expect(handle({ event: makeEvent('/api/invoices'), resolve })).rejects.toMatchObject({
			status: 401
		});
		expect(resolve).not.toHaveBeenCalled();
	});
});
