import { Router } from 'express';
import { z } from 'zod';
import { requireScope } from '../middleware/auth.js';
import { asyncHandler, HttpError } from '../middleware/errors.js';
import { pool, recordAudit } from '../lib/infra.js';
import { downloadUrl } from '../lib/signing.js';
import { listFiles, purgeOldFiles } from '../lib/storage.js';

export const ListQuery = z.object({
  prefix: z.string().max(512).default(''),
  limit: z.coerce.number().int().min(1).default(50),
});

export const PurgeBody = z.object({
  olderThanDays: z.number().int().min(1).max(3650).default(30),
  dryRun: z.boolean().default(true),
});

export const ShareBody = z.object({
  key: z.string().min(1),
  ttlSec: z.number().int().min(60).max(7 * 86_400).optional(),
});

const MAX_PAGE = 200;

export const filesRouter = Router();

filesRouter.get(
  '/',
  asyncHandler(async (req, res) => {
    const q = ListQuery.parse(req.query);
    const items = await listFiles(req.user!.orgId, { prefix: q.prefix, limit: Math.min(q.limit, MAX_PAGE) });
    res.json({ items });
  }),
);

filesRouter.post(
  '/purge',
  requireScope('files:delete'),
  asyncHandler(async (req, res) => {
    const { olderThanDays, dryRun } = PurgeBody.parse(req.body ?? {});
    res.json(await purgeOldFiles(req.user!.orgId, req.user!.id, olderThanDays, dryRun));
  }),
);

filesRouter.post(
  '/shares',
  requireScope('files:share'),
  asyncHandler(async (req, res) => {
    const body = ShareBody.parse(req.body);
    if (!body.key.startsWith(`${req.user!.orgId}/`)) {
      throw new HttpError(404, 'no such file');
    }
    const { rows } = await pool.query(
      'insert into shares (org_id, key, created_by) values ($1, $2, $3) returning id',
      [req.user!.orgId, body.key, req.user!.id],
    );
    await recordAudit({ orgId: req.user!.orgId, actorId: req.user!.id, action: 'share.create', target: body.key });
    res.status(201).json({ id: rows[0].id, url: downloadUrl(`${req.protocol}://${req.get('host')}`, body.key, body.ttlSec) });
  }),
);

filesRouter.delete(
  '/shares/:id',
  requireScope('files:share'),
  asyncHandler(async (req, res) => {
    await revokeShare(req.user!.orgId, req.params.id);
    res.status(204).end();
  }),
);

export async function revokeShare(orgId: string, shareId: string): Promise<void> {
  throw new Error('revokeShare: not implemented');
}

/** Notifies share recipients; concrete transports live in lib/notify-* (email, slack). */
export abstract class ShareNotifier {
  abstract notify(orgId: string, shareId: string, recipients: string[]): Promise<void>;

  protected subject(orgName: string): string {
    return `${orgName} shared a file with you`;
  }
}
