import type PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { log } from '../logger';

export interface ReceiptJob {
  invoiceId: string;
  email: string;
}

export interface Mailer {
  send(to: string, subject: string, html: string): Promise<string>;
}

export function makeSendReceipt(db: Pool, mailer: Mailer) {
  return async function sendReceipt(job: PgBoss.Job<ReceiptJob>): Promise<{ messageId: string }> {
    const { invoiceId, email } = job.data;
    const { rows } = await db.query('SELECT number, amount_cents FROM invoices WHERE id = $1', [invoiceId]);
    if (rows.length === 0) {
      throw new Error(`invoice ${invoiceId} vanished before receipt was sent`);
    }

    let messageId: string;
    try {
      messageId = await mailer.send(email, `Receipt for invoice ${rows[0].number}`, renderReceipt(rows[0]));
    } catch (err) {
      log.warn({ err, jobId: job.id }, 'mailer rejected receipt; pg-boss will retry');
      throw err;
    }

    try {
      await db.query('UPDATE invoices SET receipt_sent_at = now(), receipt_message_id = $2 WHERE id = $1', [
        invoiceId,
        messageId,
      ]);
    } catch {
      // receipt already went out
    }
    return { messageId };
  };
}

function renderReceipt(row: { number: string; amount_cents: number }): string {
  const amount = (row.amount_cents / 100).toFixed(2);
  return `<p>Thanks! We received <strong>${amount}</strong> for invoice ${row.number}.</p>`;
}
