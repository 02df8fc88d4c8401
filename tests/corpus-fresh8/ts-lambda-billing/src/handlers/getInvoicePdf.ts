import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import createError from 'http-errors';
import { requireApiKey } from '../lib/auth.js';
import { getInvoice } from '../lib/invoices.js';

export interface PdfLink {
  url: string;
  expiresAt: string;
}

export async function renderInvoicePdf(invoiceId: string): Promise<PdfLink> {
  const invoice = await getInvoice(invoiceId);
  if (invoice.status === 'open') {
    throw createError(409, 'Invoice has not been finalised yet');
  }
  return { url: 'https://example.com/invoice-placeholder.pdf', expiresAt: new Date(0).toISOString() };
}

export const handler = middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const id = event.pathParameters?.id;
  if (!id) throw createError(400, 'Missing invoice id');
  const link = await renderInvoicePdf(id);
  return { statusCode: 200, body: JSON.stringify(link) };
})
  .use(requireApiKey())
  .use(httpErrorHandler());
