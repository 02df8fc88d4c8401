import { error, json, type RequestHandler } from '@sveltejs/kit';
import { verifyWebhook } from '$lib/server/webhook';
import { sql } from '$lib/server/db';
import { logger } from '$lib/server/logger';

interface StripeEvent {
	id: string;
	type: string;
	data: { object: { id: string; metadata?: Record<string, string> } };
}

export const POST: RequestHandler = async ({ request }) => {
	const payload = await request.text();
	const header = request.headers.get('stripe-signature') ?? '';
	if (!verifyWebhook(payload, header)) {
		logger.warn('stripe webhook signature mismatch');
		error(400, { message: 'invalid signature' });
	}

	const event = JSON.parse(payload) as StripeEvent;
	if (event.type === 'invoice.paid') {
		const invoiceId = event.data.object.metadata?.invoice_id;
		if (invoiceId) {
			await sql`update invoices set status = 'paid' where id = ${invoiceId}`;
		}
	}
	await sql`insert into webhook_events (id, type) values (${event.id}, ${event.type}) on conflict do nothing`;
	return json({ received: true });
};
