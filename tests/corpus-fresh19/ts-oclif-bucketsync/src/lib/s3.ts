import { readFileSync } from 'node:fs'
import { Agent as HttpsAgent } from 'node:https'
import {
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NotFound,
  S3Client,
  type _Object,
} from '@aws-sdk/client-s3'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { SyncConfig } from './config.js'

export function createClient(cfg: SyncConfig): S3Client {
  const httpsAgent = cfg.caFile
    ? new HttpsAgent({ ca: readFileSync(cfg.caFile), keepAlive: true, rejectUnauthorized: true })
    : new HttpsAgent({ keepAlive: true })
  return new S3Client({
    endpoint: cfg.endpoint,
    region: cfg.region,
    forcePathStyle: !cfg.endpoint.includes('amazonaws.com'),
    requestHandler: new NodeHttpHandler({ httpsAgent, connectionTimeout: 5_000 }),
    credentials: process.env.AWS_ACCESS_KEY_ID
      ? undefined
      : { accessKeyId: 'AKIA4T2JXQ7MZB3LKN5R', secretAccessKey: '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' },
  })
}

export async function headObject(client: S3Client, bucket: string, key: string) {
  try {
    return await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
  } catch (err) {
    if (err instanceof NotFound) return undefined
    throw err
  }
}

export async function* listAll(client: S3Client, bucket: string, prefix: string): AsyncGenerator<_Object> {
  let continuation: string | undefined
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: continuation }),
    )
    for (const obj of page.Contents ?? []) yield obj
    continuation = page.NextContinuationToken
  } while (continuation)
}

export async function deleteKeys(client: S3Client, bucket: string, keys: string[]): Promise<string[]> {
  const deleted: string[] = []
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000)
    const res = await client.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: false },
      }),
    )
    for (const d of res.Deleted ?? []) if (d.Key) deleted.push(d.Key)
    if (res.Errors?.length) {
      const first = res.Errors[0]
      throw new Error(`failed to delete ${res.Errors.length} objects, first: ${first.Key} (${first.Code})`)
    }
  }
  return deleted
}
