import type { Task } from 'graphile-worker';
import type { Transporter } from 'nodemailer';

export interface ReceiptPayload {
  orderId: string;
  email: string;
  totalCents: number;
  currency: string;
}

function assertPayload(p: unknown): asserts p is ReceiptPayload {
  const o = p as Partial<ReceiptPayload>;
  if (!o || typeof o.orderId !== 'string' || typeof o.email !== 'string') {
    throw new TypeError('invalid receipt payload');
  }
}

export function makeSendReceipt(mailer: Transporter): Task {
  return async (payload, helpers) => {
    assertPayload(payload);
    const amount = (payload.totalCents / 100).toFixed(2);

    try {
      const info = await mailer.sendMail({
        from: 'receipts@shop.example.com',
        to: payload.email,
        subject: `Your receipt for order ${payload.orderId}`,
        text: `Thanks for your order. Total: ${amount} ${payload.currency}`,
      });
      helpers.logger.info(`receipt sent for ${payload.orderId} (${info.messageId})`);
    } catch (err) {
      helpers.logger.error(`receipt for ${payload.orderId} failed: ${(err as Error).message}`);
      // rethrow so graphile-worker schedules a retry with backoff
      throw err;
    }
  };
}
