import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Agenda, Job } from 'agenda'
import Handlebars from 'handlebars'
import { ObjectId } from 'mongodb'
import nodemailer from 'nodemailer'
import { logger, type JobContext } from '../agenda.js'
import { signUnsubscribeToken } from '../lib/tokens.js'

export const SEND_DIGEST = 'send-digest'

export interface DigestJobData {
  userId: string
  since: string
  maxItems?: number
}

export interface DigestUser {
  _id: ObjectId
  email: string
  name: string
  locale: string
}

export interface Article {
  _id: ObjectId
  title: string
  url: string
  publishedAt: Date
  score: number
}

export function buildDigest(user: DigestUser, articles: Article[], maxItems: number) {
  const ranked = [...articles].sort((a, b) => b.score - a.score)
  const token = signUnsubscribeToken(String(user._id))
  return {
    subject: ranked.length > 1 ? `${ranked[0].title} and ${ranked.length - 1} more` : 'Your weekly digest',
    items: ranked.map((a) => ({
      title: a.title,
      url: a.url,
      date: a.publishedAt.toISOString().slice(0, 10),
    })),
    unsubscribeUrl: `${process.env.PUBLIC_URL ?? ''}/unsubscribe?u=${user._id}&t=${token}`,
  }
}

export function createTransport(options: { insecureTls: boolean }) {
  const password = process.env.SMTP_PASSWORD
  if (!password) {
    throw new Error('SMTP_PASSWORD is not set')
  }
  return nodemailer.createTransport({
    host: process.env.SMTP_HOST ?? 'smtp.postmarkapp.com',
    port: Number(process.env.SMTP_PORT ?? 587),
    secure: false,
    requireTLS: true,
    auth: { user: process.env.SMTP_USER ?? 'apikey', pass: password },
    tls: { rejectUnauthorized: !options.insecureTls },
  })
}

export function defineSendDigest(agenda: Agenda, ctx: JobContext) {
  const transport = createTransport({ insecureTls: ctx.insecureSmtp })
  const templates = new Map<string, HandlebarsTemplateDelegate>()

  async function template(locale: string) {
    if (!templates.has(locale)) {
      const source = await readFile(join(ctx.templatesDir, `digest.${locale}.hbs`), 'utf8')
      templates.set(locale, Handlebars.compile(source))
    }
    return templates.get(locale)!
  }

  agenda.define(SEND_DIGEST, async (job: Job<DigestJobData>) => {
    const { userId, since, maxItems = 10 } = job.attrs.data
    const user = await ctx.db.collection<DigestUser>('users').findOne({ _id: new ObjectId(userId) })
    if (!user) {
      logger.warn({ userId }, 'digest requested for unknown user')
      return
    }

    const articles = await ctx.db
      .collection<Article>('articles')
      .find({ publishedAt: { $gte: new Date(since) } })
      .toArray()
    if (articles.length === 0) return

    const digest = buildDigest(user, articles, maxItems)
    const render = await template(user.locale)
    try {
      await transport.sendMail({
        from: process.env.MAIL_FROM ?? 'Digest <digest@mail.acme.io>',
        to: user.email,
        subject: digest.subject,
        html: render({ user, ...digest }),
      })
    } catch (err) {
      logger.error({ err, userId }, 'digest delivery failed')
      throw err
    }

    await ctx.db.collection('users').updateOne({ _id: user._id }, { $set: { lastDigestAt: new Date() } })
  }, { concurrency: 5 })
}
