import { HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { executePlan, objectKey, planUploads, type LocalFile, type Plan } from '../src/lib/worker.js'

const s3 = mockClient(S3Client)
const client = new S3Client({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
})

const notFound = () => new NotFound({ message: 'not found', $metadata: { httpStatusCode: 404 } })

function files(dir: string, names: string[]): LocalFile[] {
  return names.map((relPath) => {
    const absPath = join(dir, relPath)
    return { relPath, absPath, size: statSync(absPath).size }
  })
}

function assertPlan(t: Test, plan: Plan, expected: Record<string, string>) {
  const got = Object.fromEntries(plan.actions.map((a) => [a.key, `${a.kind}:${a.reason}`]))
  t.same(got, expected)
}

t.beforeEach(() => {
  s3.reset()
})

t.test('objectKey joins prefix and posix path', async (t) => {
  t.equal(objectKey('www/', 'a\\b.txt'), 'www/a/b.txt')
  t.equal(objectKey('', 'a.txt'), 'a.txt')
  t.equal(objectKey('backups//', 'x'), 'backups/x')
})

t.test('plans uploads for new and modified files', async (t) => {
  const dir = t.testdir({ 'a.txt': 'hello', 'b.txt': 'world' })
  s3.on(HeadObjectCommand, { Key: 'a.txt' }).resolves({ ETag: '"5d41402abc4b2a76b9719d911017c592"' })
  s3.on(HeadObjectCommand, { Key: 'b.txt' }).rejects(notFound())
  const plan = await planUploads(client, 'bkt', '', files(dir, ['a.txt', 'b.txt']), false)
  assertPlan(t, plan, { 'a.txt': 'skip:unchanged', 'b.txt': 'upload:new' })
})

t.test('dry-run plan', async (t) => {
  const dir = t.testdir({ 'x.bin': 'abc' })
  s3.on(HeadObjectCommand).rejects(notFound())
  const plan = await planUploads(client, 'bkt', 'backups', files(dir, ['x.bin']), true)
  t.matchSnapshot(
    plan.actions.map((a) => ({ key: a.key, kind: a.kind, reason: a.reason })),
    'dry-run actions',
  )
})

t.test('executes uploads and reports progress', async (t) => {
  const dir = t.testdir({ 'a.txt': 'hello', 'b.txt': 'world', 'c.txt': '!' })
  s3.on(HeadObjectCommand).rejects(notFound())
  s3.on(PutObjectCommand).resolves({})
  const plan = await planUploads(client, 'bkt', '', files(dir, ['a.txt', 'b.txt', 'c.txt']), false)
  const seen: string[] = []
  await executePlan(client, 'bkt', plan, 2, (key) => seen.push(key))
  t.pass(`uploaded ${seen.length} files`)
})
