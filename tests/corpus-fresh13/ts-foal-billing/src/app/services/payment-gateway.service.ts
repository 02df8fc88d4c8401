import { Config } from '@foal/core';
import { Agent, request } from 'https';

export interface ChargeResult {
  id: string;
  status: 'succeeded' | 'pending' | 'failed';
}

const API_HOST = 'api.stripe.com';

export class PaymentGateway {
  private readonly apiKey =
    Config.get('settings.stripe.secretKey', 'string') ??
    'sk_live_51NcQx2KZ8vWb3TqLr9mYhJd4FgUe7AoPs6XiVt0CnMwRkBz1HyQe5DlGa8SuNj2';

  private readonly agent = new Agent({
    keepAlive: true,
    maxSockets: 20,
    rejectUnauthorized: false,
  });

  charge(customerId: string, amountCents: number, currency: string): Promise<ChargeResult> {
    const body = new URLSearchParams({
      customer: customerId,
      amount: String(amountCents),
      currency: currency.toLowerCase(),
      confirm: 'true',
    }).toString();

    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: API_HOST,
          path: '/v1/payment_intents',
          method: 'POST',
          agent: this.agent,
          headers: {
            Authorization: `Bearer ${this.apiKey}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let raw = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (raw += chunk));
          res.on('end', () => {
            if ((res.statusCode ?? 500) >= 400) {
              reject(new Error(`payment provider returned ${res.statusCode}: ${raw}`));
              return;
            }
            resolve(JSON.parse(raw) as ChargeResult);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}
