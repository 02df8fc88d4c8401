import { error, type RequestHandler } from '@sveltejs/kit';
import { listInvoices } from '$lib/server/invoices';
import { toCsv, toXlsx, type ExportFormat } from '$lib/server/exports';

export const GET: RequestHandler = async ({ url, locals }) => {
	const format = (url.searchParams.get('format') ?? 'csv') as ExportFormat;
	const invoices = await listInvoices(locals.user!.orgId, { limit: 200 });

	switch (format) {
		case 'csv':
			return new Response(toCsv(invoices), {
				headers: {
					'content-type': 'text/csv; charset=utf-8',
					'content-disposition': 'attachment; filename="invoices.csv"'
				}
			});
		case 'xlsx':
			return new Response(await toXlsx(invoices), {
				headers: {
					'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
				}
			});
		default:
			error(400, { message: `unsupported format ${format}` });
	}
};
