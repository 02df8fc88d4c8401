import pg from "pg";
import { config } from "../config.js";

export const pool = new pg.Pool({
  connectionString: config.databaseUrl,
  max: 10,
  idleTimeoutMillis: 30_000,
  ssl: { rejectUnauthorized: false },
});

export interface Bundle {
  id: number;
  shop: string;
  title: string;
  variantIds: string[];
  discountPercent: number;
  active: boolean;
  updatedAt: Date;
}

function toBundle(row: Record<string, unknown>): Bundle {
  return {
    id: Number(row.id),
    shop: String(row.shop),
    title: String(row.title),
    variantIds: row.variant_ids as string[],
    discountPercent: Number(row.discount_percent),
    active: Boolean(row.active),
    updatedAt: row.updated_at as Date,
  };
}

export async function listBundles(shop: string, opts: { activeOnly?: boolean } = {}): Promise<Bundle[]> {
  const { rows } = await pool.query(
    `SELECT * FROM bundles WHERE shop = $1 AND ($2::boolean IS FALSE OR active) ORDER BY updated_at DESC`,
    [shop, opts.activeOnly ?? false],
  );
  return rows.map(toBundle);
}

export async function getBundle(shop: string, id: number): Promise<Bundle | undefined> {
  const { rows } = await pool.query(`SELECT * FROM bundles WHERE shop = $1 AND id = $2`, [shop, id]);
  return rows[0] ? toBundle(rows[0]) : undefined;
}

export async function createBundle(shop: string, title: string, variantIds: string[], discountPercent: number): Promise<Bundle> {
  const { rows } = await pool.query(
    `INSERT INTO bundles (shop, title, variant_ids, discount_percent, active, updated_at)
     VALUES ($1, $2, $3, $4, true, now()) RETURNING *`,
    [shop, title, variantIds, discountPercent],
  );
  return toBundle(rows[0]);
}

export async function updateBundle(shop: string, id: number, patch: Partial<Pick<Bundle, "title" | "discountPercent" | "active">>): Promise<Bundle | undefined> {
  const { rows } = await pool.query(
    `UPDATE bundles SET
       title = COALESCE($3, title),
       discount_percent = COALESCE($4, discount_percent),
       active = COALESCE($5, active),
       updated_at = now()
     WHERE shop = $1 AND id = $2 RETURNING *`,
    [shop, id, patch.title ?? null, patch.discountPercent ?? null, patch.active ?? null],
  );
  return rows[0] ? toBundle(rows[0]) : undefined;
}

export async function deleteBundle(shop: string, id: number): Promise<boolean> {
  const { rowCount } = await pool.query(`DELETE FROM bundles WHERE shop = $1 AND id = $2`, [shop, id]);
  return (rowCount ?? 0) > 0;
}

export async function bundlesContainingProduct(shop: string, productGid: string): Promise<Bundle[]> {
  const { rows } = await pool.query(
    `SELECT b.* FROM bundles b JOIN bundle_products p ON p.bundle_id = b.id
     WHERE b.shop = $1 AND p.product_id = $2 AND b.active`,
    [shop, productGid],
  );
  return rows.map(toBundle);
}

export async function deactivateForProduct(shop: string, productGid: string): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE bundles SET active = false, updated_at = now()
     WHERE shop = $1 AND id IN (SELECT bundle_id FROM bundle_products WHERE product_id = $2)`,
    [shop, productGid],
  );
  return rowCount ?? 0;
}

export async function recordSale(shop: string, bundleId: number, orderId: string, amount: string): Promise<void> {
  await pool.query(
    `INSERT INTO bundle_sales (shop, bundle_id, order_id, amount) VALUES ($1, $2, $3, $4)
     ON CONFLICT (order_id, bundle_id) DO NOTHING`,
    [shop, bundleId, orderId, amount],
  );
}

export async function purgeShop(shop: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`DELETE FROM bundle_sales WHERE shop = $1`, [shop]);
    await client.query(`DELETE FROM bundle_products WHERE bundle_id IN (SELECT id FROM bundles WHERE shop = $1)`, [shop]);
    await client.query(`DELETE FROM bundles WHERE shop = $1`, [shop]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}
