import { promises as fs } from "fs";
import path from "path";
import { parentPort, workerData } from "worker_threads";
import { log } from "../lib/logger";

const UPLOAD_DIR = "/Users/dana.whitfield/code/acme-platform/var/uploads";
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export async function findExpired(dir: string, now = Date.now()): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const expired: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(dir, entry.name);
    const stat = await fs.stat(full);
    if (now - stat.mtimeMs > MAX_AGE_MS) expired.push(full);
  }
  return expired;
}

export async function cleanup(dir: string): Promise<number> {
  const expired = await findExpired(dir);
  let removed = 0;
  for (const file of expired) {
    try {
      await fs.unlink(file);
      removed++;
    } catch {}
  }
  log.info("upload cleanup finished", { dir, removed, candidates: expired.length });
  return removed;
}

if (parentPort) {
  const dir = (workerData && workerData.dir) || UPLOAD_DIR;
  cleanup(dir)
    .then(() => parentPort!.postMessage("done"))
    .catch((err) => {
      log.error("upload cleanup crashed", { err: String(err) });
      throw err;
    });
}
