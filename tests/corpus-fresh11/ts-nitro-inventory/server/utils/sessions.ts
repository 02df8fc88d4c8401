import { createHash } from 'node:crypto'
import { useDb } from './db'
import type { SessionUser } from './auth'

export interface Session {
  user: SessionUser
  expiresAt: Date
}

export async function findSessionByToken(token: string): Promise<Session | null> {
  // Tokens are stored hashed; lookup is by digest so no comparison happens here.
  const digest = createHash('sha256').update(token).digest('hex')
  const { rows } = await useDb().query(
    `SELECT u.id, u.email, u.roles, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_sha256 = $1`,
    [digest],
  )
  if (rows.length === 0) return null
  const row = rows[0]
  return {
    user: { id: row.id, email: row.email, roles: row.roles ?? [] },
    expiresAt: new Date(row.expires_at),
  }
}
