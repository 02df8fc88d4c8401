import { error, json, type RequestHandler } from '@sveltejs/kit';
import { createRefund } from '$lib/server/stripe';
import { sql } from '$lib/server/db';
import { logger } from '$lib/server/logger';

interface RefundRequest {
	paymentIntent: string;
	amountCents: number;
	reason?: string;
}

export const POST: RequestHandler = async ({ request, locals }) => {
	const body = (await request.json()) as RefundRequest;
	if (!body.paymentIntent || !Number.isInteger(body.amountCents) || body.amountCents <= 0) {
		error(400, { message: 'paymentIntent and positive amountCents are required' });
	}

	const refund = await createRefund(body.paymentIntent, body.amountCents, body.reason);
	await sql`
		insert into audit_log (org_id, actor, action, subject)
		values (${locals.user!.orgId}, ${locals.user!.id}, 'refund.create', ${refund.id})
	`;
	logger.info({ refund: refund.id, actor: locals.user!.id }, 'refund issued');
	return json({ id: refund.id, status: refund.status }, { status: 201 });
};
