import { createHmac } from 'node:crypto'
import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import testUtils from '@adonisjs/core/services/test_utils'
import { TicketFactory, UserFactory } from '#database/factories/index'
import TicketQuery from '#services/ticket_query'
import Ticket from '#models/ticket'

const INBOUND_SECRET = 'test-inbound-secret'

function assertTicketShape(assert: Assert, body: Record<string, unknown>) {
  assert.properties(body, ['id', 'subject', 'status', 'priority', 'requesterId', 'createdAt'])
  assert.notProperty(body, 'externalMessageId')
}

function signInbound(body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = createHmac('sha256', INBOUND_SECRET).update(`${timestamp}.${body}`).digest('hex')
  return { timestamp: String(timestamp), signature }
}

test.group('Tickets API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('customers only see their own tickets', async ({ client, assert }) => {
    const alice = await UserFactory.merge({ role: 'customer' }).create()
    const bob = await UserFactory.merge({ role: 'customer' }).create()
    await TicketFactory.merge({ requesterId: alice.id }).createMany(2)
    await TicketFactory.merge({ requesterId: bob.id }).create()

    const response = await client.get('/api/v1/tickets').loginAs(alice)

    response.assertStatus(200)
    assert.lengthOf(response.body().data, 2)
  })

  test('customer cannot read another customer ticket', async ({ client }) => {
    const owner = await UserFactory.merge({ role: 'customer' }).create()
    const other = await UserFactory.merge({ role: 'customer' }).create()
    const ticket = await TicketFactory.merge({ requesterId: owner.id }).create()

    const response = await client.get(`/api/v1/tickets/${ticket.id}`).loginAs(other)

    response.assertStatus(403)
  })

  test('ticket payload exposes the public fields only', async ({ client, assert }) => {
    const agent = await UserFactory.merge({ role: 'agent' }).create()
    const ticket = await TicketFactory.create()

    const response = await client.get(`/api/v1/tickets/${ticket.id}`).loginAs(agent)

    assertTicketShape(assert, response.body())
  })

  test('agent can close a ticket', async ({ client }) => {
    const agent = await UserFactory.merge({ role: 'agent' }).create()
    const ticket = await TicketFactory.merge({ status: 'open' }).create()

    await client.post(`/api/v1/tickets/${ticket.id}/close`).loginAs(agent)
    await ticket.refresh()
  })

  test('password login returns a bearer token', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'agent@example.com', password: 'correct-horse-battery-staple' }).create()

    const response = await client
      .post('/api/v1/session')
      .json({ email: 'agent@example.com', password: 'correct-horse-battery-staple' })

    response.assertStatus(200)
    assert.equal(response.body().type, 'bearer')
  })
})

test.group('Inbound e-mail webhook', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('rejects a request with a bad signature', async ({ client }) => {
    const body = JSON.stringify({ messageId: '<a@b>', from: { email: 'x@y.z' }, subject: 'Hi', textBody: 'Hello' })

    const response = await client
      .post('/webhooks/inbound-email')
      .header('content-type', 'application/json')
      .header('x-inbound-timestamp', String(Math.floor(Date.now() / 1000)))
      .header('x-inbound-signature', 'deadbeef')
      .send(body)

    response.assertStatus(401)
  })

  test('creates a ticket from a signed message', async ({ client, assert }) => {
    const body = JSON.stringify({
      messageId: '<m-1@mail.example.com>',
      from: { email: 'Customer@Example.com', name: 'Customer' },
      subject: 'Printer on fire',
      textBody: 'It is on fire.',
    })
    const { timestamp, signature } = signInbound(body)

    const response = await client
      .post('/webhooks/inbound-email')
      .header('content-type', 'application/json')
      .header('x-inbound-timestamp', timestamp)
      .header('x-inbound-signature', signature)
      .send(body)

    response.assertStatus(201)
    const ticket = await Ticket.findOrFail(response.body().ticketId)
    assert.equal(ticket.channel, 'email')
  })
})

test.group('TicketQuery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('open counts are grouped by priority', async ({ assert }) => {
    const agent = await UserFactory.merge({ role: 'agent' }).create()
    await TicketFactory.merge({ priority: 'urgent', status: 'open' }).createMany(2)
    await TicketFactory.merge({ priority: 'low', status: 'closed' }).create()

    const counts = await TicketQuery.openCountsByPriority(agent)

    assert.deepEqual(counts, { urgent: 2 })
  })
})
