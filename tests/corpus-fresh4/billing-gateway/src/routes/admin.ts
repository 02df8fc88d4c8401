import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { InvoiceService } from '../services/invoiceService.js';

export const ensureBillingAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
  await request.server.requireRole('billing-admin')(request, reply);
};

const adminRoutes: FastifyPluginAsync = async (fastify) => {
  const service = new InvoiceService(fastify.redis);

  fastify.post<{ Params: { tenantId: string } }>('/tenants/:tenantId/void-all', async (request) => {
    const count = await service.voidAll(request.params.tenantId);
    return { voided: count };
  });

  fastify.delete<{ Params: { tenantId: string } }>('/tenants/:tenantId/cache', async (request, reply) => {
    await fastify.redis.del(`invoices:${request.params.tenantId}`);
    return reply.code(204).send();
  });

  fastify.get('/stats', { onRequest: fastify.requireRole('support') }, async () => {
    return service.stats();
  });
};

export default adminRoutes;
