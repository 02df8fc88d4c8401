import { error, json, type RequestHandler } from '@sveltejs/kit';
import { listInvoices, type InvoiceStatus } from '$lib/server/invoices';

const STATUSES: InvoiceStatus[] = ['draft', 'open', 'paid', 'void'];

export const GET: RequestHandler = async ({ url, locals }) => {
	const user = locals.user!;
	const status = url.searchParams.get('status') as InvoiceStatus | null;
	if (status && !STATUSES.includes(status)) {
		error(400, { message: `unknown status ${status}`, code: 'bad_request' });
	}
	const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 200);
	const invoices = await listInvoices(user.orgId, {
		status: status ?? undefined,
		limit,
		cursor: url.searchParams.get('cursor') ?? undefined
	});
	return json({ data: invoices, next: invoices.at(-1)?.id ?? null });
};
