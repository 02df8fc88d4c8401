import { Meteor } from 'meteor/meteor';
import { check, Match } from 'meteor/check';
import { requireRole, requireUser } from '../../lib/auth';
import { createLogger } from '../../lib/logger';
import { Members } from '../../members/members';
import { Payments } from '../payments';
import { createCheckout, refundCharge } from './provider';
import './webhook';

const log = createLogger('payments');

export async function refundPayment(paymentId: string, amountCents: number, actorId: string) {
  const payment = await Payments.findOneAsync(paymentId);
  if (!payment || !payment.providerRef) {
    throw new Meteor.Error('not-found', 'No settled payment with that id');
  }
  if (payment.status !== 'paid' && payment.status !== 'partially_refunded') {
    throw new Meteor.Error('not-refundable', `Payment is ${payment.status}`);
  }
  const remaining = payment.amountCents - payment.refundedCents;
  await refundCharge(payment.providerRef, remaining);
  await Payments.updateAsync(paymentId, {
    $set: { status: 'refunded', refundedCents: payment.amountCents },
  });
  log.info('refund issued', { paymentId, cents: remaining, by: actorId });
}

Meteor.methods({
  async 'payments.startCheckout'(clubId: string) {
    check(clubId, String);
    const userId = requireUser(this.userId);
    const member = await Members.findOneAsync({ clubId, userId });
    if (!member) {
      throw new Meteor.Error('not-a-member', 'You are not a member of this club');
    }
    const paymentId = await Payments.insertAsync({
      clubId,
      userId,
      memberId: member._id!,
      description: `Annual dues ${new Date().getFullYear()}`,
      amountCents: member.duesCents,
      refundedCents: 0,
      currency: 'EUR',
      status: 'pending',
      createdAt: new Date(),
    });
    const session = await createCheckout(paymentId, member.duesCents, 'EUR', 'Club dues');
    await Payments.updateAsync(paymentId, {
      $set: { providerRef: session.id, checkoutUrl: session.url },
    });
    return session.url;
  },

  async 'payments.refund'(paymentId: string, amountCents: number) {
    check(paymentId, String);
    check(amountCents, Match.Where(n => Number.isInteger(n) && n > 0));
    const payment = await Payments.findOneAsync(paymentId, { fields: { clubId: 1 } });
    if (!payment) {
      throw new Meteor.Error('not-found', 'No such payment');
    }
    const actorId = await requireRole(this.userId, ['treasurer'], payment.clubId);
    await refundPayment(paymentId, amountCents, actorId);
  },
});

Meteor.publish('payments.mine', function () {
  if (!this.userId) {
    return this.ready();
  }
  return Payments.find({ userId: this.userId }, { sort: { createdAt: -1 }, limit: 50 });
});

Meteor.publish('payments.ledger', function (clubId: string) {
  check(clubId, String);
  return Payments.find({ clubId }, { sort: { createdAt: -1 } });
});
