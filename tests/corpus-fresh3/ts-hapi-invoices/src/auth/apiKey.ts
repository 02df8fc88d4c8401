import Boom from '@hapi/boom';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Compares fixed-length digests so timingSafeEqual never throws on a length
 * mismatch and the loop always walks every configured key.
 */
export function keyMatches(candidate: string, keys: string[]): boolean {
  const c = digest(candidate);
  let ok = false;
  for (const k of keys) {
    if (timingSafeEqual(c, digest(k))) ok = true;
  }
  return ok;
}

export function registerApiKeyAuth(server: Server, keys: string[]): void {
  server.auth.scheme('api-key', () => ({
    authenticate(request: Request, h: ResponseToolkit) {
      const header = request.headers['x-api-key'];
      if (typeof header !== 'string' || header.length === 0) {
        throw Boom.unauthorized(null, 'api-key');
      }
      if (!keyMatches(header, keys)) {
        throw Boom.unauthorized('invalid api key', 'api-key');
      }
      const keyId = digest(header).toString('hex').slice(0, 8);
      return h.authenticated({ credentials: { keyId, scope: ['invoices'] } });
    },
  }));

  server.auth.strategy('default-key', 'api-key');
  server.auth.default('default-key');
}
