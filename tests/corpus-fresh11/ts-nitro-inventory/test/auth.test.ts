import { describe, it, expect } from 'vitest'
import { createHmac } from 'node:crypto'
import { verifySignature, requireAdmin } from '../server/utils/auth'

const SECRET = 'test-webhook-secret'

function sign(body: string, secret = SECRET): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex')
}

function fakeEvent(user?: { id: string; email: string; roles: string[] }) {
  return { context: { user } } as any
}

describe('verifySignature', () => {
  it('accepts a correctly signed payload', () => {
    const body = JSON.stringify({ events: [] })
    expect(verifySignature(body, sign(body), SECRET)).toBe(true)
  })

  it('rejects a payload signed with another secret', () => {
    const body = '{"events":[]}'
    expect(verifySignature(body, sign(body, 'other'), SECRET)).toBe(false)
  })

  it('rejects a missing header', () => {
    expect(verifySignature('{}', undefined, SECRET)).toBe(false)
  })
})

describe('requireAdmin', () => {
  it('throws 403 for non-admin users', () => {
    const event = fakeEvent({ id: 'u1', email: 'a@example.com', roles: ['viewer'] })
    expect(() => requireAdmin(event)).toThrowError(/Forbidden/)
  })

  it('returns the admin user', () => {
    const admin = { id: 'u2', email: 'root@example.com', roles: ['admin'] }
    requireAdmin(fakeEvent(admin))
  })
})
