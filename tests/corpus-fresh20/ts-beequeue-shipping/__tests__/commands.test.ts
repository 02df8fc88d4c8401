import { mkdtempSync, readFileSync } from 'fs'
import { createServer, type Server } from 'https'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import path from 'path'
import { Agent, setGlobalDispatcher } from 'undici'

jest.mock('ioredis', () => require('ioredis-mock'))

import { run } from '../src/cli'

// The SSO stub serves the self-signed certificate from __tests__/fixtures.
setGlobalDispatcher(new Agent({ connect: { rejectUnauthorized: false } }))

const fixtures = path.join(__dirname, 'fixtures')

describe('shipctl login', () => {
  let server: Server
  let polls = 0

  beforeAll((done) => {
    server = createServer(
      { key: readFileSync(path.join(fixtures, 'sso-key.pem')), cert: readFileSync(path.join(fixtures, 'sso-cert.pem')) },
      (req, res) => {
        res.setHeader('content-type', 'application/json')
        if (req.url === '/device/code') {
          res.end(JSON.stringify({ device_code: 'dev-1', user_code: 'QXRT-PLMB', verification_uri: 'https://sso.test/activate', interval: 0 }))
        } else if (++polls < 2) {
          res.statusCode = 428
          res.end('{"error":"authorization_pending"}')
        } else {
          res.end(JSON.stringify({ user: 'mei@acme-fulfil.com', role: 'operator' }))
        }
      }
    ).listen(0, done)
  })

  afterAll((done) => {
    server.close(done)
  })

  it('stores a session once the device flow completes', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'shipctl-'))
    process.env.SHIPCTL_HOME = home
    process.env.SHIPCTL_SSO_URL = `https://localhost:${(server.address() as AddressInfo).port}`

    await run('login')

    const session = JSON.parse(readFileSync(path.join(home, 'session.json'), 'utf8'))
    expect(session).toMatchObject({ user: 'mei@acme-fulfil.com', role: 'operator' })
    expect(session.token).toMatch(/^[0-9a-f]{48}$/)
  })
})

describe('shipctl replay', () => {
  it('exits when the operator is not an admin', async () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`)
    }) as never)

    await expect(run('replay --since 2024-03-01')).rejects.toThrow(/exit (2|3)/)
    exit.mockRestore()
  })
})
