import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { KeystoneContext } from '@keystone-6/core/types';

import { isEditor, type Session } from '../lib/access';
import { logger } from '../lib/logger';
import { exportStoriesCsv } from './export';
import { previewStory } from './preview';
import { unsubscribe } from './newsletter';
import { wireCallback } from './wire';

export type RequestWithContext = Request & { context: KeystoneContext };

function requireSession(req: Request, res: Response, next: NextFunction) {
  const session = (req as RequestWithContext).context.session as Session | undefined;
  if (!session?.data?.isActive) {
    return res.status(401).json({ error: 'authentication required' });
  }
  next();
}

function requireEditor(req: Request, res: Response, next: NextFunction) {
  const session = (req as RequestWithContext).context.session as Session | undefined;
  if (!isEditor({ session })) {
    return res.status(403).json({ error: 'editor role required' });
  }
  next();
}

export function extendExpressApp(app: Express, commonContext: KeystoneContext) {
  app.use('/api', async (req, res, next) => {
    (req as RequestWithContext).context = await commonContext.withRequest(req, res);
    next();
  });

  // Load balancer probe; must answer without a session.
  app.get('/api/health', (_req, res) => res.json({ ok: true }));

  // Called by WireDesk (signed) and by newsletter links (signed); no session.
  app.post('/api/wire/callback', express.raw({ type: 'application/json', limit: '64kb' }), wireCallback);
  app.get('/api/newsletter/unsubscribe', unsubscribe);
  app.get('/api/preview/:id', previewStory);

  app.use('/api/newsroom', requireSession);
  app.get('/api/newsroom/export/stories.csv', requireEditor, exportStoriesCsv);
  app.post('/api/newsroom/stories/:id/translate', requireEditor, (req, res) => {
    res.status(501).json({ error: 'Machine translation is not available yet' });
  });

  app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
    // Express recognises error handlers by their four-argument signature.
    logger.error({ err, path: req.path }, 'unhandled route error');
    res.status(500).json({ error: 'internal error' });
  });
}
