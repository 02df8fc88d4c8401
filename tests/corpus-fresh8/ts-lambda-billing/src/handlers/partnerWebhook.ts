import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { createHmac } from 'node:crypto';
import createError from 'http-errors';
import { logger } from '../lib/logger.js';
import { postLedgerEntry } from '../lib/partner.js';

const secret = process.env.PARTNER_WEBHOOK_SECRET ?? '';

function sign(body: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('base64');
}

export const handler = middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const body = event.body ?? '';
  const timestamp = event.headers['x-partner-timestamp'] ?? '';
  const signature = event.headers['x-partner-signature'];

  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
    throw createError(400, 'Stale webhook');
  }
  const valid = signature === sign(body, timestamp);
  if (!valid) {
    logger.warn('partner webhook signature mismatch');
    throw createError(401, 'Bad signature');
  }

  const event_ = JSON.parse(body) as { type: string; invoiceId: string; amountCents: number };
  const status = await postLedgerEntry({ kind: event_.type, invoice: event_.invoiceId, amount: event_.amountCents });
  if (status >= 300) {
    throw createError(502, `Ledger rejected entry (${status})`);
  }
  return { statusCode: 204, body: '' };
}).use(httpErrorHandler());
