import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';

// Stripe publishes sk_test_/whsec_ values for test mode only; this one is a fixture.
process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_fixture_0000000000000000';
process.env.STRIPE_API_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';

describe('stripe webhook', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    app = await buildApp({ logger: false, jwtSecret: 'test' });
  });

  it('accepts a correctly signed payload', async () => {
    const body = JSON.stringify({ id: 'evt_1' });
    const t = Math.floor(Date.now() / 1000);
    const v1 = crypto.createHmac('sha256', process.env.STRIPE_WEBHOOK_SECRET!).update(`${t}.${body}`).digest('hex');
    const res = await app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: { 'content-type': 'application/json', 'stripe-signature': `t=${t},v1=${v1}` },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
  });
});
