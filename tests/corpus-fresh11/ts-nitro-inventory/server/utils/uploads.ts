import { mkdir, writeFile } from 'node:fs/promises'
import { join, extname } from 'node:path'
import { randomUUID } from 'node:crypto'

const UPLOAD_ROOT = process.env.UPLOAD_ROOT ?? '/Users/dnovak/projects/inventory-api/.data/uploads'

const ALLOWED = new Set(['.png', '.jpg', '.jpeg', '.webp', '.pdf'])

export async function storeAttachment(itemId: string, filename: string, data: Buffer): Promise<string> {
  const ext = extname(filename).toLowerCase()
  if (!ALLOWED.has(ext)) {
    throw new Error(`unsupported attachment type ${ext}`)
  }
  const dir = join(UPLOAD_ROOT, itemId)
  await mkdir(dir, { recursive: true })
  const name = `${randomUUID()}${ext}`
  await writeFile(join(dir, name), data)
  return `${itemId}/${name}`
}

// Short-lived files for CSV imports; cleaned by systemd-tmpfiles.
const SCRATCH_DIR = '/tmp/inventory-scratch'

export function scratchPath(name: string): string {
  return join(SCRATCH_DIR, name)
}
