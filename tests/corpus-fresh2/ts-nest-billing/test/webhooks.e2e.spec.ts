import { INestApplication } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { InvoicesService } from '../src/invoices/invoices.service';
import { WebhooksController } from '../src/webhooks/webhooks.controller';

const SECRET = 'whsec_test_only';

function sign(body: string, t = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

describe('POST /webhooks/stripe', () => {
  let app: INestApplication;
  const invoices = { markPaid: jest.fn().mockResolvedValue(undefined) };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ load: [() => ({ stripe: { webhookSigningSecret: SECRET } })] })],
      controllers: [WebhooksController],
      providers: [{ provide: InvoicesService, useValue: invoices }],
    }).compile();
    app = moduleRef.createNestApplication({ rawBody: true });
    await app.init();
  });

  afterAll(() => app.close());

  it('accepts a correctly signed event', () => {
    const body = JSON.stringify({ type: 'customer.created', data: { object: {} } });
    return request(app.getHttpServer())
      .post('/webhooks/stripe')
      .set('content-type', 'application/json')
      .set('stripe-signature', sign(body))
      .send(body)
      .expect(200, { received: true });
  });

  it('rejects a bad signature', () => {
    const body = JSON.stringify({ type: 'invoice.paid' });
    return request(app.getHttpServer())
      .post('/webhooks/stripe')
      .set('content-type', 'application/json')
      .set('stripe-signature', 't=1,v1=deadbeef')
      .send(body)
      .expect(400);
  });
});
