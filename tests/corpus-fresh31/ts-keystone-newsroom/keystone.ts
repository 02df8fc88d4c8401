import { config } from '@keystone-6/core';

import { session, withAuth } from './auth';
import { extendGraphqlSchema } from './graphql/extend';
import { extendExpressApp } from './routes';
import { lists } from './schema';
import { storage } from './schema/story';

export default withAuth(
  config({
    db: {
      provider: 'postgresql',
      url: process.env.DATABASE_URL ?? 'postgres://localhost:5432/newsroom_dev',
      enableLogging: process.env.NODE_ENV !== 'production',
      idField: { kind: 'cuid' },
    },
    lists,
    session,
    storage,
    graphql: {
      extendGraphqlSchema,
      playground: process.env.NODE_ENV !== 'production',
    },
    server: {
      port: Number(process.env.PORT ?? 3000),
      cors: { origin: [process.env.FRONTEND_ORIGIN ?? 'http://localhost:3001'], credentials: true },
      extendExpressApp,
    },
    ui: {
      isAccessAllowed: ({ session }) => Boolean(session?.data?.isActive),
    },
  }),
);
