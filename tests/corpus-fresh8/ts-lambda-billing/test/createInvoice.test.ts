import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../src/lib/invoices.js';
import { apiEvent, expectStatus, lambdaContext } from './helpers.js';

vi.mock('../src/lib/rates.js', () => ({ taxFor: vi.fn(async (_c: string, net: number) => Math.round(net * 0.2)) }));
vi.mock('node:crypto', async (orig) => ({ ...(await orig<typeof import('node:crypto')>()), randomUUID: () => 'inv-0001' }));

const TEST_KEY = 'test-key-not-secret';
process.env.BILLING_API_KEY_HASH = createHash('sha256').update(TEST_KEY).digest('hex');

const { handler } = await import('../src/handlers/createInvoice.js');
const ddbMock = mockClient(ddb);

describe('createInvoice', () => {
  beforeEach(() => ddbMock.reset());

  it('stores the invoice with tax applied', async () => {
    ddbMock.on(PutCommand).resolves({});
    const res = await handler(
      apiEvent({ headers: { 'x-api-key': TEST_KEY }, body: { customerId: 'cus_1', currency: 'EUR', netCents: 1000, country: 'de' } }),
      lambdaContext,
    );
    const body = expectStatus(res, 201);
    expect({ ...body, createdAt: '<date>' }).toMatchSnapshot();
  });

  it('rejects a wrong api key', async () => {
    const res = await handler(apiEvent({ headers: { 'x-api-key': 'nope' }, body: {} }), lambdaContext);
    expectStatus(res, 403);
  });

  it('maps a conditional check failure to 409', async () => {
    const { ConditionalCheckFailedException } = await import('@aws-sdk/client-dynamodb');
    ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    const res = await handler(
      apiEvent({ headers: { 'x-api-key': TEST_KEY }, body: { customerId: 'cus_1', currency: 'EUR', netCents: 1, country: 'de' } }),
      lambdaContext,
    );
    expectStatus(res, 409);
  });
});
