import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Task } from 'graphile-worker';

const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export function makeCleanupReports(reportDir: string): Task {
  // payload is unused: cron invocations carry an empty object
  return async (_payload, helpers) => {
    const now = Date.now();
    let removed = 0;
    for (const name of await fs.readdir(reportDir)) {
      const full = join(reportDir, name);
      const stat = await fs.stat(full);
      if (now - stat.mtimeMs < MAX_AGE_MS) continue;
      try {
        await fs.unlink(full);
        removed += 1;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
    }
    helpers.logger.info(`removed ${removed} stale reports from ${reportDir}`);
  };
}
