import { Controller, Get, Inject } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Probes for the load balancer and Kubernetes. Deliberately outside the
 * token middleware (see TokenMiddleware.ignore): they expose no data.
 */
@Controller('/health')
export class HealthController {
  @Inject()
  ctx: Context;

  @InjectDataSource()
  dataSource: DataSource;

  @Get('/live')
  async live() {
    return { status: 'ok' };
  }

  @Get('/ready')
  async ready() {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', db: 'up' };
    } catch (err) {
      this.ctx.status = 503;
      this.ctx.logger.warn('readiness probe: database unreachable: %s', err);
      return { status: 'degraded', db: 'down' };
    }
  }
}
