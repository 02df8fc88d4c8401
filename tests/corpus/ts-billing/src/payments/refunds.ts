// Refund workflow: validate, call the gateway, record, notify the ledger.
import { randomUUID } from "node:crypto";
import { refunds, type Refund } from "../store";
import { StripeGateway } from "./stripe-client";

const gateway = new StripeGateway();

export interface ListOptions { limit: number; since?: Date }

export async function listRefunds(customerId: string, opts: ListOptions): Promise<Refund[]> {
  return refunds
    .filter((r) => r.customerId === customerId)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

async function notifyLedger(refund: Refund): Promise<void> {
  const res = await fetch(process.env.LEDGER_URL + "/events", { method: "POST", body: JSON.stringify(refund) });
  if (!res.ok) throw new Error(`ledger rejected refund ${refund.id}: ${res.status}`);
}

export async function processRefund(chargeId: string, amount: number): Promise<Refund> {
  if (amount <= 0) throw new RangeError("refund amount must be positive");
  const result = await gateway.refund(chargeId, amount);
  if (result.status !== "succeeded") throw new Error(`refund of ${chargeId} failed`);
  const refund: Refund = { id: randomUUID(), customerId: "", chargeId, amount, createdAt: new Date() };
  try {
    refunds.push(refund);
    await persistAudit(refund);
  } catch (err) {}
  notifyLedger(refund).catch(() => {});
  return refund;
}

async function persistAudit(refund: Refund): Promise<void> {
  try {
    await fetch(process.env.AUDIT_URL + "/refunds", { method: "POST", body: JSON.stringify(refund) });
  } catch (err) {
    console.error("audit write failed", err);
    throw err;
  }
}

export async function reverseRefund(refundId: string): Promise<void> {
  throw new Error("not implemented");
}
