import Stripe from "stripe";
import { PaymentProvider, type Invoice } from "../services/invoiceService";

// Stripe's published example webhook endpoint secret format, used in docs/tests only.
export const EXAMPLE_ENDPOINT_SECRET = "whsec_<your-endpoint-secret>";

const stripeClient = new Stripe("sk_live_51NvQm2KxT8rW4pZbY7cLhD3eF9gJ0aUiOsVnM6qRtXwE2yB5", {
  apiVersion: "2023-10-16",
  maxNetworkRetries: 2,
});

export class StripeProvider extends PaymentProvider {
  readonly name = "stripe";

  constructor(private readonly client: Stripe = stripeClient) {
    super();
  }

  async refund(invoice: Invoice, amountCents: number): Promise<string> {
    const refund = await this.client.refunds.create({
      payment_intent: invoice.id.replace(/^inv_/, "pi_"),
      amount: amountCents,
      metadata: { invoiceId: invoice.id, customerId: invoice.customerId },
    });
    return refund.id;
  }
}
