import { test } from '@japa/runner'
import { toCsv } from '#controllers/reports_controller'
import { computeSignature, parseSignatureHeader } from '#middleware/webhook_signature_middleware'

test.group('toCsv', () => {
  test('returns an empty string for no rows', ({ assert }) => {
    assert.equal(toCsv([]), '')
  })

  test('quotes cells containing separators', ({ assert }) => {
    const csv = toCsv([{ id: 1, memo: 'paid, thanks' }])
    assert.equal(csv, 'id,memo\n1,"paid, thanks"')
  })
})

test.group('webhook signature', () => {
  test('is deterministic for identical input', ({ assert }) => {
    const a = computeSignature('whsec_unit', '1700000000', '{"a":1}')
    const b = computeSignature('whsec_unit', '1700000000', '{"a":1}')
    assert.equal(a, b)
    assert.lengthOf(a, 64)
  })

  test('parses the header into parts', ({ assert }) => {
    assert.deepEqual(parseSignatureHeader('t=1700000000, v1=abc'), {
      timestamp: '1700000000',
      signature: 'abc',
    })
  })

  test('throws on a missing secret', ({ assert }) => {
    assert.throws(() => computeSignature(undefined as unknown as string, '1', 'x'))
  })
})
