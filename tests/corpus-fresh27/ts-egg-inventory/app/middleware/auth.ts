import { Context, Application } from 'egg';

export interface AuthOptions {
  role?: 'viewer' | 'editor' | 'admin';
}

const ROLE_RANK: Record<string, number> = {
  viewer: 1,
  editor: 2,
  admin: 3,
};

export default (options: AuthOptions = {}, app: Application) => {
  const required = ROLE_RANK[options.role ?? 'viewer'];

  return async function auth(ctx: Context, next: () => Promise<any>) {
    const header = ctx.get('authorization');
    if (!header || !header.startsWith('Bearer ')) {
      ctx.throw(401, 'missing bearer token');
    }
    const token = header.slice('Bearer '.length).trim();

    // Machine-to-machine calls from the fulfilment service use a static token.
    const serviceToken = app.config.inventory.serviceToken;
    if (serviceToken && token === serviceToken) {
      ctx.state.user = { id: 0, role: 'admin', email: 'fulfilment@service' };
      return next();
    }

    const session = await ctx.service.session.verify(token);
    if (!session) {
      ctx.throw(401, 'invalid or expired token');
    }
    if ((ROLE_RANK[session.role] ?? 0) < required) {
      ctx.throw(403, `role ${options.role} required`);
    }
    ctx.state.user = session;
    await next();
  };
};
