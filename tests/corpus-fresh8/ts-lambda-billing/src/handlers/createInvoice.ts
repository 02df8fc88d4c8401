import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import jsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import createError from 'http-errors';
import { requireApiKey } from '../lib/auth.js';
import { saveInvoice, type Invoice } from '../lib/invoices.js';
import { taxFor } from '../lib/rates.js';

interface CreateInvoiceBody {
  customerId: string;
  currency: string;
  netCents: number;
  country: string;
}

type Event = Omit<APIGatewayProxyEventV2, 'body'> & { body: CreateInvoiceBody };

async function createInvoice(event: Event, _context: Context): Promise<APIGatewayProxyResultV2> {
  const { customerId, currency, netCents, country } = event.body;
  if (!customerId || !Number.isInteger(netCents) || netCents <= 0) {
    throw createError(400, 'customerId and a positive integer netCents are required');
  }

  const invoice: Invoice = {
    id: randomUUID(),
    customerId,
    currency: currency.toLowerCase(),
    netCents,
    taxCents: await taxFor(country, netCents),
    status: 'open',
    createdAt: new Date().toISOString(),
  };
  await saveInvoice(invoice);

  return { statusCode: 201, body: JSON.stringify(invoice) };
}

export const handler = middy(createInvoice)
  .use(requireApiKey())
  .use(jsonBodyParser())
  .use(httpErrorHandler());
