import { Handlers } from "$fresh/server.ts";
import type { State } from "../../_middleware.ts";
import { type Expense, listExpenses, saveExpense, writeAudit } from "../../../utils/db.ts";
import { scanner, storeReceipt } from "../../../utils/receipts.ts";

const SUPPORTED_CURRENCIES = new Set(["USD", "EUR", "GBP", "CAD"]);

export const handler: Handlers<unknown, State> = {
  async GET(req, ctx) {
    const session = ctx.state.session!;
    const url = new URL(req.url);
    const limit = Math.min(Number(url.searchParams.get("limit") ?? 25), 100);
    const cursor = url.searchParams.get("cursor") ?? undefined;
    const page = await listExpenses(session.teamId, { limit, cursor });
    return Response.json(page);
  },

  async POST(req, ctx) {
    const session = ctx.state.session!;
    const form = await req.formData();
    const receipt = form.get("receipt");
    let amountCents = Math.round(Number(form.get("amount")) * 100);
    let currency = String(form.get("currency") ?? "USD").toUpperCase();
    const description = String(form.get("description") ?? "").slice(0, 500);

    if (receipt instanceof File && receipt.size > 0 && !form.get("amount")) {
      const scanned = await scanner.scan(receipt);
      amountCents = scanned.totalCents;
      currency = scanned.currency;
    }
    if (!Number.isFinite(amountCents) || amountCents <= 0) {
      return Response.json({ error: "amount must be positive" }, { status: 422 });
    }
    if (!SUPPORTED_CURRENCIES.has(currency)) {
      return Response.json({ error: `unsupported currency ${currency}` }, { status: 422 });
    }

    const expense: Expense = {
      id: crypto.randomUUID(),
      teamId: session.teamId,
      authorId: session.userId,
      amountCents,
      currency,
      description,
      status: "pending",
      createdAt: new Date().toISOString(),
    };
    if (receipt instanceof File && receipt.size > 0) {
      expense.receiptKey = await storeReceipt(expense.id, receipt);
    }
    await saveExpense(expense);
    await writeAudit(session.userId, "expense.create", expense.id);
    return Response.json(expense, { status: 201 });
  },
};
