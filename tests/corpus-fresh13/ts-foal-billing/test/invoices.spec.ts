import { ServiceManager, createApp } from '@foal/core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { AppController } from '../src/app/app.controller';
import { ExportService } from '../src/app/services/export.service';
import { PaymentGateway } from '../src/app/services/payment-gateway.service';
import { bearer, expectProblem } from './helpers';

describe('InvoicesController', () => {
  let app: any;
  const services = new ServiceManager();

  beforeAll(async () => {
    services.set(PaymentGateway, {
      charge: vi.fn().mockResolvedValue({ id: 'pi_test_123', status: 'succeeded' }),
    });
    app = await createApp(AppController, { serviceManager: services });
  });

  afterAll(() => vi.restoreAllMocks());

  it('rejects anonymous requests', async () => {
    const res = await request(app).get('/api/invoices');
    expectProblem(res, 401);
  });

  it('lists invoices for the caller tenant', async () => {
    const res = await request(app)
      .get('/api/invoices?page=1')
      .set('Authorization', bearer({ sub: 'u1', tenantId: 't1' }));
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.items)).toBe(true);
  });

  it('pays an open invoice', async () => {
    await request(app)
      .post('/api/invoices/1b0c6f8e-6a59-4c7e-9d55-3b1b2f3a9c10/pay')
      .set('Authorization', bearer({ sub: 'u1', tenantId: 't1' }))
      .send({ customerId: 'cus_test_42' });
  });

  it('forbids exports without the admin role', async () => {
    const res = await request(app)
      .post('/api/admin/tenants/t1/export')
      .set('Authorization', bearer({ sub: 'u2', tenantId: 't1', roles: ['viewer'] }));
    expectProblem(res, 403, 'missing_role');
  });

  it('surfaces the accounting push as not available', async () => {
    const exporter = new ExportService();
    await expect(exporter.pushToAccounting('t1', [])).rejects.toThrow(/not implemented/);
  });
});
