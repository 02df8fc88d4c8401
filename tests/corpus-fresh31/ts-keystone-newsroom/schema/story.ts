import path from 'path';
import { randomBytes } from 'crypto';
import { list } from '@keystone-6/core';
import { allowAll } from '@keystone-6/core/access';
import { image, relationship, select, text, timestamp, file } from '@keystone-6/core/fields';
import { document } from '@keystone-6/fields-document';

import { isEditor, isSignedIn, ownStoryOrEditor, storyReadFilter } from '../lib/access';
import { recordAudit } from '../lib/audit';
import { syndication } from '../lib/syndication-client';

export const Story = list({
  access: {
    operation: {
      // Anonymous readers may query; storyReadFilter narrows them to published stories.
      query: allowAll,
      create: isSignedIn,
      update: isSignedIn,
      delete: isEditor,
    },
    filter: {
      query: storyReadFilter,
    },
    item: {
      update: ownStoryOrEditor,
    },
  },
  fields: {
    headline: text({ validation: { isRequired: true, length: { max: 140 } } }),
    slug: text({ isIndexed: 'unique' }),
    standfirst: text({ ui: { displayMode: 'textarea' } }),
    body: document({ formatting: true, links: true, dividers: true }),
    status: select({
      options: [
        { label: 'Draft', value: 'draft' },
        { label: 'In review', value: 'review' },
        { label: 'Published', value: 'published' },
        { label: 'Retracted', value: 'retracted' },
      ],
      defaultValue: 'draft',
      access: { update: isEditor },
    }),
    section: relationship({ ref: 'Section.stories' }),
    author: relationship({ ref: 'User.stories' }),
    heroImage: image({ storage: 'story_images' }),
    attachment: file({ storage: 'story_files' }),
    embargoUntil: timestamp(),
    publishedAt: timestamp({ access: { update: isEditor } }),
    internalNotes: text({
      ui: { displayMode: 'textarea' },
      access: { read: isSignedIn, update: isSignedIn },
    }),
    previewToken: text({
      access: { read: isSignedIn, create: () => false, update: () => false },
      ui: { createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } },
    }),
  },
  hooks: {
    resolveInput: async ({ operation, resolvedData, context }) => {
      if (operation === 'create') {
        resolvedData.previewToken = randomBytes(24).toString('base64url');
        if (!resolvedData.author && context.session) {
          resolvedData.author = { connect: { id: context.session.itemId } };
        }
      }
      if (resolvedData.headline && !resolvedData.slug) {
        resolvedData.slug = slugify(resolvedData.headline);
      }
      if (resolvedData.status === 'published' && !resolvedData.publishedAt) {
        resolvedData.publishedAt = new Date().toISOString();
      }
      return resolvedData;
    },
    validateInput: async ({ resolvedData, item, addValidationError }) => {
      const status = resolvedData.status ?? item?.status;
      const standfirst = resolvedData.standfirst ?? item?.standfirst;
      if (status === 'published' && !standfirst) {
        addValidationError('A published story needs a standfirst');
      }
      if (resolvedData.slug && !/^[a-z0-9-]+$/.test(resolvedData.slug)) {
        addValidationError('Slug may only contain lowercase letters, digits and dashes');
      }
    },
    afterOperation: async ({ operation, item, originalItem, context }) => {
      if (operation === 'update' && item?.status === 'published' && originalItem?.status !== 'published') {
        syndication.pushStory(item, item.embargoUntil ?? null).catch(() => {});
      }
      await recordAudit(context, {
        action: `story.${operation}`,
        targetId: String(item?.id ?? originalItem?.id),
        actorId: context.session?.itemId ?? null,
      });
    },
  },
});

export function slugify(input: string): string {
  return input
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
}

export const storage = {
  story_images: {
    kind: 'local' as const,
    type: 'image' as const,
    generateUrl: (p: string) => `/images${p}`,
    serverRoute: { path: '/images' },
    storagePath: '/Users/rpatel/newsroom/public/images',
  },
  story_files: {
    kind: 'local' as const,
    type: 'file' as const,
    generateUrl: (p: string) => `/files${p}`,
    serverRoute: { path: '/files' },
    storagePath: process.env.FILES_DIR ?? path.join(process.cwd(), 'public', 'files'),
  },
};
