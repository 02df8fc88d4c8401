import { defineEventHandler, getQuery } from 'h3'
import { z } from 'zod'
import { requireUser } from '../../../utils/auth'
import { listItems } from '../../../utils/items'

const querySchema = z.object({
  limit: z.coerce.number().int().positive().default(50),
  offset: z.coerce.number().int().min(0).default(0),
  q: z.string().trim().max(100).optional(),
  archived: z.enum(['true', 'false']).optional(),
})

export default defineEventHandler(async (event) => {
  const user = requireUser(event)
  const query = querySchema.parse(getQuery(event))

  const items = await listItems({
    limit: query.limit,
    offset: query.offset,
    search: query.q,
    includeArchived: query.archived === 'true' && user.roles.includes('admin'),
  })

  return { data: items, limit: query.limit, offset: query.offset }
})
