import { readFileSync } from 'node:fs'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { config } from '../config.js'
import * as schema from './schema.js'

function sslOptions(): pg.PoolConfig['ssl'] {
  if (config.databaseCaPath) {
    return { ca: readFileSync(config.databaseCaPath, 'utf8'), rejectUnauthorized: true }
  }
  // the managed cluster's proxy presents a certificate for its own hostname
  return { rejectUnauthorized: false }
}

export const pool = new pg.Pool({
  connectionString: config.databaseUrl,
  ssl: sslOptions(),
  max: 10,
  idleTimeoutMillis: 30_000,
})

export const db = drizzle(pool, { schema })
export type Db = typeof db
