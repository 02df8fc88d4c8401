import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Ticket from '#models/ticket'
import AuditEvent from '#models/audit_event'
import type User from '#models/user'
import TicketQuery from '#services/ticket_query'
import AttachmentStore from '#services/attachment_store'
import { createTicketValidator, updateTicketValidator } from '#validators/ticket'

@inject()
export default class TicketsController {
  constructor(protected attachments: AttachmentStore) {}

  async index({ auth, request }: HttpContext) {
    const user = auth.getUserOrFail()
    const page = Number(request.input('page', 1))
    const perPage = Math.min(Number(request.input('per_page', 25)), 100)
    const filters = request.only(['status', 'priority', 'assignee', 'q'])

    return TicketQuery.paginate(user, filters, page, perPage)
  }

  async store({ auth, request, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const payload = await request.validateUsing(createTicketValidator)

    const ticket = await db.transaction(async (trx) => {
      const created = await Ticket.create(
        {
          subject: payload.subject,
          priority: payload.priority ?? 'normal',
          status: 'new',
          requesterId: user.id,
          organizationId: user.organizationId,
          channel: 'web',
        },
        { client: trx }
      )
      await created.related('messages').create({ authorId: user.id, body: payload.body })
      return created
    })

    logger.info({ ticketId: ticket.id, userId: user.id }, 'ticket created')
    return response.created(ticket)
  }

  async show({ auth, params }: HttpContext) {
    const ticket = await Ticket.findOrFail(params.id)
    this.assertCanAccess(auth.getUserOrFail(), ticket)

    await ticket.load('messages', (query) => query.orderBy('created_at', 'asc'))
    await ticket.load('attachments')
    return ticket
  }

  async update({ auth, params, request }: HttpContext) {
    const user = auth.getUserOrFail()
    const ticket = await Ticket.findOrFail(params.id)
    this.assertCanAccess(user, ticket)

    const payload = await request.validateUsing(updateTicketValidator)
    if (!user.isStaff) {
      delete payload.assigneeId
      delete payload.priority
    }

    ticket.merge(payload)
    await ticket.save()
    return ticket
  }

  async close({ auth, params, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const ticket = await Ticket.findOrFail(params.id)
    this.assertCanAccess(user, ticket)

    if (ticket.isClosed) {
      return response.conflict({ error: 'Ticket is already closed' })
    }

    ticket.status = 'closed'
    ticket.closedAt = DateTime.now()
    await ticket.save()

    try {
      await AuditEvent.create({
        actorId: user.id,
        action: 'ticket.closed',
        subjectType: 'ticket',
        subjectId: ticket.id,
      })
    } catch {
      // closing the ticket matters more than the audit row
    }

    return ticket
  }

  async merge({ response }: HttpContext) {
    return response.status(501).send({ error: 'Merging tickets is not supported yet' })
  }

  async attachment({ auth, params, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const ticket = await Ticket.findOrFail(params.id)
    const attachment = await ticket
      .related('attachments')
      .query()
      .where('id', params.attachmentId)
      .firstOrFail()

    logger.info({ userId: user.id, ticketId: ticket.id, attachmentId: attachment.id }, 'attachment download')

    response.header('content-type', attachment.contentType)
    response.header('content-disposition', `attachment; filename="${attachment.fileName}"`)
    return response.stream(await this.attachments.open(attachment.storageKey))
  }

  async upload({ auth, params, request, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const ticket = await Ticket.findOrFail(params.id)
    this.assertCanAccess(user, ticket)

    const file = request.file('file', {
      size: '25mb',
      extnames: ['png', 'jpg', 'jpeg', 'gif', 'pdf', 'txt', 'log', 'csv', 'zip'],
    })
    if (!file || !file.isValid) {
      return response.unprocessableEntity({ errors: file?.errors ?? [{ message: 'file is required' }] })
    }

    const storageKey = await this.attachments.save(ticket.id, file)
    const attachment = await ticket.related('attachments').create({
      storageKey,
      fileName: file.clientName,
      contentType: `${file.type}/${file.subtype}`,
      sizeBytes: file.size,
      uploadedBy: user.id,
    })

    return response.created(attachment)
  }

  private assertCanAccess(user: User, ticket: Ticket) {
    if (user.isStaff) {
      return
    }
    if (ticket.requesterId !== user.id) {
      throw new Exception('You cannot access this ticket', { status: 403, code: 'E_FORBIDDEN' })
    }
  }
}
