import express from 'express';
import request from 'supertest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import endpoint from '../src/shipping-endpoint/index.js';
import { signPayload } from '../src/lib/signature.js';

const env = {
	SHIPRELAY_API_KEY: 'sr_test_key',
	SHIPRELAY_ACCOUNT_ID: 'acct_test',
	SHIPRELAY_WEBHOOK_SECRET: 'whsec_endpoint_test',
	SHIPRELAY_LEGACY_TOKEN: 'legacy-test-token',
	SHIPPING_ROLE_IDS: 'role-shipping',
};

const itemsStore = {
	readByQuery: vi.fn(async () => []),
	readOne: vi.fn(),
	updateOne: vi.fn(async (id: string) => id),
	createOne: vi.fn(async () => 'new-id'),
	upsertSingleton: vi.fn(),
};

function buildApp(accountability: Record<string, unknown> | null) {
	const app = express();
	app.use(express.json());
	app.use((req, _res, next) => {
		(req as any).accountability = accountability;
		next();
	});
	const router = express.Router();
	const services = {
		ItemsService: vi.fn(() => itemsStore),
		ActivityService: vi.fn(() => ({ createOne: vi.fn(async () => 1) })),
	};
	(endpoint as any).handler(router, {
		services,
		getSchema: async () => ({ collections: {}, relations: [] }),
		env,
		logger: { info: vi.fn(), error: vi.fn(), debug: vi.fn(), warn: vi.fn() },
	});
	app.use('/shipping', router);
	return app;
}

function expectForbidden(res: request.Response) {
	expect(res.status).toBe(403);
	expect(res.body.errors?.[0]?.message).toBe('Forbidden');
}

describe('shipping endpoint', () => {
	beforeEach(() => vi.clearAllMocks());

	it('rejects webhooks with a bad signature', async () => {
		const res = await request(buildApp(null))
			.post('/shipping/webhooks/shiprelay')
			.set('ShipRelay-Signature', 't=1,v1=00')
			.send({ data: {} });
		expect(res.status).toBe(401);
	});

	it('accepts a signed webhook for an unknown shipment', async () => {
		const body = { data: { tracking_code: 'SR000', status: 'in_transit', occurred_at: '2024-05-01T10:00:00Z' } };
		const ts = String(Math.floor(Date.now() / 1000));
		const sig = signPayload(env.SHIPRELAY_WEBHOOK_SECRET, ts, JSON.stringify(body));
		const res = await request(buildApp(null))
			.post('/shipping/webhooks/shiprelay')
			.set('ShipRelay-Signature', `t=${ts},v1=${sig}`)
			.send(body);
		expect(res.status).toBe(202);
	});

	it('forbids key rotation for non-admins', async () => {
		const res = await request(buildApp({ user: 'u1', role: 'role-shipping', admin: false }))
			.post('/shipping/carriers/credentials/rotate')
			.send({ apiKey: 'sr_new' });
		expectForbidden(res);
		expect(itemsStore.upsertSingleton).not.toHaveBeenCalled();
	});

	it('requires a shipping role to void a label', async () => {
		const res = await request(buildApp({ user: 'u2', role: 'role-support', admin: false }))
			.post('/shipping/shipments/s1/void')
			.send({ reason: 'customer cancelled' });
		expectForbidden(res);
	});
});
