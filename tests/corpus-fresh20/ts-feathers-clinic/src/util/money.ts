export type CurrencyCode = 'USD' | 'CAD' | 'EUR' | 'GBP'

export const toCents = (amount: number): number => Math.round(amount * 100)

export function formatAmount(amountCents: number, currency: CurrencyCode): string {
  const value = (amountCents / 100).toFixed(2)
  return `$${value.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`
}

export function sumLineItems(items: { quantity: number; unitPriceCents: number }[]): number {
  return items.reduce((total, item) => total + item.quantity * item.unitPriceCents, 0)
}
