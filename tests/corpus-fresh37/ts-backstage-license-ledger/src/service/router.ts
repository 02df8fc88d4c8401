import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult, BasicPermission } from '@backstage/plugin-permission-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { LicenseStore } from '../database/LicenseStore';
import {
  licenseAdminPermission,
  licenseAssignPermission,
  licenseReadPermission,
} from '../permissions';
import { SyncSummary } from '../tasks/syncLicenses';
import { VendorSeatEvent, verifyVendorSignature } from './webhook';

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  store: LicenseStore;
  webhookSecret: string;
  runSync: () => Promise<SyncSummary>;
}

export function toCsv(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) {
    return '';
  }
  const columns = Object.keys(rows[0]);
  const escape = (value: unknown) => {
    const text = value instanceof Date ? value.toISOString() : String(value ?? '');
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map(row => columns.map(c => escape(row[c])).join(','))]
    .join('\n')
    .concat('\n');
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { logger, httpAuth, userInfo, permissions, store } = options;
  const router = Router();

  router.use('/webhooks', express.raw({ type: 'application/json', limit: '256kb' }));
  router.use(express.json());

  async function authorize(req: Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize([{ permission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/licenses', async (req, res) => {
    await authorize(req, licenseReadPermission);
    const team = typeof req.query.team === 'string' ? req.query.team : undefined;
    const vendor = typeof req.query.vendor === 'string' ? req.query.vendor : undefined;
    res.json({ items: await store.listLicenses({ team, vendor }) });
  });

  router.get('/licenses/:id', async (req, res) => {
    await authorize(req, licenseReadPermission);
    const license = await store.getLicense(req.params.id);
    const seats = await store.listSeats(license.id);
    res.json({ ...license, seats });
  });

  router.post('/licenses/:id/seats', async (req, res) => {
    const credentials = await authorize(req, licenseAssignPermission);
    const { userEntityRef } = await userInfo.getUserInfo(credentials);
    const userRef = req.body?.userRef;
    if (typeof userRef !== 'string' || !userRef.startsWith('user:')) {
      throw new InputError('userRef must be a user entity reference');
    }
    const seat = await store.assignSeat(req.params.id, userRef, userEntityRef);
    store
      .recordAudit({
        licenseId: req.params.id,
        action: 'seat.assigned',
        actor: userEntityRef,
        details: { seatId: seat.id, userRef },
      })
      .catch(() => {});
    res.status(201).json(seat);
  });

  router.delete('/licenses/:id/seats/:seatId', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { userEntityRef } = await userInfo.getUserInfo(credentials);
    const removed = await store.revokeSeat(req.params.id, req.params.seatId);
    if (!removed) {
      throw new NotFoundError(`No seat ${req.params.seatId} on license ${req.params.id}`);
    }
    await store.recordAudit({
      licenseId: req.params.id,
      action: 'seat.revoked',
      actor: userEntityRef,
      details: { seatId: req.params.seatId },
    });
    res.status(204).end();
  });

  router.post('/licenses/:id/renew', async (req, res) => {
    await authorize(req, licenseAdminPermission);
    res.status(501).json({
      error: { name: 'NotImplementedError', message: 'Renewal requests are not available' },
    });
  });

  router.post('/sync', async (req, res) => {
    await authorize(req, licenseAdminPermission);
    const summary = await options.runSync();
    res.json(summary);
  });

  router.get('/export', async (req, res) => {
    await authorize(req, licenseReadPermission);
    const rows = await store.exportRows();
    res
      .type('text/csv')
      .attachment(`license-seats-${new Date().toISOString().slice(0, 10)}.csv`)
      .send(toCsv(rows));
  });

  router.get('/badges/:team', async (req, res) => {
    const { used, limit } = await store.seatUsage(req.params.team);
    const label = `${used}/${limit} seats`;
    res
      .type('image/svg+xml')
      .set('cache-control', 'public, max-age=300')
      .send(
        `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="20"><text x="6" y="14">${label}</text></svg>`,
      );
  });

  router.get('/usage/:team', async (req, res) => {
    const [usage, holders] = await Promise.all([
      store.seatUsage(req.params.team),
      store.seatHolders(req.params.team),
    ]);
    res.json({ team: req.params.team, ...usage, holders });
  });

  router.post('/webhooks/vendor', async (req, res) => {
    const body = req.body as Buffer;
    if (!verifyVendorSignature(options.webhookSecret, req.header('x-vendor-signature'), body)) {
      logger.warn('Rejected vendor webhook with a bad signature');
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    const event = JSON.parse(body.toString('utf8')) as VendorSeatEvent;
    if (event.type === 'ping') {
      res.status(204).end();
      return;
    }
    await store.recordAudit({
      licenseId: event.licenseId,
      action: 'webhook.received',
      actor: 'vendor',
      details: { type: event.type, userEmail: event.userEmail },
    });
    res.status(202).json({ accepted: true });
  });

  return router;
}
