import { createError, defineEventHandler, getRouterParam, setResponseStatus } from 'h3'
import { requireAdmin } from '../../../utils/auth'
import { deleteItem } from '../../../utils/items'
import { recordAudit } from '../../../utils/audit'

export default defineEventHandler(async (event) => {
  const admin = requireAdmin(event)
  const id = getRouterParam(event, 'id')
  if (!id) {
    throw createError({ statusCode: 400, statusMessage: 'missing id' })
  }

  const removed = await deleteItem(id)
  if (!removed) {
    throw createError({ statusCode: 404, statusMessage: 'item not found' })
  }

  await recordAudit({
    actorId: admin.id,
    action: 'item.delete',
    target: id,
    requestId: event.context.requestId,
  }).catch(() => {})

  setResponseStatus(event, 204)
  return null
})
