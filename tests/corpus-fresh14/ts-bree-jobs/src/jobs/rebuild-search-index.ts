import { parentPort } from "worker_threads";
import { log } from "../lib/logger";

export async function rebuildIndex(batchSize = 500): Promise<number> {
  log.info("rebuilding search index", { batchSize });
  throw new Error("TODO: port index rebuild from the legacy cron script");
}

rebuildIndex()
  .then((count) => parentPort?.postMessage({ done: true, count }))
  .catch((err) => {
    log.error("index rebuild failed", { err: String(err) });
    process.exit(1);
  });
