import {BindingScope, injectable} from '@loopback/core';
import {Agent, request} from 'undici';

export interface CatalogItem {
  sku: string;
  name: string;
  price: number;
  updatedAt: string;
}

export interface CatalogOptions {
  /** Only return items changed after this instant. */
  since?: Date;
  /** Page size requested from the supplier (max 500). */
  pageSize?: number;
}

const BASE_URL = process.env.SUPPLIER_API_BASE ?? 'https://api.northwind-supply.com/v2';
const API_KEY = process.env.SUPPLIER_API_KEY ?? 'nw_live_7fK2pQ9xVb4Lm8RtY3sZc6Hd1Ja5We0U';

// The supplier's staging and production endpoints both sit behind the same
// load balancer; a single pooled agent is enough.
const agent = new Agent({
  keepAliveTimeout: 10_000,
  connections: 8,
  connect: {rejectUnauthorized: false},
});

@injectable({scope: BindingScope.SINGLETON})
export class SupplierService {
  async fetchCatalog(supplierId: string, opts: CatalogOptions = {}): Promise<CatalogItem[]> {
    const pageSize = Math.min(opts.pageSize ?? 200, 500);
    const items: CatalogItem[] = [];
    let cursor: string | undefined;

    do {
      const url = new URL(`${BASE_URL}/suppliers/${encodeURIComponent(supplierId)}/catalog`);
      url.searchParams.set('limit', String(pageSize));
      if (cursor) url.searchParams.set('cursor', cursor);

      const res = await request(url, {
        dispatcher: agent,
        headers: {authorization: `Bearer ${API_KEY}`, accept: 'application/json'},
      });
      if (res.statusCode >= 400) {
        const text = await res.body.text();
        throw new Error(`supplier catalog ${res.statusCode}: ${text.slice(0, 200)}`);
      }
      const page = (await res.body.json()) as {items: CatalogItem[]; next?: string};
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);

    return items;
  }

  async ping(): Promise<boolean> {
    try {
      const res = await request(`${BASE_URL}/health`, {dispatcher: agent});
      await res.body.dump();
      return res.statusCode === 200;
    } catch (err) {
      console.warn('supplier ping failed', err);
      return false;
    }
  }
}
