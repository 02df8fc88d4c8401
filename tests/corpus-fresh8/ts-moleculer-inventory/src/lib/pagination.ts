export interface PageOptions {
  /** Maximum number of rows to return (1..200). */
  limit?: number;
  /** Zero-based row offset. */
  offset?: number;
  /** Field to sort by, prefixed with '-' for descending order, e.g. '-updatedAt'. */
  sort?: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
  limit: number;
  offset: number;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit)) return DEFAULT_LIMIT;
  return Math.min(Math.max(1, Math.trunc(limit)), MAX_LIMIT);
}

export function paginate<T>(items: readonly T[], opts: PageOptions = {}): Page<T> {
  const limit = clampLimit(opts.limit);
  const offset = Math.max(0, opts.offset ?? 0);
  return {
    rows: items.slice(offset, offset + limit),
    total: items.length,
    limit,
    offset,
  };
}
