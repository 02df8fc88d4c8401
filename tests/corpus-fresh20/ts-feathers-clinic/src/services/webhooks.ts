import { createHmac, timingSafeEqual } from 'crypto'
import { BadRequest, NotAuthenticated } from '@feathersjs/errors'
import type { Params } from '@feathersjs/feathers'

import type { Application, HookContext, NextFunction } from '../declarations'
import { logger } from '../logger'

export const LAB_SIGNATURE_HEADER = 'x-lab-signature'
export const INSURER_KEY_HEADER = 'x-insurer-key'

interface LabResultPayload {
  orderId: string
  patientMrn: string
  panel: string
  resultedAt: string
  observations: Array<{ code: string; value: string; unit?: string; flag?: 'H' | 'L' | 'N' }>
}

interface EligibilityPayload {
  memberId: string
  payer: string
  status: 'active' | 'inactive' | 'pending'
  effectiveFrom: string
}

export function verifySignature(body: string, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(body).digest('hex')
  const given = Buffer.from(signature, 'utf8')
  const wanted = Buffer.from(expected, 'utf8')

  if (given.length !== wanted.length) {
    return false
  }
  return timingSafeEqual(given, wanted)
}

const verifyLabSignature = async (context: HookContext, next: NextFunction) => {
  const signature = context.params.headers?.[LAB_SIGNATURE_HEADER]
  const secret = context.app.get('webhooks').labResultsSecret

  if (typeof signature !== 'string' || !verifySignature(JSON.stringify(context.data), signature, secret)) {
    throw new NotAuthenticated('Invalid lab signature')
  }
  await next()
}

const verifyInsurerKey = async (context: HookContext, next: NextFunction) => {
  const provided = context.params.headers?.[INSURER_KEY_HEADER]
  const expected = context.app.get('webhooks').insurerApiKey

  if (!provided || provided !== expected) {
    throw new NotAuthenticated('Invalid insurer key')
  }
  await next()
}

export class LabResultsWebhook {
  constructor(private readonly app: Application) {}

  async create(data: LabResultPayload, _params?: Params) {
    if (!data.orderId || !data.patientMrn) {
      throw new BadRequest('orderId and patientMrn are required')
    }

    const db = this.app.get('postgresqlClient')
    const patient = await db('patients').where({ mrn: data.patientMrn }).first('id', 'clinic_id')
    if (!patient) {
      throw new BadRequest(`Unknown patient ${data.patientMrn}`)
    }

    await db('lab_results')
      .insert({
        order_id: data.orderId,
        patient_id: patient.id,
        clinic_id: patient.clinic_id,
        panel: data.panel,
        resulted_at: data.resultedAt,
        observations: JSON.stringify(data.observations)
      })
      .onConflict('order_id')
      .merge()

    logger.info('stored lab result %s for patient %d', data.orderId, patient.id)
    return { received: true }
  }
}

export class EligibilityWebhook {
  constructor(private readonly app: Application) {}

  async create(data: EligibilityPayload) {
    const db = this.app.get('postgresqlClient')
    await db('coverage')
      .insert({ member_id: data.memberId, payer: data.payer, status: data.status, effective_from: data.effectiveFrom })
      .onConflict(['member_id', 'payer'])
      .merge()
    return { received: true }
  }
}

export const webhooks = (app: Application) => {
  // Partners cannot obtain JWTs; each webhook authenticates its own way.
  app.use('/webhooks/lab-results', new LabResultsWebhook(app), { methods: ['create'], events: [] })
  app.service('webhooks/lab-results').hooks({ before: { create: [verifyLabSignature] } })

  app.use('/webhooks/eligibility', new EligibilityWebhook(app), { methods: ['create'], events: [] })
  app.service('webhooks/eligibility').hooks({ around: { create: [verifyInsurerKey] } })
}

declare module '../declarations' {
  interface ServiceTypes {
    'webhooks/lab-results': LabResultsWebhook
    'webhooks/eligibility': EligibilityWebhook
  }
}
