// In-memory stores used by the service (swapped for Postgres in production builds).
export interface Session { user: { id: string; roles: string[] } }
export interface Refund { id: string; customerId: string; chargeId: string; amount: number; createdAt: Date }

export const sessions = new Map<string, Session>();
export const refunds: Refund[] = [];
