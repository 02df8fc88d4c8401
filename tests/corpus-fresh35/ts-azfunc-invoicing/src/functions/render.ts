import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, type InvocationContext } from '@azure/functions';
import PDFDocument from 'pdfkit';
import { logger } from '../lib/log';
import * as store from '../lib/store';

const PDF_DIR = '/tmp/invoice-pdfs';

interface RenderMessage {
  invoiceId: string;
  customerId: string;
}

function renderPdf(invoice: store.Invoice): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.fontSize(18).text(`Invoice ${invoice.number}`);
    doc.moveDown().fontSize(10).text(`Customer: ${invoice.customerId}`).text(`Due: ${invoice.dueDate}`);
    doc.moveDown();
    for (const line of invoice.lines) {
      const amount = ((line.quantity * line.unitPriceCents) / 100).toFixed(2);
      doc.text(`${line.quantity} x ${line.sku} ${line.description}`, { continued: true }).text(` ${amount}`, { align: 'right' });
    }
    doc.moveDown().fontSize(12).text(`Total ${(invoice.totalCents / 100).toFixed(2)} ${invoice.currency}`, { align: 'right' });
    doc.end();
  });
}

export async function renderInvoice(message: unknown, context: InvocationContext): Promise<void> {
  const log = logger(context);
  const { invoiceId, customerId } = message as RenderMessage;
  const invoice = await store.getInvoice(customerId, invoiceId);
  if (!invoice) {
    log.warn('render requested for missing invoice', { invoiceId });
    return;
  }

  try {
    const pdf = await renderPdf(invoice);
    await mkdir(PDF_DIR, { recursive: true });
    const file = path.join(PDF_DIR, `${invoice.id}.pdf`);
    await writeFile(file, pdf);
    await store.patchInvoice(invoice, [{ op: 'set', path: '/pdfPath', value: file }]);
    log.info('invoice rendered', { invoiceId, bytes: pdf.length, dequeueCount: Number(context.triggerMetadata?.dequeueCount ?? 0) });
  } catch (err) {
    // Rethrown so the queue trigger retries and, after maxDequeueCount, moves it to invoice-render-poison.
    log.error('render failed', { invoiceId, error: (err as Error).message });
    throw err;
  }
}

app.storageQueue('renderInvoice', {
  queueName: 'invoice-render',
  connection: 'AzureWebJobsStorage',
  handler: renderInvoice,
});
