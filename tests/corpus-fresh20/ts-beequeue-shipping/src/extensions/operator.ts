import { homedir } from 'os'
import path from 'path'
import type { GluegunToolbox } from 'gluegun'
import { redis } from '../queues'

export interface OperatorSession {
  user: string
  role: 'viewer' | 'operator' | 'admin'
  token: string
}

const sessionFile = () => path.join(process.env.SHIPCTL_HOME ?? path.join(homedir(), '.shipctl'), 'session.json')

declare module 'gluegun' {
  interface GluegunToolbox {
    operator: {
      sessionFile: () => string
      load: () => Promise<OperatorSession | undefined>
      require: (role: OperatorSession['role']) => Promise<OperatorSession>
    }
  }
}

const rank = { viewer: 0, operator: 1, admin: 2 } as const

module.exports = (toolbox: GluegunToolbox) => {
  const { filesystem, print } = toolbox

  const load = async (): Promise<OperatorSession | undefined> => {
    const session = await filesystem.readAsync(sessionFile(), 'json')
    if (!session) return undefined
    const active = await redis.get(`operator-session:${session.token}`)
    return active ? (session as OperatorSession) : undefined
  }

  const requireRole = async (role: OperatorSession['role']) => {
    const session = await load()
    if (!session) {
      print.error('Not logged in. Run `shipctl login` first.')
      process.exit(2)
    }
    if (rank[session.role] < rank[role]) {
      print.error(`This command needs the ${role} role (you are ${session.role}).`)
      process.exit(3)
    }
    return session
  }

  toolbox.operator = { sessionFile, load, require: requireRole }
}
