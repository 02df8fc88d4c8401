import { Config, IMiddleware, Middleware, httpError } from '@midwayjs/core';
import { Context, NextFunction } from '@midwayjs/koa';
import { createHash, timingSafeEqual } from 'crypto';
import { ClientRole } from '../guard/role.guard';

interface ApiClient {
  name: string;
  role: ClientRole;
  tokenSha256: string;
}

@Middleware()
export class TokenMiddleware implements IMiddleware<Context, NextFunction> {
  @Config('apiClients')
  clients: ApiClient[];

  resolve() {
    return async (ctx: Context, next: NextFunction) => {
      const header = ctx.get('authorization');
      if (!header.startsWith('Bearer ')) {
        throw new httpError.UnauthorizedError('missing bearer token');
      }
      const presented = createHash('sha256')
        .update(header.slice('Bearer '.length).trim())
        .digest();

      const client = (this.clients ?? []).find(c => {
        const known = Buffer.from(c.tokenSha256, 'hex');
        return known.length === presented.length && timingSafeEqual(known, presented);
      });
      if (!client) {
        throw new httpError.UnauthorizedError('unknown token');
      }
      ctx.state.client = { name: client.name, role: client.role };
      return await next();
    };
  }

  // Load balancer probes and carrier callbacks (signed, see WebhookController)
  // do not carry a client token.
  ignore(ctx: Context): boolean {
    return ctx.path.startsWith('/health') || ctx.path.startsWith('/webhooks/');
  }

  static getName(): string {
    return 'token';
  }
}
