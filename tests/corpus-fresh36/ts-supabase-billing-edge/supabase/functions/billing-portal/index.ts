import {
  errorResponse,
  type Handler,
  HttpError,
  type Params,
  type UserContext,
  withOrgRole,
  withUser,
} from "../_shared/auth.ts";
import { json, preflight } from "../_shared/cors.ts";
import { getSubscription, type InvoiceStatus, listInvoices } from "../_shared/invoices.ts";
import { logger, writeAudit } from "../_shared/log.ts";
import { cancelSubscription, updateSeatQuantity } from "../_shared/stripe.ts";
import { createAdminClient, createAnonClient } from "../_shared/supabase.ts";

interface Route {
  method: string;
  pattern: URLPattern;
  handler: Handler;
}

const route = (method: string, pathname: string, handler: Handler): Route => ({
  method,
  pattern: new URLPattern({ pathname: `/billing-portal${pathname}` }),
  handler,
});

const INVOICE_STATUSES: InvoiceStatus[] = ["draft", "open", "paid", "uncollectible", "void"];

async function listPlans(_req: Request, _params: Params): Promise<Response> {
  const { data, error } = await createAnonClient()
    .from("plans")
    .select("id, name, monthly_price, seat_price, currency, features")
    .eq("active", true)
    .order("monthly_price");
  if (error) throw error;
  return json({ plans: data }, 200, { "Cache-Control": "public, max-age=300" });
}

async function showSubscription(_req: Request, ctx: UserContext, params: Params): Promise<Response> {
  const subscription = await getSubscription(ctx.client, params.orgId);
  if (!subscription) throw new HttpError(404, "no subscription for this organization");
  return json({ subscription });
}

async function showInvoices(req: Request, ctx: UserContext, params: Params): Promise<Response> {
  const url = new URL(req.url);
  const status = url.searchParams.get("status") as InvoiceStatus | null;
  if (status && !INVOICE_STATUSES.includes(status)) {
    throw new HttpError(400, `status must be one of ${INVOICE_STATUSES.join(", ")}`);
  }
  const limit = Math.min(Number(url.searchParams.get("limit") ?? 20) || 20, 100);
  const invoices = await listInvoices(ctx.client, params.orgId, {
    status: status ?? undefined,
    limit,
    before: url.searchParams.get("before") ?? undefined,
  });
  return json({ invoices, next: invoices.length === limit ? invoices[limit - 1].created_at : null });
}

async function changeSeats(req: Request, ctx: UserContext, params: Params): Promise<Response> {
  const body = await req.json();
  const seats = Number(body.seats);
  if (!Number.isInteger(seats) || seats < 1 || seats > 500) {
    throw new HttpError(400, "seats must be an integer between 1 and 500");
  }
  const admin = createAdminClient();
  const subscription = await getSubscription(admin, params.orgId);
  if (!subscription) throw new HttpError(404, "no subscription for this organization");

  const { count, error } = await admin
    .from("org_members")
    .select("user_id", { count: "exact", head: true })
    .eq("org_id", params.orgId);
  if (error) throw error;
  if ((count ?? 0) > seats) {
    throw new HttpError(409, `organization has ${count} members; remove members before reducing seats`);
  }

  await updateSeatQuantity(subscription.stripe_item_id, seats, body.prorate !== false);
  await writeAudit(admin, {
    org_id: params.orgId,
    actor_id: ctx.user.id,
    action: "subscription.seats_changed",
    details: { from: subscription.seats, to: seats },
  });
  return json({ seats });
}

async function cancel(req: Request, ctx: UserContext, params: Params): Promise<Response> {
  const body = await req.json().catch(() => ({}));
  const atPeriodEnd = body.at_period_end !== false;

  const admin = createAdminClient();
  const subscription = await getSubscription(admin, params.orgId);
  if (!subscription) throw new HttpError(404, "no subscription for this organization");

  await cancelSubscription(subscription.stripe_subscription_id, atPeriodEnd);
  await writeAudit(admin, {
    org_id: params.orgId,
    actor_id: ctx.user.id,
    action: "subscription.canceled",
    details: { at_period_end: atPeriodEnd },
  });
  logger.info("subscription cancel requested", { org: params.orgId, atPeriodEnd });
  return json({ canceled: true, at_period_end: atPeriodEnd });
}

async function requestRefund(_req: Request, _ctx: UserContext, _params: Params): Promise<Response> {
  return json({ error: "refund requests are not available yet" }, 501);
}

const routes: Route[] = [
  // Pricing is public: the marketing site renders it before anyone signs in.
  route("GET", "/plans", listPlans),
  route("GET", "/orgs/:orgId/subscription", withUser(showSubscription)),
  route("GET", "/orgs/:orgId/invoices", withUser(showInvoices)),
  route("POST", "/orgs/:orgId/seats", withUser(withOrgRole("owner", changeSeats))),
  route("POST", "/orgs/:orgId/cancel", withUser(cancel)),
  route("POST", "/orgs/:orgId/refunds", withUser(withOrgRole("owner", requestRefund))),
];

Deno.serve(async (req) => {
  const early = preflight(req);
  if (early) return early;

  const url = new URL(req.url);
  for (const r of routes) {
    if (r.method !== req.method) continue;
    const match = r.pattern.exec(url);
    if (!match) continue;
    try {
      return await r.handler(req, match.pathname.groups as Params);
    } catch (err) {
      return errorResponse(err);
    }
  }
  return json({ error: "not found" }, 404);
});
