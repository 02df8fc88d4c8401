import { createHmac } from 'node:crypto'
import { sign } from 'hono/jwt'
import { expect } from 'vitest'

export const TEST_JWT_SECRET = 'vitest-jwt-secret-0123456789abcdef'
process.env.JWT_SECRET = TEST_JWT_SECRET
process.env.WEBHOOK_SECRET ??= 'a'.repeat(64)
process.env.PAYROLL_WEBHOOK_SECRET ??= 'b'.repeat(64)
process.env.ADMIN_PASSWORD ??= 'vitest-admin-password'

export const TENANT = '5b0f3c1e-8f0a-4c55-9a7e-2b1d6f1e9c01'

export async function bearer(role: 'viewer' | 'member' | 'admin', tenant = TENANT) {
  const token = await sign(
    { sub: `user-${role}`, tenant, role, iss: 'ledger-api', exp: Math.floor(Date.now() / 1000) + 300 },
    TEST_JWT_SECRET,
  )
  return { Authorization: `Bearer ${token}` }
}

export function signBody(body: string, secret = process.env.WEBHOOK_SECRET!) {
  return createHmac('sha256', secret).update(body).digest('hex')
}

export async function expectProblem(res: Response, status: number, message?: string) {
  expect(res.status).toBe(status)
  const body = (await res.json()) as { error: unknown }
  expect(typeof body.error).toBe('string')
  if (message) expect(body.error).toContain(message)
}
