import { Controller } from 'egg';

const createRule = {
  sku: { type: 'string', format: /^[A-Z0-9-]{4,32}$/ },
  name: { type: 'string', max: 200 },
  warehouseId: { type: 'int', min: 1 },
  quantity: { type: 'int', min: 0 },
};

const adjustRule = {
  delta: { type: 'int' },
  reason: { type: 'enum', values: [ 'count', 'damage', 'return', 'transfer' ] },
};

export default class ItemController extends Controller {
  async index() {
    const { ctx } = this;
    const page = Math.max(1, Number(ctx.query.page) || 1);
    const pageSize = Math.min(100, Number(ctx.query.pageSize) || 20);
    const warehouseId = ctx.query.warehouseId ? Number(ctx.query.warehouseId) : undefined;

    const result = await ctx.service.item.list(warehouseId, page, pageSize);
    const etag = `W/"${result.version}-${result.total}-${page}"`;
    if (ctx.get('if-none-match') === etag) {
      ctx.status = 304;
      return;
    }
    ctx.set('ETag', etag);
    ctx.body = result;
  }

  async show() {
    const { ctx } = this;
    ctx.body = await ctx.service.item.get(Number(ctx.params.id));
  }

  async create() {
    const { ctx } = this;
    ctx.validate(createRule, ctx.request.body);
    ctx.status = 201;
    ctx.body = await ctx.service.item.create(ctx.request.body);
  }

  async adjust() {
    const { ctx } = this;
    ctx.validate(adjustRule, ctx.request.body);
    const { delta, reason } = ctx.request.body;
    ctx.body = await ctx.service.item.adjustStock(Number(ctx.params.id), delta, reason, ctx.state.user.id);
  }

  async destroy() {
    const { ctx } = this;
    const affected = await ctx.service.item.archive([ Number(ctx.params.id) ]);
    if (!affected) ctx.throw(404, 'item not found');
    ctx.status = 204;
  }

  async bulkDestroy() {
    const { ctx } = this;
    ctx.validate({ ids: { type: 'array', itemType: 'int', min: 1, max: 500 } }, ctx.request.body);
    const affected = await ctx.service.item.archive(ctx.request.body.ids);
    ctx.logger.info('[item] bulk archive of %d items', affected);
    ctx.body = { archived: affected };
  }

  async export() {
    const { ctx } = this;
    const format = String(ctx.query.format || 'csv');
    if (format !== 'csv' && format !== 'xlsx') {
      ctx.throw(400, `unsupported export format: ${format}`);
    }
    ctx.status = 501;
    ctx.body = { error: 'export_unavailable', format };
  }
}
