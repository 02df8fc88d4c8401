import type { Request, Response } from 'express';

import type { RequestWithContext } from './index';

/**
 * Shareable preview of an unpublished story, for sources and lawyers who do
 * not have CMS accounts. The link carries the story's preview token.
 */
export async function previewStory(req: Request, res: Response) {
  const context = (req as RequestWithContext).context.sudo();
  const story = await context.query.Story.findOne({
    where: { id: req.params.id },
    query: 'id headline standfirst status previewToken body { document }',
  });
  const token = typeof req.query.token === 'string' ? req.query.token : '';
  if (!story || !token || story.previewToken !== token) {
    return res.status(404).send('Not found');
  }
  if (story.status === 'retracted') {
    return res.status(410).send('This story has been withdrawn');
  }
  res.set('Cache-Control', 'no-store').set('X-Robots-Tag', 'noindex');
  res.json({ headline: story.headline, standfirst: story.standfirst, body: story.body.document });
}
