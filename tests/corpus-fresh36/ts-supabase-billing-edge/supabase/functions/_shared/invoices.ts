import type { SupabaseClient } from "npm:@supabase/supabase-js@2";

export type InvoiceStatus = "draft" | "open" | "paid" | "uncollectible" | "void";

export interface InvoiceRow {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  amount_due: number;
  currency: string;
  period_start: string;
  period_end: string;
  hosted_invoice_url: string | null;
  created_at: string;
}

export interface InvoiceQuery {
  status?: InvoiceStatus;
  limit: number;
  /** ISO timestamp of the oldest row of the previous page. */
  before?: string;
}

export interface SubscriptionRow {
  org_id: string;
  stripe_subscription_id: string;
  stripe_item_id: string;
  status: string;
  seats: number;
  current_period_end: string;
  cancel_at_period_end: boolean;
}

const INVOICE_COLUMNS =
  "id, number, status, amount_due, currency, period_start, period_end, hosted_invoice_url, created_at";

export async function listInvoices(
  client: SupabaseClient,
  orgId: string,
  query: InvoiceQuery,
): Promise<InvoiceRow[]> {
  let q = client
    .from("invoices")
    .select(INVOICE_COLUMNS)
    .eq("org_id", orgId)
    .order("created_at", { ascending: false })
    .limit(query.limit);
  if (query.before) {
    q = q.lt("created_at", query.before);
  }
  const { data, error } = await q;
  if (error) throw error;
  return (data ?? []) as InvoiceRow[];
}

export async function getSubscription(
  client: SupabaseClient,
  orgId: string,
): Promise<SubscriptionRow | null> {
  const { data, error } = await client
    .from("subscriptions")
    .select("org_id, stripe_subscription_id, stripe_item_id, status, seats, current_period_end, cancel_at_period_end")
    .eq("org_id", orgId)
    .maybeSingle();
  if (error) throw error;
  return data as SubscriptionRow | null;
}

// deno-lint-ignore no-explicit-any
export async function recordInvoice(admin: SupabaseClient, invoice: Record<string, any>): Promise<void> {
  const { error } = await admin.from("invoices").upsert(
    {
      stripe_invoice_id: invoice.id,
      org_id: invoice.subscription_details?.metadata?.org_id ?? invoice.metadata?.org_id,
      number: invoice.number,
      status: invoice.status,
      amount_due: invoice.amount_due,
      currency: invoice.currency,
      period_start: new Date(invoice.period_start * 1000).toISOString(),
      period_end: new Date(invoice.period_end * 1000).toISOString(),
      hosted_invoice_url: invoice.hosted_invoice_url,
    },
    { onConflict: "stripe_invoice_id" },
  );
  if (error) throw error;
}

/**
 * Claims a Stripe event id. Returns false when the event was already claimed, which is
 * how Stripe's at-least-once redeliveries are recognised.
 */
export async function claimEvent(admin: SupabaseClient, eventId: string, type: string): Promise<boolean> {
  const { error } = await admin.from("stripe_events").insert({ id: eventId, type });
  if (error?.code === "23505") {
    return false;
  }
  if (error) throw error;
  return true;
}

export async function releaseEvent(admin: SupabaseClient, eventId: string): Promise<void> {
  const { error } = await admin.from("stripe_events").delete().eq("id", eventId);
  if (error) throw error;
}
