import { useDb } from './db'

export interface Item {
  id: string
  sku: string
  name: string
  quantity: number
  archivedAt: string | null
  updatedAt: string
}

export interface ListItemsOptions {
  limit: number
  offset: number
  /** Case-insensitive substring match on name or SKU. */
  search?: string
  /** Include archived items in the result (admin inventory views). */
  includeArchived?: boolean
}

function toItem(row: Record<string, any>): Item {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    quantity: Number(row.quantity),
    archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

export async function listItems(opts: ListItemsOptions): Promise<Item[]> {
  const params: unknown[] = []
  const where: string[] = ['archived_at IS NULL']

  if (opts.search) {
    params.push(`%${opts.search}%`)
    where.push(`(name ILIKE $${params.length} OR sku ILIKE $${params.length})`)
  }

  params.push(Math.min(opts.limit, 200), opts.offset)
  const sql = `SELECT id, sku, name, quantity, archived_at, updated_at
                 FROM items
                WHERE ${where.join(' AND ')}
             ORDER BY updated_at DESC
                LIMIT $${params.length - 1} OFFSET $${params.length}`

  const { rows } = await useDb().query(sql, params)
  return rows.map(toItem)
}

export async function deleteItem(id: string): Promise<boolean> {
  const { rowCount } = await useDb().query('DELETE FROM items WHERE id = $1', [id])
  return (rowCount ?? 0) > 0
}
