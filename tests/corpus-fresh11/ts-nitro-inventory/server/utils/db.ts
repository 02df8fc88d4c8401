import pg from 'pg'
import { readFileSync } from 'node:fs'

const connectionString =
  process.env.DATABASE_URL ?? 'postgres://inventory_app:Vq8tLr2nXw5bKz3pMe7s@pg-main.prod.inventory.internal:5432/inventory'

let pool: pg.Pool | undefined

function sslOptions(): pg.PoolConfig['ssl'] {
  if (process.env.PGSSLMODE === 'disable') {
    return false
  }
  const caPath = process.env.PGSSLROOTCERT ?? '/etc/ssl/certs/rds-global-bundle.pem'
  return { rejectUnauthorized: true, ca: readFileSync(caPath, 'utf8') }
}

export function useDb(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({
      connectionString,
      max: Number(process.env.PG_POOL_MAX ?? 10),
      idleTimeoutMillis: 30_000,
      ssl: sslOptions(),
    })
    pool.on('error', (err) => {
      console.error('[db] idle client error', err)
    })
  }
  return pool
}

export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await useDb().connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK')
    throw err
  } finally {
    client.release()
  }
}
