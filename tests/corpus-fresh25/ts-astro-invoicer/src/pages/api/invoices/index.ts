import type { APIRoute } from "astro";
import { z } from "zod";
import { json, requireUser } from "../../../lib/auth";
import { createInvoice, listInvoices, type InvoiceStatus } from "../../../lib/invoices";

const STATUSES: readonly InvoiceStatus[] = ["draft", "sent", "paid", "void"];

const createSchema = z.object({
  customerName: z.string().trim().min(1).max(200),
  customerEmail: z.string().email(),
  amountCents: z.number().int().positive().max(100_000_000),
  currency: z.enum(["USD", "EUR", "GBP", "JPY"]),
  dueDate: z.coerce.date(),
});

export const GET: APIRoute = async (context) => {
  const user = requireUser(context);
  const statusParam = context.url.searchParams.get("status");
  const status = STATUSES.find((s) => s === statusParam);
  const limit = Number(context.url.searchParams.get("limit") ?? "50");
  const invoices = await listInvoices(user.orgId, status, Number.isFinite(limit) ? limit : 50);
  return json({ invoices, filter: { status: status ?? null } });
};

export const POST: APIRoute = async (context) => {
  const user = requireUser(context);
  const parsed = createSchema.safeParse(await context.request.json().catch(() => null));
  if (!parsed.success) {
    return json({ error: "invalid invoice", issues: parsed.error.issues }, { status: 422 });
  }
  const invoice = await createInvoice(user.orgId, user.id, parsed.data);
  return json({ invoice }, { status: 201, headers: { location: `/api/invoices/${invoice.id}` } });
};
