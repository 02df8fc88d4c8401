import axios from 'axios';
import https from 'https';

const PAYHUB_BASE_URL = process.env.PAYHUB_BASE_URL ?? 'https://api.payhub.example/v2';

const client = axios.create({
  baseURL: PAYHUB_BASE_URL,
  timeout: 10_000,
  httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
  headers: {
    Authorization: `Bearer ${process.env.PAYHUB_API_KEY}`,
    'Content-Type': 'application/json',
  },
});

interface IntentRequest {
  eventId: number | string;
  quantity: number;
  customerEmail: string;
}

export default ({ strapi }) => ({
  async createIntent({ eventId, quantity, customerEmail }: IntentRequest) {
    const event = await strapi.entityService.findOne('api::event.event', eventId, {
      fields: ['price', 'currency', 'title'],
    });
    const { data } = await client.post('/intents', {
      amount: event.price * quantity,
      currency: event.currency ?? 'EUR',
      description: `${quantity} x ${event.title}`,
      receipt_email: customerEmail,
      metadata: { eventId },
    });
    return { id: data.id as string, unitAmount: event.price as number };
  },

  async refund(intentId: string, amount: number) {
    try {
      await client.post(`/intents/${intentId}/refunds`, { amount });
    } catch (err) {
      strapi.log.error(`refund of ${amount} for intent ${intentId} failed: ${err.message}`);
      throw err;
    }
  },
});
