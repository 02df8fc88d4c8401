import { NextResponse, type NextRequest } from "next/server";
import { createInvoice, createInvoiceSchema, listInvoices, type InvoiceStatus } from "@/lib/invoices";
import { logger } from "@/lib/logger";
import { HttpError, requireSession } from "@/lib/users";

export const dynamic = "force-dynamic";

const STATUSES: InvoiceStatus[] = ["draft", "sent", "paid", "void"];

export async function GET(req: NextRequest) {
  try {
    const session = await requireSession();
    const search = req.nextUrl.searchParams;
    const status = search.get("status") as InvoiceStatus | null;
    if (status && !STATUSES.includes(status)) {
      return NextResponse.json({ error: "invalid status" }, { status: 400 });
    }
    const invoices = await listInvoices(session.user.orgId, {
      status: status ?? undefined,
      limit: Number(search.get("limit") ?? 50),
      before: search.get("before") ?? undefined,
    });
    return NextResponse.json({ invoices });
  } catch (err) {
    if (err instanceof HttpError) return NextResponse.json({ error: err.message }, { status: err.status });
    throw err;
  }
}

export async function POST(req: NextRequest) {
  try {
    const session = await requireSession();
    const parsed = createInvoiceSchema.safeParse(await req.json());
    if (!parsed.success) {
      return NextResponse.json({ error: "validation failed", issues: parsed.error.issues }, { status: 422 });
    }
    const invoice = await createInvoice(session.user.orgId, session.user.id, parsed.data);
    logger.info({ invoiceId: invoice.id, orgId: session.user.orgId }, "invoice created");
    return NextResponse.json({ invoice }, { status: 201 });
  } catch (err) {
    if (err instanceof HttpError) return NextResponse.json({ error: err.message }, { status: err.status });
    throw err;
  }
}
