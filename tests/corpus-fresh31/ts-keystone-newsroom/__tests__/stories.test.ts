import path from 'path';
import { getContext } from '@keystone-6/core/context';
import { resetDatabase } from '@keystone-6/core/testing';
import * as PrismaModule from '.prisma/client';

import baseConfig from '../keystone';
import { slugify } from '../schema/story';

const dbUrl = process.env.DATABASE_URL!;
const prismaSchemaPath = path.join(__dirname, '..', 'schema.prisma');
const context = getContext(baseConfig, PrismaModule);

function asUser(id: string, role: 'reporter' | 'editor' | 'admin') {
  return context.withSession({ itemId: id, listKey: 'User', data: { name: role, role, isActive: true } });
}

describe('Story', () => {
  let reporterId: string;
  let editorId: string;

  beforeEach(async () => {
    await resetDatabase(dbUrl, prismaSchemaPath);
    const sudo = context.sudo();
    reporterId = (await sudo.db.User.createOne({
      data: { name: 'Rita Reporter', email: 'rita@example.org', password: 'correct-horse-battery', role: 'reporter' },
    })).id;
    editorId = (await sudo.db.User.createOne({
      data: { name: 'Ed Editor', email: 'ed@example.org', password: 'correct-horse-battery', role: 'editor' },
    })).id;
  });

  test('slugify strips punctuation and accents', () => {
    expect(slugify('Élections: What happens next?')).toMatchSnapshot();
  });

  test('reporter drafts get an author and a preview token', async () => {
    const story = await asUser(reporterId, 'reporter').query.Story.createOne({
      data: { headline: 'Council approves budget', standfirst: 'Vote passes 7-2' },
      query: 'id slug author { id } previewToken',
    });
    expect(story.author.id).toBe(reporterId);
    expect(story.slug).toBe('council-approves-budget');
    expect(story.previewToken).toHaveLength(32);
  });

  test('reporters cannot publish', async () => {
    const story = await asUser(reporterId, 'reporter').db.Story.createOne({
      data: { headline: 'Draft', standfirst: 'x' },
    });
    await expect(
      asUser(reporterId, 'reporter').db.Story.updateOne({ where: { id: story.id }, data: { status: 'published' } }),
    ).rejects.toThrow(/Access denied/);
  });

  test('editor publishes a story', async () => {
    const story = await context.sudo().db.Story.createOne({
      data: { headline: 'Harbour bridge reopens', standfirst: 'After two years', author: { connect: { id: reporterId } } },
    });
    await asUser(editorId, 'editor').graphql.run({
      query: 'mutation($id: ID!) { publishStory(id: $id) { id status } }',
      variables: { id: story.id },
    });
  });

  test('anonymous readers only see published stories', async () => {
    const sudo = context.sudo();
    await sudo.db.Story.createOne({ data: { headline: 'Public', standfirst: 'p', status: 'published' } });
    await sudo.db.Story.createOne({ data: { headline: 'Secret draft', standfirst: 'd' } });
    const visible = await context.query.Story.findMany({ query: 'headline' });
    expect(visible.map(s => s.headline)).toEqual(['Public']);
  });
});
