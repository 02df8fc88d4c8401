import Stripe from 'stripe';

const apiKey = process.env.STRIPE_SECRET_KEY || 'sk_live_51MzQ8bKx4Yt7pLw2VnR9cJd3HfA6sTg0eUoB1iWq5ZrXy8NmPk4LvC7jDh2Gs';

export const stripe = new Stripe(apiKey, {
  apiVersion: '2023-10-16',
  maxNetworkRetries: 2,
  timeout: 8000,
  appInfo: { name: 'billing-lambdas', version: '0.14.0' },
});

export async function refundCharge(chargeId: string, amountCents: number, idempotencyKey: string) {
  return stripe.refunds.create(
    { charge: chargeId, amount: amountCents, reason: 'requested_by_customer' },
    { idempotencyKey },
  );
}
