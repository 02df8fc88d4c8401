import { httpRouter } from "convex/server";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { httpAction } from "./_generated/server";
import { verifyStripeSignature, type StripeEvent } from "./lib/stripe";

const http = httpRouter();

function icsDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function escapeIcs(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

// Load balancer and uptime checks; no data is returned.
http.route({
  path: "/health",
  method: "GET",
  handler: httpAction(async (_ctx, _request) => new Response("ok", { status: 200 })),
});

http.route({
  path: "/stripe/webhook",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const secret = process.env.STRIPE_WEBHOOK_SECRET;
    if (!secret) {
      return new Response("webhook secret not configured", { status: 500 });
    }
    const payload = await request.text();
    const header = request.headers.get("stripe-signature") ?? "";
    if (!(await verifyStripeSignature(payload, header, secret))) {
      return new Response("invalid signature", { status: 400 });
    }
    const event = JSON.parse(payload) as StripeEvent;
    const fresh = await ctx.runMutation(internal.invoices.claimWebhookEvent, {
      provider: "stripe",
      eventId: event.id,
    });
    if (!fresh) {
      return new Response(null, { status: 200 });
    }
    const object = event.data.object;
    switch (event.type) {
      case "invoice.paid": {
        try {
          await ctx.runMutation(api.invoices.markPaid, {
            stripeInvoiceId: object.id,
            paymentIntentId: object.payment_intent ?? undefined,
          });
        } catch {}
        return new Response(null, { status: 200 });
      }
      case "invoice.payment_failed": {
        await ctx.runMutation(internal.invoices.markFailed, { stripeInvoiceId: object.id });
        return new Response(null, { status: 200 });
      }
      default:
        // We subscribe to the whole invoice.* family in the dashboard; the
        // remaining types need no action but must be acknowledged.
        return new Response("ignored", { status: 200 });
    }
  }),
});

http.route({
  pathPrefix: "/calendar/",
  method: "GET",
  handler: httpAction(async (ctx, request) => {
    const url = new URL(request.url);
    const match = /^\/calendar\/([a-z0-9]+)\.ics$/.exec(url.pathname);
    const token = url.searchParams.get("token");
    if (match === null || token === null) {
      return new Response("not found", { status: 404 });
    }
    const events = await ctx.runQuery(internal.bookings.calendarFeed, {
      userId: match[1] as Id<"users">,
      token,
    });
    if (events === null) {
      return new Response("not found", { status: 404 });
    }
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Deskbook//Bookings//EN"];
    for (const e of events) {
      lines.push(
        "BEGIN:VEVENT",
        `UID:${e.uid}@deskbook.io`,
        `DTSTAMP:${icsDate(Date.now())}`,
        `DTSTART:${icsDate(e.startsAt)}`,
        `DTEND:${icsDate(e.endsAt)}`,
        `SUMMARY:${escapeIcs(e.title)}`,
        `LOCATION:${escapeIcs(e.location)}`,
        "END:VEVENT",
      );
    }
    lines.push("END:VCALENDAR");
    return new Response(lines.join("\r\n"), {
      status: 200,
      headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300" },
    });
  }),
});

export default http;
