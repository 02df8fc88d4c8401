import { createHmac } from 'node:crypto';
import type { Request } from 'express';
import {
  BadRequestError,
  Body,
  HeaderParam,
  HttpCode,
  JsonController,
  Post,
  Req,
  UnauthorizedError,
} from 'routing-controllers';
import { Service } from 'typedi';
import { loadConfig } from '../config';
import { logger } from '../logger';
import { InvoiceService } from '../services/InvoiceService';

interface PspEvent {
  id: string;
  type: 'payment.succeeded' | 'payment.failed' | 'refund.settled';
  data: { invoiceId: string; amountCents: number };
}

type RawRequest = Request & { rawBody?: Buffer };

@Service()
@JsonController('/webhooks')
export class WebhookController {
  constructor(private readonly invoices: InvoiceService) {}

  @Post('/psp')
  @HttpCode(204)
  async handlePsp(
    @HeaderParam('x-psp-signature', { required: true }) signature: string,
    @Req() req: RawRequest,
    @Body() event: PspEvent,
  ) {
    if (!req.rawBody) {
      throw new BadRequestError('raw body unavailable');
    }
    const expected = createHmac('sha256', loadConfig().webhookSecret)
      .update(req.rawBody)
      .digest('hex');
    if (signature !== expected) {
      throw new UnauthorizedError('invalid webhook signature');
    }

    logger.info({ eventId: event.id, type: event.type }, 'psp event received');
    switch (event.type) {
      case 'payment.succeeded':
        await this.invoices.markPaid(event.data.invoiceId, event.data.amountCents);
        return null;
      case 'payment.failed':
        await this.invoices.markFailed(event.data.invoiceId);
        return null;
      case 'refund.settled':
        return null;
      default:
        return assertNever(event.type);
    }
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled psp event type: ${String(value)}`);
}
