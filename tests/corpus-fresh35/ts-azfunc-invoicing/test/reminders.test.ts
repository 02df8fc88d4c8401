import type { Timer } from '@azure/functions';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@azure/functions', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@azure/functions')>()),
  app: { timer: vi.fn() },
}));
const send = vi.hoisted(() => vi.fn());
vi.mock('../src/lib/mailer', () => ({ mailer: () => ({ send }) }));
vi.mock('../src/lib/store', () => ({ listOverdue: vi.fn(), markReminded: vi.fn() }));

import { resetConfigForTests } from '../src/config';
import { sendReminders } from '../src/functions/reminders';
import * as store from '../src/lib/store';
import { context } from './helpers';

const timer: Timer = { isPastDue: false, scheduleStatus: { last: '', next: '', lastUpdated: '' } };

function overdue(id: string, lastReminderAt?: string): store.Invoice {
  return {
    id,
    customerId: 'cust-9',
    number: `INV-${id}`,
    status: 'issued',
    currency: 'EUR',
    lines: [],
    totalCents: 12000,
    dueDate: '2024-04-01',
    lastReminderAt,
  };
}

describe('sendReminders', () => {
  beforeEach(() => {
    process.env.COSMOS_ENDPOINT = 'https://localhost:8081';
    process.env.KEY_VAULT_URL = 'https://kv-invoicing-test.vault.azure.net';
    resetConfigForTests();
    send.mockReset().mockResolvedValue(undefined);
    vi.mocked(store.markReminded).mockResolvedValue();
  });

  it('emails customers with overdue invoices', async () => {
    vi.mocked(store.listOverdue).mockResolvedValue([overdue('a'), overdue('b')]);
    await sendReminders(timer, context('sendReminders'));
  });

  it('skips invoices reminded within the last week', async () => {
    vi.mocked(store.listOverdue).mockResolvedValue([overdue('c', new Date(Date.now() - 2 * 86_400_000).toISOString())]);
    await sendReminders(timer, context('sendReminders'));
    expect(send).not.toHaveBeenCalled();
    expect(store.markReminded).not.toHaveBeenCalled();
  });

  it('does not record a reminder that failed to send', async () => {
    vi.mocked(store.listOverdue).mockResolvedValue([overdue('d')]);
    send.mockRejectedValue(new Error('sendgrid 503'));
    await sendReminders(timer, context('sendReminders'));
    expect(store.markReminded).not.toHaveBeenCalled();
  });
});
