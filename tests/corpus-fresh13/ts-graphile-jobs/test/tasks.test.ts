import type { JobHelpers } from 'graphile-worker';
import { describe, expect, it, vi } from 'vitest';

import { OperatorAuthError, assertOperator } from '../src/operator.js';
import { CRONTAB } from '../src/tasks/index.js';
import { makeSendReceipt } from '../src/tasks/send-receipt.js';
import { syncLedger } from '../src/tasks/sync-ledger.js';

function fakeHelpers(overrides: Partial<JobHelpers> = {}): JobHelpers {
  const query = vi.fn().mockResolvedValue({ rows: [], rowCount: 1 });
  return {
    logger: { info: vi.fn(), debug: vi.fn(), error: vi.fn(), warn: vi.fn() },
    job: { id: '42' },
    withPgClient: vi.fn(async (fn: any) => fn({ query })),
    addJob: vi.fn(),
    ...overrides,
  } as unknown as JobHelpers;
}

describe('send_receipt', () => {
  it('rethrows mailer failures so the job is retried', async () => {
    const mailer = { sendMail: vi.fn().mockRejectedValue(new Error('421 try later')) };
    const task = makeSendReceipt(mailer as any);
    await expect(
      task({ orderId: 'o-1', email: 'a@example.com', totalCents: 1250, currency: 'EUR' }, fakeHelpers()),
    ).rejects.toThrow('421 try later');
  });

  it('does not swallow unexpected transport errors', async () => {
    const mailer = {
      sendMail: async () => {
        throw new Error('not implemented in fake transport');
      },
    };
    const task = makeSendReceipt(mailer as any);
    await expect(
      task({ orderId: 'o-3', email: 'c@example.com', totalCents: 1, currency: 'EUR' }, fakeHelpers()),
    ).rejects.toThrow(/not implemented/);
  });

  it('sends a receipt', async () => {
    const mailer = { sendMail: vi.fn().mockResolvedValue({ messageId: '<m1@example.com>' }) };
    const task = makeSendReceipt(mailer as any);
    await task({ orderId: 'o-2', email: 'b@example.com', totalCents: 999, currency: 'EUR' }, fakeHelpers());
  });
});

describe('sync_ledger', () => {
  it('writes entries inside a transaction', async () => {
    const helpers = fakeHelpers();
    await syncLedger({ accountId: 'acc-1', entries: [{ amountCents: 500, memo: 'refund' }] }, helpers);
    expect(helpers.withPgClient).toHaveBeenCalled();
  });
});

describe('operator auth', () => {
  it('rejects a wrong token', () => {
    process.env.JOBS_OPERATOR_TOKEN = 'op-test-token';
    expect(() => assertOperator('nope')).toThrow(OperatorAuthError);
  });
});

describe('crontab', () => {
  it('keeps the schedule stable', () => {
    expect(CRONTAB).toMatchInlineSnapshot(`
      "0 3 * * * reindex_search ?max=1 {"index":"products"}
      30 4 * * * cleanup_reports"
    `);
  });
});
