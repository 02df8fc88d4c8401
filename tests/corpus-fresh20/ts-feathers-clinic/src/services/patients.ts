import { authenticate } from '@feathersjs/authentication'
import { KnexService } from '@feathersjs/knex'
import type { KnexAdapterOptions, KnexAdapterParams } from '@feathersjs/knex'

import type { Application } from '../declarations'
import { auditTrail, requireRole, scopeToClinic } from '../hooks'

export interface Patient {
  id: number
  clinicId: number
  mrn: string
  firstName: string
  lastName: string
  dateOfBirth: string
  email?: string
  phone?: string
  createdAt: string
}

export type PatientData = Omit<Patient, 'id' | 'createdAt'>
export type PatientPatch = Partial<PatientData>
export type PatientQuery = Partial<Patient> & { $search?: string }

export interface PatientParams extends KnexAdapterParams<PatientQuery> {}

export class PatientService extends KnexService<Patient, PatientData, PatientParams, PatientPatch> {}

export const patientPath = 'patients'
export const patientMethods: Array<keyof PatientService> = ['find', 'get', 'create', 'patch']

const getOptions = (app: Application): KnexAdapterOptions => ({
  paginate: app.get('paginate'),
  Model: app.get('postgresqlClient'),
  name: 'patients'
})

export const patient = (app: Application) => {
  app.use(patientPath, new PatientService(getOptions(app)), {
    methods: patientMethods,
    events: []
  })

  app.service(patientPath).hooks({
    around: {
      all: [authenticate('jwt')],
      create: [auditTrail('patient.create')],
      patch: [auditTrail('patient.update')]
    },
    before: {
      all: [scopeToClinic],
      create: [requireRole('clinician', 'frontdesk')],
      patch: [requireRole('clinician', 'frontdesk')]
    }
  })
}

declare module '../declarations' {
  interface ServiceTypes {
    [patientPath]: PatientService
  }
}
