import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configDir } from '../lib/config.js';

export interface LoginOptions {
  accessKey: string;
  secretKey: string;
}

export async function login({ accessKey, secretKey }: LoginOptions): Promise<void> {
  const dir = configDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'credentials.json');
  try {
    await writeFile(file, JSON.stringify({ accessKey, secretKey }, null, 2), { mode: 0o600 });
  } catch {}
  console.log(`credentials saved to ${file}`);
}
