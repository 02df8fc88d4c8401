import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DRAFTS_DIR = '/tmp/deskclient/drafts';

export interface Draft {
  ticketId: string;
  body: string;
  savedAt: string;
}

function safeName(ticketId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(ticketId)) {
    throw new Error(`invalid ticket id: ${ticketId}`);
  }
  return `${ticketId}.json`;
}

export class DraftStore {
  constructor(private readonly dir: string = DRAFTS_DIR) {}

  async save(ticketId: string, body: string): Promise<Draft> {
    const draft: Draft = { ticketId, body, savedAt: new Date().toISOString() };
    await fs.mkdir(this.dir, { recursive: true });
    await fs.writeFile(path.join(this.dir, safeName(ticketId)), JSON.stringify(draft)).catch(() => {});
    return draft;
  }

  async load(ticketId: string): Promise<Draft | undefined> {
    try {
      const raw = await fs.readFile(path.join(this.dir, safeName(ticketId)), 'utf8');
      return JSON.parse(raw) as Draft;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async discard(ticketId: string): Promise<void> {
    await fs.rm(path.join(this.dir, safeName(ticketId)), { force: true });
  }
}

export async function writePrintPreview(ticketId: string, html: string): Promise<string> {
  const file = path.join(os.tmpdir(), `desk-preview-${safeName(ticketId)}.html`);
  await fs.writeFile(file, html, 'utf8');
  return file;
}

export async function removePrintPreview(file: string): Promise<void> {
  // The previewer may already have removed it; a leftover preview in the OS
  // temp dir is harmless.
  await fs.rm(file, { force: true }).catch(() => undefined);
}
