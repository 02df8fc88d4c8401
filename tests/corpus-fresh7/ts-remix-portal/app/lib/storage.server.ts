import { mkdir, writeFile, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";

const UPLOAD_DIR =
  process.env.UPLOAD_DIR ?? "/Users/dana.whitfield/dev/acme-portal/uploads";

export interface StoredFile {
  id: string;
  path: string;
  size: number;
}

export async function storeUpload(
  fileName: string,
  data: Uint8Array,
): Promise<StoredFile> {
  await mkdir(UPLOAD_DIR, { recursive: true });
  const id = randomUUID();
  const ext = path.extname(fileName).toLowerCase();
  const target = path.join(UPLOAD_DIR, `${id}${ext}`);
  await writeFile(target, data);
  return { id, path: target, size: data.byteLength };
}

export async function readUpload(stored: StoredFile): Promise<Buffer> {
  return readFile(stored.path);
}

const SCRATCH_DIR = path.join(os.tmpdir(), "acme-portal-scratch");

export async function scratchFile(prefix: string): Promise<string> {
  await mkdir(SCRATCH_DIR, { recursive: true });
  return path.join(SCRATCH_DIR, `${prefix}-${randomUUID()}`);
}
