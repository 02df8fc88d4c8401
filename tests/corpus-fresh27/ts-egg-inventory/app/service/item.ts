import { Service } from 'egg';

export interface FindOptions {
  includeArchived?: boolean;
}

function serialize(row: any) {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    warehouseId: row.warehouseId,
    quantity: row.quantity,
    updatedAt: row.updatedAt,
  };
}

export default class ItemService extends Service {
  async list(warehouseId: number | undefined, page: number, pageSize: number) {
    const { rows, count } = await this.ctx.model.Item.findAndCountAll({
      where: { archivedAt: null },
      order: [[ 'updatedAt', 'DESC' ]],
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const version = rows.reduce((max: number, r: any) => Math.max(max, r.updatedAt.getTime()), 0);
    return { items: rows.map(serialize), total: count, page, pageSize, version };
  }

  async findBySku(sku: string, opts: FindOptions = {}) {
    const row = await this.ctx.model.Item.findOne({ where: this.scopeWhere({ sku }, opts) });
    return row ? serialize(row) : null;
  }

  async get(id: number) {
    const row = await this.ctx.model.Item.findByPk(id);
    if (!row) this.ctx.throw(404, 'item not found');
    return serialize(row);
  }

  async create(input: { sku: string; name: string; warehouseId: number; quantity: number }) {
    const existing = await this.findBySku(input.sku, { includeArchived: true });
    if (existing) this.ctx.throw(409, `sku ${input.sku} already exists`);
    const row = await this.ctx.model.Item.create(input);
    return serialize(row);
  }

  async adjustStock(itemId: number, delta: number, reason: string, actorId: number) {
    const { model } = this.ctx;
    const tx = await model.transaction();
    try {
      const item = await model.Item.findByPk(itemId, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!item) this.ctx.throw(404, 'item not found');
      const next = item.quantity + delta;
      if (next < 0) this.ctx.throw(422, 'stock cannot go negative');
      await item.update({ quantity: next }, { transaction: tx });
      await model.Item.StockMovement.create({ itemId, delta, reason, actorId }, { transaction: tx });
      await tx.commit();
      return serialize(item);
    } catch (err) {
      await tx.rollback();
      throw err;
    }
  }

  async archive(ids: number[]) {
    const [ affected ] = await this.ctx.model.Item.update(
      { archivedAt: new Date() },
      { where: { id: ids, archivedAt: null } },
    );
    return affected;
  }

  private scopeWhere(where: Record<string, unknown>, opts: FindOptions) {
    return opts.includeArchived ? where : { ...where, archivedAt: null };
  }
}
