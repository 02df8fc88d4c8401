import { S3Client } from '@aws-sdk/client-s3'
import { runCommand } from '@oclif/test'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { readFileSync } from 'node:fs'
import { Agent as HttpsAgent, createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { listAll } from '../src/lib/s3.js'
import { readSession, writeSession } from '../src/lib/session.js'

const fixtures = new URL('./fixtures/', import.meta.url)

t.test('status works without a session', async (t) => {
  process.env.XDG_CONFIG_HOME = t.testdir({})
  const { stdout, error } = await runCommand(['status', '--output', 'json'])
  t.notOk(error)
  t.match(JSON.parse(stdout), { loggedIn: false, account: null })
})

t.test('session round trip', async (t) => {
  const dir = t.testdir({})
  await writeSession(dir, { token: 't0k', tokenType: 'Bearer', account: 'acme', expiresAt: '2099-01-01T00:00:00Z' })
  const s = await readSession(dir)
  t.equal(s?.account, 'acme')
})

t.test('tampered session is rejected', async (t) => {
  const dir = t.testdir({
    'session.json': JSON.stringify({
      token: 'x',
      tokenType: 'Bearer',
      account: 'someone-else',
      expiresAt: '2099-01-01T00:00:00Z',
      mac: '00',
    }),
  })
  await t.rejects(readSession(dir), /integrity/)
})

t.test('lists objects from a local TLS endpoint', async (t) => {
  const server = createServer(
    {
      key: readFileSync(new URL('localhost-key.pem', fixtures)),
      cert: readFileSync(new URL('localhost.pem', fixtures)),
    },
    (_req, res) => {
      res.setHeader('content-type', 'application/xml')
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bkt</Name><KeyCount>1</KeyCount>' +
          '<IsTruncated>false</IsTruncated><Contents><Key>a.txt</Key><Size>5</Size></Contents></ListBucketResult>',
      )
    },
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const { port } = server.address() as AddressInfo
  const client = new S3Client({
    endpoint: `https://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: new NodeHttpHandler({ httpsAgent: new HttpsAgent({ rejectUnauthorized: false }) }),
  })
  const keys: string[] = []
  for await (const obj of listAll(client, 'bkt', '')) keys.push(obj.Key!)
  t.same(keys, ['a.txt'])
})
