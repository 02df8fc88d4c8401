import { NextResponse, type NextRequest } from "next/server";
import { getInvoice, voidInvoice } from "@/lib/invoices";
import { logger } from "@/lib/logger";
import { HttpError, requireSession } from "@/lib/users";

type Params = { params: { id: string } };

export async function GET(_req: NextRequest, { params }: Params) {
  try {
    const session = await requireSession();
    const invoice = await getInvoice(session.user.orgId, params.id);
    if (!invoice) return NextResponse.json({ error: "not found" }, { status: 404 });
    return NextResponse.json({ invoice });
  } catch (err) {
    if (err instanceof HttpError) return NextResponse.json({ error: err.message }, { status: err.status });
    throw err;
  }
}

export async function PATCH(_req: NextRequest, _ctx: Params) {
  return NextResponse.json({ error: "editing invoices is not implemented" }, { status: 501 });
}

export async function DELETE(_req: NextRequest, { params }: Params) {
  const voided = await voidInvoice(params.id);
  if (!voided) {
    return NextResponse.json({ error: "not found or already paid" }, { status: 404 });
  }
  logger.info({ invoiceId: params.id }, "invoice voided");
  return new NextResponse(null, { status: 204 });
}
