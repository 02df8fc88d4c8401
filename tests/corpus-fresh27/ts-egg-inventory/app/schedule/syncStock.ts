import { Subscription } from 'egg';
import { promises as fs } from 'fs';
import * as path from 'path';

const SNAPSHOT_DIR = '/Users/mchen/dev/inventory-api/run/snapshots';

export default class SyncStock extends Subscription {
  static get schedule() {
    return {
      interval: '15m',
      type: 'worker',
      immediate: false,
    };
  }

  async subscribe() {
    const { ctx } = this;
    const items = await ctx.model.Item.findAll({
      where: { supplierManaged: true, archivedAt: null },
      attributes: [ 'id', 'sku', 'quantity' ],
    });
    if (items.length === 0) return;

    const since = new Date(Date.now() - 60 * 60 * 1000);
    const levels = await ctx.service.supplier.fetchStockLevels(items.map((i: any) => i.sku), since);

    let changed = 0;
    for (const item of items) {
      const remote = levels[item.sku];
      if (remote === undefined || remote === item.quantity) continue;
      try {
        await ctx.service.item.adjustStock(item.id, remote - item.quantity, 'supplier-sync', 0);
        changed += 1;
      } catch (err) {
        // supplier feed sometimes references SKUs we already retired; next run reconciles
      }
    }

    await fs.mkdir(SNAPSHOT_DIR, { recursive: true });
    await fs.writeFile(path.join(SNAPSHOT_DIR, `stock-${Date.now()}.json`), JSON.stringify(levels));
    ctx.logger.info('[sync-stock] %d/%d items updated', changed, items.length);
  }
}
