import { app, type InvocationContext, type Timer } from '@azure/functions';
import { config } from '../config';
import { logger } from '../lib/log';
import { mailer } from '../lib/mailer';
import * as store from '../lib/store';

const MIN_DAYS_BETWEEN_REMINDERS = 7;

function daysSince(iso: string | undefined, now: Date): number {
  if (!iso) return Number.POSITIVE_INFINITY;
  return (now.getTime() - new Date(iso).getTime()) / 86_400_000;
}

export async function sendReminders(_timer: Timer, context: InvocationContext): Promise<void> {
  const log = logger(context);
  const now = new Date();
  const overdue = await store.listOverdue(now, config().reminderGraceDays);
  const mail = mailer(log);

  let sent = 0;
  for (const invoice of overdue) {
    if (daysSince(invoice.lastReminderAt, now) < MIN_DAYS_BETWEEN_REMINDERS) continue;
    try {
      await mail.send({
        to: `ap+${invoice.customerId}@customers.northwind-traders.com`,
        subject: `Reminder: invoice ${invoice.number} is overdue`,
        text: `Invoice ${invoice.number} for ${(invoice.totalCents / 100).toFixed(2)} ${invoice.currency} was due on ${invoice.dueDate}.`,
      });
    } catch (err) {
      log.error('reminder not sent', { invoiceId: invoice.id, error: (err as Error).message });
      continue;
    }
    await store.markReminded(invoice, now).catch(() => undefined);
    sent += 1;
  }
  log.info('reminders done', { overdue: overdue.length, sent });
}

app.timer('sendReminders', {
  schedule: '0 0 7 * * 1-5',
  runOnStartup: false,
  handler: sendReminders,
});
