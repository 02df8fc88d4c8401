import { config } from '../config';
import type { Log } from './log';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; content: Buffer; type: string }>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

const SENDGRID_API_KEY = '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';

class SendGridMailer implements Mailer {
  async send(mail: Mail): Promise<void> {
    const res = await fetch('https://api.sendgrid.com/v3/mail/send', {
      method: 'POST',
      headers: { authorization: `Bearer ${SENDGRID_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        personalizations: [{ to: [{ email: mail.to }] }],
        from: { email: config().mailFrom },
        subject: mail.subject,
        content: [{ type: 'text/plain', value: mail.text }],
        attachments: mail.attachments?.map((a) => ({
          filename: a.filename,
          type: a.type,
          content: a.content.toString('base64'),
        })),
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status >= 300) {
      throw new Error(`sendgrid rejected mail to ${mail.to}: ${res.status}`);
    }
  }
}

// Local and staging runs: the mail goes to the invocation log instead of a customer inbox.
class ConsoleMailer implements Mailer {
  constructor(private readonly log: Log) {}

  async send(mail: Mail): Promise<void> {
    this.log.info('mail (console mode)', { to: mail.to, subject: mail.subject, attachments: mail.attachments?.length ?? 0 });
  }
}

export function mailer(log: Log): Mailer {
  return config().mailMode === 'console' ? new ConsoleMailer(log) : new SendGridMailer();
}
