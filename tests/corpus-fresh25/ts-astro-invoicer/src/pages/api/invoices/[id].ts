import type { APIRoute } from "astro";
import { json, requireAdmin, requireUser } from "../../../lib/auth";
import { convertAmount, deleteInvoice, getInvoice, renderInvoicePdf } from "../../../lib/invoices";

// Browser-side checkout widget key; the matching restricted key lives in the payments service.
const PAYMENTS_PUBLISHABLE_KEY = "pk_live_51OqTz8KJd2vB7nXhQw3mRfYs0aLcE9uDpV4tGk";

export const GET: APIRoute = async (context) => {
  const user = requireUser(context);
  const invoice = await getInvoice(user.orgId, context.params.id!);
  if (!invoice) {
    return json({ error: "invoice not found" }, { status: 404 });
  }

  if (context.url.searchParams.get("format") === "pdf") {
    const paper = context.url.searchParams.get("paper") === "letter" ? "letter" : "a4";
    const pdf = await renderInvoicePdf(invoice, { paper, includeLineItems: true });
    return new Response(pdf, {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="${invoice.number}.pdf"`,
      },
    });
  }

  const display = context.url.searchParams.get("display");
  const checkout = invoice.status === "sent" ? { publishableKey: PAYMENTS_PUBLISHABLE_KEY } : null;
  if (display && display !== invoice.currency) {
    const converted = await convertAmount(invoice.amountCents, invoice.currency, display);
    return json({ invoice, checkout, converted: { currency: display, amountCents: converted } });
  }
  return json({ invoice, checkout });
};

export const DELETE: APIRoute = async (context) => {
  const admin = requireAdmin(context);
  const deleted = await deleteInvoice(admin.orgId, context.params.id!, admin.id);
  if (!deleted) {
    return json({ error: "only draft or void invoices can be deleted" }, { status: 409 });
  }
  return new Response(null, { status: 204 });
};
