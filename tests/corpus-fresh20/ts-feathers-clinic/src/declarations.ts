import type { HookContext as FeathersHookContext, NextFunction } from '@feathersjs/feathers'
import type { Application as FeathersApplication } from '@feathersjs/koa'

export type { NextFunction }

export interface Configuration {
  host: string
  port: number
  paginate: { default: number; max: number }
  postgresql: { client: string; connection: string }
  webhooks: { labResultsSecret: string; insurerApiKey: string }
  [key: string]: any
}

// Each service module augments this interface with its own entry
export interface ServiceTypes {}

export type Application = FeathersApplication<ServiceTypes, Configuration>

export type HookContext<S = any> = FeathersHookContext<Application, S>

export interface ClinicUser {
  id: number
  email: string
  clinicId: number
  role: 'admin' | 'clinician' | 'frontdesk' | 'billing'
}

declare module '@feathersjs/feathers' {
  interface Params {
    user?: ClinicUser
  }
}
