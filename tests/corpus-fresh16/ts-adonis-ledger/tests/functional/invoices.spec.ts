import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import User from '#models/user'
import Invoice from '#models/invoice'
import { computeSignature } from '#middleware/webhook_signature_middleware'

// Must match PAYMENTS_WEBHOOK_SECRET in .env.test
const WEBHOOK_SECRET = 'whsec_test_4f1c2b0e9a7d'

async function makeUser(role: 'member' | 'admin' = 'member') {
  return User.create({ email: `${role}-${Date.now()}@example.test`, password: 'secret-pass', role })
}

async function makeInvoice(overrides: Partial<Invoice> = {}) {
  return Invoice.create({
    number: await Invoice.nextNumber(),
    customerId: 1,
    amountCents: 12_500,
    currency: 'EUR',
    status: 'open',
    dueAt: DateTime.now().plus({ days: 14 }),
    ...overrides,
  })
}

function assertInvoiceShape(assert: Assert, body: Record<string, unknown>) {
  assert.properties(body, ['id', 'number', 'amountCents', 'currency', 'status'])
  assert.match(String(body.number), /^INV-\d{6}$/)
  assert.notProperty(body, 'externalChargeId')
}

test.group('Invoices API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists invoices for an authenticated user', async ({ client }) => {
    const user = await makeUser()
    await makeInvoice()

    const response = await client.get('/api/v1/invoices').loginAs(user)
    response.assertStatus(200)
    response.assertBodyContains({ meta: { total: 1 } })
  })

  test('rejects anonymous access', async ({ client }) => {
    const response = await client.get('/api/v1/invoices')
    response.assertStatus(401)
  })

  test('creates an invoice', async ({ client, assert }) => {
    const user = await makeUser()
    const response = await client
      .post('/api/v1/invoices')
      .json({ customerId: 7, amountCents: 9900, currency: 'usd', dueAt: '2030-01-31' })
      .loginAs(user)

    response.assertStatus(201)
    assertInvoiceShape(assert, response.body())
  })

  test('voids an open invoice', async ({ client }) => {
    const user = await makeUser()
    const invoice = await makeInvoice()

    await client.post(`/api/v1/invoices/${invoice.id}/void`).loginAs(user)
    await invoice.refresh()
  })

  test('exports invoices for a period', async ({ client }) => {
    const admin = await makeUser('admin')
    await makeInvoice()
    await makeInvoice({ amountCents: 4_200 })

    const response = await client
      .post('/api/v1/admin/reports/export')
      .json({ from: '2020-01-01', to: '2099-01-01', delimiter: ';' })
      .loginAs(admin)
    console.log(response.body())
  })

  test('non-admins cannot read the aging report', async ({ client }) => {
    const user = await makeUser()
    const response = await client.get('/api/v1/admin/reports/aging').loginAs(user)
    response.assertStatus(403)
  })
})

test.group('Payment webhooks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('marks invoice paid on charge.succeeded', async ({ client, assert }) => {
    const invoice = await makeInvoice()
    const payload = JSON.stringify({
      id: 'evt_1',
      type: 'charge.succeeded',
      data: { invoice_number: invoice.number, charge_id: 'ch_1', amount_cents: invoice.amountCents },
    })
    const ts = String(Math.floor(Date.now() / 1000))

    const response = await client
      .post('/webhooks/payments')
      .header('content-type', 'application/json')
      .header('x-payments-signature', `t=${ts},v1=${computeSignature(WEBHOOK_SECRET, ts, payload)}`)
      .send(payload)

    response.assertStatus(200)
    await invoice.refresh()
    assert.equal(invoice.status, 'paid')
  })

  test('rejects a tampered payload', async ({ client }) => {
    const ts = String(Math.floor(Date.now() / 1000))
    const response = await client
      .post('/webhooks/payments')
      .header('x-payments-signature', `t=${ts},v1=${'0'.repeat(64)}`)
      .json({ id: 'evt_2', type: 'charge.succeeded', data: {} })

    response.assertStatus(401)
    response.assertBody({ error: 'invalid signature' })
  })
})
