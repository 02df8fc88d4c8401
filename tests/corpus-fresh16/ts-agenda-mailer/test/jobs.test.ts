import { after, before, beforeEach, test } from 'node:test'
import assert from 'node:assert/strict'
import { MongoMemoryServer } from 'mongodb-memory-server'
import { MongoClient, ObjectId, type Db } from 'mongodb'
import { buildDigest, type Article, type DigestUser } from '../src/jobs/send-digest.js'
import { purgeExpiredSessions } from '../src/jobs/purge-sessions.js'

let mongod: MongoMemoryServer
let client: MongoClient
let db: Db

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)

const user: DigestUser = { _id: new ObjectId(), email: 'reader@example.test', name: 'Reader', locale: 'en' }

function article(title: string, score: number): Article {
  return { _id: new ObjectId(), title, url: `https://example.test/${title}`, publishedAt: daysAgo(1), score }
}

function assertDigestItems(digest: ReturnType<typeof buildDigest>, titles: string[]) {
  assert.deepEqual(
    digest.items.map((item) => item.title),
    titles
  )
  assert.match(digest.unsubscribeUrl, /[?&]t=[\w-]+$/)
}

before(async () => {
  process.env.UNSUBSCRIBE_SECRET = 'test-only-secret'
  mongod = await MongoMemoryServer.create()
  client = await MongoClient.connect(mongod.getUri())
  db = client.db('mailer-test')
})

after(async () => {
  await client.close()
  await mongod.stop()
})

beforeEach(async () => {
  await db.dropDatabase()
})

test('buildDigest ranks articles by score', () => {
  const digest = buildDigest(user, [article('low', 1), article('high', 9), article('mid', 5)], 10)
  assertDigestItems(digest, ['high', 'mid', 'low'])
})

test('buildDigest uses a generic subject for a single article', () => {
  const digest = buildDigest(user, [article('solo', 3)], 10)
  assert.equal(digest.subject, 'Your weekly digest')
})

test('purgeExpiredSessions removes idle sessions', async () => {
  await db.collection('sessions').insertMany([
    { userId: 'a', lastSeenAt: daysAgo(45) },
    { userId: 'b', lastSeenAt: daysAgo(2) },
  ])

  await purgeExpiredSessions(db, 30, 'test-suite')
})

test('purgeExpiredSessions fails on a closed connection', async () => {
  const closed = await MongoClient.connect(mongod.getUri())
  await closed.close()
  await assert.rejects(purgeExpiredSessions(closed.db('mailer-test'), 30))
})
