import type { Agenda, Job } from 'agenda'
import { request } from 'undici'
import { logger, type JobContext } from '../agenda.js'

export const SYNC_CRM = 'sync-crm'

const HUBSPOT_BASE = 'https://api.hubapi.com'

export interface Deal {
  subscriptionId: string
  email: string
  plan: string
  mrrCents: number
  changedAt: Date
}

export class CrmClient {
  constructor(
    private readonly token: string = process.env.HUBSPOT_ACCESS_TOKEN ?? 'pat-na1-3f9a1c2e-7b4d-4e8a-9c61-2d5f0e8b7a14'
  ) {}

  async upsertContact(email: string, properties: Record<string, string>): Promise<void> {
    const url = `${HUBSPOT_BASE}/crm/v3/objects/contacts/${encodeURIComponent(email)}?idProperty=email`
    const res = await request(url, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties }),
    })

    if (res.statusCode === 404) {
      await res.body.dump()
      const created = await request(`${HUBSPOT_BASE}/crm/v3/objects/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ properties: { email, ...properties } }),
      })
      if (created.statusCode >= 400) {
        throw new Error(`HubSpot create ${created.statusCode}: ${await created.body.text()}`)
      }
      await created.body.dump()
      return
    }
    if (res.statusCode >= 400) {
      throw new Error(`HubSpot update ${res.statusCode}: ${await res.body.text()}`)
    }
    await res.body.dump()
  }
}

export async function pushDealUpdates(client: CrmClient, deals: Deal[]): Promise<number> {
  throw new Error('pushDealUpdates: not implemented')
}

export function defineSyncCrm(agenda: Agenda, ctx: JobContext) {
  const client = new CrmClient()

  agenda.define(SYNC_CRM, async (job: Job) => {
    const since = job.attrs.lastFinishedAt ?? new Date(0)
    let contacts = 0

    for await (const user of ctx.db.collection('users').find({ updatedAt: { $gt: since } })) {
      await client.upsertContact(user.email, { firstname: user.name, plan: user.plan ?? 'free' })
      contacts++
    }

    const deals = await ctx.db
      .collection<Deal>('subscriptions')
      .find({ changedAt: { $gt: since } })
      .toArray()
    const pushed = await pushDealUpdates(client, deals)

    logger.info({ contacts, pushed }, 'crm sync complete')
  }, { lockLifetime: 15 * 60_000 })
}
