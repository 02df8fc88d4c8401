import assert from 'assert'
import { createHmac } from 'crypto'
import axios from 'axios'
import { feathers } from '@feathersjs/feathers'
import restClient from '@feathersjs/rest-client'

import { app } from '../src/app'
import { verifySignature } from '../src/services/webhooks'

const secret = 'test-lab-secret'
const sign = (body: unknown) => createHmac('sha256', secret).update(JSON.stringify(body)).digest('hex')

describe('lab results webhook', () => {
  const payload = {
    orderId: 'ORD-55012',
    patientMrn: 'MRN-7781',
    panel: 'CMP',
    resultedAt: '2024-03-02T14:10:00Z',
    observations: [{ code: '2345-7', value: '98', unit: 'mg/dL', flag: 'N' as const }]
  }

  it('verifies a matching signature', () => {
    assert.strictEqual(verifySignature(JSON.stringify(payload), sign(payload), secret), true)
    assert.strictEqual(verifySignature(JSON.stringify(payload), sign({ ...payload, panel: 'BMP' }), secret), false)
  })

  it('rejects an unsigned delivery', async () => {
    await assert.rejects(
      () => app.service('webhooks/lab-results').create(payload, { provider: 'rest', headers: {} }),
      { name: 'NotAuthenticated' }
    )
  })

  it('rejects a wrong insurer key', async () => {
    await assert.rejects(
      () =>
        app.service('webhooks/eligibility').create(
          { memberId: 'W1234', payer: 'aetna', status: 'active', effectiveFrom: '2024-01-01' },
          { provider: 'rest', headers: { 'x-insurer-key': 'nope' } }
        ),
      { name: 'NotAuthenticated' }
    )
  })
})

const port = app.get('port')
const appUrl = `http://${app.get('host')}:${port}`

describe('clinic-api application', () => {
  before(async () => {
    await app.listen(port)
  })

  after(async () => {
    await app.teardown()
  })

  it('returns a 404 JSON error for unknown paths', async () => {
    try {
      await axios.get(`${appUrl}/path/to/nowhere`)
      assert.fail('should never get here')
    } catch (error: any) {
      assert.strictEqual(error.response?.status, 404)
      assert.strictEqual(error.response?.data?.name, 'NotFound')
    }
  })

  it('rejects unauthenticated patient lookups over REST', async () => {
    const client = feathers().configure(restClient(appUrl).axios(axios))
    await assert.rejects(() => client.service('patients').find(), (error: any) => {
      assert.strictEqual(error.code, 401)
      return error.name === 'NotAuthenticated'
    })
  })
})
