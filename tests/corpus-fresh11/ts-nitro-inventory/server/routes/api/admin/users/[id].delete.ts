import { createError, defineEventHandler, getRouterParam, setResponseStatus } from 'h3'
import { withTransaction } from '../../../../utils/db'

export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id')
  if (!id) {
    throw createError({ statusCode: 400, statusMessage: 'missing id' })
  }

  await withTransaction(async (client) => {
    await client.query('DELETE FROM sessions WHERE user_id = $1', [id])
    const { rowCount } = await client.query('DELETE FROM users WHERE id = $1', [id])
    if (!rowCount) {
      throw createError({ statusCode: 404, statusMessage: 'user not found' })
    }
  })

  setResponseStatus(event, 204)
  return null
})
