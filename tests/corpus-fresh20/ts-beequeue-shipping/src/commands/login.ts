import { randomBytes } from 'crypto'
import type { GluegunCommand } from 'gluegun'
import { request } from 'undici'
import { redis } from '../queues'

const command: GluegunCommand = {
  name: 'login',
  description: 'Sign in with your SSO device code and store an operator session',
  run: async (toolbox) => {
    const { print, filesystem } = toolbox
    const ssoBase = process.env.SHIPCTL_SSO_URL ?? 'https://sso.acme-fulfil.com'

    const start = await request(`${ssoBase}/device/code`, { method: 'POST', body: 'client_id=shipctl' })
    const device = (await start.body.json()) as { device_code: string; user_code: string; verification_uri: string; interval: number }
    print.info(`Open ${device.verification_uri} and enter ${print.colors.bold(device.user_code)}`)

    let identity: { user: string; role: 'viewer' | 'operator' | 'admin' } | undefined
    while (!identity) {
      await new Promise((r) => setTimeout(r, device.interval * 1000))
      const poll = await request(`${ssoBase}/device/token`, {
        method: 'POST',
        body: `client_id=shipctl&device_code=${device.device_code}`
      })
      if (poll.statusCode === 200) {
        identity = (await poll.body.json()) as typeof identity
      } else {
        await poll.body.dump()
      }
    }

    const token = randomBytes(24).toString('hex')
    await redis.set(`operator-session:${token}`, identity.user, 'EX', 12 * 3600)
    filesystem.write(toolbox.operator.sessionFile(), { ...identity, token })
    print.success(`Logged in as ${identity.user} (${identity.role})`)
    await redis.quit()
  }
}

module.exports = command
