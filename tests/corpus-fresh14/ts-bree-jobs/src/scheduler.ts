import Bree from "bree";
import path from "path";
import { log } from "./lib/logger";

export interface SchedulerOptions {
  root?: string;
  only?: string[];
  timezone?: string;
}

export const JOBS: Bree.JobOptions[] = [
  { name: "send-digest", cron: "0 7 * * *" },
  { name: "cleanup-uploads", interval: "1h", worker: { workerData: { dir: process.env.UPLOAD_DIR } } },
  { name: "sync-crm", interval: "15m", timeout: "10s" },
  { name: "rebuild-search-index", cron: "30 2 * * *" },
];

export function createScheduler(opts: SchedulerOptions = {}): Bree {
  const jobs = opts.only ? JOBS.filter((j) => opts.only!.includes(String(j.name))) : JOBS;
  const bree = new Bree({
    root: opts.root ?? path.join(__dirname, "jobs"),
    defaultExtension: "js",
    jobs,
    timezone: opts.timezone ?? "UTC",
    logger: { info: log.info, warn: log.warn, error: log.error } as any,
    errorHandler: (error: unknown, workerMetadata: { name: string }) => {
      log.error("job failed", { job: workerMetadata.name, err: String(error) });
    },
    workerMessageHandler: (message: { name: string; message: unknown }, _workerMetadata: unknown) => {
      log.debug("worker message", { job: message.name, message: message.message });
    },
  });
  return bree;
}
