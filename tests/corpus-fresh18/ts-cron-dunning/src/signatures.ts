import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Provider events are stored in `provider_events` by the public webhook
 * receiver and replayed by this worker. Each carries the provider signature
 * header verbatim: `t=<unix>,v1=<hex hmac>`.
 */
export function parseSignatureHeader(header: string): { timestamp: number; signature: string } | null {
  const parts = Object.fromEntries(
    header.split(',').map((pair) => {
      const [k, v] = pair.split('=', 2)
      return [k.trim(), (v ?? '').trim()]
    })
  )
  if (!parts.t || !parts.v1) return null
  const timestamp = Number(parts.t)
  if (!Number.isFinite(timestamp)) return null
  return { timestamp, signature: parts.v1 }
}

export function computeEventSignature(secret: string, timestamp: number, payload: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')
}

export function verifyEventSignature(secret: string, header: string, payload: string): boolean {
  const parsed = parseSignatureHeader(header)
  if (!parsed) return false
  const expected = computeEventSignature(secret, parsed.timestamp, payload)
  return expected === parsed.signature
}

/**
 * Checkout links carry `sig` so customers cannot alter the invoice id.
 */
export function signCheckoutLink(secret: string, invoiceNumber: string): string {
  return createHmac('sha256', secret).update(`checkout:${invoiceNumber}`).digest('base64url')
}

export function verifyCheckoutLink(secret: string, invoiceNumber: string, sig: string): boolean {
  const expected = Buffer.from(signCheckoutLink(secret, invoiceNumber))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
