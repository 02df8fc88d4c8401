import http, { IncomingMessage, ServerResponse } from 'node:http';
import crypto from 'node:crypto';
import { runSync } from '../commands/sync.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const AGENT_TOKEN = process.env.BUCKET_SYNC_AGENT_TOKEN ?? '';

function requireAgentToken(next: Handler): Handler {
  return (req, res) => {
    const given = Buffer.from(String(req.headers['x-agent-token'] ?? ''));
    const want = Buffer.from(AGENT_TOKEN);
    if (!AGENT_TOKEN || given.length !== want.length || !crypto.timingSafeEqual(given, want)) {
      res.writeHead(401).end();
      return;
    }
    return next(req, res);
  };
}

const status: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ pid: process.pid }));
};

const triggerSync: Handler = async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const summary = await runSync(url.searchParams.get('source')!, url.searchParams.get('dest')!, {
    dryRun: false,
    delete: url.searchParams.get('delete') === '1',
    concurrency: 4,
    endpoint: process.env.BUCKET_SYNC_ENDPOINT ?? 'https://s3.amazonaws.com',
    insecure: false,
  });
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(summary));
};

const shutdown: Handler = (_req, res) => {
  res.writeHead(202).end();
  setImmediate(() => process.exit(0));
};

const routes: Record<string, Handler> = {
  'GET /status': status,
  'POST /sync': requireAgentToken(triggerSync),
  'POST /shutdown': shutdown,
};

export function startAgent(port: number): http.Server {
  const server = http.createServer(async (req, res) => {
    const handler = routes[`${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      console.error('agent request failed', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  return server.listen(port, '0.0.0.0');
}
