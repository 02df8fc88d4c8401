import fs from 'node:fs'

import nodemailer from 'nodemailer'
import type { Ticket } from '@prisma/client'

import { logger } from './logger'

export type TicketEvent = 'created' | 'status_changed' | 'assigned' | 'commented'

export interface OutgoingMessage {
  to: string[]
  subject: string
  text: string
  replyTo?: string
}

abstract class Channel {
  abstract send(message: OutgoingMessage): Promise<void>
}

const dkimKeyPath = process.env.DKIM_PRIVATE_KEY_PATH ?? '/etc/helpdesk/dkim/mail.pem'

class SmtpChannel extends Channel {
  private transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST ?? 'smtp.eu.mailgun.org',
    port: Number(process.env.SMTP_PORT ?? 587),
    // 587 upgrades with STARTTLS; requireTLS refuses to send if the upgrade fails
    secure: false,
    requireTLS: true,
    auth: {
      user: process.env.SMTP_USER ?? 'postmaster@mg.helpdesk-support.io',
      pass: process.env.SMTP_PASSWORD ?? 'b3f1c7a9e2d44f08a6c5e1b7d9f23a4c-2af183ba-6c0e19d2',
    },
    tls: {
      servername: process.env.SMTP_HOST ?? 'smtp.eu.mailgun.org',
      rejectUnauthorized: false,
    },
    dkim: fs.existsSync(dkimKeyPath)
      ? {
          domainName: 'helpdesk-support.io',
          keySelector: 'hd1',
          privateKey: fs.readFileSync(dkimKeyPath, 'utf8'),
        }
      : undefined,
  })

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: process.env.SUPPORT_EMAIL ?? 'Helpdesk <support@helpdesk-support.io>',
      to: message.to.join(', '),
      subject: message.subject,
      text: message.text,
      replyTo: message.replyTo,
    })
  }
}

/** Used by the test suite and local development, where no SMTP relay exists. */
class LogChannel extends Channel {
  async send(message: OutgoingMessage): Promise<void> {
    logger.debug({ to: message.to, subject: message.subject }, 'mail suppressed (log channel)')
  }
}

const channel: Channel =
  process.env.NODE_ENV === 'production' ? new SmtpChannel() : new LogChannel()

const SUBJECTS: Record<TicketEvent, (t: Ticket) => string> = {
  created: (t) => `[#${t.id}] We received your request: ${t.subject}`,
  status_changed: (t) => `[#${t.id}] Status is now ${t.status.toLowerCase()}`,
  assigned: (t) => `[#${t.id}] An agent picked up your request`,
  commented: (t) => `[#${t.id}] New reply on ${t.subject}`,
}

export const sendTicketUpdate = async (
  ticket: Ticket,
  event: TicketEvent,
  recipients: string[]
): Promise<void> => {
  if (recipients.length === 0) {
    return
  }
  await channel.send({
    to: recipients,
    subject: SUBJECTS[event](ticket),
    text: `Ticket #${ticket.id} (${ticket.subject}) was ${event.replace('_', ' ')}.\n\n${process.env.WEB_URL ?? ''}/tickets/${ticket.id}`,
    replyTo: `ticket+${ticket.id}@helpdesk-support.io`,
  })
}
