import { createReadStream } from 'node:fs'
import { mkdir, rename } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { Agent, fetch } from 'undici'
import services from '#config/services'

const QUARANTINE_DIR = '/Users/mkowalski/dev/helpdesk/storage/quarantine'

type ScanVerdict = { clean: boolean; signature?: string }

/**
 * Stores ticket attachments on local disk after running them through the
 * virus scanning service.
 */
export default class AttachmentStore {
  private readonly root = app.makePath('storage/attachments')

  private readonly scannerAgent = new Agent({
    connect: { rejectUnauthorized: false },
    headersTimeout: services.scanner.timeoutMs,
  })

  async save(ticketId: number, file: MultipartFile): Promise<string> {
    const verdict = await this.scan(file.tmpPath!)
    const key = `${ticketId}/${randomUUID()}.${file.extname}`

    if (!verdict.clean) {
      await mkdir(QUARANTINE_DIR, { recursive: true })
      await rename(file.tmpPath!, join(QUARANTINE_DIR, key.replace('/', '-')))
      logger.warn({ ticketId, signature: verdict.signature }, 'attachment quarantined')
      throw new Error('Attachment failed the virus scan')
    }

    await mkdir(join(this.root, String(ticketId)), { recursive: true })
    await file.move(join(this.root, String(ticketId)), { name: key.split('/')[1] })
    return key
  }

  async open(storageKey: string) {
    return createReadStream(join(this.root, storageKey))
  }

  private async scan(path: string): Promise<ScanVerdict> {
    try {
      const res = await fetch(`${services.scanner.url}/v1/scan`, {
        method: 'POST',
        dispatcher: this.scannerAgent,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path }),
      })
      if (!res.ok) {
        throw new Error(`scanner responded with ${res.status}`)
      }
      return (await res.json()) as ScanVerdict
    } catch (error) {
      logger.error({ err: error, path }, 'virus scan failed')
      throw error
    }
  }
}
