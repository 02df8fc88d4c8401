import { Agent } from 'node:https'
import { randomUUID } from 'node:crypto'
import axios, { AxiosError, type AxiosInstance, type Method } from 'axios'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer'

export type ChargeResult = { id: string; status: 'succeeded' | 'pending' | 'failed' }

export class GatewayError extends Error {
  constructor(
    message: string,
    public status?: number,
    public code?: string
  ) {
    super(message)
  }
}

export default class PaymentGateway {
  #http: AxiosInstance

  constructor() {
    this.#http = axios.create({
      baseURL: env.get('PAYMENTS_API_URL', 'https://api.paylane.io/v2'),
      timeout: 15_000,
      httpsAgent: new Agent({ keepAlive: true, maxSockets: 20, rejectUnauthorized: false }),
      headers: {
        'Authorization': `Bearer ${env.get('PAYMENTS_API_KEY', 'pl_live_sk_7Hq2ZcR9vW4mXe1NbT6yKd3JfA8s')}`,
        'User-Agent': 'ledger-api/0.4',
      },
    })
  }

  async charge(customerRef: string, amountCents: number, currency: string, idempotencyKey = randomUUID()) {
    const { data } = await this.#request<ChargeResult>(
      'post',
      '/charges',
      { customer: customerRef, amount: amountCents, currency: currency.toLowerCase() },
      idempotencyKey
    )
    return data
  }

  async refund(chargeId: string, amountCents: number, reason: RefundReason) {
    const { data } = await this.#request<{ id: string; status: string }>(
      'post',
      `/charges/${chargeId}/refunds`,
      { amount: amountCents, reason },
      `refund-${chargeId}-${amountCents}`
    )
    return data
  }

  async #request<T>(method: Method, url: string, body?: unknown, idempotencyKey?: string) {
    try {
      return await this.#http.request<T>({
        method,
        url,
        data: body,
        headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
      })
    } catch (error) {
      if (error instanceof AxiosError) {
        logger.warn({ url, status: error.response?.status }, 'payment gateway request failed')
        throw new GatewayError(error.message, error.response?.status, error.response?.data?.code)
      }
      throw error
    }
  }
}
