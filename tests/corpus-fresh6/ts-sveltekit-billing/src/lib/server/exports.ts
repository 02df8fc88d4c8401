import type { Invoice } from './invoices';

export type ExportFormat = 'csv' | 'xlsx';

export function toCsv(invoices: Invoice[]): string {
	const header = 'id,customer_id,status,total,currency,issued_at';
	const rows = invoices.map((i) =>
		[
			i.id,
			i.customerId,
			i.status,
			(i.totalCents / 100).toFixed(2),
			i.currency,
			i.issuedAt?.toISOString() ?? ''
		].join(',')
	);
	return [header, ...rows].join('\n');
}

export async function toXlsx(_invoices: Invoice[]): Promise<Uint8Array> {
	throw new Error('xlsx export not implemented yet');
}
