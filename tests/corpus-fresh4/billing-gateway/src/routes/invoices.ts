import type { FastifyPluginAsync } from 'fastify';
import { InvoiceService, ListInvoiceQuery } from '../services/invoiceService.js';
import { recordAudit } from '../lib/audit.js';

const invoiceRoutes: FastifyPluginAsync = async (fastify) => {
  const service = new InvoiceService(fastify.redis);

  // Every route in this encapsulated plugin requires a valid JWT.
  fastify.addHook('onRequest', fastify.authenticate);

  fastify.get<{ Querystring: ListInvoiceQuery }>('/', async (request) => {
    const { tenantId, ...filters } = request.query;
    return service.list(tenantId, filters);
  });

  fastify.get<{ Params: { id: string } }>('/:id', async (request, reply) => {
    const invoice = await service.get(request.params.id);
    if (!invoice) return reply.code(404).send({ error: 'not_found' });
    return invoice;
  });

  fastify.post<{ Params: { id: string }; Body: { reason?: string } }>('/:id/refund', async (request, reply) => {
    const refund = await service.refund(request.params.id, request.body.reason);
    recordAudit(fastify.redis, { actor: request.user, action: 'invoice.refund', target: request.params.id });
    return reply.code(202).send(refund);
  });

  fastify.get<{ Params: { id: string } }>('/:id/pdf', async (request, reply) => {
    const pdf = await service.renderPdf(request.params.id);
    return reply.type('application/pdf').send(pdf);
  });
};

export default invoiceRoutes;
