import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import request from 'supertest';
import { LicenseStore } from '../database/LicenseStore';
import { createRouter, toCsv } from './router';

function fakeStore(): jest.Mocked<LicenseStore> {
  return {
    listLicenses: jest.fn().mockResolvedValue([]),
    getLicense: jest.fn(),
    listSeats: jest.fn().mockResolvedValue([]),
    assignSeat: jest.fn().mockResolvedValue({
      id: 'seat-1',
      license_id: 'lic-1',
      user_ref: 'user:default/ana',
      assigned_by: 'user:default/mock',
      assigned_at: new Date('2025-03-01T00:00:00Z'),
    }),
    revokeSeat: jest.fn().mockResolvedValue(true),
    seatUsage: jest.fn().mockResolvedValue({ used: 3, limit: 10 }),
    seatHolders: jest.fn().mockResolvedValue([]),
    upsertFromVendor: jest.fn(),
    expiringWithin: jest.fn().mockResolvedValue([]),
    markNotified: jest.fn(),
    recordAudit: jest.fn().mockResolvedValue(undefined),
    exportRows: jest.fn().mockResolvedValue([]),
  } as unknown as jest.Mocked<LicenseStore>;
}

function permissionsReturning(result: AuthorizeResult): PermissionsService {
  return {
    authorize: jest.fn(async requests => requests.map(() => ({ result }))),
    authorizeConditional: jest.fn(),
  } as unknown as PermissionsService;
}

describe('createRouter', () => {
  let store: jest.Mocked<LicenseStore>;
  let app: express.Express;

  async function buildApp(result = AuthorizeResult.ALLOW) {
    const router = await createRouter({
      logger: mockServices.logger.mock(),
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user('user:default/mock'),
      }),
      userInfo: mockServices.userInfo(),
      permissions: permissionsReturning(result),
      store,
      webhookSecret: 'whsec_test_only',
      runSync: jest.fn(),
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    });
    return express().use(router).use(middleware.error());
  }

  beforeEach(async () => {
    store = fakeStore();
    app = await buildApp();
  });

  it('lists licenses filtered by team', async () => {
    const res = await request(app).get('/licenses?team=platform');
    expect(res.status).toBe(200);
    expect(store.listLicenses).toHaveBeenCalledWith({ team: 'platform', vendor: undefined });
  });

  it('assigns a seat', async () => {
    await request(app)
      .post('/licenses/lic-1/seats')
      .send({ userRef: 'user:default/ana' });
  });

  it('refuses seat assignment without the assign permission', async () => {
    app = await buildApp(AuthorizeResult.DENY);
    await request(app)
      .post('/licenses/lic-1/seats')
      .send({ userRef: 'user:default/ana' })
      .expect(403);
    expect(store.assignSeat).not.toHaveBeenCalled();
  });

  it('rejects entity refs that are not users', async () => {
    await request(app)
      .post('/licenses/lic-1/seats')
      .send({ userRef: 'group:default/platform' })
      .expect(400);
  });

  it('revokes a seat and records it', async () => {
    await request(app).delete('/licenses/lic-1/seats/seat-1').expect(204);
    expect(store.recordAudit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'seat.revoked', licenseId: 'lic-1' }),
    );
  });

  it('answers 404 when the seat does not exist', async () => {
    store.revokeSeat.mockResolvedValue(false);
    await request(app).delete('/licenses/lic-1/seats/nope').expect(404);
  });
});

describe('toCsv', () => {
  it('quotes fields that need it', () => {
    expect(
      toCsv([
        { product: 'IDE, Ultimate', user_ref: 'user:default/ana' },
        { product: 'Design "Pro"', user_ref: 'user:default/bo' },
      ]),
    ).toMatchInlineSnapshot(`
"product,user_ref
"IDE, Ultimate",user:default/ana
"Design ""Pro""",user:default/bo
"
`);
  });
});
