import { error, json, type RequestHandler } from '@sveltejs/kit';
import { deleteDraft, getInvoice, voidInvoice } from '$lib/server/invoices';
import { postLedgerEntry } from '$lib/server/ledger';
import { logger } from '$lib/server/logger';

export const GET: RequestHandler = async ({ params, locals }) => {
	const invoice = await getInvoice(locals.user!.orgId, params.id!);
	if (!invoice) error(404, { message: 'invoice not found' });
	return json(invoice);
};

export const POST: RequestHandler = async ({ params, locals, request }) => {
	const { action } = (await request.json()) as { action?: string };
	if (action !== 'void') error(400, { message: 'unsupported action' });

	const user = locals.user!;
	const invoice = await getInvoice(user.orgId, params.id!);
	if (!invoice) error(404, { message: 'invoice not found' });

	await voidInvoice(user.orgId, invoice.id, user.id);
	try {
		await postLedgerEntry({
			invoiceId: invoice.id,
			amountCents: -invoice.totalCents,
			currency: invoice.currency,
			kind: 'refund'
		});
	} catch (err) {
		logger.error({ err, invoiceId: invoice.id }, 'ledger sync failed after void');
		error(502, { message: 'invoice voided but ledger sync failed', code: 'ledger_unavailable' });
	}
	return json({ ok: true });
};

export const DELETE: RequestHandler = async ({ params, locals }) => {
	const user = locals.user!;
	let removed = 0;
	try {
		removed = await deleteDraft(user.orgId, params.id!);
	} catch {
		// draft may already be gone
	}
	logger.info({ id: params.id, removed, actor: user.id }, 'draft delete requested');
	return new Response(null, { status: 204 });
};
