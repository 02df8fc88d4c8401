import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from './db.js'

/**
 * Maps a job name onto the signed 64-bit key space used by
 * pg_try_advisory_lock.
 */
export function lockKey(name: string): bigint {
  const digest = createHash('sha1').update(`dunning:${name}`).digest()
  return digest.readBigInt64BE(0)
}

/**
 * Runs `fn` only if no other worker holds the lock for `name`. Returns
 * `undefined` when the lock was busy.
 */
export async function withAdvisoryLock<T>(db: Db, name: string, fn: () => Promise<T>): Promise<T | undefined> {
  return db.connection().execute(async (conn) => {
    const key = lockKey(name).toString()
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}::bigint) as locked`.execute(conn)
    if (!rows[0]?.locked) {
      return undefined
    }
    try {
      return await fn()
    } finally {
      await sql`select pg_advisory_unlock(${key}::bigint)`.execute(conn)
    }
  })
}
