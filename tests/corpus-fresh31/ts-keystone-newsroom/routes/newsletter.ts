import { createHmac, timingSafeEqual } from 'crypto';
import type { Request, Response } from 'express';

import { logger } from '../lib/logger';
import type { RequestWithContext } from './index';

const UNSUBSCRIBE_SECRET = process.env.NEWSLETTER_UNSUBSCRIBE_SECRET ?? '';

export function unsubscribeSignature(email: string): string {
  return createHmac('sha256', UNSUBSCRIBE_SECRET).update(email.toLowerCase()).digest('base64url');
}

export async function unsubscribe(req: Request, res: Response) {
  const email = String(req.query.email ?? '');
  const sig = Buffer.from(String(req.query.sig ?? ''));
  const expected = Buffer.from(unsubscribeSignature(email));
  if (!UNSUBSCRIBE_SECRET || sig.length !== expected.length || !timingSafeEqual(sig, expected)) {
    return res.status(400).send('Invalid unsubscribe link');
  }
  // The mailing-list sync job reads these events nightly and removes the address.
  await (req as RequestWithContext).context.sudo().db.AuditEvent.createOne({
    data: { action: 'newsletter.unsubscribe', targetId: email.toLowerCase(), actorId: '' },
  });
  logger.info({ email }, 'newsletter unsubscribe');
  res.send('You have been unsubscribed.');
}
