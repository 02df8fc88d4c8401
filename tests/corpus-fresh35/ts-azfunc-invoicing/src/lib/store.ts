import https from 'node:https';
import { CosmosClient, type Container, type PatchOperation } from '@azure/cosmos';
import { config } from '../config';
import { azureCredential } from './secrets';

export type InvoiceStatus = 'draft' | 'issued' | 'paid' | 'void' | 'refunded';

export interface InvoiceLine {
  sku: string;
  description: string;
  quantity: number;
  unitPriceCents: number;
}

export interface Invoice {
  id: string;
  customerId: string;
  number: string;
  status: InvoiceStatus;
  currency: string;
  lines: InvoiceLine[];
  totalCents: number;
  dueDate: string;
  issuedAt?: string;
  paidAt?: string;
  paymentId?: string;
  pdfPath?: string;
  lastReminderAt?: string;
  _etag?: string;
}

export interface PaymentEventDoc {
  id: string;
  invoiceId: string;
  type: string;
  receivedAt: string;
}

let client: CosmosClient | undefined;

function createClient(): CosmosClient {
  const { cosmosEndpoint, cosmosEmulator } = config();
  if (cosmosEmulator) {
    return new CosmosClient({
      endpoint: cosmosEndpoint,
      key: process.env.COSMOS_EMULATOR_KEY ?? '',
      // The emulator serves a self-signed certificate (README, "Running locally").
      agent: new https.Agent({ rejectUnauthorized: false }),
    });
  }
  return new CosmosClient({ endpoint: cosmosEndpoint, aadCredentials: azureCredential() });
}

function container(name: 'invoices' | 'payment-events'): Container {
  client ??= createClient();
  return client.database(config().cosmosDatabase).container(name);
}

export function totalOf(lines: InvoiceLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
}

export async function createInvoice(invoice: Invoice): Promise<Invoice> {
  const { resource } = await container('invoices').items.create(invoice);
  return resource as Invoice;
}

export async function getInvoice(customerId: string, id: string): Promise<Invoice | undefined> {
  const { resource } = await container('invoices').item(id, customerId).read<Invoice>();
  return resource;
}

export async function findInvoice(id: string): Promise<Invoice | undefined> {
  const { resources } = await container('invoices')
    .items.query<Invoice>({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: id }] })
    .fetchAll();
  return resources[0];
}

export async function listForCustomer(customerId: string, status?: InvoiceStatus): Promise<Invoice[]> {
  const filters = ['c.customerId = @customerId'];
  const parameters: Array<{ name: string; value: string }> = [{ name: '@customerId', value: customerId }];
  if (status) {
    filters.push('c.status = @status');
    parameters.push({ name: '@status', value: status });
  }
  const { resources } = await container('invoices')
    .items.query<Invoice>(
      { query: `SELECT * FROM c WHERE ${filters.join(' AND ')} ORDER BY c.dueDate DESC`, parameters },
      { partitionKey: customerId },
    )
    .fetchAll();
  return resources;
}

export async function listOverdue(asOf: Date, graceDays: number): Promise<Invoice[]> {
  const { resources } = await container('invoices')
    .items.query<Invoice>({
      query: "SELECT * FROM c WHERE c.status = 'issued' AND c.dueDate < @asOf",
      parameters: [{ name: '@asOf', value: asOf.toISOString().slice(0, 10) }],
    })
    .fetchAll();
  return resources;
}

export async function patchInvoice(invoice: Invoice, ops: PatchOperation[], ifMatch?: string): Promise<Invoice> {
  const { resource } = await container('invoices')
    .item(invoice.id, invoice.customerId)
    .patch<Invoice>(ops, ifMatch ? { accessCondition: { type: 'IfMatch', condition: ifMatch } } : undefined);
  return resource as Invoice;
}

export async function markReminded(invoice: Invoice, at: Date): Promise<void> {
  await patchInvoice(invoice, [{ op: 'set', path: '/lastReminderAt', value: at.toISOString() }]);
}

export async function recordPaymentEvent(event: PaymentEventDoc): Promise<void> {
  await container('payment-events').items.create(event);
}

export function isConflict(err: unknown): boolean {
  return (err as { code?: number }).code === 409;
}
