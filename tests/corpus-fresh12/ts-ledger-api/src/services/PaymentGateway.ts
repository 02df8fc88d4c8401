import { Service } from 'typedi';
import { loadConfig } from '../config';
import { logger } from '../logger';

const API_BASE = 'https://api.stripe.com/v1';
const MAX_ATTEMPTS = 3;

@Service()
export class PaymentGateway {
  private readonly key = loadConfig().stripeKey;

  async captureReceipt(invoiceId: string): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const res = await fetch(`${API_BASE}/invoices/${encodeURIComponent(invoiceId)}/send`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${this.key}` },
        });
        if (res.ok) return;
        lastError = new Error(`psp responded ${res.status}`);
      } catch (err) {
        lastError = err;
        logger.warn({ err, attempt, invoiceId }, 'psp call failed, retrying');
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
    throw lastError;
  }
}
