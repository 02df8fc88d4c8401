import { defineHook } from '@directus/extensions-sdk';
import { InvalidPayloadError } from '@directus/errors';
import { loadShipRelayConfig } from '../lib/config.js';
import { ShipRelayClient, createHttpClient, type TrackingEvent } from '../lib/carrier-client.js';
import { ShipmentsRepository, ORDERS } from '../lib/shipments-repo.js';
import { writeAudit } from '../lib/audit.js';

const SUPPORTED_COUNTRIES = new Set(['DE', 'AT', 'NL', 'BE', 'FR', 'DK', 'PL']);

export type OrderStatus = 'draft' | 'paid' | 'packed' | 'shipped' | 'cancelled';

export function nextStatusFor(event: TrackingEvent['status']): OrderStatus | null {
	switch (event) {
		case 'pre_transit':
			return 'packed';
		case 'in_transit':
		case 'out_for_delivery':
		case 'delivered':
			return 'shipped';
		case 'exception':
		case 'returned':
			return null;
		default:
			return assertNever(event);
	}
}

function assertNever(value: never): never {
	throw new Error(`Unhandled tracking status: ${String(value)}`);
}

export default defineHook(({ filter, action, schedule, init }, { services, getSchema, env, logger }) => {
	const config = loadShipRelayConfig(env);
	const carrier = new ShipRelayClient(createHttpClient(config), config);

	filter(`${ORDERS}.items.create`, async (payload: any, _meta, context) => {
		const address = payload.shipping_address;
		if (!address?.country || !SUPPORTED_COUNTRIES.has(String(address.country).toUpperCase())) {
			throw new InvalidPayloadError({ reason: 'ShipRelay does not deliver to this country' });
		}
		if (!Array.isArray(payload.parcels) || payload.parcels.length === 0) {
			throw new InvalidPayloadError({ reason: 'at least one parcel is required' });
		}
		logger.debug('order create validated for %s', context.accountability?.user ?? 'system');
		return { ...payload, shipping_address: { ...address, country: String(address.country).toUpperCase() } };
	});

	action(`${ORDERS}.items.update`, async ({ keys, payload }, { schema, accountability }) => {
		if (payload?.status !== 'paid' || env['SHIPRELAY_AUTO_LABEL'] !== 'true') return;
		const { ItemsService } = services;
		const orders = new ItemsService(ORDERS, { schema, accountability: null });
		const repo = new ShipmentsRepository(services, schema!, null);

		for (const key of keys as string[]) {
			const existing = await repo.findByOrder(key);
			if (existing.some((s) => s.status !== 'voided')) continue;

			const order = await orders.readOne(key, { fields: ['id', 'shipping_address', 'parcels', 'warehouse.address'] });
			try {
				const label = await carrier.createLabel(
					{
						orderId: order.id,
						from: order.warehouse.address,
						to: order.shipping_address,
						parcels: order.parcels,
						serviceLevel: config.defaultServiceLevel,
					},
					`order-${order.id}-auto`,
				);
				const shipmentId = await repo.createFromLabel(order.id, label);
				await writeAudit(
					{ services, schema: schema!, accountability: accountability ?? null },
					{ action: 'label.create', collection: 'shipments', item: shipmentId, comment: 'auto' },
				);
			} catch (error) {
				logger.error(error, `automatic label for order ${key} failed`);
				await orders.updateOne(key, { shipping_error: String((error as Error).message).slice(0, 250) });
				throw error;
			}
		}
	});

	schedule('*/5 * * * *', async () => {
		const schema = await getSchema();
		// Cron runs outside any request, so the sync works in the system context.
		const repo = new ShipmentsRepository(services, schema, null);
		const open = await repo.findOpen();
		const byCode = new Map(open.map((s) => [s.tracking_code!, s]));
		const events = await carrier.tracking([...byCode.keys()]);

		let applied = 0;
		for (const event of events) {
			const shipment = byCode.get(event.trackingCode);
			if (!shipment || shipment.last_event_at === event.occurredAt) continue;
			try {
				if (event.status === 'delivered') {
					await repo.markDelivered(shipment.id, event.occurredAt);
				} else {
					await repo.applyEvent(shipment.id, event);
				}
				applied++;
			} catch {
				continue;
			}
		}
		logger.info(`ShipRelay tracking sync applied ${applied}/${events.length} events`);
	});

	init('routes.custom.after', () => {
		logger.info('ShipRelay extension ready (account %s)', config.accountId);
	});
});
