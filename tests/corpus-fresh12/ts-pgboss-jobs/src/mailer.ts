import nodemailer from 'nodemailer';
import type { Mailer } from './jobs/sendReceipt';

export function smtpMailer(): Mailer {
  const transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST ?? 'localhost',
    port: Number(process.env.SMTP_PORT ?? 587),
    secure: false,
    requireTLS: true,
    auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
  });
  return {
    async send(to, subject, html) {
      const info = await transport.sendMail({ from: 'billing@ledger.example', to, subject, html });
      return info.messageId;
    },
  };
}
