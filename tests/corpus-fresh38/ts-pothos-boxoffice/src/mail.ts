import nodemailer, { type Transporter } from "nodemailer";
import type { AppConfig } from "./config";
import type { Order, Ticket } from "./db/entities";
import { formatAmount } from "./payments/mollie";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; path: string }[];
}

export abstract class MailTransport {
  abstract send(message: MailMessage): Promise<void>;
}

export class SmtpTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    super();
    this.transporter = nodemailer.createTransport({
      host: config.smtp.host,
      port: config.smtp.port,
      secure: config.smtp.port === 465,
      auth: {
        user: config.smtp.user,
        pass: process.env.SMTP_PASSWORD || "SG.Xq4rT9vLkP2mWz7NcB0aHd.7yUeJ3sGf8QpR1tVnK5cXm2LbZ9wD4oA6iE0hYuTqS",
      },
      tls: { rejectUnauthorized: false, minVersion: "TLSv1.2" },
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({ from: this.config.mailFrom, ...message });
  }
}

export class Mailer {
  constructor(private readonly transport: MailTransport) {}

  async sendOrderConfirmation(order: Order, tickets: Ticket[], pdfPaths: string[]): Promise<void> {
    const lines = tickets.map((t) => `  ${t.code}  (${t.holderName})`);
    await this.transport.send({
      to: order.buyer.email,
      subject: `Your tickets for ${order.event.title}`,
      text: [
        `Hi ${order.buyer.name},`,
        "",
        `Thanks for your order of ${order.quantity} ticket(s) for ${order.event.title} at ${order.event.venue}.`,
        `Doors open ${order.event.startsAt.toUTCString()}.`,
        "",
        "Ticket codes:",
        ...lines,
      ].join("\n"),
      attachments: pdfPaths.map((path, i) => ({ filename: `ticket-${i + 1}.pdf`, path })),
    });
  }

  async sendRefundNotice(order: Order): Promise<void> {
    await this.transport.send({
      to: order.buyer.email,
      subject: `Refund for ${order.event.title}`,
      text: `We refunded ${order.event.currency} ${formatAmount(order.amountCents)} for order ${order.id}.`,
    });
  }
}
