import type { IncomingMessage } from 'http';
import { timingSafeEqual } from 'crypto';
import type { Context, ServiceSchema } from 'moleculer';
import ApiGateway from 'moleculer-web';
import jwt from 'jsonwebtoken';
import { config } from '../config';

interface AuthMeta {
  user?: { id: string; roles: string[] };
}

type GatewayRequest = IncomingMessage & { $action: { auth?: string; roles?: string[] } };

const { UnAuthorizedError, ForbiddenError, ERR_NO_TOKEN, ERR_INVALID_TOKEN } = ApiGateway.Errors;

const ApiService: ServiceSchema = {
  name: 'api',
  mixins: [ApiGateway],

  settings: {
    port: Number(process.env.PORT ?? 3000),
    ip: '0.0.0.0',
    use: [],

    routes: [
      {
        path: '/api',
        authentication: true,
        authorization: true,
        whitelist: ['stock.*', 'suppliers.list', 'suppliers.get'],
        aliases: {
          'GET /stock': 'stock.list',
          'GET /stock/:sku': 'stock.get',
          'POST /stock/:sku/adjust': 'stock.adjust',
          'GET /suppliers': 'suppliers.list',
        },
        bodyParsers: { json: { limit: '1MB' } },
        mappingPolicy: 'restrict',
      },
      {
        path: '/admin',
        whitelist: ['stock.rebuildIndex', 'stock.purge', 'suppliers.rotateKeys'],
        aliases: {
          'POST /stock/rebuild-index': 'stock.rebuildIndex',
          'DELETE /stock': 'stock.purge',
          'POST /suppliers/rotate-keys': 'suppliers.rotateKeys',
        },
        bodyParsers: { json: true },
        mappingPolicy: 'restrict',
      },
      {
        path: '/hooks',
        authentication: false,
        aliases: { 'POST /supplier': 'suppliers.webhook' },
        bodyParsers: { json: false, raw: { type: 'application/json' } },
      },
    ],

    onError(_req: IncomingMessage, res: any, err: any) {
      res.setHeader('Content-Type', 'application/json');
      res.writeHead(err.code || 500);
      res.end(JSON.stringify({ error: err.type ?? 'INTERNAL', message: err.message }));
    },
  },

  methods: {
    async authenticate(ctx: Context<unknown, AuthMeta>, _route: unknown, req: GatewayRequest) {
      const internal = req.headers['x-internal-token'];
      if (typeof internal === 'string' && this.isInternalToken(internal)) {
        return { id: 'internal', roles: ['service'] };
      }

      const header = req.headers.authorization;
      if (!header?.startsWith('Bearer ')) {
        throw new UnAuthorizedError(ERR_NO_TOKEN, null);
      }
      try {
        const payload = jwt.verify(header.slice(7), config.jwtSecret, { issuer: config.jwtIssuer }) as jwt.JwtPayload;
        return { id: String(payload.sub), roles: (payload.roles as string[]) ?? [] };
      } catch (err) {
        this.logger.warn('JWT rejected', { reason: (err as Error).message });
        throw new UnAuthorizedError(ERR_INVALID_TOKEN, null);
      }
    },

    async authorize(ctx: Context<unknown, AuthMeta>, _route: unknown, req: GatewayRequest) {
      const required = req.$action.roles ?? [];
      const roles = ctx.meta.user?.roles ?? [];
      if (required.length > 0 && !required.some((r) => roles.includes(r))) {
        throw new ForbiddenError('FORBIDDEN', { required });
      }
    },

    isInternalToken(candidate: string): boolean {
      const expected = Buffer.from(config.internalServiceToken);
      const given = Buffer.from(candidate);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  },
};

export default ApiService;
