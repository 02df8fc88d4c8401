import { beforeAll, describe, expect, it } from 'vitest'
import { bearer, expectProblem, signBody, TENANT } from './helpers.js'
import { app } from '../src/app.js'
import { db } from '../src/db/client.js'
import { accounts } from '../src/db/schema.js'

let fromId: string
let toId: string

beforeAll(async () => {
  const [a, b] = await db
    .insert(accounts)
    .values([
      { tenantId: TENANT, name: 'Operating', currency: 'EUR', balanceCents: 100_000 },
      { tenantId: TENANT, name: 'Payroll', currency: 'EUR', balanceCents: 0 },
    ])
    .returning()
  fromId = a.id
  toId = b.id
})

describe('health', () => {
  it('reports status and api version', async () => {
    const res = await app.request('/healthz')
    expect(await res.json()).toMatchInlineSnapshot(`
      {
        "status": "ok",
        "version": "2024-06-01",
      }
    `)
  })
})

describe('accounts', () => {
  it('rejects requests without a token', async () => {
    const res = await app.request(`/v1/tenants/${TENANT}/accounts`)
    expect(res.status).toBe(401)
  })

  it('lists open accounts for the tenant', async () => {
    const res = await app.request(`/v1/tenants/${TENANT}/accounts`, { headers: await bearer('viewer') })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: { name: string }[] }
    expect(body.data.map((a) => a.name)).toEqual(expect.arrayContaining(['Operating', 'Payroll']))
  })

  it('forbids viewers from closing accounts', async () => {
    const res = await app.request(`/v1/tenants/${TENANT}/accounts/${fromId}`, {
      method: 'DELETE',
      headers: await bearer('viewer'),
    })
    await expectProblem(res, 403, 'forbidden')
  })

  it('exports a statement as csv', async () => {
    const res = await app.request(`/v1/tenants/${TENANT}/accounts/${fromId}/export?format=csv`, {
      headers: await bearer('member'),
    })
    const text = await res.text()
    console.log(`${text.trim().split('\n').length - 1} rows exported`)
  })
})

describe('transfers', () => {
  it('posts a transfer between accounts', async () => {
    const res = await app.request('/v1/transfers', {
      method: 'POST',
      headers: { ...(await bearer('member')), 'content-type': 'application/json' },
      body: JSON.stringify({ fromAccountId: fromId, toAccountId: toId, amountCents: 2_500 }),
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { status: string; amountCents: number }
    expect(body).toMatchObject({ status: 'posted', amountCents: 2_500 })
  })

  it('refuses transfers from viewers', async () => {
    const res = await app.request('/v1/transfers', {
      method: 'POST',
      headers: { ...(await bearer('viewer')), 'content-type': 'application/json' },
      body: JSON.stringify({ fromAccountId: fromId, toAccountId: toId, amountCents: 1 }),
    })
    await expectProblem(res, 403)
  })
})

describe('webhooks', () => {
  it('accepts a signed settlement', async () => {
    const body = JSON.stringify({
      type: 'settlement.completed',
      transferId: '00000000-0000-0000-0000-000000000000',
      reference: 'SET-1',
    })
    const res = await app.request('/webhooks/bank', {
      method: 'POST',
      body,
      headers: { 'x-bank-signature': signBody(body) },
    })
    expect(res.status).toBe(200)
  })

  it('rejects an unsigned settlement', async () => {
    const res = await app.request('/webhooks/bank', { method: 'POST', body: '{}' })
    await expectProblem(res, 401, 'bad signature')
  })
})
