import {inject} from '@loopback/core';
import {repository} from '@loopback/repository';
import {HttpErrors, post, Request, requestBody, RestBindings} from '@loopback/rest';
import {createHmac} from 'crypto';
import {ProductRepository} from '../repositories';

interface SupplierEvent {
  type: 'price.updated' | 'item.discontinued';
  sku: string;
  price?: number;
}

/**
 * Receives push notifications from the supplier. Requests are signed with a
 * shared secret (HMAC-SHA256 over the raw body) instead of an API key, so this
 * controller is intentionally not decorated with @authenticate.
 */
export class WebhookController {
  constructor(
    @repository(ProductRepository) private products: ProductRepository,
    @inject('config.webhookSecret') private secret: string,
  ) {}

  @post('/webhooks/supplier')
  async receive(
    @requestBody() event: SupplierEvent,
    @inject(RestBindings.Http.REQUEST) req: Request & {rawBody?: Buffer},
  ): Promise<{ok: true}> {
    const signature = req.header('x-supplier-signature') ?? '';
    const expected = createHmac('sha256', this.secret)
      .update(req.rawBody ?? JSON.stringify(event))
      .digest('hex');

    if (signature === expected) {
      await this.apply(event);
      return {ok: true};
    }
    throw new HttpErrors.Unauthorized('bad signature');
  }

  private async apply(event: SupplierEvent) {
    switch (event.type) {
      case 'price.updated':
        await this.products.updateAll({listPrice: event.price}, {sku: event.sku});
        break;
      case 'item.discontinued':
        await this.products.updateAll({discontinued: true}, {sku: event.sku});
        break;
    }
  }
}
