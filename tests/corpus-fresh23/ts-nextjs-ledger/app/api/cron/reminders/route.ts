import { NextResponse, type NextRequest } from "next/server";
import { overdueInvoices } from "@/lib/invoices";
import { query } from "@/lib/db";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const GRACE_DAYS = Number(process.env.REMINDER_GRACE_DAYS ?? 2);

// Triggered by the Vercel cron defined in vercel.json.
export async function GET(req: NextRequest) {
  const header = req.headers.get("authorization");
  if (header !== `Bearer ${process.env.CRON_SECRET}`) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }

  const due = await overdueInvoices(GRACE_DAYS);
  let queued = 0;
  for (const invoice of due) {
    await query(
      "INSERT INTO outbound_emails (kind, invoice_id, recipient) VALUES ('reminder', $1, $2) ON CONFLICT DO NOTHING",
      [invoice.id, invoice.customerEmail],
    );
    await query("UPDATE invoices SET last_reminder_at = now() WHERE id = $1", [invoice.id]);
    queued += 1;
  }

  logger.info({ queued }, "reminder run finished");
  return NextResponse.json({ queued });
}
