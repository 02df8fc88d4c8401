import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import createError from 'http-errors';
import { logger } from './logger.js';

export interface ApiKeyOptions {
  /** Header carrying the key; defaults to x-api-key. */
  header?: string;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Rejects requests whose API key does not hash to BILLING_API_KEY_HASH.
 * Only the hash lives in SSM, never the key itself.
 */
export function requireApiKey(opts: ApiKeyOptions = {}): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  const header = (opts.header ?? 'x-api-key').toLowerCase();
  const expectedHex = process.env.BILLING_API_KEY_HASH ?? '';

  return {
    before: async (request) => {
      const presented = request.event.headers?.[header];
      if (!presented || !expectedHex) {
        throw createError(401, 'Missing API key');
      }
      const expected = Buffer.from(expectedHex, 'hex');
      const actual = sha256(presented);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
        logger.warn('api key rejected', { path: request.event.rawPath });
        throw createError(403, 'Invalid API key');
      }
    },
  };
}
