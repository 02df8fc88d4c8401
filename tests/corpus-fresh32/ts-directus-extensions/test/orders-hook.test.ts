import { describe, expect, it, vi } from 'vitest';
import hook, { nextStatusFor } from '../src/orders-hook/index.js';

vi.mock('../src/lib/carrier-client.js', () => ({
	createHttpClient: vi.fn(() => ({})),
	ShipRelayClient: vi.fn(() => ({
		createLabel: vi.fn(async () => ({ labelId: 'lbl_x', trackingCode: 'SR1', labelUrl: 'https://l/x.pdf', costCents: 500 })),
		tracking: vi.fn(async () => []),
	})),
}));

type Registered = { filters: Record<string, Function>; actions: Record<string, Function>; schedules: Function[] };

function register(envOverrides: Record<string, string> = {}): Registered {
	const registered: Registered = { filters: {}, actions: {}, schedules: [] };
	const items = {
		readByQuery: vi.fn(async () => []),
		readOne: vi.fn(async (id: string) => ({
			id,
			shipping_address: { country: 'DE' },
			parcels: [{ weightGrams: 500, lengthCm: 10, widthCm: 10, heightCm: 10 }],
			warehouse: { address: { country: 'DE' } },
		})),
		createOne: vi.fn(async () => 'shp_1'),
		updateOne: vi.fn(),
	};
	(hook as any)(
		{
			filter: (event: string, fn: Function) => (registered.filters[event] = fn),
			action: (event: string, fn: Function) => (registered.actions[event] = fn),
			schedule: (_cron: string, fn: Function) => registered.schedules.push(fn),
			init: vi.fn(),
		},
		{
			services: { ItemsService: vi.fn(() => items), ActivityService: vi.fn(() => ({ createOne: vi.fn() })) },
			getSchema: async () => ({}),
			env: {
				SHIPRELAY_API_KEY: 'sr_test_key',
				SHIPRELAY_ACCOUNT_ID: 'acct_test',
				SHIPRELAY_WEBHOOK_SECRET: 'whsec_hook_test',
				SHIPRELAY_AUTO_LABEL: 'true',
				...envOverrides,
			},
			logger: { info: vi.fn(), error: vi.fn(), debug: vi.fn(), warn: vi.fn() },
		},
	);
	return registered;
}

describe('orders hook', () => {
	it('maps tracking statuses to order statuses', () => {
		expect(nextStatusFor('pre_transit')).toBe('packed');
		expect(nextStatusFor('delivered')).toBe('shipped');
		expect(nextStatusFor('exception')).toBeNull();
	});

	it('rejects orders to unsupported countries', async () => {
		const { filters } = register();
		await expect(
			filters['orders.items.create']!({ shipping_address: { country: 'US' }, parcels: [{}] }, {}, { accountability: null }),
		).rejects.toThrow(/does not deliver/);
	});

	it('creates a label when an order is marked paid', async () => {
		const { actions } = register();
		await actions['orders.items.update']!(
			{ keys: ['ord_42'], payload: { status: 'paid' }, collection: 'orders' },
			{ schema: {}, accountability: { user: 'u1', admin: false } },
		);
	});
});
