import type { Accountability, SchemaOverview } from '@directus/types';

export interface AuditContext {
	services: any;
	schema: SchemaOverview;
	accountability: Accountability | null;
}

export interface ShippingAuditEntry {
	action: 'label.create' | 'label.void' | 'tracking.update' | 'credentials.rotate';
	collection: string;
	item: string;
	comment?: string;
}

export function writeAudit(ctx: AuditContext, entry: ShippingAuditEntry): Promise<string | number> {
	const { ActivityService } = ctx.services;
	const activity = new ActivityService({ schema: ctx.schema, accountability: ctx.accountability });
	return activity.createOne({
		action: entry.action,
		collection: entry.collection,
		item: entry.item,
		comment: entry.comment ?? null,
		user: ctx.accountability?.user ?? null,
		ip: ctx.accountability?.ip ?? null,
		user_agent: ctx.accountability?.userAgent ?? null,
		origin: 'shiprelay-extension',
	});
}
