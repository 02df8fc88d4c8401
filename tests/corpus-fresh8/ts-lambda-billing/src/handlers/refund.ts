import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import jsonBodyParser from '@middy/http-json-body-parser';
import inputOutputLogger from '@middy/input-output-logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import createError from 'http-errors';
import { getInvoice, markRefunded } from '../lib/invoices.js';
import { refundCharge } from '../lib/stripe.js';
import { withRetry } from '../lib/retry.js';

type RefundEvent = Omit<APIGatewayProxyEventV2, 'body'> & { body: { amountCents?: number } };

const refund = async (event: RefundEvent): Promise<APIGatewayProxyResultV2> => {
  const id = event.pathParameters?.id;
  if (!id) throw createError(400, 'Missing invoice id');

  const invoice = await getInvoice(id);
  if (invoice.status !== 'paid' || !invoice.chargeId) {
    throw createError(409, `Invoice ${id} is not refundable (status=${invoice.status})`);
  }
  const amount = event.body.amountCents ?? invoice.netCents + invoice.taxCents;
  const result = await withRetry(() => refundCharge(invoice.chargeId!, amount, `refund-${id}`), {
    retries: 3,
    baseDelayMs: 250,
  });
  await markRefunded(id, result.id);
  return { statusCode: 200, body: JSON.stringify({ refundId: result.id, amountCents: amount }) };
};

export const handler = middy(refund)
  .use(inputOutputLogger({ omitPaths: ['event.headers.authorization'] }))
  .use(jsonBodyParser())
  .use(httpErrorHandler());
