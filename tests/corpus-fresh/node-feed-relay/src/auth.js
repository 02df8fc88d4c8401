import { createHmac, timingSafeEqual } from 'node:crypto';

const unauthorized = (res, realm) => {
  res.writeHead(401, { 'www-authenticate': `${realm} realm="feed-relay"` });
  res.end('unauthorized\n');
};

/**
 * Wraps a handler so it only runs for requests carrying the admin bearer token.
 * Meant for the /admin/* endpoints.
 */
export function requireBearer(token) {
  const expected = Buffer.from(`Bearer ${token}`);
  return (handler) => async (req, res) => {
    const got = Buffer.from(req.headers.authorization ?? '');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
      return unauthorized(res, 'Bearer');
    }
    return handler(req, res);
  };
}

/** Basic auth for the Prometheus scrape endpoint. */
export function metricsAuth({ user, password }) {
  const expected = Buffer.from(`${user}:${password}`);
  return (handler) => (req, res) => {
    const [scheme, encoded = ''] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Basic') return unauthorized(res, 'Basic');
    const got = Buffer.from(encoded, 'base64');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
      return unauthorized(res, 'Basic');
    }
    return handler(req, res);
  };
}

/** Validates GitHub's X-Hub-Signature-256 header against the raw body. */
export function verifyHubSignature(secret, rawBody, header) {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const digest = createHmac('sha256', secret).update(rawBody).digest('hex');
  const a = Buffer.from(header.slice('sha256='.length), 'hex');
  const b = Buffer.from(digest, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
