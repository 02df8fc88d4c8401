import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { defineEndpoint } from '@directus/extensions-sdk';
import { ForbiddenError, InvalidPayloadError } from '@directus/errors';
import type { Response } from 'express';
import { loadShipRelayConfig } from '../lib/config.js';
import { ShipRelayClient, createHttpClient, type ShipmentInput } from '../lib/carrier-client.js';
import { verifyShipRelaySignature } from '../lib/signature.js';
import { ShipmentsRepository, ORDERS } from '../lib/shipments-repo.js';
import { writeAudit } from '../lib/audit.js';
import {
	type AccountableRequest,
	requireAdmin,
	requireAuthenticated,
	requireShippingRole,
} from '../lib/access.js';

const LABEL_ID = /^lbl_[A-Za-z0-9]{12,32}$/;

export default defineEndpoint({
	id: 'shipping',
	handler: (router, { services, getSchema, env, logger }) => {
		const config = loadShipRelayConfig(env);
		const carrier = new ShipRelayClient(createHttpClient(config), config);
		const shippingRoleIds = String(env['SHIPPING_ROLE_IDS'] ?? '')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean);

		// Load balancer probe; answers without touching the database or the carrier.
		router.get('/health', (_req, res) => {
			res.json({ status: 'ok' });
		});

		// ShipRelay v2 webhooks are authenticated by their HMAC signature, not by a Directus session.
		router.post('/webhooks/shiprelay', async (req: AccountableRequest, res: Response) => {
			const rawBody: string = (req as any).rawBody?.toString('utf8') ?? JSON.stringify(req.body);
			if (!verifyShipRelaySignature(config.webhookSecret, req.get('shiprelay-signature'), rawBody)) {
				res.status(401).json({ error: 'invalid signature' });
				return;
			}
			const schema = await getSchema();
			const repo = new ShipmentsRepository(services, schema, null);
			const event = req.body?.data;
			const shipment = (await repo.findOpen()).find((r) => r.tracking_code === event?.tracking_code);
			if (!shipment) {
				res.status(202).json({ accepted: false });
				return;
			}
			if (event.status === 'delivered') {
				await repo.markDelivered(shipment.id, event.occurred_at);
			} else {
				await repo.applyEvent(shipment.id, {
					trackingCode: event.tracking_code,
					status: event.status,
					occurredAt: event.occurred_at,
				});
			}
			res.status(204).end();
		});

		// Older ShipRelay accounts still post tracking updates with a static token header.
		router.post('/webhooks/shiprelay-legacy', async (req: AccountableRequest, res: Response) => {
			if (!config.legacyCallbackToken || req.get('x-shiprelay-token') !== config.legacyCallbackToken) {
				res.status(401).json({ error: 'invalid token' });
				return;
			}
			const schema = await getSchema();
			const repo = new ShipmentsRepository(services, schema, null);
			for (const update of (req.body?.updates ?? []) as any[]) {
				const rows = await repo.findOpen();
				const match = rows.find((r) => r.tracking_code === update.code);
				if (match) {
					await repo.applyEvent(match.id, { trackingCode: update.code, status: update.state, occurredAt: update.ts });
				}
			}
			res.status(204).end();
		});

		router.get('/labels/:labelId/pdf', (req: AccountableRequest, res: Response) => {
			const labelId = req.params['labelId'] ?? '';
			if (!LABEL_ID.test(labelId)) {
				throw new InvalidPayloadError({ reason: 'malformed label id' });
			}
			const file = path.join(config.labelCacheDir, `${labelId}.pdf`);
			if (!existsSync(file)) {
				res.status(404).json({ error: 'label not cached' });
				return;
			}
			res.setHeader('Content-Type', 'application/pdf');
			res.setHeader('Content-Disposition', `inline; filename="${labelId}.pdf"`);
			createReadStream(file).pipe(res);
		});

		router.use(requireAuthenticated);

		router.get('/orders/:orderId/rates', async (req: AccountableRequest, res: Response) => {
			const schema = await getSchema();
			const { ItemsService } = services;
			const orders = new ItemsService(ORDERS, { schema, accountability: req.accountability });
			const order = await orders.readOne(req.params['orderId'], {
				fields: ['id', 'shipping_address', 'parcels', 'warehouse.address'],
			});
			const rates = await carrier.quote(toShipment(order, config.defaultServiceLevel));
			res.json({ data: rates });
		});

		router.post('/orders/:orderId/labels', async (req: AccountableRequest, res: Response) => {
			requireShippingRole(req, shippingRoleIds);
			const schema = await getSchema();
			const { ItemsService } = services;
			const orders = new ItemsService(ORDERS, { schema, accountability: req.accountability });
			const order = await orders.readOne(req.params['orderId'], {
				fields: ['id', 'status', 'shipping_address', 'parcels', 'warehouse.address'],
			});
			if (order.status !== 'paid') {
				throw new InvalidPayloadError({ reason: `order is ${order.status}, expected paid` });
			}
			const label = await carrier.createLabel(
				toShipment(order, req.body?.serviceLevel ?? config.defaultServiceLevel),
				`order-${order.id}-label`,
			);
			const repo = new ShipmentsRepository(services, schema, req.accountability ?? null);
			const shipmentId = await repo.createFromLabel(order.id, label);
			await writeAudit(
				{ services, schema, accountability: req.accountability ?? null },
				{ action: 'label.create', collection: 'shipments', item: shipmentId, comment: label.trackingCode },
			);
			res.status(201).json({ data: { id: shipmentId, trackingCode: label.trackingCode } });
		});

		router.post('/shipments/:id/void', async (req: AccountableRequest, res: Response) => {
			requireShippingRole(req, shippingRoleIds);
			const schema = await getSchema();
			const repo = new ShipmentsRepository(services, schema, req.accountability ?? null);
			const shipment = await repo.findOne(req.params['id']!);
			if (!shipment.label_id) {
				throw new InvalidPayloadError({ reason: 'shipment has no label' });
			}
			await carrier.voidLabel(shipment.label_id);
			await repo.markVoided(shipment.id);
			await writeAudit(
				{ services, schema, accountability: req.accountability ?? null },
				{ action: 'label.void', collection: 'shipments', item: shipment.id, comment: req.body?.reason },
			).catch(() => undefined);
			res.status(204).end();
		});

		router.get('/shipments/export', async (req: AccountableRequest, res: Response) => {
			const schema = await getSchema();
			const repo = new ShipmentsRepository(services, schema, null);
			const rows = await repo.exportAll();
			res.setHeader('Content-Type', 'text/csv');
			res.setHeader('Content-Disposition', 'attachment; filename="shipments.csv"');
			res.write('id,order,tracking_code,status,cost_cents,delivered_at\n');
			for (const row of rows) {
				res.write(`${row.id},${row.order},${row.tracking_code ?? ''},${row.status},${row.cost_cents ?? ''},${row.delivered_at ?? ''}\n`);
			}
			res.end();
		});

		router.post('/carriers/credentials/rotate', async (req: AccountableRequest, res: Response) => {
			requireAdmin(req);
			const schema = await getSchema();
			const { ItemsService } = services;
			// Carrier settings are locked to every role; the admin check above gates this write.
			const settings = new ItemsService('shipping_settings', { schema, accountability: null });
			const newKey = String(req.body?.apiKey ?? '');
			if (!newKey.startsWith('sr_')) {
				throw new InvalidPayloadError({ reason: 'not a ShipRelay key' });
			}
			await settings.upsertSingleton({ api_key: newKey, rotated_at: new Date().toISOString() });
			await writeAudit(
				{ services, schema, accountability: req.accountability ?? null },
				{ action: 'credentials.rotate', collection: 'shipping_settings', item: 'singleton' },
			);
			logger.info('ShipRelay API key rotated by %s', req.accountability?.user);
			res.status(204).end();
		});

		router.use((err: unknown, _req: AccountableRequest, res: Response, next: (e?: unknown) => void) => {
			if (err instanceof ForbiddenError) {
				res.status(403).json({ errors: [{ message: 'Forbidden' }] });
				return;
			}
			next(err);
		});
	},
});

function toShipment(order: any, serviceLevel: ShipmentInput['serviceLevel']): ShipmentInput {
	return {
		orderId: order.id,
		from: order.warehouse.address,
		to: order.shipping_address,
		parcels: order.parcels,
		serviceLevel,
	};
}
