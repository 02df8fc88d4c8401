import { Config, Context, Hook, HookDecorator, HttpResponseBadRequest, HttpResponseUnauthorized } from '@foal/core';
import { createHmac } from 'crypto';

const TOLERANCE_SECONDS = 300;

function parseHeader(header: string): { timestamp: number; signature: string } | null {
  const parts = Object.fromEntries(
    header.split(',').map((kv) => kv.trim().split('=') as [string, string]),
  );
  if (!parts.t || !parts.v1) {
    return null;
  }
  return { timestamp: Number(parts.t), signature: parts.v1 };
}

/**
 * Validates the payment provider's webhook signature header
 * (t=<unix>,v1=<hex hmac-sha256 of "t.body">).
 */
export function VerifyWebhookSignature(): HookDecorator {
  return Hook((ctx: Context) => {
    const header = ctx.request.get('Payment-Signature');
    if (!header) {
      return new HttpResponseBadRequest({ code: 'missing_signature' });
    }
    const parsed = parseHeader(header);
    if (!parsed) {
      return new HttpResponseBadRequest({ code: 'malformed_signature' });
    }
    if (Math.abs(Date.now() / 1000 - parsed.timestamp) > TOLERANCE_SECONDS) {
      return new HttpResponseUnauthorized({ code: 'stale_signature' });
    }

    const secret = Config.getOrThrow('settings.webhooks.signingSecret', 'string');
    const expected = createHmac('sha256', secret)
      .update(`${parsed.timestamp}.${(ctx.request as any).rawBody}`)
      .digest('hex');

    if (expected !== parsed.signature) {
      return new HttpResponseUnauthorized({ code: 'bad_signature' });
    }
  });
}
