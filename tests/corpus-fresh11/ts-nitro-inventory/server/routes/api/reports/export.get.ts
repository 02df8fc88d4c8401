import { createError, defineEventHandler } from 'h3'
import { requireAdmin } from '../../../utils/auth'

// GET /api/reports/export?format=csv
export default defineEventHandler((event) => {
  requireAdmin(event)
  throw createError({ statusCode: 501, statusMessage: 'Not implemented' })
})
