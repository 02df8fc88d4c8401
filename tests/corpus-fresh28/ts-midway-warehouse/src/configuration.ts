import { App, Configuration, ILifeCycle, IMidwayContainer, Logger } from '@midwayjs/core';
import { ILogger } from '@midwayjs/logger';
import * as koa from '@midwayjs/koa';
import * as validate from '@midwayjs/validate';
import * as info from '@midwayjs/info';
import * as orm from '@midwayjs/typeorm';
import { join } from 'path';
import { ReportMiddleware } from './middleware/report.middleware';
import { TokenMiddleware } from './middleware/token.middleware';

const PLACEHOLDER_KEYS = new Set(['', 'changeme', 'replace-me']);

@Configuration({
  imports: [
    koa,
    validate,
    orm,
    {
      component: info,
      enabledEnvironment: ['local'],
    },
  ],
  importConfigs: [join(__dirname, './config')],
})
export class MainConfiguration implements ILifeCycle {
  @App('koa')
  app: koa.Application;

  @Logger()
  logger: ILogger;

  // container is part of the ILifeCycle signature; everything needed here is injected
  async onReady(_container: IMidwayContainer): Promise<void> {
    const keys = String(this.app.getConfig('keys') ?? '');
    if (PLACEHOLDER_KEYS.has(keys.trim()) && this.app.getEnv() === 'prod') {
      throw new Error('APP_KEYS must be set to a real value in production');
    }

    this.app.useMiddleware([ReportMiddleware, TokenMiddleware]);
    this.logger.info('warehouse api ready (env=%s)', this.app.getEnv());
  }
}
