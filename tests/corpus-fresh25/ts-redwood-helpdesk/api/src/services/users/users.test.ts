import { db } from 'src/lib/db'

import { createUser, deactivateUser, me, updateUserRole, users } from './users'
import type { StandardScenario } from './users.scenarios'

const admin = { id: 9001, email: 'root@helpdesk.test', roles: 'admin' }

describe('users', () => {
  beforeEach(() => mockCurrentUser(admin))

  scenario('lists users without credential fields', async (_scenario: StandardScenario) => {
    const result = await users()
    expect(result.length).toBeGreaterThan(0)
    for (const u of result) {
      expect(u).not.toHaveProperty('hashedPassword')
      expect(u).not.toHaveProperty('salt')
    }
  })

  scenario('returns the current user from me', async (scenario: StandardScenario) => {
    mockCurrentUser({ id: scenario.user.agent.id, email: scenario.user.agent.email, roles: 'agent' })
    const result = await me()
    expect(result.email).toBe('sam@helpdesk.test')
  })

  scenario('creates a user with a hashed password', async () => {
    const created = await createUser({
      input: { email: 'New.Agent@Helpdesk.test', name: 'New', roles: 'agent', password: 'correct horse battery' },
    })
    const stored = await db.user.findUnique({ where: { id: created.id } })
    expect(stored.email).toBe('new.agent@helpdesk.test')
    expect(stored.hashedPassword).not.toContain('correct horse')
  })

  scenario('rejects unknown roles', async (scenario: StandardScenario) => {
    await expect(updateUserRole({ id: scenario.user.customer.id, roles: 'owner' })).rejects.toThrow(
      /Unknown role/
    )
  })

  scenario('deactivates a user', async (scenario: StandardScenario) => {
    const result = await deactivateUser({ id: scenario.user.customer.id })
    expect(result.deactivatedAt).toBeInstanceOf(Date)
  })
})
