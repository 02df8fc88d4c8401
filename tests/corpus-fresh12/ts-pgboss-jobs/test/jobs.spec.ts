import chai, { expect } from 'chai';
import chaiAsPromised from 'chai-as-promised';
import sinon from 'sinon';
import type PgBoss from 'pg-boss';
import { makeSendReceipt } from '../src/jobs/sendReceipt';
import { makeExportLedger } from '../src/jobs/exportLedger';
import { makePartnerCallback } from '../src/jobs/partnerCallback';
import { reconcileSettlements } from '../src/jobs/reconcile';

chai.use(chaiAsPromised);

const TEST_DB_URL = 'postgres://postgres:postgres@localhost:5432/ledger_jobs_test';

function job<T>(data: T): PgBoss.Job<T> {
  return { id: 'job-1', name: 'test', data } as PgBoss.Job<T>;
}

function fakeDb(rows: unknown[] = []) {
  return { query: sinon.stub().resolves({ rows }) } as any;
}

describe('sendReceipt', () => {
  it('sends the receipt and records the message id', async () => {
    const db = fakeDb([{ number: 'INV-7', amount_cents: 1999 }]);
    const mailer = { send: sinon.stub().resolves('msg-123') };
    const result = await makeSendReceipt(db, mailer)(job({ invoiceId: 'inv_7', email: 'a@b.test' }));
    expect(result).to.deep.equal({ messageId: 'msg-123' });
    sinon.assert.calledWithMatch(db.query.secondCall, /receipt_sent_at/, ['inv_7', 'msg-123']);
  });

  it('propagates mailer failures so pg-boss retries', async () => {
    const db = fakeDb([{ number: 'INV-7', amount_cents: 1999 }]);
    const mailer = { send: sinon.stub().rejects(new Error('smtp 451')) };
    await expect(makeSendReceipt(db, mailer)(job({ invoiceId: 'inv_7', email: 'a@b.test' }))).to.be.rejectedWith('smtp 451');
  });
});

describe('exportLedger', () => {
  it('writes a csv export for the day', async () => {
    process.env.LEDGER_ARCHIVE_DIR = '/tmp/ledger-jobs-test';
    const db = fakeDb([{ account_id: 'a1', amount_cents: 100, currency: 'EUR', posted_at: '2026-01-01T00:00:00Z' }]);
    await makeExportLedger(db)(job({ day: '2026-01-01' }));
  });
});

describe('partnerCallback', () => {
  it('ignores callbacks with a bad signature', async () => {
    process.env.PARTNER_CALLBACK_SECRET = 'test-secret';
    const db = fakeDb();
    await makePartnerCallback(db)(job({ payload: '{}', signature: 'nope', receivedAt: '' }));
    sinon.assert.notCalled(db.query);
  });
});

describe('reconcileSettlements', () => {
  it('returns a result shape', async () => {
    const result = await reconcileSettlements(job({ day: '2026-01-01' }));
    expect(result).to.have.keys('matched', 'unmatched', 'missing');
  });
});

export { TEST_DB_URL };
