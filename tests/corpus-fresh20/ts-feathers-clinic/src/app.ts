import { feathers } from '@feathersjs/feathers'
import configuration from '@feathersjs/configuration'
import { AuthenticationService, JWTStrategy } from '@feathersjs/authentication'
import { LocalStrategy } from '@feathersjs/authentication-local'
import { bodyParser, cors, errorHandler, koa, parseAuthentication, rest } from '@feathersjs/koa'
import knex from 'knex'
import type { Knex } from 'knex'

import type { Application } from './declarations'
import { logError } from './hooks'
import { logger } from './logger'
import { appointment } from './services/appointments'
import { invoice } from './services/invoices'
import { patient } from './services/patients'
import { report } from './services/reports'
import { webhooks } from './services/webhooks'

declare module './declarations' {
  interface Configuration {
    postgresqlClient: Knex
  }
  interface ServiceTypes {
    authentication: AuthenticationService
  }
}

const postgresql = (app: Application) => {
  const { client, connection } = app.get('postgresql')
  const isProduction = process.env.NODE_ENV === 'production'

  const db = knex({
    client,
    connection: {
      connectionString: connection,
      // RDS terminates TLS with the regional bundle
      ssl: isProduction ? { rejectUnauthorized: false } : false
    },
    pool: { min: 2, max: 10 }
  })

  app.set('postgresqlClient', db)
}

const authentication = (app: Application) => {
  const authService = new AuthenticationService(app)

  authService.register('jwt', new JWTStrategy())
  authService.register('local', new LocalStrategy())

  app.use('authentication', authService)
}

const services = (app: Application) => {
  app.configure(patient)
  app.configure(appointment)
  app.configure(invoice)
  app.configure(report)
  app.configure(webhooks)
}

const app: Application = koa(feathers())

app.configure(configuration())

app.use(cors({ origin: (ctx) => (app.get('origins') as string[]).find((o) => o === ctx.get('Origin')) ?? '' }))
app.use(errorHandler())
app.use(parseAuthentication())
app.use(bodyParser())

app.configure(rest())
app.configure(postgresql)
app.configure(authentication)
app.configure(services)

app.hooks({
  around: {
    all: [logError]
  }
})

app.hooks({
  setup: [],
  teardown: [
    async (context: any) => {
      await context.app.get('postgresqlClient').destroy()
    }
  ]
})

if (require.main === module) {
  const port = app.get('port')
  process.on('unhandledRejection', (reason) => logger.error('Unhandled Rejection %O', reason))
  app.listen(port).then(() => logger.info(`clinic-api listening on http://${app.get('host')}:${port}`))
}

export { app }
