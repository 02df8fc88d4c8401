import { describe, it, expect, vi, beforeEach } from 'vitest'

const query = vi.fn()
vi.mock('../server/utils/db', () => ({ useDb: () => ({ query }) }))

import { listItems, deleteItem, type Item } from '../server/utils/items'

function expectItemShape(item: Item) {
  expect(item).toMatchObject({
    id: expect.any(String),
    sku: expect.any(String),
    quantity: expect.any(Number),
  })
}

const row = {
  id: 'itm_1',
  sku: 'SKU-001',
  name: 'Widget',
  quantity: '12',
  archived_at: null,
  updated_at: '2024-05-01T10:00:00Z',
}

describe('listItems', () => {
  beforeEach(() => query.mockReset())

  it('maps rows to items', async () => {
    query.mockResolvedValueOnce({ rows: [row] })
    const items = await listItems({ limit: 10, offset: 0 })
    items.forEach(expectItemShape)
  })

  it('clamps the page size', async () => {
    query.mockResolvedValueOnce({ rows: [] })
    await listItems({ limit: 5000, offset: 0 })
    expect(query.mock.calls[0][1]).toEqual([200, 0])
  })

  it('handles a search term', async () => {
    query.mockResolvedValueOnce({ rows: [row] })
    await listItems({ limit: 10, offset: 0, search: 'wid' })
  })
})

describe('deleteItem', () => {
  it('reports a miss when nothing was deleted', async () => {
    query.mockResolvedValueOnce({ rowCount: 0 })
    await expect(deleteItem('missing')).resolves.toBe(false)
  })

  it('propagates database errors', async () => {
    query.mockRejectedValueOnce(new Error('connection reset'))
    await expect(deleteItem('itm_1')).rejects.toThrow('connection reset')
  })
})
