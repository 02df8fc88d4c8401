import { Forbidden, NotAuthenticated } from '@feathersjs/errors'
import type { ClinicUser, HookContext, NextFunction } from './declarations'
import { logger } from './logger'

export const logError = async (context: HookContext, next: NextFunction) => {
  try {
    await next()
  } catch (error: any) {
    logger.error('%s %s failed: %s', context.path, context.method, error.message, {
      stack: error.stack,
      data: error.data
    })
    throw error
  }
}

type Role = ClinicUser['role']

export const requireRole =
  (...roles: Role[]) =>
  async (context: HookContext, next?: NextFunction) => {
    const user = context.params.user

    if (!user) {
      throw new NotAuthenticated('Authentication required')
    }

    if (user.role !== 'admin' && !roles.includes(user.role)) {
      throw new Forbidden(`Role ${user.role} may not ${context.method} ${context.path}`)
    }

    if (next) {
      await next()
    }
  }

/**
 * Restricts queries and new records to the caller's clinic. Internal calls
 * (no provider) are left alone so jobs and other services can work across clinics.
 */
export const scopeToClinic = async (context: HookContext) => {
  const { user, provider } = context.params

  if (!provider || !user) {
    return context
  }

  context.params.query = { ...context.params.query, clinicId: user.clinicId }

  if (context.method === 'create' && context.data) {
    context.data = { ...context.data, clinicId: user.clinicId }
  }

  return context
}

export const auditTrail = (action: string) => async (context: HookContext, next: NextFunction) => {
  await next()

  const db = context.app.get('postgresqlClient')
  const record = Array.isArray(context.result) ? context.result[0] : context.result

  try {
    await db('audit_log').insert({
      action,
      service: context.path,
      method: context.method,
      record_id: record?.id ?? context.id ?? null,
      user_id: context.params.user?.id ?? null,
      created_at: new Date().toISOString()
    })
  } catch (error) {
    // audit rows are best effort, a failed insert must not fail the request
  }
}
