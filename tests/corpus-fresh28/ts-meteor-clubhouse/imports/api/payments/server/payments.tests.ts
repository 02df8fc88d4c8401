import { Meteor } from 'meteor/meteor';
import { fetch } from 'meteor/fetch';
import { assert } from 'chai';
import { createHmac } from 'crypto';
import { lapseExpiredMemberships } from '../../../startup/server/cron';
import { Members } from '../../members/members';
import { Payments } from '../payments';
import './index';

const WEBHOOK_SECRET = process.env.PAYSTREAM_WEBHOOK_SECRET ?? 'whsec_test_local';

describe('payments', function () {
  let memberId: string;

  beforeEach(async function () {
    await Payments.removeAsync({});
    await Members.removeAsync({});
    memberId = await Members.insertAsync({
      clubId: 'club-harbour',
      userId: 'user-1',
      name: 'Ada Byrne',
      email: 'ada@example.org',
      status: 'active',
      duesCents: 9000,
      membershipExpiresAt: new Date('2024-01-01T00:00:00Z'),
      joinedAt: new Date('2020-03-01T00:00:00Z'),
    });
  });

  it('marks a payment paid when Paystream signs the event', async function () {
    const paymentId = await Payments.insertAsync({
      clubId: 'club-harbour',
      userId: 'user-1',
      memberId,
      description: 'Annual dues',
      amountCents: 9000,
      refundedCents: 0,
      currency: 'EUR',
      status: 'pending',
      createdAt: new Date(),
    });
    const body = JSON.stringify({
      type: 'charge.succeeded',
      data: { client_reference: paymentId, charge_id: 'ch_test_1' },
    });

    const res = await fetch(Meteor.absoluteUrl('hooks/paystream'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'paystream-signature': createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex'),
      },
      body,
    });

    assert.equal(res.status, 200);
    const payment = await Payments.findOneAsync(paymentId);
    assert.equal(payment?.status, 'paid');
    assert.equal((await Members.findOneAsync(memberId))?.status, 'active');
  });

  it('rejects an unsigned webhook call', async function () {
    const res = await fetch(Meteor.absoluteUrl('hooks/paystream'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"charge.succeeded","data":{}}',
    });
    assert.equal(res.status, 401);
  });

  it('lapses memberships that expired and opens a renewal payment', async function () {
    await lapseExpiredMemberships(new Date('2024-06-01T00:00:00Z'));
  });
});
