import { list } from '@keystone-6/core';
import { denyAll } from '@keystone-6/core/access';
import { json, relationship, text, timestamp } from '@keystone-6/core/fields';
import type { Lists } from '.keystone/types';

import { isAdmin, isEditor } from '../lib/access';
import { Story } from './story';
import { User } from './user';

const Section = list({
  access: {
    operation: { query: () => true, create: isEditor, update: isEditor, delete: isAdmin },
  },
  fields: {
    name: text({ validation: { isRequired: true }, isIndexed: 'unique' }),
    stories: relationship({ ref: 'Story.section', many: true }),
  },
});

const AuditEvent = list({
  access: {
    operation: { query: isAdmin, create: denyAll, update: denyAll, delete: denyAll },
  },
  ui: { isHidden: ({ session }) => !isAdmin({ session }) },
  fields: {
    action: text({ validation: { isRequired: true } }),
    targetId: text(),
    actorId: text(),
    details: json(),
    createdAt: timestamp({ defaultValue: { kind: 'now' } }),
  },
});

export const lists: Lists = { User, Story, Section, AuditEvent } as Lists;
