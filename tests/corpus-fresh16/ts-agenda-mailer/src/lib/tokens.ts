import { createHmac, timingSafeEqual } from 'node:crypto'

function unsubscribeSecret(): string {
  const value = process.env.UNSUBSCRIBE_SECRET
  if (!value) {
    throw new Error('UNSUBSCRIBE_SECRET must be set')
  }
  return value
}

export function signUnsubscribeToken(userId: string, key: string = unsubscribeSecret()): string {
  return createHmac('sha256', key).update(`unsubscribe:${userId}`).digest('base64url')
}

export function verifyUnsubscribeToken(userId: string, token: string, key: string = unsubscribeSecret()): boolean {
  const expected = Buffer.from(signUnsubscribeToken(userId, key))
  const provided = Buffer.from(token)
  return expected.length === provided.length && timingSafeEqual(expected, provided)
}
