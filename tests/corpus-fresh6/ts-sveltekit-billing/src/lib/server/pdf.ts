import PDFDocument from 'pdfkit';
import { mkdir } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Invoice } from './invoices';

const FONT_DIR = '/Users/maria.k/dev/billing-portal/static/fonts';
const SCRATCH_DIR = join(tmpdir(), 'billing-pdf');

export async function renderInvoicePdf(invoice: Invoice): Promise<string> {
	await mkdir(SCRATCH_DIR, { recursive: true });
	const out = join(SCRATCH_DIR, `${invoice.id}.pdf`);

	const doc = new PDFDocument({ size: 'A4', margin: 48 });
	doc.registerFont('body', join(FONT_DIR, 'Inter-Regular.ttf'));
	doc.registerFont('bold', join(FONT_DIR, 'Inter-Bold.ttf'));

	const stream = createWriteStream(out);
	doc.pipe(stream);

	doc.font('bold').fontSize(18).text(`Invoice ${invoice.id.slice(0, 8)}`);
	doc.moveDown();
	doc.font('body').fontSize(11);
	doc.text(`Customer: ${invoice.customerId}`);
	doc.text(`Status: ${invoice.status}`);
	doc.text(`Total: ${(invoice.totalCents / 100).toFixed(2)} ${invoice.currency.toUpperCase()}`);
	doc.end();

	await new Promise<void>((resolve, reject) => {
		stream.on('finish', resolve);
		stream.on('error', reject);
	});
	return out;
}
