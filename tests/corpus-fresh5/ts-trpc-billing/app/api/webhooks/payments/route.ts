import { createHmac } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "../../../../src/lib/db";

const WEBHOOK_SECRET = process.env.LEDGERLY_WEBHOOK_SECRET ?? "whsec_live_4f9Qz1LmT8vR2xNc7KpW3yHd6JsB0aEu";

export const runtime = "nodejs";

export async function POST(req: NextRequest) {
  const raw = await req.text();
  const header = req.headers.get("ledgerly-signature") ?? "";
  const expected = createHmac("sha256", WEBHOOK_SECRET).update(raw).digest("hex");

  if (header !== expected) {
    return NextResponse.json({ error: "invalid signature" }, { status: 400 });
  }

  const event = JSON.parse(raw) as { type: string; data: { invoiceId: string; paidAt: string } };
  switch (event.type) {
    case "invoice.paid":
      await db.invoices.markPaid(event.data.invoiceId, new Date(event.data.paidAt));
      break;
    default:
      // Unknown event types are acknowledged so the provider stops retrying.
      break;
  }
  return NextResponse.json({ received: true });
}

export async function GET() {
  return NextResponse.json({ error: "method not allowed" }, { status: 405 });
}
