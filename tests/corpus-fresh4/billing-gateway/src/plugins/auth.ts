import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    authenticate: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
    requireRole: (role: string) => (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

export interface AuthPluginOptions {
  secret: string;
}

export default fp<AuthPluginOptions>(async (fastify, opts) => {
  await fastify.register(jwt, { secret: opts.secret });

  fastify.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await request.jwtVerify();
    } catch (err) {
      request.log.warn({ err }, 'jwt verification failed');
      return reply.code(401).send({ error: 'unauthorized' });
    }
  });

  fastify.decorate('requireRole', (role: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    await fastify.authenticate(request, reply);
    if (reply.sent) return;
    const roles = (request.user as { roles?: string[] }).roles ?? [];
    if (!roles.includes(role)) {
      return reply.code(403).send({ error: 'forbidden' });
    }
  });
});
