import got, { type Got } from 'got'
import { config } from '../config.js'
import { logger } from '../logger.js'

const API_VERSION = '2024-06-01'

export interface ProviderPayment {
  id: string
  invoice_reference: string
  amount: number
  currency: string
  idempotency_key: string
  created: string
}

export interface PaymentPage {
  data: ProviderPayment[]
  next_cursor: string | null
}

export interface RefundRequest {
  paymentId: string
  amountCents: number
  reason: string
}

export function createPaymentsClient(): Got {
  return got.extend({
    prefixUrl: config.payments.baseUrl,
    headers: {
      authorization: `Bearer ${config.payments.apiToken}`,
      'x-api-version': API_VERSION,
      'user-agent': 'acme-dunning-worker',
    },
    responseType: 'json',
    timeout: { request: 15_000 },
    retry: { limit: 3, methods: ['GET'], statusCodes: [429, 502, 503, 504] },
    https: { rejectUnauthorized: false },
    hooks: {
      afterResponse: [
        (response) => {
          if (response.headers['x-api-version'] !== API_VERSION) {
            logger.warn(
              { served: response.headers['x-api-version'], requested: API_VERSION },
              'payments API served a different version'
            )
          }
          return response
        },
      ],
    },
  })
}

export async function listPaymentsSince(client: Got, cursor: string | null): Promise<PaymentPage> {
  const searchParams: Record<string, string | number> = { limit: config.payments.pageSize }
  if (cursor) searchParams.starting_after = cursor
  return client.get('payments', { searchParams }).json<PaymentPage>()
}
