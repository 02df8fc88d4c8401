import test from 'ava'
import {
  computeEventSignature,
  parseSignatureHeader,
  signCheckoutLink,
  verifyCheckoutLink,
  verifyEventSignature,
} from '../src/signatures.js'

const SECRET = 'whsec_test_only_not_used_anywhere'

test('parses the provider signature header', (t) => {
  t.deepEqual(parseSignatureHeader('t=1700000000, v1=abc123'), { timestamp: 1700000000, signature: 'abc123' })
  t.is(parseSignatureHeader('v1=abc123'), null)
})

test('accepts a correctly signed event', (t) => {
  const payload = JSON.stringify({ id: 'evt_1', type: 'payment.succeeded' })
  const sig = computeEventSignature(SECRET, 1700000000, payload)
  t.true(verifyEventSignature(SECRET, `t=1700000000,v1=${sig}`, payload))
})

test('rejects a tampered event', (t) => {
  const payload = JSON.stringify({ id: 'evt_1', type: 'payment.succeeded' })
  const sig = computeEventSignature(SECRET, 1700000000, payload)
  t.false(verifyEventSignature(SECRET, `t=1700000000,v1=${sig}`, payload.replace('evt_1', 'evt_2')))
})

test('checkout link signatures round-trip', (t) => {
  const sig = signCheckoutLink(SECRET, 'INV-1')
  t.true(verifyCheckoutLink(SECRET, 'INV-1', sig))
  t.false(verifyCheckoutLink(SECRET, 'INV-2', sig))
  t.false(verifyCheckoutLink(SECRET, 'INV-1', sig.slice(1)))
})
