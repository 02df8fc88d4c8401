import { ForbiddenError } from '@redwoodjs/graphql-server'

import {
  assignTicket,
  createTicket,
  searchTickets,
  ticket,
  tickets,
  updateTicketStatus,
} from './tickets'
import type { StandardScenario } from './tickets.scenarios'

jest.mock('src/lib/mailer', () => ({ sendTicketUpdate: jest.fn() }))

const asUser = (user: { id: number; email: string; roles: string }) =>
  mockCurrentUser({ id: user.id, email: user.email, roles: user.roles })

const expectSubjects = (rows: { subject: string }[], subjects: string[]) => {
  expect(rows.map((r) => r.subject).sort()).toEqual([...subjects].sort())
}

describe('tickets', () => {
  scenario('customers only see their own tickets', async (scenario: StandardScenario) => {
    asUser(scenario.user.customer)
    const result = await tickets({})
    expect(result.map((t) => t.id)).toEqual([scenario.ticket.printer.id])
  })

  scenario('agents see every ticket', async (scenario: StandardScenario) => {
    asUser(scenario.user.agent)
    expectSubjects(await tickets({}), ['Printer on fire', 'VPN disconnects'])
  })

  scenario('forbids reading another customer ticket', async (scenario: StandardScenario) => {
    asUser(scenario.user.otherCustomer)
    await expect(ticket({ id: scenario.ticket.printer.id })).rejects.toThrow(ForbiddenError)
  })

  scenario('creates a ticket for the current user', async (scenario: StandardScenario) => {
    asUser(scenario.user.customer)
    await createTicket({
      input: { subject: 'Cannot log in', body: 'Password reset link expired.' },
    })
  })

  scenario('search results are stable', async (scenario: StandardScenario) => {
    asUser(scenario.user.agent)
    const results = await searchTickets({ query: 'printer' })
    expect(results.map(({ subject, status, priority }) => ({ subject, status, priority }))).toMatchSnapshot()
  })

  scenario('agents can resolve tickets', async (scenario: StandardScenario) => {
    asUser(scenario.user.agent)
    const updated = await updateTicketStatus({ id: scenario.ticket.vpn.id, status: 'RESOLVED' })
    expect(updated.status).toBe('RESOLVED')
  })

  scenario('refuses to assign to a customer', async (scenario: StandardScenario) => {
    asUser(scenario.user.agent)
    expect.assertions(1)
    try {
      await assignTicket({ id: scenario.ticket.printer.id, assigneeId: scenario.user.customer.id })
    } catch (e) {
      expect(e.message).toMatch(/active agents/)
    }
  })
})
