import { Config, createApp } from '@foal/core';
import { createHmac } from 'crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';

import { AppController } from '../src/app/app.controller';

const FIXTURE_SECRET = 'whsec_test_fixture_do_not_use';

function signedHeader(body: string, secret = FIXTURE_SECRET, t = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${mac}`;
}

describe('POST /webhooks/payments', () => {
  let app: any;

  beforeAll(async () => {
    Config.set?.('settings.webhooks.signingSecret', FIXTURE_SECRET);
    app = await createApp(AppController);
  });

  it('accepts a correctly signed event', async () => {
    const body = JSON.stringify({ type: 'customer.created', data: { object: { id: 'cus_1' } } });
    const res = await request(app)
      .post('/webhooks/payments')
      .set('Content-Type', 'application/json')
      .set('Payment-Signature', signedHeader(body))
      .send(body);
    expect(res.status).toBe(200);
  });

  it('rejects a forged signature', async () => {
    const body = JSON.stringify({ type: 'payment_intent.succeeded', data: { object: { id: 'pi_1' } } });
    const res = await request(app)
      .post('/webhooks/payments')
      .set('Content-Type', 'application/json')
      .set('Payment-Signature', signedHeader(body, 'whsec_wrong'))
      .send(body);
    expect(res.status).toBe(401);
  });
});
