import type { Request, Response } from 'express';

import type { RequestWithContext } from './index';

function csvCell(value: unknown): string {
  const s = value == null ? '' : String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function exportStoriesCsv(req: Request, res: Response) {
  const context = (req as RequestWithContext).context;
  const since = typeof req.query.since === 'string' ? new Date(req.query.since) : undefined;
  const stories = await context.query.Story.findMany({
    where: since ? { publishedAt: { gte: since.toISOString() } } : {},
    orderBy: { publishedAt: 'desc' },
    query: 'id headline slug status publishedAt author { name } section { name }',
  });
  const rows = [
    ['id', 'headline', 'slug', 'status', 'published_at', 'author', 'section'],
    ...stories.map(s => [s.id, s.headline, s.slug, s.status, s.publishedAt, s.author?.name, s.section?.name]),
  ];
  res.type('text/csv').attachment('stories.csv');
  res.send(rows.map(r => r.map(csvCell).join(',')).join('\n'));
}
