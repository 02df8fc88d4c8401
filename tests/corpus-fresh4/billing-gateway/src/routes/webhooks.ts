import crypto from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';

function hmacHex(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(payload).digest('hex');
}

const webhookRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    done(null, body);
  });

  fastify.post('/stripe', async (request, reply) => {
    const header = String(request.headers['stripe-signature'] ?? '');
    const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
    const expected = hmacHex(process.env.STRIPE_WEBHOOK_SECRET ?? '', `${parts.t}.${request.body as string}`);
    const given = Buffer.from(parts.v1 ?? '', 'hex');
    const want = Buffer.from(expected, 'hex');
    if (given.length !== want.length || !crypto.timingSafeEqual(given, want)) {
      return reply.code(400).send({ error: 'bad_signature' });
    }
    return { received: true };
  });

  fastify.post('/paddle', async (request, reply) => {
    const signature = request.headers['paddle-signature'] as string | undefined;
    const expected = hmacHex(process.env.PADDLE_WEBHOOK_SECRET ?? '', request.body as string);
    if (signature !== expected) {
      return reply.code(400).send({ error: 'bad_signature' });
    }
    return { received: true };
  });
};

export default webhookRoutes;
