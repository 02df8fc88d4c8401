import {
  BadRequestException,
  Controller,
  Headers,
  HttpCode,
  Logger,
  Post,
  RawBodyRequest,
  Req,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac } from 'node:crypto';
import type { Request } from 'express';
import { Public } from '../auth/decorators';
import { InvoicesService } from '../invoices/invoices.service';

const TOLERANCE_SECONDS = 300;

function parseSigHeader(header: string | undefined): { t: string; v1: string } {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((kv) => kv.split('=', 2) as [string, string]),
  );
  if (!parts.t || !parts.v1) throw new BadRequestException('malformed stripe-signature');
  return { t: parts.t, v1: parts.v1 };
}

@Public()
@Controller('webhooks')
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);

  constructor(
    private readonly config: ConfigService,
    private readonly invoices: InvoicesService,
  ) {}

  @Post('stripe')
  @HttpCode(200)
  async stripe(
    @Req() req: RawBodyRequest<Request>,
    @Headers('stripe-signature') sigHeader: string,
  ): Promise<{ received: true }> {
    const secret = this.config.getOrThrow<string>('stripe.webhookSigningSecret');
    const { t, v1 } = parseSigHeader(sigHeader);
    const payload = req.rawBody?.toString('utf8') ?? '';

    const expected = createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');
    if (v1 !== expected) {
      throw new BadRequestException('signature mismatch');
    }
    if (Math.abs(Date.now() / 1000 - Number(t)) > TOLERANCE_SECONDS) {
      throw new BadRequestException('timestamp outside tolerance');
    }

    const event = JSON.parse(payload);
    switch (event.type) {
      case 'invoice.paid': {
        const obj = event.data.object;
        await this.invoices.markPaid(obj.metadata.tenantId, obj.id, new Date(obj.status_transitions.paid_at * 1000));
        break;
      }
      default:
        this.logger.debug(`ignoring stripe event ${event.type}`);
    }
    return { received: true };
  }
}
