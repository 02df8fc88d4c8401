import { graphql } from '@keystone-6/core';
import type { Context } from '.keystone/types';

import { isEditor } from '../lib/access';
import { recordAudit } from '../lib/audit';
import { syndication } from '../lib/syndication-client';

export const extendGraphqlSchema = graphql.extend(base => ({
  query: {
    // Used by the public homepage widget: only counts of published stories.
    publishedStoryCount: graphql.field({
      type: graphql.nonNull(graphql.Int),
      args: { sectionId: graphql.arg({ type: graphql.ID }) },
      resolve(source, { sectionId }, context: Context) {
        return context.sudo().db.Story.count({
          where: {
            status: { equals: 'published' },
            ...(sectionId ? { section: { id: { equals: sectionId } } } : {}),
          },
        });
      },
    }),
  },
  mutation: {
    publishStory: graphql.field({
      type: base.object('Story'),
      args: { id: graphql.arg({ type: graphql.nonNull(graphql.ID) }) },
      async resolve(source, { id }, context: Context) {
        if (!isEditor({ session: context.session })) {
          throw new Error('Only editors can publish stories');
        }
        return context.db.Story.updateOne({
          where: { id },
          data: { status: 'published' },
        });
      },
    }),
    retractStory: graphql.field({
      type: base.object('Story'),
      args: {
        id: graphql.arg({ type: graphql.nonNull(graphql.ID) }),
        reason: graphql.arg({ type: graphql.nonNull(graphql.String) }),
      },
      async resolve(source, { id, reason }, context: Context) {
        const story = await context.sudo().db.Story.updateOne({
          where: { id },
          data: { status: 'retracted', internalNotes: `Retracted: ${reason}` },
        });
        await syndication.retract(id, reason);
        await recordAudit(context, {
          action: 'story.retract',
          targetId: id,
          actorId: context.session?.itemId ?? null,
          details: { reason },
        });
        return story;
      },
    }),
  },
}));
