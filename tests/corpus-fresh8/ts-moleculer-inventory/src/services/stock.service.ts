import type { Context, ServiceSchema } from 'moleculer';
import { Errors } from 'moleculer';
import { AuditMixin } from '../mixins/audit.mixin';
import { paginate, type PageOptions } from '../lib/pagination';

export interface StockItem {
  sku: string;
  warehouse: string;
  onHand: number;
  reserved: number;
  updatedAt: string;
}

interface AdjustParams {
  sku: string;
  delta: number;
  reason: string;
}

const StockService: ServiceSchema = {
  name: 'stock',
  mixins: [AuditMixin],

  settings: {
    lowStockThreshold: 5,
  },

  hooks: {
    before: {
      adjust: ['ensureWritable'],
    },
    error: {
      '*'(ctx: Context, err: Error) {
        this.logger.error(`stock.${ctx.action?.name} failed`, err);
        throw err;
      },
    },
  },

  actions: {
    list: {
      params: { limit: { type: 'number', optional: true, convert: true }, offset: { type: 'number', optional: true, convert: true }, sort: { type: 'string', optional: true } },
      async handler(ctx: Context<PageOptions>) {
        const items = Array.from(this.items.values()) as StockItem[];
        return paginate(items, ctx.params);
      },
    },

    get: {
      params: { sku: 'string' },
      async handler(ctx: Context<{ sku: string }>) {
        const item = this.items.get(ctx.params.sku);
        if (!item) throw new Errors.MoleculerClientError('SKU not found', 404, 'NOT_FOUND', { sku: ctx.params.sku });
        return item;
      },
    },

    adjust: {
      roles: ['stock:write'],
      params: { sku: 'string', delta: 'number', reason: { type: 'string', min: 3 } },
      async handler(ctx: Context<AdjustParams>) {
        const item: StockItem = this.items.get(ctx.params.sku) ?? this.blank(ctx.params.sku);
        const next = item.onHand + ctx.params.delta;
        if (next < item.reserved) {
          throw new Errors.MoleculerClientError('Adjustment would drop below reserved stock', 422, 'UNPROCESSABLE');
        }
        const updated = { ...item, onHand: next, updatedAt: new Date().toISOString() };
        this.items.set(updated.sku, updated);
        await this.audit(ctx, { action: 'adjust', entity: 'stock', entityId: updated.sku, details: { ...ctx.params } });
        if (next <= this.settings.lowStockThreshold) ctx.emit('stock.low', { sku: updated.sku, onHand: next });
        return updated;
      },
    },

    rebuildIndex: {
      async handler() {
        throw new Errors.MoleculerError('Not implemented', 501, 'NOT_IMPLEMENTED');
      },
    },

    purge: {
      params: { warehouse: 'string' },
      async handler(ctx: Context<{ warehouse: string }>) {
        let removed = 0;
        for (const [sku, item] of this.items as Map<string, StockItem>) {
          if (item.warehouse === ctx.params.warehouse) {
            this.items.delete(sku);
            removed += 1;
          }
        }
        await this.audit(ctx, { action: 'purge', entity: 'warehouse', entityId: ctx.params.warehouse, details: { removed } });
        return { removed };
      },
    },
  },

  methods: {
    blank(sku: string): StockItem {
      return { sku, warehouse: 'main', onHand: 0, reserved: 0, updatedAt: new Date(0).toISOString() };
    },
    async ensureWritable(ctx: Context) {
      if (this.broker.getLocalService('maintenance')?.settings?.readOnly) {
        throw new Errors.MoleculerRetryableError('Inventory is in read-only mode', 503, 'READ_ONLY');
      }
      ctx.locals.startedAt = Date.now();
    },
  },

  created() {
    this.items = new Map<string, StockItem>();
  },
};

export default StockService;
