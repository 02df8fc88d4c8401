import type {
  MutationResolvers,
  QueryResolvers,
  TicketRelationResolvers,
} from 'types/graphql'

import { validate } from '@redwoodjs/api'
import { ForbiddenError, UserInputError } from '@redwoodjs/graphql-server'

import { hasRole, requireAuth } from 'src/lib/auth'
import { db } from 'src/lib/db'
import { logger } from 'src/lib/logger'
import { sendTicketUpdate } from 'src/lib/mailer'

const STAFF_ROLES = ['agent', 'admin']

const isStaff = () => hasRole(STAFF_ROLES)

const visibilityFilter = () =>
  isStaff() ? {} : { requesterId: context.currentUser?.id }

export const tickets: QueryResolvers['tickets'] = ({ status }) => {
  return db.ticket.findMany({
    where: { ...visibilityFilter(), ...(status ? { status } : {}) },
    orderBy: { updatedAt: 'desc' },
    take: 100,
  })
}

export const ticket: QueryResolvers['ticket'] = async ({ id }) => {
  const found = await db.ticket.findUnique({ where: { id } })
  if (found && !isStaff() && found.requesterId !== context.currentUser?.id) {
    throw new ForbiddenError('You can only view your own tickets')
  }
  return found
}

export const searchTickets: QueryResolvers['searchTickets'] = ({ query, status }) => {
  requireAuth({ roles: STAFF_ROLES })
  const term = query.trim()
  if (term.length < 2) {
    throw new UserInputError('Search term must be at least 2 characters')
  }
  return db.ticket.findMany({
    where: {
      OR: [
        { subject: { contains: term, mode: 'insensitive' } },
        { body: { contains: term, mode: 'insensitive' } },
      ],
    },
    orderBy: { updatedAt: 'desc' },
    take: 50,
  })
}

export const systemStatus: QueryResolvers['systemStatus'] = async () => {
  const banner = await db.statusBanner.findFirst({ orderBy: { updatedAt: 'desc' } })
  return {
    operational: banner?.operational ?? true,
    message: banner?.message ?? null,
    updatedAt: banner?.updatedAt ?? null,
  }
}

export const createTicket: MutationResolvers['createTicket'] = async ({ input }) => {
  validate(input.subject, 'Subject', { presence: true, length: { max: 200 } })
  validate(input.body, 'Body', { presence: true, length: { max: 20_000 } })

  const created = await db.ticket.create({
    data: {
      subject: input.subject,
      body: input.body,
      priority: input.priority ?? 3,
      status: 'OPEN',
      requesterId: context.currentUser.id,
    },
  })
  await sendTicketUpdate(created, 'created', [context.currentUser.email])
  return created
}

export const updateTicketStatus: MutationResolvers['updateTicketStatus'] = async ({
  id,
  status,
}) => {
  requireAuth({ roles: STAFF_ROLES })
  const updated = await db.ticket.update({
    where: { id },
    data: { status },
    include: { requester: { select: { email: true } } },
  })
  logger.info({ ticketId: id, status, by: context.currentUser.id }, 'ticket status changed')
  await sendTicketUpdate(updated, 'status_changed', [updated.requester.email])
  return updated
}

export const assignTicket: MutationResolvers['assignTicket'] = async ({ id, assigneeId }) => {
  requireAuth({ roles: STAFF_ROLES })
  const assignee = await db.user.findFirst({
    where: { id: assigneeId, deactivatedAt: null, roles: { in: STAFF_ROLES } },
  })
  if (!assignee) {
    throw new UserInputError('Tickets can only be assigned to active agents')
  }
  const updated = await db.ticket.update({
    where: { id },
    data: { assigneeId, status: 'PENDING' },
    include: { requester: { select: { email: true } } },
  })
  await sendTicketUpdate(updated, 'assigned', [updated.requester.email, assignee.email])
  return updated
}

export const mergeTickets: MutationResolvers['mergeTickets'] = async () => {
  requireAuth({ roles: STAFF_ROLES })
  throw new Error('Merging tickets is not supported yet')
}

export const Ticket: TicketRelationResolvers = {
  requester: (_obj, { root }) => {
    return db.ticket.findUnique({ where: { id: root?.id } }).requester()
  },
  assignee: (_obj, { root }) => {
    return db.ticket.findUnique({ where: { id: root?.id } }).assignee()
  },
}
