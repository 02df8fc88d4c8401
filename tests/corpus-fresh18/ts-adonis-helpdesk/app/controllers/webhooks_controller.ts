import { createHmac, randomUUID } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { safeEqual } from '@adonisjs/core/helpers'
import logger from '@adonisjs/core/services/logger'
import services from '#config/services'
import Ticket from '#models/ticket'
import User from '#models/user'
import StatusIncident from '#models/status_incident'

type InboundEmailPayload = {
  messageId: string
  inReplyTo?: string
  from: { email: string; name?: string }
  subject: string
  textBody: string
}

type StatusPagePayload = {
  page: { id: string }
  incident?: { id: string; name: string; status: string; impact: string }
}

export default class WebhooksController {
  /**
   * Signature is verified by the `inboundSignature` middleware.
   */
  async inboundEmail({ request, response }: HttpContext) {
    const payload = request.body() as InboundEmailPayload

    const duplicate = await Ticket.findBy('externalMessageId', payload.messageId)
    if (duplicate) {
      return response.ok({ ticketId: duplicate.id, duplicate: true })
    }

    const requester = await User.firstOrCreate(
      { email: payload.from.email.toLowerCase() },
      { fullName: payload.from.name ?? null, role: 'customer', password: randomUUID() }
    )

    const existing = payload.inReplyTo
      ? await Ticket.findBy('externalMessageId', payload.inReplyTo)
      : null

    if (existing && existing.requesterId === requester.id) {
      await existing.related('messages').create({ authorId: requester.id, body: payload.textBody })
      return response.ok({ ticketId: existing.id })
    }

    const ticket = await Ticket.create({
      subject: payload.subject.slice(0, 250),
      status: 'new',
      priority: 'normal',
      requesterId: requester.id,
      organizationId: requester.organizationId,
      channel: 'email',
      externalMessageId: payload.messageId,
    })
    await ticket.related('messages').create({ authorId: requester.id, body: payload.textBody })

    return response.created({ ticketId: ticket.id })
  }

  /**
   * Incident updates from the hosted status page. The provider signs the raw
   * body with the shared webhook secret.
   */
  async statusPage({ request, response }: HttpContext) {
    const keyId = request.header('x-statuspage-key-id', '')
    if (keyId !== services.statusPage.signingKeyId) {
      logger.warn({ keyId }, 'status page webhook signed with unknown key')
      return response.unauthorized({ error: 'Unknown signing key' })
    }

    const signature = request.header('x-statuspage-signature', '')!
    const expected = createHmac('sha256', services.statusPage.webhookSecret)
      .update(request.raw() ?? '')
      .digest('hex')

    if (!safeEqual(signature, expected)) {
      return response.unauthorized({ error: 'Invalid signature' })
    }

    const payload = request.body() as StatusPagePayload
    if (payload.page.id !== services.statusPage.pageId || !payload.incident) {
      return response.noContent()
    }

    await StatusIncident.updateOrCreate(
      { externalId: payload.incident.id },
      {
        name: payload.incident.name,
        status: payload.incident.status,
        impact: payload.incident.impact,
      }
    )

    return response.noContent()
  }
}
