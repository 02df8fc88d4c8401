import { createHmac } from 'crypto';
import type { NextFunction, Request, Response } from 'express';

import { logger } from '../lib/logger';
import type { RequestWithContext } from './index';

const WIRE_SECRET = process.env.WIREDESK_CALLBACK_SECRET ?? '';

interface DeliveryReceipt {
  externalId: string;
  itemId: string;
  partner: string;
  deliveredAt: string;
}

export async function wireCallback(req: Request, res: Response, next: NextFunction) {
  const signature = req.header('x-wiredesk-signature') ?? '';
  const digest = createHmac('sha256', WIRE_SECRET).update(req.body as Buffer).digest('hex');
  if (!WIRE_SECRET || signature !== digest) {
    return res.status(401).json({ error: 'invalid signature' });
  }
  try {
    const receipt = JSON.parse((req.body as Buffer).toString('utf8')) as DeliveryReceipt;
    const context = (req as RequestWithContext).context.sudo();
    const story = await context.db.Story.findOne({ where: { id: receipt.externalId } });
    if (!story) {
      return res.status(404).json({ error: 'unknown story' });
    }
    await context.db.AuditEvent.createOne({
      data: {
        action: 'story.syndicated',
        targetId: receipt.externalId,
        actorId: '',
        details: { partner: receipt.partner, itemId: receipt.itemId, deliveredAt: receipt.deliveredAt },
      },
    });
    res.status(204).end();
  } catch (err) {
    logger.error({ err }, 'failed to record WireDesk delivery receipt');
    next(err);
  }
}
