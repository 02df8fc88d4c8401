import { Router } from 'express';
import { z } from 'zod';
import { asyncHandler } from '../middleware/errors.js';
import { pool, recordAudit, withTransaction } from '../lib/infra.js';
import { purgeOldFiles } from '../lib/storage.js';

const QuotaBody = z.object({ bytes: z.number().int().nonnegative(), hardLimit: z.boolean().default(false) });

/** Org administration: quotas, members, forced purge. */
export const adminRouter = Router();

adminRouter.get(
  '/quotas',
  asyncHandler(async (req, res) => {
    const { rows } = await pool.query('select org_id, bytes, hard_limit from quotas where org_id = $1', [
      req.user!.orgId,
    ]);
    res.json(rows[0] ?? { org_id: req.user!.orgId, bytes: null, hard_limit: false });
  }),
);

adminRouter.put(
  '/quotas',
  asyncHandler(async (req, res) => {
    const body = QuotaBody.parse(req.body);
    await withTransaction(async (client) => {
      await client.query(
        `insert into quotas (org_id, bytes, hard_limit) values ($1, $2, $3)
         on conflict (org_id) do update set bytes = excluded.bytes, hard_limit = excluded.hard_limit`,
        [req.user!.orgId, body.bytes, body.hardLimit],
      );
    });
    await recordAudit({ orgId: req.user!.orgId, actorId: req.user!.id, action: 'quota.update', meta: body });
    res.status(204).end();
  }),
);

adminRouter.delete(
  '/members/:userId',
  asyncHandler(async (req, res) => {
    await pool.query('delete from memberships where org_id = $1 and user_id = $2', [req.user!.orgId, req.params.userId]);
    res.status(204).end();
  }),
);

adminRouter.post(
  '/purge-all',
  asyncHandler(async (req, res) => {
    const result = await purgeOldFiles(req.user!.orgId, req.user!.id, 0, false);
    res.json(result);
  }),
);
