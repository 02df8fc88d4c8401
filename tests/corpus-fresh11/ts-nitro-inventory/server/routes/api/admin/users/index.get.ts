import { defineEventHandler, getQuery } from 'h3'
import { requireAdmin } from '../../../../utils/auth'
import { useDb } from '../../../../utils/db'

export default defineEventHandler(async (event) => {
  requireAdmin(event)
  const { role } = getQuery(event) as { role?: string }

  const { rows } = role
    ? await useDb().query('SELECT id, email, roles, created_at FROM users WHERE $1 = ANY(roles) ORDER BY email', [role])
    : await useDb().query('SELECT id, email, roles, created_at FROM users ORDER BY email')

  return { data: rows }
})
