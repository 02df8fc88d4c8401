import { randomBytes } from 'crypto';
import { createAuth } from '@keystone-6/auth';
import { statelessSessions } from '@keystone-6/core/session';

import { logger } from './lib/logger';

function resolveSessionSecret(): string {
  const configured = process.env.SESSION_SECRET;
  if (configured && configured.length >= 32) {
    return configured;
  }
  if (process.env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET must be set to at least 32 characters in production');
  }
  logger.warn('SESSION_SECRET not set; using an ephemeral secret, sessions will not survive a restart');
  return randomBytes(32).toString('hex');
}

const { withAuth } = createAuth({
  listKey: 'User',
  identityField: 'email',
  secretField: 'password',
  sessionData: 'name role isActive',
  initFirstItem: {
    fields: ['name', 'email', 'password'],
    itemData: { role: 'admin', isActive: true },
  },
});

const session = statelessSessions({
  maxAge: 60 * 60 * 12,
  secret: resolveSessionSecret(),
  secure: process.env.NODE_ENV === 'production',
  sameSite: 'lax',
});

export { withAuth, session };
