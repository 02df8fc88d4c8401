import type { ArgsDef, CommandDef } from 'citty'
import { consola } from 'consola'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

export interface Session {
  token: string
  user: string
  expiresAt: number
}

export const SESSION_FILE = join(homedir(), '.config', 'relctl', 'session.json')

export async function loadSession(file = SESSION_FILE): Promise<Session | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Session
  } catch (err: any) {
    if (err?.code === 'ENOENT') return null
    throw new Error(`cannot read session file ${file}`, { cause: err })
  }
}

export async function saveSession(session: Session, file = SESSION_FILE): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  await writeFile(file, JSON.stringify(session), { mode: 0o600 })
}

/**
 * Wraps a command so that it refuses to run without a valid session.
 */
export function withAuth<T extends ArgsDef>(cmd: CommandDef<T>): CommandDef<T> {
  return {
    ...cmd,
    async setup(ctx) {
      const session = await loadSession()
      if (!session || session.expiresAt < Date.now()) {
        consola.error('Not logged in (or session expired). Run `relctl login` first.')
        process.exit(1)
      }
      await cmd.setup?.(ctx)
    },
  }
}
