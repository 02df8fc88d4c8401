import { basicAuth } from 'hono/basic-auth'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { jwt } from 'hono/jwt'
import { config } from '../config.js'

export type Role = 'viewer' | 'member' | 'admin'

export type Claims = {
  sub: string
  tenant: string
  role: Role
  iss: string
  exp: number
}

export type AppEnv = {
  Variables: {
    jwtPayload: Claims
    user: Claims
    requestId: string
  }
}

export const requireJwt = jwt({ secret: config.jwtSecret, alg: 'HS256' })

export const loadUser = createMiddleware<AppEnv>(async (c, next) => {
  const payload = c.get('jwtPayload')
  if (payload.iss !== config.jwtIssuer) {
    throw new HTTPException(401, { message: 'unexpected token issuer' })
  }
  c.set('user', payload)
  await next()
})

export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.var.user
    if (!user || !roles.includes(user.role)) {
      throw new HTTPException(403, { message: 'forbidden' })
    }
    await next()
  })
}

export const requireSameTenant = createMiddleware<AppEnv>(async (c, next) => {
  const tenantId = c.req.param('tenantId')
  if (tenantId && tenantId !== c.var.user.tenant) {
    throw new HTTPException(404, { message: 'not found' })
  }
  await next()
})

export const adminAuth = basicAuth({
  verifyUser: (username, password) =>
    username === config.admin.user && password === config.admin.password,
  realm: 'ledger-admin',
})
