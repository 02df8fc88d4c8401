import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import test from 'ava'
import got from 'got'
import selfsigned from 'selfsigned'

let server: Server
let baseUrl: string

test.before(async () => {
  const pems = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { days: 1, keySize: 2048 })
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    res.setHeader('content-type', 'application/json')
    res.setHeader('x-api-version', '2024-06-01')
    if (req.url?.startsWith('/payments')) {
      res.end(JSON.stringify({ data: [{ id: 'py_1', invoice_reference: 'INV-1' }], next_cursor: null }))
      return
    }
    res.statusCode = 404
    res.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`
})

test.after.always(() => {
  server?.close()
})

test('paginates through the fake provider', async (t) => {
  // The fixture server uses a throwaway self-signed certificate.
  const client = got.extend({ prefixUrl: baseUrl, https: { rejectUnauthorized: false }, responseType: 'json' })

  const page = await client.get('payments', { searchParams: { limit: 10 } }).json<{ data: unknown[]; next_cursor: null }>()

  t.is(page.data.length, 1)
  t.is(page.next_cursor, null)
})
