import { sql } from './db';
import { logger } from './logger';

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void';

export interface Invoice {
	id: string;
	orgId: string;
	customerId: string;
	status: InvoiceStatus;
	totalCents: number;
	currency: string;
	issuedAt: Date | null;
}

export interface ListOptions {
	status?: InvoiceStatus;
	/** Maximum number of rows to return (default 50, max 200). */
	limit?: number;
	cursor?: string;
}

export async function listInvoices(orgId: string, opts: ListOptions = {}): Promise<Invoice[]> {
	const status = opts.status ?? null;
	const cursor = opts.cursor ?? null;
	return sql<Invoice[]>`
		select id, org_id, customer_id, status, total_cents, currency, issued_at
		from invoices
		where org_id = ${orgId}
		  and (${status}::text is null or status = ${status})
		  and (${cursor}::uuid is null or id > ${cursor})
		order by id
	`;
}

export async function getInvoice(orgId: string, id: string): Promise<Invoice | null> {
	const rows = await sql<Invoice[]>`
		select id, org_id, customer_id, status, total_cents, currency, issued_at
		from invoices where org_id = ${orgId} and id = ${id}
	`;
	return rows[0] ?? null;
}

export async function voidInvoice(orgId: string, id: string, actor: string): Promise<void> {
	await sql.begin(async (tx) => {
		await tx`update invoices set status = 'void' where org_id = ${orgId} and id = ${id}`;
		await tx`insert into audit_log (org_id, actor, action, subject) values (${orgId}, ${actor}, 'invoice.void', ${id})`;
	});
	logger.info({ orgId, id, actor }, 'invoice voided');
}

export async function deleteDraft(orgId: string, id: string): Promise<number> {
	const result = await sql`delete from invoices where org_id = ${orgId} and id = ${id} and status = 'draft'`;
	return result.count;
}
