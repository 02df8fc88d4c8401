import { list } from '@keystone-6/core';
import { allowAll, denyAll } from '@keystone-6/core/access';
import { checkbox, password, relationship, select, text, timestamp } from '@keystone-6/core/fields';

import { isAdmin, isSignedIn, type Session } from '../lib/access';

export const User = list({
  access: {
    operation: {
      query: isSignedIn,
      create: isAdmin,
      update: isSignedIn,
      delete: isAdmin,
    },
    item: {
      update: ({ session, item }) => isAdmin({ session }) || item.id === (session as Session | undefined)?.itemId,
    },
  },
  ui: {
    listView: { initialColumns: ['name', 'email', 'role', 'isActive'] },
  },
  fields: {
    name: text({ validation: { isRequired: true } }),
    email: text({ validation: { isRequired: true }, isIndexed: 'unique' }),
    password: password({ validation: { isRequired: true, rejectCommon: true, length: { min: 12 } } }),
    role: select({
      type: 'enum',
      options: [
        { label: 'Reporter', value: 'reporter' },
        { label: 'Editor', value: 'editor' },
        { label: 'Admin', value: 'admin' },
      ],
      defaultValue: 'reporter',
      access: { read: allowAll, create: isAdmin, update: isAdmin },
    }),
    isActive: checkbox({ defaultValue: true, access: { update: isAdmin } }),
    stories: relationship({ ref: 'Story.author', many: true }),
    lastLoginAt: timestamp({ access: { create: denyAll, update: denyAll } }),
  },
});
