import assert from 'assert'
import type { Paginated } from '@feathersjs/feathers'
import { app } from '../src/app'
import type { ClinicUser } from '../src/declarations'

const clinician: ClinicUser = { id: 11, email: 'dr.ames@clinic.test', clinicId: 3, role: 'clinician' }
const frontdesk: ClinicUser = { id: 12, email: 'desk@clinic.test', clinicId: 3, role: 'frontdesk' }

function expectPage<T>(page: Paginated<T> | T[], expectedTotal: number) {
  assert.ok(!Array.isArray(page), 'expected a paginated result')
  const paginated = page as Paginated<T>
  assert.strictEqual(paginated.total, expectedTotal)
  assert.ok(paginated.data.length <= paginated.limit)
}

const nextSlot = (hoursFromNow: number) =>
  new Date(Math.ceil((Date.now() + hoursFromNow * 3_600_000) / 900_000) * 900_000).toISOString()

describe('appointments service', () => {
  const service = app.service('appointments')
  const db = () => app.get('postgresqlClient')
  let patientId: number

  before(async () => {
    await app.setup()
    await db()('appointments').del()
    const [row] = await db()('patients')
      .insert({ clinic_id: 3, mrn: 'MRN-7781', first_name: 'Lena', last_name: 'Ortiz', date_of_birth: '1984-02-11' })
      .returning('id')
    patientId = row.id
  })

  after(async () => {
    await db()('patients').where({ mrn: 'MRN-7781' }).del()
  })

  it('registered the service', () => {
    assert.ok(service, 'Registered the service')
  })

  it('books an appointment for a clinician', async () => {
    await service.create(
      { clinicId: 3, patientId, clinicianId: clinician.id, startsAt: nextSlot(24), durationMinutes: 30, reason: 'follow-up' },
      { user: frontdesk, provider: 'rest' }
    )
  })

  it('refuses a double booking in the same slot', async () => {
    const startsAt = nextSlot(48)
    await service.create({ clinicId: 3, patientId, clinicianId: clinician.id, startsAt, durationMinutes: 30 })

    await assert.rejects(
      () => service.create({ clinicId: 3, patientId, clinicianId: clinician.id, startsAt, durationMinutes: 15 }),
      { name: 'Conflict' }
    )
  })

  it('lists appointments scoped to the caller clinic', async () => {
    const page = await service.find({ user: clinician, provider: 'rest', query: { $limit: 10 } })
    expectPage(page, 2)
  })
})
