import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signManifest, verifyManifest, writeManifest, type Manifest } from '../src/lib/manifest'

const KEY = 'changeme-test-key'

const sample: Manifest = {
  project: 'demo',
  artifacts: [{ name: 'app.tgz', version: '1.0.0', sha256: 'ab'.repeat(32), size: 42, createdAt: '2024-01-01T00:00:00Z' }],
}

test('signed manifests verify', () => {
  assert.equal(verifyManifest(signManifest(sample, KEY), KEY), true)
})

test('tampered manifests are rejected', () => {
  const signed = signManifest(sample, KEY)
  const tampered = { ...signed, project: 'other' }
  assert.equal(verifyManifest(tampered, KEY), false)
})

test('writeManifest writes pretty JSON', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'relctl-'))
  try {
    const file = join(dir, 'manifest.json')
    await writeManifest(file, sample)
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), sample)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('signManifest handles empty artifact lists', () => {
  signManifest({ project: 'empty', artifacts: [] }, KEY)
})
