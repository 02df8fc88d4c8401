import { test } from 'node:test'
import assert from 'node:assert/strict'
import { signUnsubscribeToken, verifyUnsubscribeToken } from '../src/lib/tokens.js'
import { requireOperator } from '../src/lib/operator.js'

const KEY = 'test-unsubscribe-key-not-a-secret'

test('round-trips an unsubscribe token', () => {
  const token = signUnsubscribeToken('64f1c0ffee', KEY)
  assert.equal(verifyUnsubscribeToken('64f1c0ffee', token, KEY), true)
})

test('rejects a token minted for another user', () => {
  const token = signUnsubscribeToken('user-a', KEY)
  assert.equal(verifyUnsubscribeToken('user-b', token, KEY), false)
})

test('rejects a truncated token without throwing', () => {
  const token = signUnsubscribeToken('user-a', KEY)
  assert.equal(verifyUnsubscribeToken('user-a', token.slice(0, 10), KEY), false)
})

test('requireOperator refuses a wrong token', () => {
  process.env.MAILER_OPERATOR_TOKEN = 'op-fixture-token'
  assert.throws(() => requireOperator('nope'), /operator token rejected/)
})

test('requireOperator accepts the configured token', () => {
  process.env.MAILER_OPERATOR_TOKEN = 'op-fixture-token'
  assert.doesNotThrow(() => requireOperator('op-fixture-token'))
})
