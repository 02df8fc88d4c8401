import type { MutationResolvers, QueryResolvers } from 'types/graphql'

import { hashPassword } from '@redwoodjs/auth-dbauth-api'
import { validate } from '@redwoodjs/api'
import { UserInputError } from '@redwoodjs/graphql-server'

import { db } from 'src/lib/db'
import { logger } from 'src/lib/logger'

const ROLES = ['customer', 'agent', 'admin']

const publicFields = {
  id: true,
  email: true,
  name: true,
  roles: true,
  deactivatedAt: true,
  createdAt: true,
}

export const users: QueryResolvers['users'] = () => {
  return db.user.findMany({ select: publicFields, orderBy: { createdAt: 'asc' } })
}

export const user: QueryResolvers['user'] = ({ id }) => {
  return db.user.findUnique({ where: { id }, select: publicFields })
}

export const me: QueryResolvers['me'] = () => {
  return db.user.findUniqueOrThrow({
    where: { id: context.currentUser.id },
    select: publicFields,
  })
}

export const createUser: MutationResolvers['createUser'] = async ({ input }) => {
  validate(input.email, 'Email', { email: true })
  validate(input.roles, 'Roles', { inclusion: ROLES })
  validate(input.password, 'Password', { length: { min: 12 } })

  const [hashedPassword, salt] = hashPassword(input.password)
  const created = await db.user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name,
      roles: input.roles,
      hashedPassword,
      salt,
    },
    select: publicFields,
  })
  logger.info({ userId: created.id, by: context.currentUser.id }, 'user created')
  return created
}

export const updateUserRole: MutationResolvers['updateUserRole'] = async ({ id, roles }) => {
  if (!ROLES.includes(roles)) {
    throw new UserInputError(`Unknown role "${roles}"`)
  }
  const updated = await db.user.update({
    where: { id },
    data: { roles },
    select: publicFields,
  })
  logger.info({ userId: id, roles, by: context.currentUser.id }, 'user role changed')
  return updated
}

export const deactivateUser: MutationResolvers['deactivateUser'] = async ({ id }) => {
  if (id === context.currentUser.id) {
    throw new UserInputError('You cannot deactivate your own account')
  }
  const updated = await db.user.update({
    where: { id },
    data: { deactivatedAt: new Date() },
    select: publicFields,
  })
  try {
    await db.auditEntry.create({
      data: { actorId: context.currentUser.id, action: 'user.deactivated', subjectId: id },
    })
  } catch (e) {
    // an audit hiccup shouldn't undo a deactivation the admin already confirmed
  }
  return updated
}
