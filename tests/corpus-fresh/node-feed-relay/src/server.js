import http from 'node:http';
import { metricsAuth, verifyHubSignature } from './auth.js';
import { FileStore } from './store.js';
import { SlackNotifier } from './notify.js';
import { relayOnce } from './relay.js';

const config = {
  port: Number(process.env.PORT ?? 3000),
  feeds: (process.env.FEEDS ?? '').split(/\s+/).filter(Boolean),
  stateFile: process.env.STATE_FILE ?? './data/state.json',
  hubSecret: process.env.GITHUB_WEBHOOK_SECRET,
  adminToken: process.env.ADMIN_TOKEN,
  metrics: { user: 'prometheus', password: process.env.METRICS_PASSWORD ?? '' },
};

const store = new FileStore(config.stateFile);
const notifier = new SlackNotifier();
let lastRun = null;

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const metrics = metricsAuth(config.metrics)((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(`feed_relay_feeds ${config.feeds.length}\nfeed_relay_last_run ${lastRun ?? 0}\n`);
});

const routes = {
  'GET /healthz': (_req, res) => json(res, 200, { ok: true }),
  'GET /metrics': metrics,
  'POST /hooks/github': async (req, res) => {
    const raw = await readBody(req);
    if (!verifyHubSignature(config.hubSecret, raw, req.headers['x-hub-signature-256'])) {
      return json(res, 401, { error: 'bad signature' });
    }
    // A push to the feeds repo triggers an immediate poll.
    const results = await relayOnce({ feeds: config.feeds, store, notifier, timeoutMs: 5000 });
    json(res, 202, { results });
  },
  'POST /admin/run': async (_req, res) => {
    const results = await relayOnce({ feeds: config.feeds, store, notifier, timeoutMs: 15000 });
    lastRun = Date.now();
    json(res, 200, { results });
  },
  'DELETE /admin/state': async (_req, res) => {
    await store.save({ feeds: {} });
    json(res, 204, {});
  },
};

const server = http.createServer(async (req, res) => {
  const handler = routes[`${req.method} ${new URL(req.url, 'http://x').pathname}`];
  if (!handler) return json(res, 404, { error: 'not found' });
  try {
    await handler(req, res);
  } catch (err) {
    console.error(err);
    if (!res.headersSent) json(res, 500, { error: 'internal error' });
  }
});

server.listen(config.port, () => console.log(`feed-relay listening on :${config.port}`));
