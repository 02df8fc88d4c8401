import type { Task } from 'graphile-worker';

export interface ReindexPayload {
  index: string;
}

/**
 * Rebuilds a search index from the products table. Scheduled nightly via
 * the crontab in src/tasks/index.ts.
 */
export const reindexSearch: Task = async (payload, helpers) => {
  const { index } = payload as ReindexPayload;
  helpers.logger.info(`reindex requested for ${index}`);
  throw new Error('reindexSearch: not implemented');
};
