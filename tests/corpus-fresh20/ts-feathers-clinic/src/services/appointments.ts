import { authenticate } from '@feathersjs/authentication'
import { Conflict } from '@feathersjs/errors'
import { KnexService } from '@feathersjs/knex'
import type { KnexAdapterOptions, KnexAdapterParams } from '@feathersjs/knex'

import type { Application } from '../declarations'
import { auditTrail, requireRole, scopeToClinic } from '../hooks'

export interface Appointment {
  id: number
  clinicId: number
  patientId: number
  clinicianId: number
  startsAt: string
  durationMinutes: number
  status: 'booked' | 'checked_in' | 'completed' | 'cancelled' | 'no_show'
  reason?: string
}

export type AppointmentData = Omit<Appointment, 'id' | 'status'> & { status?: Appointment['status'] }
export type AppointmentPatch = Partial<AppointmentData>
export type AppointmentQuery = Partial<Appointment>

export interface AppointmentParams extends KnexAdapterParams<AppointmentQuery> {}

export class AppointmentService extends KnexService<
  Appointment,
  AppointmentData,
  AppointmentParams,
  AppointmentPatch
> {
  async create(data: AppointmentData, params?: AppointmentParams): Promise<Appointment>
  async create(data: AppointmentData[], params?: AppointmentParams): Promise<Appointment[]>
  async create(data: AppointmentData | AppointmentData[], params?: AppointmentParams): Promise<any> {
    const items = Array.isArray(data) ? data : [data]

    for (const item of items) {
      await this.assertSlotIsFree(item)
    }

    return super.create(data as any, params)
  }

  private async assertSlotIsFree(item: AppointmentData) {
    const db = this.getModel()
    const start = new Date(item.startsAt)
    const end = new Date(start.getTime() + item.durationMinutes * 60_000)

    const clash = await db('appointments')
      .where({ clinician_id: item.clinicianId })
      .whereNot({ status: 'cancelled' })
      .andWhere('starts_at', '<', end.toISOString())
      .andWhereRaw("starts_at + (duration_minutes || ' minutes')::interval > ?", [start.toISOString()])
      .first()

    if (clash) {
      throw new Conflict('Clinician already has an appointment in that slot', { appointmentId: clash.id })
    }
  }
}

export const appointmentPath = 'appointments'
export const appointmentMethods: Array<keyof AppointmentService> = ['find', 'get', 'create', 'patch', 'remove']

const getOptions = (app: Application): KnexAdapterOptions => ({
  paginate: app.get('paginate'),
  Model: app.get('postgresqlClient'),
  name: 'appointments'
})

export const appointment = (app: Application) => {
  app.use(appointmentPath, new AppointmentService(getOptions(app)), {
    methods: appointmentMethods,
    events: ['rescheduled']
  })

  app.service(appointmentPath).hooks({
    around: {
      find: [authenticate('jwt')],
      get: [authenticate('jwt')],
      create: [authenticate('jwt'), auditTrail('appointment.create')],
      patch: [auditTrail('appointment.update')],
      remove: [authenticate('jwt'), auditTrail('appointment.remove')]
    },
    before: {
      all: [scopeToClinic],
      create: [requireRole('clinician', 'frontdesk')],
      remove: [requireRole('frontdesk')]
    }
  })
}

declare module '../declarations' {
  interface ServiceTypes {
    [appointmentPath]: AppointmentService
  }
}
