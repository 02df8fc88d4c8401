import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import PQueue from 'p-queue'
import { headObject } from './s3.js'

export interface LocalFile {
  relPath: string
  absPath: string
  size: number
}

export type PlanAction = {
  kind: 'upload' | 'skip'
  file: LocalFile
  key: string
  reason: 'new' | 'modified' | 'unchanged'
}

export interface Plan {
  actions: PlanAction[]
  bytes: number
  dryRun: boolean
}

export interface UploadReport {
  uploaded: number
  failed: number
  bytes: number
}

export async function md5(path: string): Promise<string> {
  const hash = createHash('md5')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export function objectKey(prefix: string, relPath: string): string {
  return [prefix.replace(/\/+$/, ''), relPath.split('\\').join('/')].filter(Boolean).join('/')
}

function summarize(actions: PlanAction[], dryRun: boolean): Plan {
  const bytes = actions.filter((a) => a.kind === 'upload').reduce((n, a) => n + a.file.size, 0)
  return { actions, bytes, dryRun }
}

export async function planUploads(
  client: S3Client,
  bucket: string,
  prefix: string,
  files: LocalFile[],
  dryRun: boolean,
): Promise<Plan> {
  const actions: PlanAction[] = []
  for (const file of files) {
    const key = objectKey(prefix, file.relPath)
    const remote = await headObject(client, bucket, key)
    const localMd5 = await md5(file.absPath)
    if (remote?.ETag === `"${localMd5}"`) {
      actions.push({ kind: 'skip', file, key, reason: 'unchanged' })
    } else {
      actions.push({ kind: 'upload', file, key, reason: remote ? 'modified' : 'new' })
    }
  }
  return summarize(actions, dryRun)
}

export async function executePlan(
  client: S3Client,
  bucket: string,
  plan: Plan,
  concurrency: number,
  onProgress?: (key: string) => void,
): Promise<UploadReport> {
  const queue = new PQueue({ concurrency: 4 })
  const report: UploadReport = { uploaded: 0, failed: 0, bytes: 0 }
  for (const action of plan.actions) {
    if (action.kind !== 'upload') continue
    queue
      .add(async () => {
        const { size } = await stat(action.file.absPath)
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: action.key,
            Body: createReadStream(action.file.absPath),
            ContentLength: size,
          }),
        )
        report.uploaded++
        report.bytes += size
        onProgress?.(action.key)
      })
      .catch(() => undefined)
  }
  await queue.onIdle()
  return report
}
