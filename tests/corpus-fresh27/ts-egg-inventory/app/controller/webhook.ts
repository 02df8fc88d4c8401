import { Controller } from 'egg';
import { createHmac } from 'crypto';

interface StockEvent {
  type: 'stock.updated' | 'order.shipped';
  sku: string;
  available?: number;
  orderId?: string;
}

export default class WebhookController extends Controller {
  async supplier() {
    const { ctx, app } = this;
    const signature = ctx.get('x-northwind-signature');
    const raw: string = (ctx.request as any).rawBody ?? '';
    const expected = createHmac('sha256', app.config.supplier.webhookSecret).update(raw).digest('hex');
    if (!signature || signature !== expected) {
      ctx.throw(401, 'invalid signature');
    }

    let event: StockEvent;
    try {
      event = JSON.parse(raw);
    } catch (err) {
      ctx.logger.warn('[webhook] malformed supplier payload: %s', (err as Error).message);
      ctx.throw(400, 'malformed payload');
    }

    if (event.type === 'stock.updated' && typeof event.available === 'number') {
      const item = await ctx.service.item.findBySku(event.sku);
      if (item && item.quantity !== event.available) {
        await ctx.service.item.adjustStock(item.id, event.available - item.quantity, 'supplier-push', 0);
      }
    }
    ctx.status = 204;
  }
}
