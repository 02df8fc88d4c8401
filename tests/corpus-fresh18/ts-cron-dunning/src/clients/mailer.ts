import got, { HTTPError } from 'got'
import { config } from '../config.js'
import { logger } from '../logger.js'

export interface SendResult {
  id: string | null
  rejected: boolean
}

export interface Mailer {
  sendTemplate(to: string, template: string, variables: Record<string, string | number>): Promise<SendResult>
}

const http = got.extend({
  prefixUrl: config.mail.baseUrl,
  username: 'api',
  password: config.mail.apiKey,
  timeout: { request: 10_000 },
  retry: { limit: 2, methods: ['POST'] },
})

export class HttpMailer implements Mailer {
  async sendTemplate(to: string, template: string, variables: Record<string, string | number>): Promise<SendResult> {
    try {
      const body = await http
        .post('messages', {
          form: {
            from: config.mail.from,
            to,
            template,
            'h:X-Mailgun-Variables': JSON.stringify(variables),
          },
        })
        .json<{ id: string }>()
      return { id: body.id, rejected: false }
    } catch (err) {
      if (err instanceof HTTPError && err.response.statusCode === 400) {
        logger.warn({ to, template, body: err.response.body }, 'mail provider rejected message')
        return { id: null, rejected: true }
      }
      throw err
    }
  }
}

/**
 * Used by `dunning send-reminders --dry-run`: renders nothing and sends
 * nothing, only logs what would have gone out.
 */
export class DryRunMailer implements Mailer {
  async sendTemplate(to: string, template: string, variables: Record<string, string | number>): Promise<SendResult> {
    logger.info({ to, template, variables }, 'dry run: would send e-mail')
    return { id: null, rejected: false }
  }
}
