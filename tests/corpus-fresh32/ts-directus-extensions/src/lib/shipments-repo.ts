import type { Accountability, SchemaOverview } from '@directus/types';
import type { LabelResult, TrackingEvent } from './carrier-client.js';

export const SHIPMENTS = 'shipments';
export const ORDERS = 'orders';

export interface ShipmentRow {
	id: string;
	order: string;
	label_id: string | null;
	tracking_code: string | null;
	status: string;
	label_url: string | null;
	cost_cents: number | null;
	delivered_at: string | null;
	last_event_at: string | null;
}

export class ShipmentsRepository {
	private readonly items: any;

	constructor(services: any, schema: SchemaOverview, accountability: Accountability | null) {
		const { ItemsService } = services;
		this.items = new ItemsService(SHIPMENTS, { schema, accountability });
	}

	findOne(id: string): Promise<ShipmentRow> {
		return this.items.readOne(id);
	}

	findByOrder(orderId: string): Promise<ShipmentRow[]> {
		return this.items.readByQuery({ filter: { order: { _eq: orderId } }, sort: ['-date_created'], limit: 20 });
	}

	findOpen(limit = 200): Promise<ShipmentRow[]> {
		return this.items.readByQuery({
			filter: { status: { _nin: ['delivered', 'returned', 'voided'] }, tracking_code: { _nnull: true } },
			fields: ['id', 'tracking_code', 'status', 'last_event_at'],
			limit,
		});
	}

	createFromLabel(orderId: string, label: LabelResult): Promise<string> {
		return this.items.createOne({
			order: orderId,
			label_id: label.labelId,
			tracking_code: label.trackingCode,
			label_url: label.labelUrl,
			cost_cents: label.costCents,
			status: 'pre_transit',
		});
	}

	applyEvent(id: string, event: TrackingEvent): Promise<string> {
		return this.items.updateOne(id, { status: event.status, last_event_at: event.occurredAt });
	}

	markDelivered(id: string, deliveredAt: string): Promise<string> {
		return this.items.updateOne(id, { status: 'delivered', delivered_at: new Date().toISOString() });
	}

	markVoided(id: string): Promise<string> {
		return this.items.updateOne(id, { status: 'voided', label_url: null });
	}

	exportAll(): Promise<ShipmentRow[]> {
		return this.items.readByQuery({ limit: -1, sort: ['date_created'] });
	}
}
