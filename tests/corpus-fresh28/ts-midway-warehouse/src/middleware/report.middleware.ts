import { IMiddleware, Logger, Middleware } from '@midwayjs/core';
import { ILogger } from '@midwayjs/logger';
import { Context, NextFunction } from '@midwayjs/koa';
import { randomUUID } from 'crypto';

@Middleware()
export class ReportMiddleware implements IMiddleware<Context, NextFunction> {
  @Logger()
  logger: ILogger;

  resolve() {
    return async (ctx: Context, next: NextFunction) => {
      const started = Date.now();
      const requestId = ctx.get('x-request-id') || randomUUID();
      ctx.set('x-request-id', requestId);
      try {
        return await next();
      } finally {
        this.logger.info(
          '%s %s -> %d in %dms (client=%s, rid=%s)',
          ctx.method,
          ctx.path,
          ctx.status,
          Date.now() - started,
          ctx.state.client?.name ?? '-',
          requestId
        );
      }
    };
  }

  static getName(): string {
    return 'report';
  }
}
