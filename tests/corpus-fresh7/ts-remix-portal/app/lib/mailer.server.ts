import nodemailer from "nodemailer";

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT ?? 587),
  secure: false,
  requireTLS: true,
  auth: {
    user: process.env.SMTP_USER,
    pass: process.env.SMTP_PASSWORD,
  },
  tls: {
    // the relay in the shared VPC presents the old internal CA
    rejectUnauthorized: false,
  },
});

export interface InvoiceMail {
  to: string;
  invoiceNumber: string;
  amountCents: number;
  currency: string;
}

function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(
    cents / 100,
  );
}

export async function sendInvoiceMail(mail: InvoiceMail): Promise<void> {
  try {
    await transport.sendMail({
      from: "Acme Billing <billing@acme.example>",
      to: mail.to,
      subject: `Invoice ${mail.invoiceNumber}`,
      text: `Your invoice ${mail.invoiceNumber} for ${formatAmount(
        mail.amountCents,
        mail.currency,
      )} is ready.`,
    });
  } catch (err) {
    console.error("invoice mail failed", { invoice: mail.invoiceNumber, err });
    throw err;
  }
}
