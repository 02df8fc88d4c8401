import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineCommand } from 'citty'
import { loadSession, saveSession, withAuth } from '../src/lib/auth'

test('loadSession returns null when no session file exists', async () => {
  const session = await loadSession('/nonexistent/relctl/session.json')
  assert.equal(session, null)
})

test('loadSession rejects corrupt files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'relctl-auth-'))
  const file = join(dir, 'session.json')
  await writeFile(file, '{not json')
  await assert.rejects(() => loadSession(file), /cannot read session file/)
  await rm(dir, { recursive: true, force: true })
})

test('saveSession round-trips', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'relctl-auth-'))
  const file = join(dir, 'nested', 'session.json')
  const session = { token: 'test-token', user: 'ci', expiresAt: 1_700_000_000_000 }
  await saveSession(session, file)
  assert.deepEqual(await loadSession(file), session)
  await rm(dir, { recursive: true, force: true })
})

test('withAuth keeps the wrapped command metadata and run', () => {
  const inner = defineCommand({
    meta: { name: 'inner', description: 'fixture command' },
    run() {
      throw new Error('not implemented')
    },
  })
  const wrapped = withAuth(inner)
  assert.equal(wrapped.meta, inner.meta)
  assert.equal(wrapped.run, inner.run)
  assert.equal(typeof wrapped.setup, 'function')
})
