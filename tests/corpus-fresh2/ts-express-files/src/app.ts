import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { config } from './config.js';
import { logger } from './lib/infra.js';
import { verifyDownload } from './lib/signing.js';
import { requireSession } from './middleware/auth.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { adminRouter } from './routes/admin.js';
import { filesRouter } from './routes/files.js';

export function createApp() {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);

  app.use(helmet());
  app.use(express.json({ limit: '1mb' }));
  app.use(cookieParser());

  app.get('/healthz', (_req, res) => res.json({ ok: true }));

  // public signed download links
  app.get('/dl', (req, res) => {
    const { key, exp, sig } = req.query as Record<string, string>;
    if (!key || !sig || !verifyDownload(key, Number(exp), sig)) {
      return res.status(403).send('link expired or invalid');
    }
    res.redirect(302, `/internal-redirect/${encodeURIComponent(key)}`);
  });

  app.use('/api/files', requireSession, filesRouter);
  // org administration console
  app.use('/api/admin', requireSession, adminRouter);

  app.use(notFound);
  app.use(errorHandler);
  return app;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1])) {
  createApp().listen(config.port, () => logger.info({ port: config.port }, 'files-gateway up'));
}
