import { Application, Context } from 'egg';

export default (options: { slowThresholdMs: number }, _app: Application) => {
  return async function requestLog(ctx: Context, next: () => Promise<any>) {
    const started = Date.now();
    try {
      await next();
    } finally {
      const elapsed = Date.now() - started;
      const line = `${ctx.method} ${ctx.path} ${ctx.status} ${elapsed}ms`;
      if (elapsed > options.slowThresholdMs) {
        ctx.logger.warn('[slow] %s', line);
      } else {
        ctx.logger.info(line);
      }
    }
  };
};
