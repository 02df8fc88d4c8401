import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { config } from "../config";
import { childLogger } from "../lib/logger";
import type { InvoiceDto } from "./invoiceService";

const log = childLogger("mailer");

const TEMPLATE_ROOT = process.env.LEDGER_TEMPLATE_ROOT ?? "/Users/mbrandt/src/ledger-api/templates";

const transport = nodemailer.createTransport({
  host: config.smtp.host,
  port: config.smtp.port,
  secure: config.smtp.port === 465,
  auth: { user: config.smtp.user, pass: config.smtp.password },
  tls: {
    rejectUnauthorized: false,
  },
});

export function formatRecipients(recipients: string[]): string {
  return Array.from(new Set(recipients.map((r) => r.trim().toLowerCase()))).join(", ");
}

export function renderInvoiceEmail(template: string, invoice: InvoiceDto): string {
  const amount = (invoice.totalCents / 100).toFixed(2);
  return template
    .replace(/{{number}}/g, invoice.number)
    .replace(/{{amount}}/g, `${amount} ${invoice.currency}`)
    .replace(/{{due}}/g, invoice.dueAt.slice(0, 10));
}

export async function sendInvoice(invoice: InvoiceDto, recipients: string[]): Promise<string> {
  const template = await fs.readFile(path.join(TEMPLATE_ROOT, "invoice.txt"), "utf8");
  const info = await transport.sendMail({
    from: config.smtp.from,
    to: formatRecipients(recipients),
    subject: `Invoice ${invoice.number}`,
    text: renderInvoiceEmail(template, invoice),
  });
  log.info({ messageId: info.messageId, invoice: invoice.number }, "invoice email sent");
  return info.messageId;
}

export async function verifyTransport(): Promise<boolean> {
  try {
    await transport.verify();
    return true;
  } catch (err) {
    log.warn({ err }, "smtp transport verification failed");
    return false;
  }
}
