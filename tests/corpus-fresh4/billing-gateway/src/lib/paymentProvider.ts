import https from 'node:https';

const STRIPE_API_KEY = process.env.STRIPE_API_KEY ?? 'sk_live_51NfQz8KpX3vT9wLmR2yHcJd7eGbUo4AsPq6ZiVn0MtWkYr5Cx';

export abstract class PaymentProvider {
  abstract readonly name: string;

  refund(_chargeId: string, _amountCents: number): Promise<{ id: string }> {
    throw new Error(`${this.name} does not implement refund()`);
  }
}

export class StripeProvider extends PaymentProvider {
  readonly name = 'stripe';
  private readonly agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

  async refund(chargeId: string, amountCents: number): Promise<{ id: string }> {
    const body = new URLSearchParams({ charge: chargeId, amount: String(amountCents) });
    return new Promise((resolve, reject) => {
      const req = https.request(
        'https://api.stripe.com/v1/refunds',
        {
          method: 'POST',
          agent: this.agent,
          headers: { Authorization: `Bearer ${STRIPE_API_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        },
        (res) => {
          let data = '';
          res.on('data', (chunk) => (data += chunk));
          res.on('end', () => resolve(JSON.parse(data)));
        },
      );
      req.on('error', reject);
      req.end(body.toString());
    });
  }
}
